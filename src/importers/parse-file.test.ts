import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseImportFile } from './parse-file.ts';
import { expectErrors, expectOk, makeTempDir, summarise, type TempDir } from './test-files.ts';

let dir: TempDir;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await dir.remove();
});

describe('parseImportFile: invoices', () => {
  it('reads a French Excel CSV: Windows-1252, semicolons, decimal commas, DD/MM/YYYY', async () => {
    const file = await dir.writeCp1252(
      'factures.csv',
      [
        "N° facture;Code client;Date facture;Date d'échéance;Montant TTC;Libellé;Montant HT",
        'F-001;C1;05/01/2024;04/02/2024;1 234,56;Réparation;1 028,80',
        'F-002;C1;06/01/2024;;1.234;"Pièces; détachées";1 028',
        'F-003;C2;7/1/24;31/03/2024;12,5 €;;10',
        '',
      ].join('\r\n'),
    );
    const result = expectOk(await parseImportFile(file, 'invoices'));
    expect(result).toMatchObject({
      entity: 'invoices',
      fileName: 'factures.csv',
      format: 'csv',
      encoding: 'windows-1252',
      separator: ';',
      decimalSeparator: ',',
      rowCount: 3,
      unmappedColumns: ['Montant HT'],
    });
    expect(result.records).toEqual([
      {
        line: 2,
        kind: 'invoice',
        source: 'import',
        externalRef: 'F-001',
        customerCode: 'C1',
        issueDate: '2024-01-05',
        dueDate: '2024-02-04',
        valueDate: null,
        amountMinor: 123_456,
        currency: 'EUR',
        label: 'Réparation',
        originalInvoiceRef: null,
      },
      expect.objectContaining({ line: 3, dueDate: null, amountMinor: 123_400, label: 'Pièces; détachées' }),
      expect.objectContaining({ line: 4, issueDate: '2024-01-07', amountMinor: 1250, label: null }),
    ]);
  });

  it('reads UTF-8 with BOM, commas and ISO dates, in English', async () => {
    const file = await dir.write(
      'invoices.csv',
      '\ufeffInvoice No,Customer code,Invoice date,Due date,Amount,Currency,Source\n' +
        'INV-1,C9,2024-03-01,2024-03-31T00:00:00,"1,234.50",usd,erp\n' +
        'INV-2,C9,2024-03-02,,99,USD,erp\n',
    );
    const result = expectOk(await parseImportFile(file, 'invoices'));
    expect(result).toMatchObject({ encoding: 'utf-8', separator: ',', decimalSeparator: '.' });
    expect(
      result.records.map((record) => [
        record.externalRef,
        record.amountMinor,
        record.currency,
        record.source,
      ]),
    ).toEqual([
      ['INV-1', 123_450, 'USD', 'erp'],
      ['INV-2', 9900, 'USD', 'erp'],
    ]);
    expect(result.records[0]?.dueDate).toBe('2024-03-31');
  });

  it('reads XLSX with real dates and numbers', async () => {
    const file = await dir.writeXlsx(
      'factures.xlsx',
      [
        ['N° facture', 'Client', 'Date de facture', 'Échéance', 'Montant TTC'],
        ['F-10', 'C1', new Date(Date.UTC(2024, 4, 2)), new Date(Date.UTC(2024, 5, 1)), 1500.4],
        ['F-11', 'C1', '03/05/2024', null, 1.234],
      ],
      { numFmtByColumn: { 3: 'dd/mm/yyyy', 4: 'dd/mm/yyyy' } },
    );
    const result = await parseImportFile(file, 'invoices');
    // 1.234 is a real number in a cell: three decimals are too many for euros.
    expect(summarise(expectErrors(result))).toEqual([
      '3 Montant TTC: not a valid amount in EUR, read with "." as decimal separator (e.g. 1234,56 or 1 234.56; too many decimals?)',
    ]);
    const fixed = await dir.writeXlsx('factures-ok.xlsx', [
      ['N° facture', 'Client', 'Date de facture', 'Montant TTC'],
      ['F-10', 'C1', new Date(Date.UTC(2024, 4, 2)), 1500.4],
    ]);
    const ok = expectOk(await parseImportFile(fixed, 'invoices'));
    expect(ok).toMatchObject({ format: 'xlsx', encoding: null, separator: null });
    expect(ok.records).toEqual([
      expect.objectContaining({
        line: 2,
        source: 'import',
        issueDate: '2024-05-02',
        dueDate: null,
        amountMinor: 150_040,
      }),
    ]);
  });

  it('applies --map to odd headers and reports unknown targets', async () => {
    const file = await dir.write('odd.csv', 'Pièce;Tiers;Le;Valeur;Remarque\nP1;C1;01/02/2024;10,00;x\n');
    const mapping = { Pièce: 'externalRef', Tiers: 'customerCode', Le: 'issueDate', Valeur: 'amount' };
    const result = expectOk(await parseImportFile(file, 'invoices', { mapping }));
    expect(result.records[0]).toMatchObject({ externalRef: 'P1', customerCode: 'C1', amountMinor: 1000 });
    expect(result.unmappedColumns).toEqual(['Remarque']);
    const wrong = await parseImportFile(file, 'invoices', { mapping: { ...mapping, Remarque: 'comment' } });
    expect(summarise(expectErrors(wrong))).toEqual([
      expect.stringMatching(/^1 Remarque: --map: unknown field "comment" for invoices/),
    ]);
  });

  it('reports every bad cell with its line and column', async () => {
    const file = await dir.write(
      'bad.csv',
      [
        'N° facture;Client;Date;Échéance;Montant',
        'F1;C1;01/01/2024;;"10,00"',
        'F2;C1;32/01/2024;;10,00',
        'F3;C1;"02/01/2024";;"ten',
        'euros"',
        'F4;C1;03/01/2024;01/01/2024;10,00',
        'F5;;04/01/2024;;-5,00',
      ].join('\n'),
    );
    const result = await parseImportFile(file, 'invoices');
    expect(result.rowCount).toBe(5);
    expect(summarise(expectErrors(result))).toEqual([
      '3 Date: not a valid date: expected DD/MM/YYYY (day first) or YYYY-MM-DD',
      expect.stringMatching(/^4 Montant: not a valid amount in EUR/),
      '6 Échéance: due date before the invoice date 2024-01-03',
      '7 Client: required value is empty',
      '7 Montant: negative invoice amount: import it as a credit note',
    ]);
    expect(expectErrors(result)[0]).toEqual({
      file: 'bad.csv',
      line: 3,
      column: 'Date',
      value: '32/01/2024',
      reason: 'not a valid date: expected DD/MM/YYYY (day first) or YYYY-MM-DD',
    });
  });

  it('reports missing required columns on the header line', async () => {
    const file = await dir.write('missing.csv', '\n\nFacture;Montant\nF1;10\n');
    const errors = expectErrors(await parseImportFile(file, 'invoices'));
    expect(summarise(errors)).toEqual([
      expect.stringMatching(
        /^3 customerCode: missing required column "customerCode" .*accepted headers: "Code client"/,
      ),
      expect.stringMatching(/^3 issueDate: missing required column "issueDate" .*"Date de facture"/),
    ]);
  });

  it('reports duplicate references and rows longer than the header', async () => {
    const file = await dir.write(
      'dup.csv',
      'Facture;Client;Date;Montant\nF1;C1;01/01/2024;1\nF2;C1;01/01/2024;2\nF1;C2;02/01/2024;3\nF3;C1;01/01/2024;1 234;56\nF4;C1;01/01/2024;1;;\n',
    );
    const errors = expectErrors(await parseImportFile(file, 'invoices'));
    expect(summarise(errors)).toEqual([
      '4 Facture: duplicate invoice number "F1": already on line 2',
      expect.stringMatching(/^5 null: 5 values but the header has 4 columns: .*separator ";"/),
      '6 null: 2 separator(s) ";" too many at the end of the line (the header has 4 columns)',
    ]);
    expect(errors[1]?.value).toBe('56');
  });

  it('caps the list of errors', async () => {
    const rows = Array.from({ length: 30 }, (_, index) => `F${index};C1;bad;1`);
    const file = await dir.write('many.csv', `Facture;Client;Date;Montant\n${rows.join('\n')}\n`);
    const errors = expectErrors(await parseImportFile(file, 'invoices', { maxErrors: 10 }));
    expect(errors).toHaveLength(11);
    expect(errors.at(-1)).toMatchObject({
      line: 12,
      reason: expect.stringMatching(/^20 more error\(s\) not listed/),
    });
  });

  it('turns unreadable files into errors', async () => {
    const errors = expectErrors(await parseImportFile(`${dir.path}/nope.csv`, 'invoices'));
    expect(errors).toEqual([
      { file: 'nope.csv', line: 0, column: null, value: null, reason: 'file not found' },
    ]);
    const quotes = await dir.write(
      'quotes.csv',
      'Facture;Client;Date;Montant\nF1;C1;01/01/2024;1\nF2;"C1;01/01/2024;2\nF3;C1;01/01/2024;3\n',
    );
    expect(summarise(expectErrors(await parseImportFile(quotes, 'invoices')))).toEqual([
      '3 null: a double quote opened on line 3 is never closed (a double quote inside a quoted value must be doubled: "")',
    ]);
  });
});

describe('parseImportFile: volume', () => {
  it('streams 200,000 rows', async () => {
    const lines = ['N° facture;Client;Date;Échéance;Montant TTC'];
    for (let index = 1; index <= 200_000; index++) {
      lines.push(
        `F${index};C${index % 500};15/01/2024;14/02/2024;${index % 10_000},${String(index % 100).padStart(2, '0')}`,
      );
    }
    const file = await dir.write('big.csv', `${lines.join('\r\n')}\r\n`);
    const progress: number[] = [];
    const started = performance.now();
    const result = expectOk(
      await parseImportFile(file, 'invoices', {
        onProgress: (bytesRead, totalBytes) => progress.push(bytesRead / totalBytes),
      }),
    );
    const elapsedMs = performance.now() - started;
    expect(result.rowCount).toBe(200_000);
    expect(result.records).toHaveLength(200_000);
    expect(result.records.at(-1)).toMatchObject({ line: 200_001, externalRef: 'F200000', amountMinor: 0 });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(10);
    expect(elapsedMs).toBeLessThan(10_000);
  });
});
