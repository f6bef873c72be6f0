/**
 * Without a kept model, the forecast's training and its collection curves' history are shared by
 * the calls that read the same snapshot (app/forecast/shared-training.ts): the dashboard's two
 * calls, visit after visit, train once — and any write, which changes the snapshot, makes the next
 * call read the data again, giving what a call of its own would. The open invoices' predictions
 * are shared the same way, from a trained or a kept model: the two calls predict once.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { openDispute } from '#app/dunning/disputes';
import { forecastCollections } from '#app/forecast/collections';
import { forecastLateCost } from '#app/forecast/late-cost';
import { storeForecastSnapshot } from '#app/forecast/snapshot';
import { selectSnapshotVersion } from '#db/infra/snapshot-version';
import { inReportSnapshot } from '#db/reports/report-session';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, serverUrl, type TestDatabase } from '../support/test-db.ts';
import { doc } from './stored-predictions.fixture.ts';

const AS_OF = '2026-04-30';
let database: TestDatabase;

const documents = [
  doc('invoice', 'I1', 'C1', '2026-01-01', '2026-01-31', 100_000),
  doc('invoice', 'I2', 'C1', '2026-02-01', '2026-02-28', 300_000),
  doc('invoice', 'I3', 'C1', '2026-04-01', '2026-04-30', 80_000),
  doc('invoice', 'J1', 'C2', '2026-01-15', '2026-02-14', 120_000),
  doc('invoice', 'J2', 'C2', '2026-03-10', '2026-04-09', 90_000),
  doc('payment', 'P1', 'C1', '2026-02-10', '2026-02-10', -100_000),
  doc('payment', 'P2', 'C1', '2026-03-20', '2026-03-20', -300_000),
  doc('payment', 'Q1', 'C2', '2026-02-20', '2026-02-20', -120_000),
];
const allocations = [
  { debitRef: 'I1', creditRef: 'P1', amountMinor: 100_000, allocationDate: '2026-02-10' },
  { debitRef: 'I2', creditRef: 'P2', amountMinor: 300_000, allocationDate: '2026-03-20' },
  { debitRef: 'J1', creditRef: 'Q1', amountMinor: 120_000, allocationDate: '2026-02-20' },
];

/**
 * The statements that read the whole history (the training), the curves' history and the open
 * invoices to predict, counted.
 */
function countingContext(ctx: AppContext) {
  const reads = { trainings: 0, curves: 0, predictions: 0 };
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs) {
      const text = JSON.stringify(args.node);
      if (text.includes('declare forecast_rows') && text.includes('last_kind as')) reads.trainings += 1;
      if (text.includes('with cut as')) reads.curves += 1;
      if (text.includes('declare forecast_rows') && text.includes('null::date as')) reads.predictions += 1;
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs) {
      return args.result;
    },
  };
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, reads };
}

const snapshotNow = (ctx: AppContext) => inReportSnapshot(ctx.db, selectSnapshotVersion);
const dashboard = async (ctx: AppContext) => ({
  collections: await forecastCollections(ctx, { asOf: AS_OF, weeks: 13 }),
  cost: await forecastLateCost(ctx, { asOf: AS_OF, limit: 1 }),
});
/** As the dashboard asks: both requests at once. */
const dashboardTogether = async (ctx: AppContext) => {
  const [collections, cost] = await Promise.all([
    forecastCollections(ctx, { asOf: AS_OF, weeks: 13 }),
    forecastLateCost(ctx, { asOf: AS_OF, limit: 1 }),
  ]);
  return { collections, cost };
};
/** Inside a transaction of the caller's nothing is shared: what a call of its own answers. */
const ownAnswer = (ctx: AppContext) => ctx.db.transaction().execute((trx) => dashboard({ ...ctx, db: trx }));

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset(
    { ...database.context('FS'), actor: 'test' },
    {
      company: { code: 'FS', name: 'FS SA', currency: 'EUR', asOf: AS_OF },
      customers: [customer('C1'), customer('C2')],
      documents,
      allocations,
      reversals: [],
      orders: [],
      events: [],
    },
  );
});

afterAll(async () => {
  await database?.close();
});

describe('the forecast reads shared by snapshot', () => {
  it('are read again after a write, and answer as a call of its own does', async () => {
    const { ctx, reads } = countingContext(database.context('FS'));
    const before = await dashboard(ctx);
    const snapshot = await snapshotNow(ctx);
    const counted = { ...reads };
    // A dispute on an open invoice: its signals and the model's event terms change.
    await openDispute(database.context('FS'), {
      documentRef: 'J2',
      reason: 'quality',
      openedOn: '2026-04-20',
    });
    expect(await snapshotNow(ctx)).not.toBe(snapshot);
    const after = await dashboard(ctx);
    expect(reads.trainings).toBeGreaterThan(counted.trainings);
    expect(reads.curves).toBeGreaterThan(counted.curves);
    expect(after).not.toEqual(before);
    // Inside a transaction of the caller's, nothing is shared: trained and read for the call alone.
    const own = await ctx.db.transaction().execute((trx) => dashboard({ ...ctx, db: trx }));
    expect(after).toEqual(own);
  });

  // On a server, other databases' writes change the cluster's snapshot: counted on the embedded engine.
  it.skipIf(Boolean(serverUrl))('train once and read the curves once while nothing is written', async () => {
    const { ctx, reads } = countingContext(database.context('FS'));
    const first = await dashboard(ctx);
    expect(reads).toEqual({ trainings: 1, curves: 1, predictions: 1 });
    expect(await dashboard(ctx)).toEqual(first);
    expect(await dashboard(ctx)).toEqual(first);
    expect(reads).toEqual({ trainings: 1, curves: 1, predictions: 1 });
  });

  it.skipIf(Boolean(serverUrl))('train and predict once when both calls are asked together', async () => {
    const { ctx, reads } = countingContext(database.context('FS'));
    const together = await dashboardTogether(ctx);
    expect(reads).toEqual({ trainings: 1, curves: 1, predictions: 1 });
    const own = await ownAnswer(ctx);
    expect(together).toEqual(own);
    expect(together.cost.customerCount).toBeGreaterThan(0);
  });

  // Last: the model kept here serves every later call of the file at this date.
  it.skipIf(Boolean(serverUrl))(
    'predict once from a kept model when both calls are asked together',
    async () => {
      await storeForecastSnapshot({ ...database.context('FS'), actor: 'test' }, { asOf: AS_OF });
      const { ctx, reads } = countingContext(database.context('FS'));
      const together = await dashboardTogether(ctx);
      expect(reads).toEqual({ trainings: 0, curves: 1, predictions: 1 });
      expect(together).toEqual(await ownAnswer(ctx));
    },
  );
});
