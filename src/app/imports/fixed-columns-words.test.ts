/**
 * Balance sheets and a partner's status report are files of fixed columns: neither their commands
 * (`encours credit balance-sheets`, `encours legal import`), nor their routes, nor their pages map
 * or skip a column. Their column problems keep their codes and advise what every channel offers:
 * rename or remove the column in the file, never `--map` nor `--ignore-column`.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBalanceSheetFile } from '#importers/balance-sheets';
import { parseLegalReportFile } from '#importers/legal-reports';
import type { ImportError } from '#importers/parse-file';
import { IMPORT_CHANNELS } from '#text/import-problems';
import { type ImportRejection, importRejected } from './import-problems.ts';

async function fileOf(name: string, text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'encours-fixed-')), name);
  await writeFile(path, text);
  return path;
}

async function problemsOf(parsed: Promise<{ ok: boolean; errors?: ImportError[] }>): Promise<ImportError[]> {
  const result = await parsed;
  if (result.ok || !result.errors) throw new Error('the file was accepted');
  return result.errors;
}

const SHEET_HEADER =
  'Customer code,Year end,Total assets,Equity,Total debts,Turnover,Value added,EBITDA,Permanent capital,Cash,Receivables,Financial charges,Net income';

describe('the column problems of a file of fixed columns', () => {
  it('keep their codes and advise renaming or removing a column, on every channel and in both languages', async () => {
    const sheets = await problemsOf(
      parseBalanceSheetFile(
        await fileOf('bilans.csv', `${SHEET_HEADER},Equity,Remark,Total bilan 2\nC1,2025-12-31\n`),
      ),
    );
    const report = await problemsOf(
      parseLegalReportFile(
        await fileOf('rapport.csv', 'Dossier;Étape;Date;Remarque\nLF-3;amiable;15/07/2026;x\n'),
      ),
    );
    const columnProblems = [...sheets, ...report].filter((error) => error.line === 1);
    expect(columnProblems.map((error) => error.code)).toEqual([
      'ambiguous_columns',
      'unknown_column_no_match',
      'unknown_column',
      'missing_required_column',
      'unknown_column_no_match',
    ]);
    for (const lang of ['fr', 'en'] as const)
      for (const channel of IMPORT_CHANNELS) {
        const rejection = importRejected('f.csv', columnProblems, lang, { channel });
        const details = rejection.details as ImportRejection;
        for (const { code, reason } of [...details.errors, ...details.groups.map((group) => group.example)]) {
          const where = `${code} (${lang}, ${channel}): ${reason}`;
          expect(reason, where).not.toMatch(/--|map|ignore|associez|Colonnes non reconnues|Unrecognised/i);
          expect(reason, where).toMatch(lang === 'fr' ? /renommez|retirez/ : /rename|remove/);
        }
      }
  });

  it('says it in the words of the file', async () => {
    const report = await problemsOf(
      parseLegalReportFile(
        await fileOf('rapport.csv', 'Dossier;Étape;Date;Remarque\nLF-3;amiable;15/07/2026;x\n'),
      ),
    );
    const rejection = importRejected('rapport.csv', report, 'fr');
    expect((rejection.details as ImportRejection).errors[0]?.reason).toBe(
      'colonne «\u00a0Remarque\u00a0» inconnue\u00a0; renommez-la avec un en-tête accepté ou retirez-la du fichier',
    );
  });
});
