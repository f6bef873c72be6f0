/**
 * Payment-date predictions, back-test and collection forecast on a small ledger: settlement dates
 * (payments only, reversals left out), no leakage from later payments on the database, scoping,
 * and the HTTP shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { getAgenda } from '#app/dunning/agenda';
import { openDispute, resolveDispute } from '#app/dunning/disputes';
import { recordPromise } from '#app/dunning/promises';
import { forecastAccuracy } from '#app/forecast/accuracy';
import { backtestPredictions } from '#app/forecast/backtest';
import { forecastCollections } from '#app/forecast/collections';
import { MODEL_VERSION } from '#app/forecast/forecast-data';
import { predictPayments } from '#app/forecast/predictions';
import { backfillDates, storeForecastSnapshot } from '#app/forecast/snapshot';
import { selectForecastEvents } from '#db/forecast/forecast-events';
import { selectForecastInvoices } from '#db/forecast/forecast-queries';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { PASSWORD, type Session, signIn } from './http-fixture.ts';
import { doc, storedPrediction, storeForecastRun } from './stored-predictions.fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
let bob: Session;

const CUTOFF = '2026-03-10';
const documents = [
  doc('invoice', 'I1', 'C1', '2026-01-01', '2026-01-31', 100_000),
  doc('invoice', 'I2', 'C1', '2026-02-01', '2026-02-28', 300_000),
  doc('invoice', 'I3', 'C1', '2026-03-01', '2026-03-31', 200_000),
  doc('invoice', 'I4', 'C1', '2026-01-10', '2026-02-09', 50_000),
  doc('invoice', 'I5', 'C1', '2026-04-01', '2026-04-30', 80_000),
  doc('invoice', 'J1', 'C2', '2026-01-15', '2026-02-14', 120_000),
  doc('invoice', 'J2', 'C2', '2026-04-10', '2026-05-10', 90_000),
  doc('payment', 'P1', 'C1', '2026-02-10', '2026-02-10', -100_000),
  doc('payment', 'P2', 'C1', '2026-03-20', '2026-03-20', -300_000),
  doc('payment', 'P3', 'C1', '2026-03-05', '2026-03-05', -50_000),
  doc('payment', 'P4', 'C1', '2026-04-15', '2026-04-15', -100_000),
  doc('payment', 'Q1', 'C2', '2026-02-20', '2026-02-20', -120_000),
  doc('credit_note', 'CN1', 'C1', '2026-04-05', '2026-04-05', -100_000),
  doc('credit_note', 'CN2', 'C1', '2026-02-01', '2026-02-01', -50_000),
];
const allocations = [
  { debitRef: 'I1', creditRef: 'P1', amountMinor: 100_000, allocationDate: '2026-02-10' },
  { debitRef: 'I2', creditRef: 'P3', amountMinor: 50_000, allocationDate: '2026-03-05' },
  { debitRef: 'I2', creditRef: 'P2', amountMinor: 300_000, allocationDate: '2026-03-20' },
  { debitRef: 'I3', creditRef: 'CN1', amountMinor: 100_000, allocationDate: '2026-04-05' },
  { debitRef: 'I3', creditRef: 'P4', amountMinor: 100_000, allocationDate: '2026-04-15' },
  { debitRef: 'I4', creditRef: 'CN2', amountMinor: 50_000, allocationDate: '2026-02-01' },
  { debitRef: 'J1', creditRef: 'Q1', amountMinor: 120_000, allocationDate: '2026-02-20' },
];
// P3 was matched to I2 by mistake and unmatched the next day: it must not settle anything.
const reversals = [{ debitRef: 'I2', creditRef: 'P3', amountMinor: 50_000, allocationDate: '2026-03-06' }];

function dataset(code: string, cutAt?: string) {
  const known = (date: string) => cutAt === undefined || date <= cutAt;
  return {
    company: { code, name: `${code} SA`, currency: 'EUR', asOf: '2026-04-30' },
    customers: [
      customer('C1', { name: 'Alpha', salesperson: 'Alice' }),
      customer('C2', { name: 'Beta', salesperson: 'Bob' }),
    ],
    documents: documents.filter((d) => known(d.issueDate)),
    allocations: allocations.filter((a) => known(a.allocationDate)),
    reversals: reversals.filter((a) => known(a.allocationDate)),
    orders: [],
    events: [],
    users:
      cutAt === undefined
        ? [
            { email: 'claire@fc.test', name: 'Claire', role: 'credit_manager' as const, salesperson: null },
            { email: 'bob@fc.test', name: 'Bob', role: 'salesperson' as const, salesperson: 'Bob' },
          ]
        : [],
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  await loadDataset({ ...database.context('FC'), actor: 'test' }, dataset('FC'));
  // The same books as they stood at the cut-off: nothing dated after it.
  await loadDataset({ ...database.context('FCCUT'), actor: 'test' }, dataset('FCCUT', CUTOFF));
  app = await buildServer(database.runtime, { webRoot: null });
  manager = await signIn(app, 'claire@fc.test', PASSWORD);
  bob = await signIn(app, 'bob@fc.test', PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string, session: Session) => app.inject({ url, headers: session.headers });

describe('forecast records', () => {
  it('dates each settlement by the allocation that closed it, payments only, reversals left out', async () => {
    const rows = await selectForecastInvoices(database.context('FC').db, 'FC', '2026-04-30');
    const byRef = Object.fromEntries(rows.map((r) => [r.documentRef, [r.settledOn, r.settledByPayment]]));
    expect(byRef).toEqual({
      I1: ['2026-02-10', true],
      I2: ['2026-03-20', true],
      I3: ['2026-04-15', true],
      I4: ['2026-02-01', false],
      I5: [null, false],
      J1: ['2026-02-20', true],
      J2: [null, false],
    });
  });
});

describe('predictions', () => {
  it('do not move when payments dated after the cut-off are added to the books', async () => {
    const full = await predictPayments(database.context('FC'), { asOf: CUTOFF });
    const cut = await predictPayments(database.context('FCCUT'), { asOf: CUTOFF });
    expect(full.items.map((i) => i.documentRef)).toEqual(['I2', 'I3']);
    expect(full.items).toEqual(cut.items);
  });

  it('are served with their reasons in the language asked, scoped to the salesperson', async () => {
    const response = await get('/api/predictions?asOf=2026-04-30&lang=en', manager);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((i: { documentRef: string }) => i.documentRef).sort()).toEqual(['I5', 'J2']);
    const i5 = body.items.find((i: { documentRef: string }) => i.documentRef === 'I5');
    expect(i5).toMatchObject({
      customerCode: 'C1',
      dueDate: '2026-04-30',
      openMinor: 80_000,
      currency: 'EUR',
    });
    expect(i5.p10Date <= i5.predictedDate && i5.predictedDate <= i5.p90Date).toBe(true);
    expect(i5.reasons[0]).toMatchObject({ code: 'customer_history', figures: { settledInvoices: 3 } });
    expect(i5.reasons[0].message).toMatch(/^Customer history: 3 invoices settled/);
    const mine = (await get('/api/predictions?asOf=2026-04-30', bob)).json();
    expect(mine.items.map((i: { documentRef: string }) => i.documentRef)).toEqual(['J2']);
    expect((await get('/api/customers/C1/predictions', bob)).statusCode).toBe(404);
    const c2 = (await get('/api/customers/C2/predictions?asOf=2026-04-30', manager)).json();
    expect(c2.items.map((i: { documentRef: string }) => i.documentRef)).toEqual(['J2']);
  });
});

describe('back-test and collection forecast', () => {
  it('scores the model and both baselines on the same invoices', async () => {
    const result = await backtestPredictions(database.context('FC'), {
      from: '2026-02-01',
      to: '2026-03-31',
    });
    expect(result.cutoffs).toEqual(['2026-02-28', '2026-03-31']);
    // Open at 28 Feb and paid later: I2 (paid 20 March); at 31 March: I3 (paid 15 April).
    expect(result.invoices).toBe(2);
    expect(result.methods.map((m) => m.method)).toEqual(['model', 'dueDate', 'customerMeanDelay']);
  });

  it('spreads the open items over weeks starting on Monday, with a band around them', async () => {
    const response = await get('/api/forecast/collections?asOf=2026-04-30&weeks=4', manager);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.weeks.map((w: { weekStart: string }) => w.weekStart)).toEqual([
      '2026-04-27',
      '2026-05-04',
      '2026-05-11',
      '2026-05-18',
    ]);
    for (const week of body.weeks) {
      expect(week.lowMinor).toBeLessThanOrEqual(week.fromOpenItemsMinor + week.fromFutureSalesMinor);
      expect(week.highMinor).toBeGreaterThanOrEqual(week.fromOpenItemsMinor + week.fromFutureSalesMinor);
    }
    const fromOpen = body.weeks.reduce(
      (s: number, w: { fromOpenItemsMinor: number }) => s + w.fromOpenItemsMinor,
      0,
    );
    expect(fromOpen).toBeGreaterThan(0);
    expect(fromOpen).toBeLessThanOrEqual(80_000 + 90_000 + 1);
    expect((await get('/api/forecast/collections', bob)).statusCode).toBe(403);
  });

  it('gives the same horizon by day and by calendar month, days before the as-of date left out', async () => {
    const byDay = (await get('/api/forecast/collections?asOf=2026-04-30&weeks=4&by=day', manager)).json();
    expect(byDay.days.map((d: { date: string }) => d.date).slice(0, 2)).toEqual(['2026-05-01', '2026-05-02']);
    expect(byDay.days.at(-1).date).toBe('2026-05-24');
    const byMonth = (await get('/api/forecast/collections?asOf=2026-04-30&weeks=4&by=month', manager)).json();
    expect(
      byMonth.months.map((m: { month: string; periodStart: string }) => [m.month, m.periodStart]),
    ).toEqual([['2026-05', '2026-05-01']]);
    const total = (rows: { fromFutureSalesMinor: number }[]) =>
      rows.reduce((sum, row) => sum + row.fromFutureSalesMinor, 0);
    // Future sales are spread by their dates alone: every cut holds the same amount.
    expect([total(byDay.days), total(byMonth.months)]).toEqual([total(byDay.weeks), total(byDay.weeks)]);
    for (const row of [...byDay.days, ...byMonth.months])
      expect(row.highMinor).toBeGreaterThanOrEqual(row.fromOpenItemsMinor + row.fromFutureSalesMinor);
    expect((await get('/api/forecast/collections?by=year', manager)).statusCode).toBe(400);
  });
});

describe('stored forecasts: forecast vs actual', () => {
  it('sets each elapsed week’s receipts against the forecast stored before it began', async () => {
    const ctx = database.context('FC');
    const stored = await storeForecastSnapshot(ctx, { asOf: '2026-03-15' });
    expect(stored).toMatchObject({ asOf: '2026-03-15', openInvoices: 2, weeks: 13 });
    const made = await forecastCollections(ctx, { asOf: '2026-03-15', weeks: 13 });
    const accuracy = await forecastAccuracy(ctx, { asOf: '2026-04-30', weeks: 8 });
    // Weeks from Monday 16 March to the week of 20 April, the last one over by 30 April.
    expect(accuracy.weeks.map((w) => w.weekStart)).toEqual([
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
      '2026-04-06',
      '2026-04-13',
      '2026-04-20',
    ]);
    // P2 came on 20 March, P4 on 15 April; P3 (5 March) was before the forecast.
    expect(accuracy.weeks.map((w) => w.actualMinor)).toEqual([300_000, 0, 0, 0, 100_000, 0]);
    for (const week of accuracy.weeks) {
      const forecast = made.weeks.find((w) => w.weekStart === week.weekStart);
      expect(week.runId).toBe(stored.runId);
      expect(week.forecastMinor).toBe(
        (forecast?.fromOpenItemsMinor ?? 0) + (forecast?.fromFutureSalesMinor ?? 0),
      );
    }
    const absolute = accuracy.weeks.reduce((sum, w) => sum + Math.abs(w.forecastMinor - w.actualMinor), 0);
    expect(accuracy.wapeBp).toBe(Math.round((absolute / 400_000) * 10_000));
    const response = await get('/api/forecast/accuracy?asOf=2026-04-30&weeks=8', manager);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(accuracy);
    expect((await get('/api/forecast/accuracy', bob)).statusCode).toBe(403);
    const runs = (await get('/api/forecast/runs', manager)).json();
    expect(runs.items[0]).toMatchObject({ runId: stored.runId, asOf: '2026-03-15', openInvoices: 2 });
  });

  it('backfills one forecast per past Sunday', () => {
    expect(backfillDates('2026-04-30', 3)).toEqual(['2026-04-12', '2026-04-19', '2026-04-26']);
    expect(backfillDates('2026-04-26', 2)).toEqual(['2026-04-19', '2026-04-26']);
  });
});

describe('the collector’s agenda and stored predictions', () => {
  it('ranks money falling due by the latest stored run, computing only when none is stored', async () => {
    const ctx = database.context('FC');
    const asOf = '2026-04-30';
    const likelyLate = async (date: string) => {
      const agenda = await getAgenda(ctx, { asOf: date });
      const of = (code: string) =>
        agenda.entries.find((e) => e.customerCode === code)?.factors.find((f) => f.factor === 'likely_late')
          ?.input ?? 0;
      return { C1: of('C1'), C2: of('C2') };
    };
    // I5 (C1, due 30 April, 80,000 open) and J2 (C2, due 10 May, 90,000) fall due within 15 days.
    const computed = await predictPayments(ctx, { asOf });
    const late = (ref: string) =>
      (computed.items.find((i) => i.documentRef === ref)?.probabilityLate ?? 0) >= 0.5;
    const expected = (lateByRef: Record<string, boolean>) =>
      Object.fromEntries(
        [
          ['C1', 'I5', 80_000],
          ['C2', 'J2', 90_000],
        ].map(([code, ref, minor]) => [code, lateByRef[ref as string] ? minor : 0]),
      );
    expect(await likelyLate(asOf)).toEqual(expected({ I5: late('I5'), J2: late('J2') }));
    // A run stored three days before says the opposite of today's model: the agenda follows it.
    const ids = Object.fromEntries(
      (await selectForecastInvoices(ctx.db, 'FC', asOf)).map((r) => [r.documentRef, r.documentId]),
    );
    const storedRow = (ref: string, probabilityLate: number) =>
      storedPrediction(ids[ref] as number, asOf, probabilityLate);
    await storeForecastRun(ctx.db, { companyId: 'FC', asOf: '2026-04-27', modelVersion: MODEL_VERSION }, [
      storedRow('I5', late('I5') ? 1_000 : 9_000),
      storedRow('J2', late('J2') ? 1_000 : 9_000),
    ]);
    expect(await likelyLate(asOf)).toEqual(expected({ I5: !late('I5'), J2: !late('J2') }));
    // More than a week after the run, it is stale: the model is asked again.
    const later = '2026-05-05';
    const laterComputed = await predictPayments(ctx, { asOf: later });
    const j2Late = (laterComputed.items.find((i) => i.documentRef === 'J2')?.probabilityLate ?? 0) >= 0.5;
    expect((await likelyLate(later)).C2).toBe(j2Late ? 90_000 : 0);
  });
});

describe('disputes and promises in the predictions', () => {
  it('reads the dunning records as dated events, and lets them move the dates', async () => {
    const ctx = database.context('FC');
    const dispute = await openDispute(ctx, { documentRef: 'J2', reason: 'quality', openedOn: '2026-04-20' });
    await resolveDispute(ctx, {
      disputeId: dispute.disputeId,
      resolution: 'rejected',
      resolvedOn: '2026-05-20',
    });
    await recordPromise(ctx, {
      customerCode: 'C1',
      madeOn: '2026-04-25',
      instalments: [
        { dueDate: '2026-05-05', amountMinor: 40_000 },
        { dueDate: '2026-05-12', amountMinor: 40_000 },
      ],
      documentRefs: ['I5'],
    });
    const refs = new Map(
      (await selectForecastInvoices(ctx.db, 'FC', '2026-06-30')).map((r) => [r.documentId, r.documentRef]),
    );
    // The customer events the use cases also wrote are not counted twice.
    const events = await selectForecastEvents(ctx.db, 'FC', '2026-06-30');
    expect(events.map((e) => [refs.get(e.documentId), e.kind, e.date, e.promisedDate])).toEqual([
      ['J2', 'dispute_opened', '2026-04-20', undefined],
      ['I5', 'promise', '2026-04-25', '2026-05-12'],
      ['J2', 'dispute_resolved', '2026-05-20', undefined],
    ]);
    const { items } = await predictPayments(ctx, { asOf: '2026-04-30', lang: 'en' });
    const i5 = items.find((i) => i.documentRef === 'I5');
    const j2 = items.find((i) => i.documentRef === 'J2');
    // No promise of C1's has come due yet: payment expected on the last instalment's date.
    expect(i5?.predictedDate).toBe('2026-05-12');
    expect(i5?.reasons.find((r) => r.code === 'promise')?.message).toBe(
      'Promise to pay on 12/05/2026: payment expected then',
    );
    // No dispute settled in the books yet: the default 30 days from 20 April.
    const disputeReason = j2?.reasons.find((r) => r.code === 'dispute');
    expect(disputeReason?.figures).toMatchObject({ basis: 'default', notBefore: '2026-05-20' });
    expect((j2?.predictedDate ?? '') >= '2026-05-20').toBe(true);
  });
});
