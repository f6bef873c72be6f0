/**
 * Balance sheets on the demo company as of its reference date: from a file (all or nothing,
 * idempotent) re-scored by the change job, and as JSON through the API, by code or SIREN.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBalanceSheetFile, importBalanceSheets, type SheetRequest } from '#app/credit/financial-data';
import { creditRescoreChangedJob } from '#app/credit/rescore-job';
import { latestScores } from '#db/credit/score-queries';
import { demoCompanyOfFile } from './demo-file.fixture.ts';
import { signIn } from './http-fixture.ts';

const demo = demoCompanyOfFile();

async function rescoreQueue(): Promise<string[]> {
  const rows = await demo.ctx.db
    .selectFrom('credit_rescore_queue')
    .select('customer_code')
    .where('company_id', '=', 'CB2C')
    .orderBy('customer_code')
    .execute();
  return rows.map((row) => row.customer_code);
}

async function runRescoreChangedJob(): Promise<unknown> {
  return creditRescoreChangedJob.handler({
    ctx: demo.ctx,
    job: { jobId: 0, kind: 'credit.rescore_changed', companyId: 'CB2C', attempt: 1, createdBy: 'test' },
    payload: {},
    checkpoint: null,
    reportProgress: async () => {},
    saveCheckpoint: async () => {},
    isCancelled: () => false,
  });
}

describe('balance sheets from a file', () => {
  const HEADER =
    'Code client;SIREN;Date de clôture;Total bilan;Capitaux propres;Total dettes;Chiffre d’affaires;Valeur ajoutée;EBE;Capitaux permanents;Disponibilités;Créances clients;Charges financières;Charges de personnel;Résultat net';

  it('imports by code or SIREN, re-scores the customers concerned by a job, and is idempotent', async () => {
    const { ctx, dir } = demo;
    const bySiren = await ctx.db
      .selectFrom('customers')
      .select(['code', 'siren'])
      .where('company_id', '=', 'CB2C')
      .where('siren', 'is not', null)
      .where('code', '<>', 'C00002')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const sameSiren = await ctx.db
      .selectFrom('customers')
      .select('code')
      .where('company_id', '=', 'CB2C')
      .where('siren', '=', bySiren.siren)
      .execute();
    // The worked example of Conan-Holder (in thousands of euros), for C00002 and one SIREN.
    const file = join(dir, 'bilans.csv');
    await writeFile(
      file,
      `${HEADER}\nC00002;;31/12/2025;1 000 000;330 000;670 000;2 000 000;400 000;120 000;600 000;50 000;300 000;20 000;250 000;35 000\n` +
        `;${bySiren.siren};31/12/2025;500 000;100 000;400 000;900 000;200 000;40 000;250 000;10 000;150 000;15 000;120 000;-5 000\n`,
    );
    const summary = await importBalanceSheetFile(ctx, { filePath: file });
    const expected = ['C00002', ...sameSiren.map((c) => c.code)].sort();
    expect([...summary.customers].sort()).toEqual(expected);
    expect(await rescoreQueue()).toEqual(expected);
    const job = await ctx.db
      .selectFrom('jobs')
      .select('status')
      .where('company_id', '=', 'CB2C')
      .where('kind', '=', 'credit.rescore_changed')
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('queued');
    expect(await runRescoreChangedJob()).toEqual({ customers: expected.length });
    expect(await rescoreQueue()).toEqual([]);
    const score = (await latestScores(ctx.db, 'CB2C', ['C00002'])).get('C00002');
    const explanation = score?.explanation as { inputs: Record<string, unknown> } | undefined;
    // Z = 15.98 for the worked example (the 10–30 % failure-risk zone).
    expect(explanation?.inputs['conan_holder_z']).toBeCloseTo(15.98, 2);
    expect((await importBalanceSheetFile(ctx, { filePath: file })).customers).toEqual([]);
    expect(await rescoreQueue()).toEqual([]);
  });

  it('rejects the whole file with every problem: an unknown column, a negative item', async () => {
    const { ctx, dir } = demo;
    const countSheets = async () =>
      (
        await ctx.db
          .selectFrom('credit_balance_sheets')
          .select('customer_code')
          .where('company_id', '=', 'CB2C')
          .execute()
      ).length;
    const before = await countSheets();
    const file = join(dir, 'bilans-faux.csv');
    await writeFile(
      file,
      `${HEADER};Commentaire\nC00002;;31/12/2024;1 000;330;670;2 000;400;120;600;-50;300;20;250;35;x\n` +
        'C00004;;31/12/2024;1 000;330;670;2 000;400;120;600;50;300;20;250;35;y\n',
    );
    const rejected = await importBalanceSheetFile(ctx, { filePath: file }).catch((error) => error);
    expect(rejected.code).toBe('import_rejected');
    // « Commentaire » resembles no accepted header: said unknown, with no far-fetched suggestion.
    expect(rejected.details.errors.map((e: { code: string }) => e.code)).toEqual([
      'unknown_column_no_match',
      'negative_balance_sheet_amount',
    ]);
    expect(await countSheets()).toBe(before);
  });
});

describe('balance sheets as JSON', () => {
  it('takes a SIREN instead of a code, like the file: the sheet goes to every account of it', async () => {
    const { ctx, app } = demo;
    const withSiren = await ctx.db
      .selectFrom('customers')
      .select(['code', 'siren'])
      .where('company_id', '=', 'CB2C')
      .where('siren', 'is not', null)
      .orderBy('code', 'desc')
      .executeTakeFirstOrThrow();
    const siren = withSiren.siren ?? '';
    const accounts = await ctx.db
      .selectFrom('customers')
      .select('code')
      .where('company_id', '=', 'CB2C')
      .where('siren', '=', siren)
      .orderBy('code')
      .execute();
    const sheet = {
      currency: 'EUR',
      fiscalYearEnd: '2023-12-31',
      totalAssetsMinor: 80_000_000,
      equityMinor: 20_000_000,
      totalDebtsMinor: 60_000_000,
      turnoverMinor: 150_000_000,
      valueAddedMinor: 30_000_000,
      grossOperatingProfitMinor: 9_000_000,
      permanentCapitalMinor: 45_000_000,
      cashMinor: 4_000_000,
      receivablesMinor: 25_000_000,
      financialChargesMinor: 1_500_000,
      staffCostsMinor: 18_000_000,
      netResultMinor: 2_000_000,
    };
    const admin = await signIn(app, 'admin@cb2c.example');
    const post = (sheets: object[]) =>
      app.inject({
        method: 'POST',
        url: '/api/credit/balance-sheets',
        headers: admin.headers,
        payload: { sheets },
      });
    const stored = () =>
      ctx.db
        .selectFrom('credit_balance_sheets')
        .select(['customer_code', 'total_assets_minor'])
        .where('company_id', '=', 'CB2C')
        .where('fiscal_year_end', '=', '2023-12-31')
        .orderBy('customer_code')
        .execute();

    // Every item of a sheet is declared: a field it does not have is refused, not dropped, and
    // a missing item is named before anything is written.
    const unknown = await post([{ ...sheet, siren, ebitdaMinor: 9_000_000 }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'invalid_input',
      detail: 'Le champ sheets[0].ebitdaMinor (corps de la requête) n’est pas un champ attendu',
    });
    const { netResultMinor: _left, ...partial } = sheet;
    const missing = await post([{ ...partial, siren }]);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('Le champ «\u00a0résultat net (bilan 1)\u00a0» est obligatoire');
    expect(await stored()).toEqual([]);

    // All or nothing: one good SIREN among bad ones writes nothing, and each problem has its line.
    const bad = [
      { ...sheet, siren },
      { ...sheet, siren: '000 000 000' },
      { ...sheet, siren: '12345' },
      sheet,
    ];
    expect((await post(bad)).statusCode).toBe(422);
    const rejected = await importBalanceSheets(ctx, bad as SheetRequest[]).catch((error) => error);
    expect(rejected.details.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [2, 'unknown_customer_siren'],
      [3, 'invalid_siren_length'],
      [4, 'customer_or_siren_required'],
    ]);
    expect(await stored()).toEqual([]);

    // Written with spaces, as people write a SIREN.
    const spaced = siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
    const response = await post([{ ...sheet, siren: spaced }]);
    expect(response.statusCode, response.body).toBe(200);
    const codes = accounts.map((a) => a.code);
    expect(response.json()).toEqual({ imported: codes.length, customers: codes });
    expect(await stored()).toEqual(
      codes.map((code) => ({ customer_code: code, total_assets_minor: 80_000_000 })),
    );
  });
});
