/**
 * Without a kept model, the forecast's training and its collection curves' history are shared by
 * the calls that see the same forecast inputs (app/forecast/shared-training.ts, keyed by the
 * version of migration 0078): the dashboard's two calls, visit after visit and sign-in after
 * sign-in, train once — and a write to what the forecast reads makes the next call read the data
 * again, giving what a call of its own would. The open invoices' predictions are shared the same
 * way, from a trained or a kept model: the two calls predict once.
 */
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  sql,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '#app/auth/auth';
import { createUser } from '#app/auth/users';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { openDispute } from '#app/dunning/disputes';
import { forecastCollections } from '#app/forecast/collections';
import { forecastLateCost } from '#app/forecast/late-cost';
import { storeForecastSnapshot } from '#app/forecast/snapshot';
import { insertAudit } from '#db/audit/audit-queries';
import { selectForecastInputVersion } from '#db/forecast/forecast-input-version';
import { documentIdsByRef, insertAllocations, insertEvents } from '#db/ledger/ledger-writes';
import { inReportSnapshot } from '#db/reports/report-session';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
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

const inputsNow = (ctx: AppContext) =>
  inReportSnapshot(ctx.db, (trx) => selectForecastInputVersion(trx, ctx.companyId));
const snapshotNow = (ctx: AppContext) =>
  inReportSnapshot(ctx.db, async (trx) => {
    const result = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(
      trx,
    );
    return result.rows[0]?.snapshot;
  });
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

/** A payment of `amountMinor` on the invoice, allocated to it, in a transaction of its own. */
async function payInvoice(ctx: AppContext, invoiceRef: string, paymentRef: string, amountMinor: number) {
  await ctx.db.transaction().execute(async (trx) => {
    await sql`insert into documents (company_id, kind, source, external_ref, customer_code, issue_date,
        due_date, amount_minor, currency)
      select company_id, 'payment', 't', ${paymentRef}, customer_code, date '2026-04-25', date '2026-04-25',
             ${-amountMinor}, currency
        from documents where company_id = ${ctx.companyId} and external_ref = ${invoiceRef}`.execute(trx);
    const ids = await documentIdsByRef(trx, ctx.companyId, 't');
    await insertAllocations(trx, ctx.companyId, 'test', [
      {
        debitDocumentId: ids.get(invoiceRef) as number,
        creditDocumentId: ids.get(paymentRef) as number,
        amountMinor,
        allocationDate: '2026-04-25',
        reversesAllocationId: null,
        source: 'manual',
      },
    ]);
  });
}

describe('the forecast reads shared by the version of their inputs', () => {
  it('are read again after a write to the inputs, and answer as a call of its own does', async () => {
    const { ctx, reads } = countingContext(database.context('FS'));
    const before = await dashboard(ctx);
    const inputs = await inputsNow(ctx);
    const counted = { ...reads };
    // A dispute on an open invoice: its signals and the model's event terms change.
    await openDispute(database.context('FS'), {
      documentRef: 'J2',
      reason: 'quality',
      openedOn: '2026-04-20',
    });
    const disputed = await inputsNow(ctx);
    expect(disputed).not.toBe(inputs);
    const after = await dashboard(ctx);
    expect(reads.trainings).toBeGreaterThan(counted.trainings);
    expect(reads.curves).toBeGreaterThan(counted.curves);
    expect(after).not.toEqual(before);
    // Inside a transaction of the caller's, nothing is shared: trained and read for the call alone.
    expect(after).toEqual(await ownAnswer(ctx));
    // A ledger write in another transaction: J2 paid in part, which the next forecast shows.
    const read = { ...reads };
    await payInvoice(database.context('FS'), 'J2', 'P9', 40_000);
    expect(await inputsNow(ctx)).not.toBe(disputed);
    const paid = await dashboard(ctx);
    expect(reads.trainings).toBeGreaterThan(read.trainings);
    expect(paid).not.toEqual(after);
    expect(paid).toEqual(await ownAnswer(ctx));
  });

  it('train once and read the curves once while nothing is written', async () => {
    const { ctx, reads } = countingContext(database.context('FS'));
    const first = await dashboard(ctx);
    expect(reads).toEqual({ trainings: 1, curves: 1, predictions: 1 });
    expect(await dashboard(ctx)).toEqual(first);
    expect(await dashboard(ctx)).toEqual(first);
    expect(reads).toEqual({ trainings: 1, curves: 1, predictions: 1 });
  });

  it('train and predict once when both calls are asked together', async () => {
    const { ctx, reads } = countingContext(database.context('FS'));
    const together = await dashboardTogether(ctx);
    expect(reads).toEqual({ trainings: 1, curves: 1, predictions: 1 });
    const own = await ownAnswer(ctx);
    expect(together).toEqual(own);
    expect(together.cost.customerCount).toBeGreaterThan(0);
  });

  it('are not read again after a sign-in, audit lines or a note in the story', async () => {
    const { ctx, reads } = countingContext(database.context('FS'));
    const first = await dashboardTogether(ctx);
    const counted = { ...reads };
    const inputs = await inputsNow(ctx);
    const snapshot = await snapshotNow(ctx);
    const plain = database.context('FS');
    // A user (and its audit line), then signing in: a session row.
    const credentials = { email: 'reader@fs.example', password: 'Lecture-seule-2026!' };
    await createUser(plain, { ...credentials, name: 'Reader', role: 'admin' });
    expect(await login(plain, credentials)).not.toBeNull();
    // An edit of a customer's file that leaves its status, and a note in its story.
    await insertAudit(plain.db, 'FS', 'test', {
      action: 'customer.update',
      entity: 'customer',
      entityKey: 'C1',
      before: { billingEmail: null },
      after: { billingEmail: 'c1@example.com' },
    });
    await insertEvents(plain.db, 'FS', 'test', [
      { customerCode: 'C1', kind: 'note', eventDate: '2026-04-28', documentRef: null, detail: 'Appelé' },
    ]);
    // Every one of them changed the snapshot, which keyed the shared reads before.
    expect(await snapshotNow(ctx)).not.toBe(snapshot);
    expect(await inputsNow(ctx)).toBe(inputs);
    expect(await dashboardTogether(ctx)).toEqual(first);
    expect(reads).toEqual(counted);
  });

  // Last: the model kept here serves every later call of the file at this date.
  it('predict once from a kept model when both calls are asked together', async () => {
    await storeForecastSnapshot({ ...database.context('FS'), actor: 'test' }, { asOf: AS_OF });
    const { ctx, reads } = countingContext(database.context('FS'));
    const together = await dashboardTogether(ctx);
    expect(reads).toEqual({ trainings: 0, curves: 1, predictions: 1 });
    expect(together).toEqual(await ownAnswer(ctx));
  });
});
