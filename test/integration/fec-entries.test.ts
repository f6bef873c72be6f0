/**
 * The entry-balance check of the import (SQL on the staged lines) against the reader's in-memory
 * rule (EntryBalances): same entry count, same regrouped journals in the same order, same
 * rejection with the same problems (line, column, value, rule), on files written to exercise each
 * branch of the rule, and on the shared conformance files when present.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompany } from '#app/companies/companies';
import { DomainError } from '#app/errors';
import { importFec } from '#app/fec/import-fec';
import type { FecWarning } from '#importers/fec/fec-warnings';
import { readFecFile } from '#importers/fec/read-fec';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'encours-fec-entries-'));
const HEADER =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';

/** [journal, number, date YYYYMMDD, account, piece, debit − credit in cents]. */
type Row = [string, string, string, string, string, number];

const amount = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;

function fecText(rows: readonly Row[]): string {
  const lines = rows.map(([journal, num, date, account, piece, cents]) => {
    const aux = account.startsWith('411') ? ['C1', 'Client Un'] : ['', ''];
    const [debit, credit] = cents >= 0 ? [amount(cents), '0,00'] : ['0,00', amount(-cents)];
    return [journal, journal, num, date, account, 'Compte', ...aux, piece, date, 'Libellé', debit, credit]
      .concat(['', '', date, '', ''])
      .join('\t');
  });
  return `${[HEADER, ...lines].join('\n')}\n`;
}

const sale = (num: string, date: string, piece: string, cents: number): Row[] => [
  ['VE', num, date, '411000', piece, cents],
  ['VE', num, date, '706000', piece, -cents],
];

/** Journal OD numbers every line 0: the number spans dates. */
const CASES: Record<string, Row[]> = {
  'balanced by date and piece': [
    ...sale('1', '20240105', 'F1', 1200),
    ['OD', '0', '20240110', '411000', 'P1', 500],
    ['OD', '0', '20240110', '622000', 'P1', -500],
    ['OD', '0', '20240110', '411000', 'P2', 700],
    ['OD', '0', '20240111', '622000', 'P2', -300],
    ['OD', '0', '20240110', '622000', 'P2', -700],
    ['OD', '0', '20240111', '411000', 'P2', 300],
    ...sale('2', '20240112', 'F2', 900),
  ],
  'balanced by date only': [
    ['AN', '1', '20240101', '411000', 'A', 1000],
    ['AN', '1', '20240101', '890000', 'B', -1000],
    ['AN', '1', '20240102', '411000', 'C', 400],
    ['AN', '1', '20240102', '890000', 'D', -400],
    ...sale('3', '20240103', 'F3', 100),
    ['OD', '7', '20240104', '411000', 'X', 50],
    ['OD', '7', '20240105', '622000', 'Y', -50],
  ],
  'balanced as a whole block only': [
    ['AN', '1', '20240101', '411000', 'A', 1000],
    ['AN', '1', '20240102', '890000', 'B', -1000],
    ['AN', '1', '20240103', '411000', 'C', 250],
    ['AN', '1', '20240103', '890000', 'C', -250],
  ],
  'unbalanced blocks, regrouped or not, and an unbalanced file': [
    ...sale('1', '20240105', 'F1', 1200),
    ['VE', '2', '20240106', '411000', 'F2', 800],
    ['VE', '2', '20240106', '706000', 'F2', -700],
    ['OD', '0', '20240110', '411000', 'P1', 500],
    ['OD', '0', '20240111', '622000', 'P2', -400],
    ['VE', '1', '20240105', '706000', 'F1', -5],
  ],
  'a block whose lines are apart, unbalanced': [
    ['BQ', '9', '20240201', '512000', 'R', 1000],
    ...sale('1', '20240105', 'F1', 1200),
    ['BQ', '9', '20240201', '411000', 'R', -900],
    ['BQ', '9', '20240202', '411000', 'R', -100],
    ['BQ', '9', '20240203', '512000', 'R', -1],
    ['BQ', '10', '20240203', '512000', 'R', 1],
  ],
  'more unbalanced entries than the problems listed': Array.from(
    { length: 230 },
    (_, i): Row => ['OD', String(i + 1), '20240301', '622000', `P${i}`, i % 2 === 0 ? 1 : -1],
  ),
};

const regrouped = (journal: string) => ({ code: 'fec_entry_num_not_unique', params: { journal } });

/** Worked out by hand from the rule; the comparison with the in-memory check is the main test. */
const EXPECTED: Record<string, unknown> = {
  'balanced by date and piece': { entries: 5, regrouped: [regrouped('OD')] },
  'balanced by date only': { entries: 4, regrouped: [regrouped('AN'), regrouped('OD')] },
  'balanced as a whole block only': { entries: 1, regrouped: [regrouped('AN')] },
  'unbalanced blocks, regrouped or not, and an unbalanced file': [
    [2, 'VE 1'],
    [4, 'VE 2'],
    [6, 'OD 0'],
    [0, null],
  ],
  'a block whose lines are apart, unbalanced': [
    [2, 'BQ 9'],
    [8, 'BQ 10'],
  ],
  'more unbalanced entries than the problems listed': [
    ...Array.from({ length: 200 }, (_, i) => [i + 2, `OD ${i + 1}`]),
    [0, null],
  ],
};

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const FEC_DIR = resolve(import.meta.dirname, '../../../shared/testdata/fec');
const shared = existsSync(FEC_DIR)
  ? readdirSync(FEC_DIR)
      .filter((name) => !name.endsWith('-expected.csv'))
      .sort()
  : [];

describe('entry balances checked in the database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database?.close());

  async function compare(path: string, companyId: string) {
    const ctx = database.context(companyId);
    await ensureCompany(ctx, { companyId, name: companyId });
    const inMemory = await readFecFile(path, { customerAccountPrefixes: ['411', '413', '416'] });
    let imported: Awaited<ReturnType<typeof importFec>> | DomainError;
    try {
      imported = await importFec(ctx, { filePath: path, dryRun: true });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      imported = error;
    }
    if (!inMemory.ok) {
      expect(imported).toBeInstanceOf(DomainError);
      // The import adds each problem's words (`reason`, from the catalogue) to the importer's codes.
      const { errors } = (imported as DomainError).details as { errors: { reason?: unknown }[] };
      expect(errors.map(({ reason: _reason, ...problem }) => problem)).toEqual(inMemory.errors);
      expect(errors.every((problem) => typeof problem.reason === 'string' && problem.reason !== '')).toBe(
        true,
      );
      return inMemory.errors;
    }
    expect(imported).not.toBeInstanceOf(DomainError);
    const summary = imported as Awaited<ReturnType<typeof importFec>>;
    expect(summary.entries).toBe(inMemory.entries);
    const regrouped = (warnings: readonly FecWarning[]) =>
      warnings
        .filter((warning) => warning.code === 'fec_entry_num_not_unique')
        .map(({ code, params }) => ({ code, params }));
    expect(regrouped(summary.warnings)).toEqual(regrouped(inMemory.warnings));
    // Worded from the catalogue in the import's language (French by default).
    for (const warning of summary.warnings.filter((w) => w.code === 'fec_entry_num_not_unique'))
      expect(warning.message).toBe(
        `journal ${warning.params.journal}\u00a0: EcritureNum n’est pas unique, les écritures ont été regroupées par date et PieceRef`,
      );
    return { entries: summary.entries, regrouped: regrouped(summary.warnings) };
  }

  it.each(Object.keys(CASES))('%s: same outcome as in memory', async (name) => {
    const index = Object.keys(CASES).indexOf(name);
    const outcome = await compare(file(`case-${index}.txt`, fecText(CASES[name] ?? [])), `E${index}`);
    expect(Array.isArray(outcome) ? outcome.map((error) => [error.line, error.value]) : outcome).toEqual(
      EXPECTED[name],
    );
  });

  it.each(shared)('%s (shared file): same outcome as in memory', async (name) => {
    await compare(resolve(FEC_DIR, name), `S${shared.indexOf(name)}`);
  });
});
