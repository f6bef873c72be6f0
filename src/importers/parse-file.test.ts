import { describe, expect, it } from 'vitest';
import {
  expectErrors,
  expectOk,
  summarise,
  tempDirOfTestFile,
} from '../../test/support/import-test-files.ts';
import { parseImportFile } from './parse-file.ts';

const dir = tempDirOfTestFile();

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
      '3 Montant TTC: montant invalide en EUR, lu avec «\u00a0.\u00a0» comme séparateur décimal (ex. 1234,56 ou 1 234.56\u00a0; trop de décimales\u00a0?)',
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
      expect.stringMatching(
        /^1 Remarque: --map\u00a0: champ «\u00a0comment\u00a0» inconnu pour les factures\u00a0; champs possibles\u00a0: externalRef, /,
      ),
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
    // French by default, English on request: the same problems, codes and params.
    expect(summarise(expectErrors(result))).toEqual([
      '3 Date: date invalide (attendu JJ/MM/AAAA, jour en premier, ou AAAA-MM-JJ)',
      '4 Montant: montant invalide en EUR (ex. 1234,56 ou 1 234.56\u00a0; trop de décimales\u00a0?)',
      '6 Échéance: échéance antérieure à la date de la pièce (03/01/2024)',
      '7 Client: valeur obligatoire vide',
      '7 Montant: montant de facture négatif\u00a0: importez-le comme avoir',
    ]);
    const inEnglish = await parseImportFile(file, 'invoices');
    expect(summarise(expectErrors(inEnglish), 'en')).toEqual([
      '3 Date: not a valid date: expected DD/MM/YYYY (day first) or YYYY-MM-DD',
      '4 Montant: not a valid amount in EUR (e.g. 1234,56 or 1 234.56; too many decimals?)',
      '6 Échéance: due date before the issue date 03/01/2024',
      '7 Client: required value is empty',
      '7 Montant: negative invoice amount: import it as a credit note',
    ]);
    expect(expectErrors(result).map((error) => error.code)).toEqual(
      expectErrors(inEnglish).map((error) => error.code),
    );
    expect(expectErrors(result)[0]).toEqual({
      file: 'bad.csv',
      line: 3,
      column: 'Date',
      value: '32/01/2024',
      code: 'invalid_date',
      params: {},
    });
    expect(expectErrors(result)[2]).toMatchObject({
      code: 'due_before_issue',
      params: { issueDate: '2024-01-03' },
    });
  });

  it('reports missing required columns on the header line', async () => {
    const file = await dir.write('missing.csv', '\n\nFacture;Montant\nF1;10\n');
    const errors = expectErrors(await parseImportFile(file, 'invoices'));
    expect(summarise(errors)).toEqual([
      expect.stringMatching(
        /^3 Code client: colonne obligatoire «\u00a0Code client\u00a0» absente\u00a0; en-têtes acceptés\u00a0: «\u00a0Code client\u00a0».*--map "<colonne>=customerCode"$/,
      ),
      expect.stringMatching(
        /^3 Date de facture: colonne obligatoire «\u00a0Date de facture\u00a0» absente\u00a0; en-têtes acceptés\u00a0: «\u00a0Date de facture\u00a0»/,
      ),
    ]);
  });

  it('reports duplicate references and rows longer than the header', async () => {
    const file = await dir.write(
      'dup.csv',
      'Facture;Client;Date;Montant\nF1;C1;01/01/2024;1\nF2;C1;01/01/2024;2\nF1;C2;02/01/2024;3\nF3;C1;01/01/2024;1 234;56\nF4;C1;01/01/2024;1;;\n',
    );
    const errors = expectErrors(await parseImportFile(file, 'invoices'));
    expect(summarise(errors)).toEqual([
      '4 Facture: numéro de facture «\u00a0F1\u00a0» en double\u00a0: déjà présent ligne 2',
      expect.stringMatching(
        /^5 null: 5 valeurs alors que l’en-tête a 4 colonnes\u00a0: .*séparateur «\u00a0;\u00a0»/,
      ),
      '6 null: 2 séparateurs «\u00a0;\u00a0» en trop en fin de ligne (l’en-tête a 4 colonnes)',
    ]);
    expect(errors.map((error) => error.code)).toEqual([
      'duplicate_invoice_number',
      'bad_column_count',
      'trailing_separators',
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
      code: 'more_errors_omitted',
      params: { count: 20 },
    });
    expect(summarise(errors.slice(-1))).toEqual([
      '12 null: 20 autres erreurs non listées\u00a0; corrigez d’abord celles-ci puis importez à nouveau',
    ]);
  });

  it('turns unreadable files into errors', async () => {
    const errors = expectErrors(await parseImportFile(`${dir.path}/nope.csv`, 'invoices'));
    expect(errors).toEqual([
      {
        file: 'nope.csv',
        line: 0,
        column: null,
        value: null,
        code: 'file_not_found',
        params: {},
      },
    ]);
    expect(summarise(errors)).toEqual(['0 null: fichier introuvable']);
    const quotes = await dir.write(
      'quotes.csv',
      'Facture;Client;Date;Montant\nF1;C1;01/01/2024;1\nF2;"C1;01/01/2024;2\nF3;C1;01/01/2024;3\n',
    );
    expect(summarise(expectErrors(await parseImportFile(quotes, 'invoices')), 'en')).toEqual([
      '3 null: a double quote opened on line 3 is never closed (a double quote inside a quoted value must be doubled: "")',
    ]);
  });
});

describe('parseImportFile: volume', () => {
  // Correctness of a long stream only; its speed is measured by `npm run bench -- --only import`.
  it('streams 50,000 rows with progress', async () => {
    const lines = ['N° facture;Client;Date;Échéance;Montant TTC'];
    for (let index = 1; index <= 50_000; index++) {
      lines.push(
        `F${index};C${index % 500};15/01/2024;14/02/2024;${index % 10_000},${String(index % 100).padStart(2, '0')}`,
      );
    }
    const file = await dir.write('big.csv', `${lines.join('\r\n')}\r\n`);
    const progress: number[] = [];
    const result = expectOk(
      await parseImportFile(file, 'invoices', {
        onProgress: (bytesRead, totalBytes) => progress.push(bytesRead / totalBytes),
      }),
    );
    expect(result.rowCount).toBe(50_000);
    expect(result.records).toHaveLength(50_000);
    expect(result.records.at(-1)).toMatchObject({ line: 50_001, externalRef: 'F50000', amountMinor: 0 });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(10);
  });
});
