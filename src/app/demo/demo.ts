/** The demo company SA CB2C and the scale data sets used by benchmarks. */
import type { Allocation, Customer, CustomerEvent, LedgerDocument } from '#core/types';
import { type DemoDataset, generateDemo, generateScale } from '#demo/index';
import { type AppContext, fixedClock } from '../context.ts';
import { seedCreditDemo } from '../credit/demo-seed.ts';
import { seedDemoPortfolios } from '../dunning/demo-portfolios.ts';
import { installForecastSchedule } from '../forecast/forecast-schedule.ts';
import { enqueueJob } from '../jobs/jobs.ts';
import { type LoadSummary, loadDataset } from './load-dataset.ts';

// The shells list the planted situations through the use case (`encours demo --manifest`).
export { DEMO_SITUATION_KINDS, type DemoSituationKind } from '#demo/index';
export type DemoManifest = DemoDataset['manifest'];

export function generateDemoDataset(seed?: number): DemoDataset {
  return generateDemo(seed === undefined ? {} : { seed });
}

export async function loadDemoCompany(
  ctx: Omit<AppContext, 'companyId'>,
  options: { seed?: number | undefined; replace?: boolean } = {},
): Promise<LoadSummary> {
  const dataset = generateDemoDataset(options.seed);
  const summary = await loadDataset(ctx, dataset, { replace: options.replace ?? false });
  // What the company did is dated on the demo's reference date, whatever the day it is loaded: its
  // scores, order checks, alerts, outbox, assignments and targets, and their audit entries. A demo
  // dated 30/06/2026 whose history showed an assignment of the day it was loaded would contradict itself.
  const onReferenceDate = { ...ctx, clock: fixedClock(dataset.company.asOf) };
  await seedCreditDemo(onReferenceDate, dataset);
  await seedDemoPortfolios(onReferenceDate, dataset);
  // The weekly forecast is scheduled as for any company: `jobs schedule list` shows it at once. It
  // runs on the real clock, from the day the demo is loaded on.
  await installForecastSchedule(ctx.db, summary.companyId, ctx.actor, ctx.clock.now());
  return summary;
}

/**
 * Queues the stored forecasts of the demo's last 26 weeks (`forecast.snapshot` with a backfill), so
 * that a first start shows forecast against actual without anyone having to ask for it; the
 * server's job worker runs it in the background (about a minute on the demo, oldest week first,
 * each stored as it is made). 26: the accuracy report's default window, and enough past weeks for
 * the band to learn from its record at the near horizons (core/forecast/past-errors.ts).
 */
export const DEMO_FORECAST_HISTORY_WEEKS = 26;

export async function queueDemoForecastHistory(
  ctx: Omit<AppContext, 'companyId'>,
  companyId: string,
): Promise<void> {
  await enqueueJob(
    { db: ctx.db, companyId, actor: ctx.actor },
    'forecast.snapshot',
    { asOf: null, backfillWeeks: DEMO_FORECAST_HISTORY_WEEKS },
    { ifActive: 'return' },
  );
}

export interface ScaleOptions {
  customers: number;
  invoices: number;
  seed?: number | undefined;
  /** Months of history up to the reference date (the generator's default, 36, when absent). */
  months?: number | undefined;
  replace?: boolean;
  /** Invoices only, nothing paid (the former scale set); by default the invoices are settled. */
  invoicesOnly?: boolean | undefined;
}

/**
 * Loads the company SCALE (benchmarks): many customers and invoices and, unless `invoicesOnly`,
 * what happened to them by the reference date — payments, partial payments, credit notes,
 * bounced payments with their reversed matching, disputes and open credits.
 */
export async function loadScaleCompany(
  ctx: Omit<AppContext, 'companyId'>,
  options: ScaleOptions,
): Promise<LoadSummary> {
  const scale = generateScale({
    customers: options.customers,
    invoices: options.invoices,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.months === undefined ? {} : { months: options.months }),
  });
  const documents: LedgerDocument[] = [];
  const allocations: Allocation[] = [];
  const reversals: Allocation[] = [];
  const events: CustomerEvent[] = [];
  if (options.invoicesOnly) {
    for (const batch of scale.invoiceBatches(50_000)) for (const doc of batch) documents.push(doc);
  } else {
    for (const batch of scale.ledgerBatches(50_000)) {
      for (const doc of batch.documents) documents.push(doc);
      for (const row of batch.allocations) allocations.push(row);
      for (const row of batch.reversals) reversals.push(row);
      for (const row of batch.events) events.push(row);
    }
  }
  const customers: Customer[] = scale.customers;
  return loadDataset(
    ctx,
    {
      company: { code: 'SCALE', name: 'Scale test company', currency: 'EUR', asOf: scale.asOf },
      customers,
      documents,
      allocations,
      reversals,
      orders: [],
      events,
    },
    { replace: options.replace ?? false },
  );
}
