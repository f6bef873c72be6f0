/**
 * Problems found against the database (unknown customers, currencies, matched amounts, payments'
 * invoices): every one has a code and params, and its message in French by default or in English.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import type { DomainError } from '#app/errors';
import { type ImportError, type ImportLang, importFile } from '#app/imports/import-file';
import { rejection } from '../support/rejection.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'encours-import-problems-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('IMPP');
  await ensureCompany(ctx, { companyId: 'IMPP', name: 'Import problems' });
  const customers = file('clients.csv', 'Code client;Raison sociale\nC1;Martin\nC2;Durand\n');
  await importFile(ctx, { entity: 'customers', filePath: customers });
  const invoices = file(
    'factures.csv',
    'N° facture;Code client;Date facture;Montant TTC\nF1;C1;05/01/2026;1 200,00\nF2;C1;20/01/2026;300,50\n',
  );
  await importFile(ctx, { entity: 'invoices', filePath: invoices });
  const payments = file(
    'reglements.csv',
    'N° règlement;Code client;Date;Montant;Factures\nR1;C1;10/02/2026;1 200;F1\n',
  );
  await importFile(ctx, { entity: 'payments', filePath: payments });
});
afterAll(async () => database?.close());

async function rejected(
  entity: 'invoices' | 'credit-notes' | 'payments',
  path: string,
  lang?: ImportLang,
): Promise<{ error: DomainError; problems: ImportError[] }> {
  const error = await rejection(importFile(ctx, { entity, filePath: path, ...(lang ? { lang } : {}) }));
  expect(error.code).toBe('import_rejected');
  return { error, problems: (error.details as { errors: ImportError[] }).errors };
}

/** Same problems in both languages: same codes and params, different sentences, nothing left as {name}. */
async function expectBilingual(entity: 'invoices' | 'credit-notes' | 'payments', path: string) {
  const french = (await rejected(entity, path)).problems;
  const english = (await rejected(entity, path, 'en')).problems;
  expect(english.map(({ code, params }) => ({ code, params }))).toEqual(
    french.map(({ code, params }) => ({ code, params })),
  );
  french.forEach((problem, index) => {
    expect(problem.code).toBeTruthy();
    expect(problem.reason).not.toBe(english[index]?.reason);
    expect(`${problem.reason} ${english[index]?.reason}`).not.toMatch(/\{\w+\}|undefined/);
  });
  return { french, english };
}

describe('import problems found against the database', () => {
  it('unknown customers and currencies, in French by default and in English on request', async () => {
    const path = file(
      'inconnus.csv',
      'N° facture;Code client;Date facture;Montant TTC;Devise\nF20;C0042;05/01/2026;10,00;EUR\nF21;C1;05/01/2026;10,00;USD\n',
    );
    const { french, english } = await expectBilingual('invoices', path);
    expect(french.map((problem) => [problem.line, problem.code, problem.reason])).toEqual([
      [2, 'unknown_customer', 'client inconnu\u00a0: C0042 (importez d’abord les clients)'],
      [3, 'currency_mismatch', 'devise USD différente de celle du client (EUR)'],
    ]);
    expect(english.map((problem) => problem.reason)).toEqual([
      'unknown customer: C0042 (import the customers first)',
      'currency USD differs from the customer’s currency (EUR)',
    ]);
    expect(french[0]?.params).toEqual({ customerCode: 'C0042' });
    const { error } = await rejected('invoices', path);
    expect(error.message).toBe(
      'inconnus.csv\u00a0: fichier refusé, 2 problèmes sur 2 lignes\u00a0; rien n’a été importé',
    );
  });

  it('a reference of another kind and an amount below what is matched', async () => {
    const credit = file('avoirs.csv', 'N° avoir;Code client;Date;Montant\nF2;C1;05/01/2026;10,00\n');
    const { french } = await expectBilingual('credit-notes', credit);
    expect(french.map((problem) => [problem.code, problem.reason])).toEqual([
      ['reference_kind_conflict', 'référence déjà utilisée par un document de type facture'],
    ]);
    const shrink = file(
      'reduite.csv',
      'N° facture;Code client;Date facture;Montant TTC\nF1;C1;05/01/2026;100,00\n',
    );
    const { french: shrunk, english } = await expectBilingual('invoices', shrink);
    expect(shrunk[0]).toMatchObject({
      code: 'amount_below_matched',
      params: { matchedMinor: 120_000, currency: 'EUR' },
      reason: 'le nouveau montant est inférieur au montant déjà lettré (1\u202f200,00\u00a0€)',
    });
    expect(english[0]?.reason).toBe('the new amount is below what is already matched (€1,200.00)');
  });

  it("a payment's unknown, foreign or later invoices", async () => {
    const path = file(
      'reglements-faux.csv',
      'N° règlement;Code client;Date;Montant;Factures\n' +
        'R5;C1;01/02/2026;10;F99\nR6;C2;10/02/2026;10;F1\nR7;C1;10/01/2026;10;F2\n',
    );
    const { french } = await expectBilingual('payments', path);
    expect(french.map((problem) => [problem.line, problem.code, problem.reason])).toEqual([
      [2, 'unknown_invoice', 'facture inconnue\u00a0: F99'],
      [3, 'invoice_of_other_customer', 'la facture F1 appartient à un autre client'],
      [4, 'invoice_after_payment', 'facture émise le 20/01/2026, après le règlement'],
    ]);
  });
});

describe('one report of every problem of a file', () => {
  it('checks against the company the rows that read, beside the cells that did not: one pass', async () => {
    const path = file(
      'mauvais.csv',
      'N° facture;Code client;Date facture;Montant TTC;Échéance\n' +
        'F-X1;C1;31/02/2026;1 234,56;30/04/2026\n' +
        'F-X2;C99999;01/03/2026;abc;\n' +
        'R1;C2;05/03/2026;100,00;\n' +
        ';C1;05/03/2026;100,00;05/04/2026\n' +
        'F-X1;C1;01/03/2026;10;01/04/2026\n',
    );
    const { french, english } = await expectBilingual('invoices', path);
    expect(french.map((problem) => [problem.line, problem.column, problem.code])).toEqual([
      [2, 'Date facture', 'date_not_in_calendar'],
      [3, 'Montant TTC', 'invalid_amount'],
      [3, 'Code client', 'unknown_customer'],
      [4, 'N° facture', 'reference_kind_conflict'],
      [5, 'N° facture', 'missing_required'],
      [6, 'N° facture', 'duplicate_invoice_number'],
    ]);
    expect(english[2]?.reason).toBe('unknown customer: C99999 (import the customers first)');
    // 31/02/2026 is written as expected: the day does not exist, the format is not shown again.
    expect([french[0]?.reason, english[0]?.reason]).toEqual([
      'le 31/02/2026 n’existe pas',
      '31/02/2026 does not exist in the calendar',
    ]);
    const { error } = await rejected('invoices', path);
    expect(error.message).toBe(
      'mauvais.csv\u00a0: fichier refusé, 6 problèmes sur 5 lignes\u00a0; rien n’a été importé',
    );
  });

  it('names a missing column by its usual header, and still checks the columns that are there', async () => {
    const path = file('sans-date.csv', 'N° facture;Code client;Montant TTC\nF30;C7;10,00\n');
    const { french, english } = await expectBilingual('invoices', path);
    expect(french.map((problem) => [problem.line, problem.column, problem.code])).toEqual([
      [1, 'Date de facture', 'missing_required_column'],
      [2, 'Code client', 'unknown_customer'],
    ]);
    expect(french[0]?.reason).toMatch(
      /^colonne obligatoire «\u00a0Date de facture\u00a0» absente\u00a0; en-têtes acceptés\u00a0: /,
    );
    // In English, by its English header: the same words as the page's « Expected columns ».
    expect(english[0]?.reason).toMatch(/^missing required column “Invoice date”; accepted headers: /);
  });

  it('says a file that is not there in one sentence, with no line and no count', async () => {
    const missing = join(dir, 'absent.csv');
    const french = await rejection(importFile(ctx, { entity: 'invoices', filePath: missing }));
    expect([french.code, french.message, french.details]).toEqual([
      'not_found',
      'Fichier introuvable\u00a0: absent.csv',
      { reason: 'file_not_found' },
    ]);
    const english = await rejection(importFile(ctx, { entity: 'invoices', filePath: missing, lang: 'en' }));
    expect(english.message).toBe('File not found: absent.csv');
  });
});
