/**
 * The columns of a file no field takes: a document file reads past them and says so, a near miss
 * of a field the file lacks (« Echéances » for « Échéance ») is refused as a customers file's
 * unknown columns are, unless the person asked to ignore unknown columns.
 */
import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk, tempDirOfTestFile } from '../../test/support/import-test-files.ts';
import { closestHeader, resolveColumns } from './fields.ts';
import { parseImportFile } from './parse-file.ts';

const dir = tempDirOfTestFile();
const BASE = ['N° facture', 'Code client', 'Date facture', 'Montant TTC'];

function judged(headers: readonly string[], unknownColumns: 'refuse' | 'ignore' = 'refuse') {
  const resolution = resolveColumns('invoices', headers, {}, [], [], unknownColumns);
  return {
    problems: resolution.problems.map(({ column, problem }) => [column, problem.code, problem.params]),
    notices: resolution.notices,
  };
}

describe('the columns of a document file no field takes', () => {
  it('reads past a column far from every header, with a notice', () => {
    expect(judged([...BASE, 'Échéance', 'Remarque interne'])).toEqual({
      problems: [],
      notices: [{ code: 'column_ignored', params: { column: 'Remarque interne' } }],
    });
  });

  it('refuses a near miss of a field the file lacks, naming the header it meant', () => {
    expect(judged([...BASE, 'Echéances', 'Remarque interne'])).toEqual({
      problems: [['Echéances', 'unknown_column', { column: 'Echéances', suggestion: 'Échéance' }]],
      notices: [{ code: 'column_ignored', params: { column: 'Remarque interne' } }],
    });
  });

  it('reads past a short header a letter from a known one, as often another word: « Devis » is no « Devise »', () => {
    expect(judged([...BASE, 'Devis'])).toEqual({
      problems: [],
      notices: [{ code: 'column_ignored_near', params: { column: 'Devis', suggestion: 'Devise' } }],
    });
  });

  it('reads past a near miss of a field another column feeds, naming the header it is near', () => {
    expect(judged([...BASE, "Date d'échéance", 'Echéances'])).toEqual({
      problems: [],
      notices: [{ code: 'column_ignored_near', params: { column: 'Echéances', suggestion: 'Échéance' } }],
    });
    // "Montant HT" holds the words of "Montant": the amount is read from "Montant TTC".
    expect(judged([...BASE, 'Montant HT']).notices).toEqual([
      { code: 'column_ignored_near', params: { column: 'Montant HT', suggestion: 'Montant' } },
    ]);
  });

  it('reads past a header that only holds the words of an absent field’s, naming it', () => {
    expect(judged([...BASE, 'Description article', "Date d'échéance prévue"])).toEqual({
      problems: [],
      notices: [
        { code: 'column_ignored_near', params: { column: 'Description article', suggestion: 'Description' } },
        {
          code: 'column_ignored_near',
          params: { column: "Date d'échéance prévue", suggestion: "Date d'échéance" },
        },
      ],
    });
  });

  it('reads past a near miss when asked to ignore unknown columns, and says so', () => {
    expect(judged([...BASE, 'Echéances'], 'ignore')).toEqual({
      problems: [],
      notices: [{ code: 'column_ignored_near', params: { column: 'Echéances', suggestion: 'Échéance' } }],
    });
  });

  it('names the column a known header yields to', () => {
    expect(
      judged(['Invoice number', 'Customer code', 'Invoice date', 'Amount', 'Invoice amount']).notices,
    ).toEqual([
      { code: 'column_ignored_field_taken', params: { column: 'Invoice amount', other: 'Amount' } },
    ]);
  });

  it('says nothing of a column the person chose to skip', () => {
    const resolution = resolveColumns('invoices', [...BASE, 'Echéances', 'Remarque'], {}, [
      'Echéances',
      'Remarque',
    ]);
    expect([resolution.problems, resolution.notices]).toEqual([[], []]);
  });

  it('meant the header of most words among those it holds', () => {
    expect(closestHeader('invoices', "Date d'échéance prévue")).toBe("Date d'échéance");
    expect(closestHeader('customers', 'Téléphone standard')).toBe('Téléphone');
  });

  it('keeps refusing a customers file’s unknown columns, and says which it skipped when told to', () => {
    const headers = ['Code client', 'Raison sociale', 'Remarque'];
    expect(resolveColumns('customers', headers).problems.map(({ problem }) => problem.code)).toEqual([
      'unknown_column_no_match',
    ]);
    expect(resolveColumns('customers', headers, {}, [], [], 'ignore').notices).toEqual([
      { code: 'column_ignored', params: { column: 'Remarque' } },
    ]);
  });
});

describe('parseImportFile: the walk’s invoices files', () => {
  it('accepts unknown columns far from any header with a notice for each, before the dates’', async () => {
    const file = await dir.write(
      'remarque.csv',
      'N° facture;Code client;Date facture;Montant TTC;Échéance;Remarque interne\n' +
        'TST-0001;C00009;15/06/2026;1200,00;15/07/2026;urgent\n' +
        'TST-0002;C00009;16/06/2026;800,50;16/07/2026;\n',
    );
    const result = expectOk(await parseImportFile(file, 'invoices'));
    expect(result.records.map((record) => record.dueDate)).toEqual(['2026-07-15', '2026-07-16']);
    expect(result.notices).toEqual([{ code: 'column_ignored', params: { column: 'Remarque interne' } }]);
  });

  it('refuses « Echéances » when the file has no « Échéance », at the header line', async () => {
    const file = await dir.write(
      'echeances.csv',
      'N° facture;Code client;Date facture;Montant TTC;Echéances\nTST-0061;C00009;15/06/2026;1200,00;15/07/2026\n',
    );
    const errors = expectErrors(await parseImportFile(file, 'invoices'));
    expect(errors.map((error) => [error.line, error.column, error.code, error.params])).toEqual([
      [1, 'Echéances', 'unknown_column', { column: 'Echéances', suggestion: 'Échéance' }],
    ]);
    const ignored = expectOk(await parseImportFile(file, 'invoices', { unknownColumns: 'ignore' }));
    expect(ignored.notices).toEqual([
      { code: 'column_ignored_near', params: { column: 'Echéances', suggestion: 'Échéance' } },
    ]);
    const mapped = expectOk(await parseImportFile(file, 'invoices', { mapping: { Echéances: 'dueDate' } }));
    expect([mapped.records[0]?.dueDate, mapped.notices]).toEqual(['2026-07-15', []]);
  });
});
