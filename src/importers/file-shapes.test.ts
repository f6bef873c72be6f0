/**
 * Files that are not what their name says, or say less than expected: a JSON, PDF or binary file
 * named .csv is said to be of another format (not a CSV whose columns are all missing), a broken
 * XLSX is said to be broken (not « FILE_ENDED »), a header without rows is accepted with a notice;
 * and what an ERP export writes that people would not: a bare number of days as payment terms,
 * columns of its own that resemble no header.
 */
import { describe, expect, it } from 'vitest';
import {
  expectErrors,
  expectOk,
  summarise,
  tempDirOfTestFile,
} from '../../test/support/import-test-files.ts';
import { closestHeader, resolveColumns } from './fields.ts';
import { parseImportFile } from './parse-file.ts';

const dir = tempDirOfTestFile();

describe('a file that is not a table', () => {
  it('names the format of a JSON, XML, HTML or PDF file given a .csv name', async () => {
    const cases = [
      ['package.csv', '{\n  "name": "encours",\n  "version": "0.1.0"\n}\n', 'JSON'],
      ['liste.csv', '[{"code": "C1"}]', 'JSON'],
      ['export.csv', '<?xml version="1.0"?>\n<clients><client code="C1"/></clients>', 'XML'],
      ['page.csv', '<!DOCTYPE html>\n<html><body>Clients</body></html>', 'HTML'],
      ['scan.csv', '%PDF-1.7\n%âãÏÓ\n1 0 obj', 'PDF'],
    ] as const;
    for (const [name, content, format] of cases) {
      const errors = expectErrors(await parseImportFile(await dir.write(name, content), 'invoices'));
      expect(
        errors.map((error) => [error.line, error.code, error.params]),
        name,
      ).toEqual([[0, 'unsupported_format', { format }]]);
    }
    const json = await dir.write('package.pdf', '{ "private": true }');
    expect(summarise(expectErrors(await parseImportFile(json, 'customers')))).toEqual([
      '0 null: format non pris en charge (JSON)\u00a0: Encours lit les fichiers CSV et les classeurs Excel .xlsx\u00a0; exportez les données dans l’un de ces formats',
    ]);
  });

  it('says a binary file is not CSV text', async () => {
    const bytes = Uint8Array.from({ length: 600 }, (_, index) => (index * 37) % 256);
    const errors = expectErrors(await parseImportFile(await dir.write('image.csv', bytes), 'invoices'));
    expect(errors.map((error) => error.code)).toEqual(['binary_file']);
  });

  it('says a truncated XLSX is truncated, without the library’s code', async () => {
    const file = await dir.write('tronque.xlsx', Buffer.from('PK\u0003\u0004garbage', 'latin1'));
    const errors = expectErrors(await parseImportFile(file, 'invoices'));
    expect(summarise(errors)).toEqual([
      '0 null: le fichier XLSX est tronqué ou illisible\u00a0: enregistrez-le à nouveau depuis votre tableur, en .xlsx ou en CSV',
    ]);
    expect(summarise(errors, 'en')[0]).not.toMatch(/FILE_ENDED/);
  });

  it('still reads a CSV whose first cell starts with a bracket word', async () => {
    const file = await dir.write(
      'crochets.csv',
      '[Réf] facture;Code client;Date facture;Montant TTC\nF1;C1;05/01/2024;10,00\n',
    );
    // Not JSON: the header is read (« [Réf] facture » is « Réf facture »).
    expect(expectOk(await parseImportFile(file, 'invoices')).rowCount).toBe(1);
  });
});

describe('a header without rows', () => {
  it('is accepted with a notice that the file has no rows', async () => {
    const file = await dir.write('entete.csv', 'N° facture;Code client;Date facture;Montant TTC\n');
    const result = expectOk(await parseImportFile(file, 'invoices'));
    expect(result.rowCount).toBe(0);
    expect(result.notices).toEqual([{ code: 'file_has_no_rows', params: {} }]);
  });
});

describe('an ERP export', () => {
  it('reads a bare number of days as net payment terms', async () => {
    const file = await dir.write(
      'clients.csv',
      'Code client;Raison sociale;Délai de paiement\nC1;Alpha;30\nC2;Beta;60 jours\nC3;Gamma;45 jours fin de mois\n',
    );
    const result = expectOk(await parseImportFile(file, 'customers'));
    expect(result.records.map((record) => record.paymentTerms)).toEqual(['net:30', 'net:60', 'eom:45']);
  });

  it('suggests a known header only when it is really close', () => {
    expect(closestHeader('customers', 'Plafondd')).toBe('Plafond');
    expect(closestHeader('customers', 'Téléphone standard')).toBe('Téléphone');
    expect(closestHeader('customers', 'Remarque')).toBeNull();
    expect(closestHeader('customers', 'Commentaire interne')).toBeNull();
    const problems = resolveColumns('customers', ['Code client', 'Raison sociale', 'Remarque']).problems;
    expect(problems.map((found) => [found.column, found.problem])).toEqual([
      ['Remarque', { code: 'unknown_column_no_match', params: { column: 'Remarque' } }],
    ]);
  });

  it('skips every unknown column of a customers file when told to', async () => {
    const file = await dir.write(
      'clients-erp.csv',
      'Code client;Raison sociale;Remarque;Téléphone standard\nZ005;Gamma;bon client;0102030405\n',
    );
    expect(
      expectErrors(await parseImportFile(file, 'customers')).map((error) => [error.column, error.code]),
    ).toEqual([
      ['Remarque', 'unknown_column_no_match'],
      ['Téléphone standard', 'unknown_column'],
    ]);
    const result = expectOk(await parseImportFile(file, 'customers', { unknownColumns: 'ignore' }));
    expect(result.unmappedColumns).toEqual(['Remarque', 'Téléphone standard']);
    expect(result.records.map((record) => record.code)).toEqual(['Z005']);
  });
});
