/**
 * The cost of the pre-due minimum probability of lateness (issue 14) on a dunning preview, on
 * PostgreSQL and the scale company (default 20,000 customers, 200,000 invoices): the preview with
 * the built-in policy (the option off: nothing read), then with a policy version whose D−5 courtesy
 * e-mail asks 50 % and no prediction stored (two lookups), then with a stored forecast run of the
 * date predicting the window's invoices (one query per slice). Median, min and max of `runs`
 * previews each, in the same process and window. On a database of its own (`--keep-database NAME`
 * keeps it between runs; without it one is made and dropped).
 * `node bench/dunning-pre-due.ts [--customers N] [--invoices M] [--runs R] [--keep-database NAME]`
 */
import { parseArgs } from 'node:util';
import { findCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { loadScaleCompany } from '#app/demo/demo';
import { DEFAULT_POLICY } from '#app/dunning/plan-data';
import { type DunningRunView, previewDunningRun, resolveRunDate } from '#app/dunning/plan-run';
import { savePolicyVersion } from '#app/dunning/policies';
import { MODEL_VERSION } from '#app/forecast/forecast-data';
import { openRuntime } from '#app/runtime';
import { addDays } from '#core/calendar';
import { insertForecastRun } from '#db/forecast/forecast-store';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { withPostgres } from './analytics.ts';

type Company = Parameters<typeof previewDunningRun>[0];

async function timed(company: Company, asOf: string, runs: number) {
  const seconds: number[] = [];
  let view: DunningRunView | null = null;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    view = await previewDunningRun(company, { asOf });
    seconds.push((performance.now() - started) / 1000);
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  const round = (s: number) => Math.round(s * 100) / 100;
  const v = view as DunningRunView;
  return {
    medianSeconds: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    minSeconds: round(sorted[0] ?? 0),
    maxSeconds: round(sorted.at(-1) ?? 0),
    actions: v.actions.length,
    courtesyActions: v.actions.filter((a) => a.stepKind === 'courtesy').length,
    skipped: v.skipped.length,
    likelyOnTime: v.skipped.filter((s) => s.reason === 'likely_on_time').length,
    source: v.lateProbabilitySource ?? null,
  };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '20000' },
      invoices: { type: 'string', default: '200000' },
      runs: { type: 'string', default: '5' },
      'keep-database': { type: 'string' },
    },
  });
  const serverUrl =
    process.env['ENCOURS_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const runs = Number(values.runs);
  const result = await withPostgres(serverUrl, values['keep-database'], async (url) => {
    const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
    try {
      const ctx = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'bench' };
      if (!(await findCompany(ctx, 'SCALE'))) {
        await loadScaleCompany(ctx, {
          customers: Number(values.customers),
          invoices: Number(values.invoices),
        });
        await refreshPlannerStatistics(runtime.handle.db);
      }
      const company = { ...ctx, companyId: 'SCALE' };
      const asOf = await resolveRunDate(company, undefined);
      const db = runtime.handle.db;
      await db.deleteFrom('forecast_runs').where('company_id', '=', 'SCALE').execute();
      await db.deleteFrom('dunning_policies').where('company_id', '=', 'SCALE').execute();
      const off = await timed(company, asOf, runs);
      await savePolicyVersion(company, {
        ...DEFAULT_POLICY,
        effectiveFrom: '2000-01-01',
        stepDates: 'as_is',
        steps: DEFAULT_POLICY.steps.map((s) =>
          s.code === 'courtesy' ? { ...s, minimumLateProbabilityBp: 5_000 } : s,
        ),
      });
      const noPrediction = await timed(company, asOf, runs);
      const window = await db
        .selectFrom('documents')
        .where('company_id', '=', 'SCALE')
        .where('kind', '=', 'invoice')
        .where('due_date', '>=', asOf)
        .where('due_date', '<=', addDays(asOf, 5))
        .select('document_id')
        .execute();
      await insertForecastRun(
        db,
        {
          company_id: 'SCALE',
          as_of: asOf,
          model_version: MODEL_VERSION,
          currency: 'EUR',
          open_invoices: 0,
          created_by: 'bench',
        },
        window.map((row) => ({
          document_id: Number(row.document_id),
          open_minor: 1,
          predicted_date: asOf,
          p10_date: asOf,
          p90_date: asOf,
          // A spread of probabilities: about four in ten below one half.
          probability_late_bp: (Number(row.document_id) * 7_919) % 10_001,
          probability_over30_bp: 0,
          probability_over60_bp: 0,
        })),
        [],
      );
      const stored = await timed(company, asOf, runs);
      // The baseline again, last, so that a drift of the machine shows.
      await db.deleteFrom('dunning_policies').where('company_id', '=', 'SCALE').execute();
      const offAgain = await timed(company, asOf, runs);
      await db.deleteFrom('forecast_runs').where('company_id', '=', 'SCALE').execute();
      return { asOf, windowInvoices: window.length, off, noPrediction, stored, offAgain };
    } finally {
      await runtime.close();
    }
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
