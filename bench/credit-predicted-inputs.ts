/**
 * What the scoring's predicted payer profile adds to a full re-scoring: the payment inputs query
 * (already there) against the prediction inputs query (new), each run several times on the scale
 * company with a stored forecast run, then the whole re-scoring. PostgreSQL only.
 *   node bench/credit-predicted-inputs.ts --customers 10000 --invoices 100000 [--keep-database NAME]
 */
import { parseArgs } from 'node:util';
import { findCompany } from '#app/companies/companies';
import { fixedClock, silentLogger } from '#app/context';
import { rescoreCustomers } from '#app/credit/scoring';
import { loadScaleCompany } from '#app/demo/demo';
import { storeForecastSnapshot } from '#app/forecast/snapshot';
import { openRuntime } from '#app/runtime';
import { predictionInputs } from '#db/credit/prediction-inputs';
import { paymentInputs } from '#db/credit/scoring-inputs';
import { refreshPlannerStatistics } from '#db/infra/maintenance';
import { withPostgres } from './analytics.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '10000' },
    invoices: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    'keep-database': { type: 'string' },
  },
});
const serverUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const runs = Number(values.runs);

async function median(work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[times.length >> 1]!);
}

const result = await withPostgres(serverUrl, values['keep-database'], async (url) => {
  const runtime = await openRuntime({ url }, { clock: fixedClock('2026-06-30'), log: silentLogger });
  try {
    const ctx = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'bench' };
    const out: Record<string, unknown> = {
      customers: Number(values.customers),
      invoices: Number(values.invoices),
    };
    if (!(await findCompany(ctx, 'SCALE'))) {
      await loadScaleCompany(ctx, { customers: Number(values.customers), invoices: Number(values.invoices) });
      await refreshPlannerStatistics(runtime.handle.db);
    }
    const company = { ...ctx, companyId: 'SCALE' };
    const asOf = (await findCompany(ctx, 'SCALE'))!.referenceDate ?? '2026-06-30';
    out['asOf'] = asOf;
    const runCount = await runtime.handle.pool.query(
      `select count(*)::int as n from forecast_runs where company_id = 'SCALE'`,
    );
    if (runCount.rows[0].n === 0) {
      const started = performance.now();
      const snapshot = await storeForecastSnapshot(company, { asOf, keepModel: false });
      out['snapshotSeconds'] = Math.round((performance.now() - started) / 100) / 10;
      out['predictedInvoices'] = snapshot.openInvoices;
      await refreshPlannerStatistics(runtime.handle.db);
    }
    out['paymentInputsMs'] = await median(() => paymentInputs(ctx.db, 'SCALE', asOf));
    out['predictionInputsMs'] = await median(() =>
      predictionInputs(ctx.db, 'SCALE', { asOf, maxAgeDays: 14 }),
    );
    out['predictedCustomers'] = (await predictionInputs(ctx.db, 'SCALE', { asOf, maxAgeDays: 14 })).length;
    const middle = await runtime.handle.pool.query<{ code: string }>(
      `select code from customers where company_id = 'SCALE' order by code
        offset (select count(*) / 2 from customers where company_id = 'SCALE') limit 1`,
    );
    const customerCode = middle.rows[0]?.code;
    out['oneCustomerPredictionMs'] = await median(() =>
      predictionInputs(ctx.db, 'SCALE', { asOf, maxAgeDays: 14, customerCode }),
    );
    const started = performance.now();
    const summary = await rescoreCustomers(company, { asOf });
    out['rescoreSeconds'] = Math.round((performance.now() - started) / 100) / 10;
    out['rescored'] = summary.customers;
    return out;
  } finally {
    await runtime.close();
  }
});
console.log(JSON.stringify(result, null, 2));
