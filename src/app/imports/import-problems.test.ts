/**
 * The import problems' catalogue: every code the importers can return has a message in French
 * and English, and every problem of a bad file is worded in both (the importers return codes
 * and params only; the text lives in src/text/messages/import-problems.ts).
 */
import { describe, expect, it } from 'vitest';
import { type ImportError, NOTICE_CODES, PROBLEM_CODES, parseImportFile } from '#importers/parse-file';
import { hasMessage, translator } from '#text/catalogue';
import { MESSAGES } from '#text/icu';
import { importProblemMessage, importWarningMessage, placeholders } from '#text/import-problems';
import { tempDirOfTestFile } from '../../../test/support/import-test-files.ts';
import {
  concurrentWriteConflict,
  type ImportLang,
  importTurnTimedOut,
  wordProblems,
} from './import-problems.ts';

const renderProblem = (code: string, params: Record<string, string | number>, lang: ImportLang) =>
  importProblemMessage(lang, code, params);
const template = (code: string, lang: ImportLang) => MESSAGES[lang].get(`importProblem.${code}`) ?? '';
const FEC_CODES = PROBLEM_CODES.filter((code) => code.startsWith('fec_'));

/** A message that still shows a template placeholder or a missing value. */
function looksUntranslated(message: string): boolean {
  return /\{\w+\}|undefined|NaN|\[object/.test(message);
}

describe('problem catalogue', () => {
  it('renders every code in French and English, differently, with every placeholder filled', () => {
    for (const code of PROBLEM_CODES) {
      const [fr, en] = [template(code, 'fr'), template(code, 'en')];
      expect(fr, `${code} (fr)`).not.toBe('');
      expect(en, `${code} (en)`).not.toBe('');
      // French may leave out a detail (an English field description), never add one.
      for (const name of placeholders(fr)) expect(placeholders(en), code).toContain(name);
      // A document kind is a code of the ledger, worded by its label.
      const value = (name: string) => (name === 'count' ? 3 : name === 'kind' ? 'invoice' : 'X1');
      const params = Object.fromEntries(placeholders(en).map((name) => [name, value(name)]));
      const french = renderProblem(code, params, 'fr');
      const english = renderProblem(code, params, 'en');
      expect(french, code).not.toBe(english);
      expect(looksUntranslated(french), `${code}: ${french}`).toBe(false);
      expect(looksUntranslated(english), `${code}: ${english}`).toBe(false);
    }
  });

  it('renders every FEC code in both languages with its params filled', () => {
    const params = {
      count: 3,
      columns: 18,
      difference: '-100,00',
      currency: 'EUR',
      customerCurrency: 'USD',
      kind: 'credit_note',
      file: 'FEC.txt',
    };
    for (const code of FEC_CODES) {
      for (const lang of ['fr', 'en'] as const) {
        const message = renderProblem(code, params, lang);
        expect(looksUntranslated(message), `${code} (${lang}): ${message}`).toBe(false);
      }
    }
    expect(renderProblem('fec_kind_conflict', params, 'fr')).toBe(
      'cette ligne a déjà été importée comme avoir\u00a0: utilisez --journal pour garder le type du journal',
    );
    expect(renderProblem('fec_currency_conflict', params, 'en')).toBe(
      "the customer's currency is USD, the books' EUR",
    );
  });

  it('shows dates, separators, kinds and amounts the way each language writes them', () => {
    expect(renderProblem('unknown_customer', { customerCode: 'C0042' }, 'fr')).toBe(
      'client inconnu\u00a0: C0042 (importez d’abord les clients)',
    );
    expect(renderProblem('unknown_customer', { customerCode: 'C0042' }, 'en')).toBe(
      'unknown customer: C0042 (import the customers first)',
    );
    expect(renderProblem('invoice_after_payment', { invoiceDate: '2026-04-05' }, 'en')).toBe(
      'invoice issued on 05/04/2026, after the payment',
    );
    expect(renderProblem('invoice_after_payment', { invoiceDate: '2026-04-05' }, 'fr')).toBe(
      'facture émise le 05/04/2026, après le règlement',
    );
    expect(renderProblem('reference_kind_conflict', { kind: 'credit_note' }, 'fr')).toBe(
      'référence déjà utilisée par un document de type avoir',
    );
    const matched = { matchedMinor: 123456, currency: 'EUR' };
    expect(renderProblem('amount_below_matched', matched, 'fr')).toBe(
      'le nouveau montant est inférieur au montant déjà lettré (1\u202f234,56\u00a0€)',
    );
    expect(renderProblem('amount_below_matched', matched, 'en')).toBe(
      'the new amount is below what is already matched (€1,234.56)',
    );
    expect(renderProblem('trailing_separators', { count: 1, separator: '\t', columns: 4 }, 'fr')).toContain(
      '1 séparateur tabulation en trop',
    );
    // Counts are plural and grouped, as everywhere else in the application.
    expect(renderProblem('more_errors_omitted', { count: 109_326 }, 'fr')).toMatch(
      /^109\u202f326 autres erreurs non listées/,
    );
    expect(renderProblem('more_errors_omitted', { count: 1 }, 'en')).toMatch(/^1 more error not listed/);
    // A param the caller forgot stays visible rather than silently blank.
    expect(renderProblem('unknown_customer', {}, 'en')).toContain('{customerCode}');
  });
});

/** Bad files covering the problems the reader can find on its own (no database). */
const BAD_FILES: Array<{ entity: Parameters<typeof parseImportFile>[1]; name: string; text: string }> = [
  {
    entity: 'invoices',
    name: 'factures.csv',
    text:
      'N° facture;Client;Date;Échéance;Montant;Devise\nF1;C1;32/01/2024;;10,00;EUR\nF2;C1;01/01/2024;;dix;EUR\n' +
      'F3;C1;03/01/2024;01/01/2024;-5;XX1\nF1;;04/01/2024;;1;EUR\nF5;C1;01/01/2024;;1;EUR;x\nF6;C1;01/01/2024;;1;EUR;;\n',
  },
  { entity: 'invoices', name: 'entetes.csv', text: 'Facture;Montant;Total TTC;X\nF1;1;1;1\n' },
  { entity: 'invoices', name: 'guillemets.csv', text: 'Facture;Client;Date;Montant\nF2;"C1;01/01/2024;2\n' },
  { entity: 'invoices', name: 'vide.csv', text: '' },
  {
    entity: 'customers',
    name: 'clients.csv',
    text:
      'Code client;Nom;SIREN;SIRET;Type;Conditions de paiement;Plafond;E-mail;Pays;Langue;Statut\n' +
      'C1;A;552100555;;;;;;;;\nC2;B;55210055;55210055400014;;;;;;;\nC3;C;552100554;40483304800022;;;;;;;\n' +
      'C4;D;;;martien;un jour;-1;pas-un-mail;Atlantide;klingon;endormi\nC1;;;;;;;;;;\n',
  },
  {
    entity: 'payments',
    name: 'reglements.csv',
    text: 'Référence;Code client;Date;Montant\nP1;C1;01/01/2024;0\nP1;C1;01/01/2024;1\n',
  },
  {
    entity: 'orders',
    name: 'commandes.csv',
    text: 'N° commande;Code client;Date;Montant;Statut\nO1;C1;01/01/2024;-1;perdue\nO1;C1;01/01/2024;1;\n',
  },
  {
    entity: 'credit-notes',
    name: 'avoirs.csv',
    text: 'N° avoir;Code client;Date;Montant\nA1;C1;01/01/2024;1,2345\n',
  },
];

describe('every problem of a bad file has a code and a message in both languages', () => {
  const dir = tempDirOfTestFile();

  async function problems(): Promise<ImportError[]> {
    const found: ImportError[] = [];
    for (const bad of BAD_FILES) {
      const file = await dir.write(bad.name, bad.text);
      const mapping: Record<string, string> =
        bad.name === 'entetes.csv' ? { Absent: 'label', X: 'prix' } : {};
      const result = await parseImportFile(file, bad.entity, { mapping });
      if (result.ok) throw new Error(`${bad.name} was accepted`);
      found.push(...result.errors);
    }
    found.push(...(await missingFile()), ...(await cappedList()));
    return found;
  }

  async function missingFile(): Promise<ImportError[]> {
    const result = await parseImportFile(`${dir.path}/absent.csv`, 'invoices');
    return result.ok ? [] : result.errors;
  }

  async function cappedList(): Promise<ImportError[]> {
    const file = await dir.write('beaucoup.csv', 'Facture;Client;Date;Montant\nF1;C1;x;1\nF2;C1;y;1\n');
    const result = await parseImportFile(file, 'invoices', { maxErrors: 1 });
    return result.ok ? [] : result.errors;
  }

  it('walks the bad files', async () => {
    const found = await problems();
    const french = wordProblems(found, 'fr');
    const english = wordProblems(found, 'en');
    expect(english).toHaveLength(french.length);
    french.forEach((problem, index) => {
      const other = english[index];
      const where = `${problem.file}:${problem.line} ${problem.code}: ${problem.reason}`;
      expect(problem.code, where).toMatch(/^[a-z0-9_]+$/);
      expect(other?.reason, where).not.toBe(problem.reason);
      expect(looksUntranslated(problem.reason), where).toBe(false);
      expect(looksUntranslated(other?.reason ?? ''), where).toBe(false);
    });
    const codes = new Set(french.map((problem) => problem.code));
    for (const code of [
      'invalid_date',
      'invalid_amount',
      'invalid_amount_with_separator',
      'due_before_issue',
      'negative_invoice_amount',
      'invalid_currency',
      'missing_required',
      'duplicate_invoice_number',
      'bad_column_count',
      'trailing_separators',
      'map_unknown_column',
      'map_unknown_field',
      'ambiguous_columns',
      'missing_required_column',
      'csv_quote_not_closed',
      'file_empty',
      'file_not_found',
      'more_errors_omitted',
      'invalid_siren_check_digit',
      'invalid_siren_length',
      'invalid_siret_check_digit',
      'siret_siren_mismatch',
      'unknown_enum_value',
      'invalid_payment_terms',
      'negative_credit_limit',
      'invalid_email',
      'unknown_country',
      'unknown_language',
      'duplicate_customer_code',
      'zero_payment',
      'duplicate_payment_reference',
      'negative_order_amount',
      'duplicate_order_number',
    ]) {
      expect(codes, code).toContain(code);
    }
  });
});

describe('a file that met another writer', () => {
  it('is a conflict with a sentence in the language asked for, only for concurrent-write codes', () => {
    for (const code of ['40P01', '40001']) {
      const conflict = concurrentWriteConflict(Object.assign(new Error('x'), { code }), 'f.csv', 'en');
      expect(conflict?.code, code).toBe('conflict');
      expect(conflict?.message).toBe(
        'The file f.csv was not imported: the same records were being changed at the same time by another operation. Nothing was written; import it again.',
      );
    }
    expect(
      concurrentWriteConflict(Object.assign(new Error('x'), { code: '40P01' }), 'f.csv', 'fr')?.message,
    ).toMatch(/^Le fichier f\.csv n’a pas été importé/);
    expect(
      concurrentWriteConflict(Object.assign(new Error('x'), { code: '23503' }), 'f.csv', 'en'),
    ).toBeNull();
    expect(
      concurrentWriteConflict(Object.assign(new Error('x'), { code: '23505' }), 'f.csv', 'en'),
    ).toBeNull();
    expect(concurrentWriteConflict(new Error('bug'), 'f.csv', 'en')).toBeNull();
  });

  it('that waited too long behind another import is the same conflict, saying one is running', () => {
    const english = importTurnTimedOut('f.csv', 'en');
    expect(english.code).toBe('conflict');
    expect(english.details).toEqual({ reason: 'import_turn_timeout' });
    expect(english.message).toBe(
      'The file f.csv was not imported: another import of the same kind is running and did not finish in time. Nothing was written; try again once it has finished.',
    );
    expect(importTurnTimedOut('f.csv', 'fr').message).toBe(
      'Le fichier f.csv n’a pas été importé\u00a0: une autre importation du même type est en cours et ne s’est pas terminée à temps. Rien n’a été écrit\u00a0; réessayez quand elle sera terminée.',
    );
  });
});

describe('notice catalogue', () => {
  const params = {
    column: 'DueDate',
    otherColumn: 'InvoiceDate',
    line: 3,
    value: '3/25/2013',
    count: 2,
    file: 'march.csv',
  };

  it('words every date notice in French and English, every placeholder filled, on the server and the screen', () => {
    for (const code of NOTICE_CODES.filter((notice) => notice.startsWith('date_order'))) {
      for (const lang of ['fr', 'en'] as const) {
        for (const order of ['mdy', 'dmy']) {
          const message = importWarningMessage(lang, code, { ...params, order });
          expect(looksUntranslated(message), `${code} (${lang}): ${message}`).toBe(false);
          expect(hasMessage(`imports.notice.${code}`), code).toBe(true);
          const screen = translator(lang)(`imports.notice.${code}`, { ...params, order });
          expect(looksUntranslated(screen), `${code} (${lang}, screen): ${screen}`).toBe(false);
        }
      }
    }
  });

  it('names the column the quoted value is in, and the file a remembered order comes from', () => {
    expect(importWarningMessage('en', 'date_order_month_first_other_column', params)).toBe(
      'column “DueDate”: dates read month first (MM/DD/YYYY), like those of column “InvoiceDate”, which has dates that can only be read that way (line 3: 3/25/2013)',
    );
    expect(importWarningMessage('fr', 'date_order_remembered', { ...params, order: 'mdy' })).toMatch(
      /^colonne «\u00a0DueDate\u00a0»\u00a0: .* mois en premier \(MM\/JJ\/AAAA\), .* \(march\.csv\)\. Si elles sont jour en premier, réimportez avec --date-order dmy$/,
    );
    expect(importWarningMessage('en', 'date_order_remembered', { ...params, order: 'dmy' })).toMatch(
      /read day first \(DD\/MM\/YYYY\), .* \(march\.csv\)\. If they are month first, import again with --date-order mdy$/,
    );
  });
});
