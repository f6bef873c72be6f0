/**
 * The order of the dates' day and month, read per column from a whole file (a first pass read day
 * first is done again when a value can only be month first), and the headers and yes/no column
 * of common English receivables exports.
 */
import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk, tempDirOfTestFile } from '../../test/support/import-test-files.ts';
import { parseImportFile } from './parse-file.ts';

const dir = tempDirOfTestFile();

/** An American export: month first, comma-separated, camel-case headers. */
const EXPORT_HEADER =
  'countryCode,customerID,invoiceNumber,InvoiceDate,DueDate,InvoiceAmount,Disputed,DaysLate';

describe('parseImportFile: date order', () => {
  it('reads a month-first file month first, even when the telling date comes last', async () => {
    const file = await dir.write(
      'us.csv',
      [
        EXPORT_HEADER,
        '391,0379-NEVHP,611365,1/2/2013,2/1/2013,55.94,No,0',
        '391,0379-NEVHP,7900770,3/4/2013,4/3/2013,61.74,Yes,3',
        '406,8976-AMJEO,9231909,7/12/2013,8/11/2013,65.88,No,0',
        '406,8976-AMJEO,9231910,7/26/2013,8/25/2013,1001.5,No,0',
      ].join('\n'),
    );
    const result = expectOk(await parseImportFile(file, 'invoices'));
    expect(
      result.records.map((r) => [r.externalRef, r.customerCode, r.issueDate, r.dueDate, r.amountMinor]),
    ).toEqual([
      ['611365', '0379-NEVHP', '2013-01-02', '2013-02-01', 5594],
      ['7900770', '0379-NEVHP', '2013-03-04', '2013-04-03', 6174],
      ['9231909', '8976-AMJEO', '2013-07-12', '2013-08-11', 6588],
      ['9231910', '8976-AMJEO', '2013-07-26', '2013-08-25', 100150],
    ]);
    expect(result.records.map((r) => r.disputedOn ?? null)).toEqual([null, '2013-03-04', null, null]);
    expect(result.notices).toEqual([
      { code: 'column_ignored', params: { column: 'countryCode' } },
      { code: 'column_ignored', params: { column: 'DaysLate' } },
      { code: 'date_order_month_first', params: { column: 'InvoiceDate', line: 5, value: '7/26/2013' } },
      { code: 'date_order_month_first', params: { column: 'DueDate', line: 5, value: '8/25/2013' } },
    ]);
    expect(result.unmappedColumns).toEqual(['countryCode', 'DaysLate']);
  });

  it('reads an XLSX sheet twice the same way: text dates month first, real dates as they are', async () => {
    const file = await dir.writeXlsx('us.xlsx', [
      ['Invoice number', 'Customer ID', 'Invoice date', 'Due date', 'Invoice amount'],
      ['A1', 'C1', '3/4/2013', new Date(Date.UTC(2013, 3, 3)), 10],
      ['A2', 'C1', '3/25/2013', new Date(Date.UTC(2013, 3, 24)), 20.5],
    ]);
    const result = expectOk(await parseImportFile(file, 'invoices'));
    expect(result.records.map((r) => [r.issueDate, r.dueDate, r.amountMinor])).toEqual([
      ['2013-03-04', '2013-04-03', 1000],
      ['2013-03-25', '2013-04-24', 2050],
    ]);
  });

  it('keeps day first when every date reads both ways, and says so', async () => {
    const file = await dir.write(
      'ambigu.csv',
      'N° règlement;Code client;Date règlement;Montant\nR1;C1;03/04/2024;10\nR2;C1;05/06/2024;10\nR3;C1;2024-07-08;10\n',
    );
    const result = expectOk(await parseImportFile(file, 'payments'));
    expect(result.records.map((r) => r.issueDate)).toEqual(['2024-04-03', '2024-06-05', '2024-07-08']);
    expect(result.notices).toEqual([
      { code: 'date_order_assumed', params: { column: 'Date règlement', count: 2, value: '03/04/2024' } },
    ]);
  });

  it('reads a day-first file as before, without a notice', async () => {
    const file = await dir.write(
      'fr.csv',
      'Facture;Client;Date;Montant\nF1;C1;03/04/2024;10\nF2;C1;25/04/2024;10\n',
    );
    const result = expectOk(await parseImportFile(file, 'invoices'));
    expect(result.records.map((r) => r.issueDate)).toEqual(['2024-04-03', '2024-04-25']);
    expect(result.notices).toEqual([]);
  });

  it('refuses a column mixing both orders once, with the lines that show it', async () => {
    const file = await dir.write(
      'mixed.csv',
      'Facture;Client;Date;Montant\nF1;C1;25/04/2024;10\nF2;C1;04/26/2024;10\nF3;C1;27/04/2024;10\nF4;C1;31/31/2024;10\n',
    );
    const errors = expectErrors(await parseImportFile(file, 'invoices'));
    expect(errors.map((error) => [error.line, error.column, error.code, error.value])).toEqual([
      [3, 'Date', 'mixed_date_orders', '04/26/2024'],
      [5, 'Date', 'invalid_date', '31/31/2024'],
    ]);
    expect(errors[0]?.params).toMatchObject({
      dayFirstLine: 2,
      monthFirstLine: 3,
      monthFirstValue: '04/26/2024',
    });
  });

  it('reports a date that is no date in either order as invalid, not as month first', async () => {
    const file = await dir.write(
      'typo.csv',
      'Facture;Client;Date;Montant\nF1;C1;25/01/2024;10\nF2;C1;26/01/2024;10\nF3;C1;02/30/2024;10\n',
    );
    const errors = expectErrors(await parseImportFile(file, 'invoices'));
    expect(errors.map((error) => [error.line, error.code, error.value])).toEqual([
      [4, 'invalid_date', '02/30/2024'],
    ]);
  });

  it('follows --date-order whatever the values say', async () => {
    const file = await dir.write(
      'explicit.csv',
      'Facture;Client;Date;Montant\nF1;C1;03/04/2024;10\nF2;C1;25/04/2024;10\n',
    );
    const errors = expectErrors(await parseImportFile(file, 'invoices', { dateOrder: 'mdy' }));
    expect(errors.map((error) => [error.line, error.code, error.params])).toEqual([
      [3, 'invalid_date_in_order', { format: 'MM/DD/YYYY' }],
    ]);
    const monthFirst = await dir.write(
      'explicit-ok.csv',
      'Facture;Client;Date;Montant\nF1;C1;03/04/2024;10\n',
    );
    const result = expectOk(await parseImportFile(monthFirst, 'invoices', { dateOrder: 'mdy' }));
    expect(result.records[0]?.issueDate).toBe('2024-03-04');
    expect(result.notices).toEqual([]);
  });
});

describe('parseImportFile: export headers and disputes', () => {
  it('recognises payments exports (SettledDate, PaidDate, customer_id) without --map', async () => {
    for (const [dateHeader, customerHeader] of [
      ['SettledDate', 'customer_id'],
      ['PaidDate', 'CustomerId'],
      ['PaymentDate', 'CUSTOMER_ID'],
    ]) {
      const file = await dir.write(
        'pay.csv',
        `Payment ID,${customerHeader},${dateHeader},Amount paid\nP1,C1,2024-03-04,10\n`,
      );
      const result = expectOk(await parseImportFile(file, 'payments'));
      expect(result.fields, dateHeader).toEqual(['externalRef', 'customerCode', 'paymentDate', 'amount']);
    }
  });

  it('reads a yes/no disputed column in both languages, with a dispute date when given', async () => {
    const file = await dir.write(
      'litiges.csv',
      [
        'N° facture;Code client;Date facture;Montant TTC;Litige;Date du litige',
        'F1;C1;05/01/2024;10;oui;',
        'F2;C1;05/01/2024;10;N;',
        'F3;C1;05/01/2024;10;1;20/01/2024',
        'F4;C1;05/01/2024;10;;',
        'F5;C1;05/01/2024;10;;21/01/2024',
        'F6;C1;05/01/2024;10;non;22/01/2024',
      ].join('\n'),
    );
    const result = expectOk(await parseImportFile(file, 'invoices'));
    expect(result.records.map((r) => r.disputedOn ?? null)).toEqual([
      '2024-01-05',
      null,
      '2024-01-20',
      null,
      '2024-01-21',
      null,
    ]);
  });

  it('leaves a "Litige" column of comments unmapped, as before it was recognised', async () => {
    const file = await dir.write(
      'litige-texte.csv',
      'N° facture,Code client,Date facture,Montant TTC,Litige\nF1,C1,01/02/2024,100,oui\nF2,C1,01/02/2024,100,Prix contesté\n',
    );
    const result = expectOk(await parseImportFile(file, 'invoices'));
    expect(result.records.map((r) => [r.externalRef, r.disputedOn ?? null])).toEqual([
      ['F1', null],
      ['F2', null],
    ]);
    expect(result.unmappedColumns).toEqual(['Litige']);
    expect(result.fields).toEqual(['externalRef', 'customerCode', 'issueDate', 'amount']);
  });

  it('refuses a disputed value it cannot read in a mapped column, and a dispute before its invoice', async () => {
    const file = await dir.write(
      'litiges-ko.csv',
      'Invoice number;Customer ID;Invoice date;Invoice amount;Disputed;Dispute date\nF1;C1;05/01/2024;10;maybe;\nF2;C1;05/01/2024;10;Yes;04/01/2024\n',
    );
    const mapping = { Disputed: 'disputed' };
    const errors = expectErrors(await parseImportFile(file, 'invoices', { mapping }));
    expect(errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [2, 'Disputed', 'unknown_enum_value'],
      [3, 'Dispute date', 'dispute_before_issue'],
    ]);
  });
});
