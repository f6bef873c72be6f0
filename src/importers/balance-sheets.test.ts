import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBalanceSheetFile } from './balance-sheets.ts';

async function fileOf(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'encours-sheets-')), 'sheets.csv');
  await writeFile(path, text);
  return path;
}

const ENGLISH =
  'Customer code,Year end,Total assets,Equity,Total debts,Turnover,Value added,EBITDA,Permanent capital,Cash,Receivables,Financial charges,Staff costs,Net income';

describe('parseBalanceSheetFile', () => {
  it('reads English headers and point decimals into minor units', async () => {
    const parsed = await parseBalanceSheetFile(
      await fileOf(`${ENGLISH}\nC1,2025-12-31,1000.50,330,670,2000,400,120,600,50,300,20,250,-35.25\n`),
    );
    expect(parsed).toEqual({
      ok: true,
      rowCount: 1,
      records: [
        {
          line: 2,
          customerCode: 'C1',
          siren: null,
          currency: 'EUR',
          fiscalYearEnd: '2025-12-31',
          totalAssetsMinor: 100_050,
          equityMinor: 33_000,
          totalDebtsMinor: 67_000,
          turnoverMinor: 200_000,
          valueAddedMinor: 40_000,
          grossOperatingProfitMinor: 12_000,
          permanentCapitalMinor: 60_000,
          cashMinor: 5_000,
          receivablesMinor: 30_000,
          financialChargesMinor: 2_000,
          staffCostsMinor: 25_000,
          netResultMinor: -3_525,
        },
      ],
    });
  });

  it('lists a missing column, a row without customer and a repeated sheet, and keeps nothing', async () => {
    const header = ENGLISH.replace(',Staff costs', '');
    const row = '2025-12-31,1000,330,670,2000,400,120,600,50,300,20,35';
    const parsed = await parseBalanceSheetFile(await fileOf(`${header}\nC1,${row}\n,${row}\nC1,${row}\n`));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [1, 'missing_required_column'],
      [3, 'customer_or_siren_required'],
      [4, 'duplicate_balance_sheet'],
    ]);
  });
});
