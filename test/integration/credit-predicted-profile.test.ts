/**
 * The scoring's predicted payer profile on a small ledger and hand-made stored predictions: the
 * latest run on or before the scoring date (at most 14 days old) is read, a newer or older one is
 * not, the open amounts are those at the date, and without predictions the criterion is missing.
 * Invoices with no payment expected (a very old one, predicted at the horizon; a claim from before
 * a judgment) are no delay: their amount is counted apart and scored as the worst case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { configInForce, listConfigVersions } from '#app/credit/configuration';
import { rescoreCustomers } from '#app/credit/scoring';
import { loadDataset } from '#app/demo/load-dataset';
import {
  DEFAULT_SCORING_METHOD,
  DEFAULT_SCORING_METHOD_2026_06,
  DEFAULT_SCORING_METHOD_2026_06_15,
} from '#core/credit/default-scoring-method';
import { DEFAULT_SCORING_METHOD_2026_01 } from '#core/credit/default-scoring-method-2026-01';
import { predictionInputs } from '#db/credit/prediction-inputs';
import { paymentInputs } from '#db/credit/scoring-inputs';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { doc, storedPrediction, storeForecastRun } from './stored-predictions.fixture.ts';

let database: TestDatabase;
let ctx: AppContext;

const documents = [
  doc('invoice', 'A1', 'K1', '2026-04-01', '2026-05-01', 100_000),
  doc('invoice', 'A2', 'K1', '2026-05-15', '2026-06-14', 300_000),
  doc('invoice', 'A3', 'K1', '2026-05-20', '2026-06-19', 50_000),
  doc('invoice', 'B1', 'K2', '2026-05-25', '2026-07-01', 200_000),
  // Issued after the run of 2026-06-20: no prediction.
  doc('invoice', 'C1', 'K3', '2026-06-28', '2026-07-28', 70_000),
  // K4: a very old invoice and a claim from before a judgment, both with no payment expected, and
  // one ordinary invoice.
  doc('invoice', 'D1', 'K4', '2023-01-10', '2023-02-10', 400_000),
  doc('invoice', 'D2', 'K4', '2026-05-01', '2026-05-31', 100_000),
  doc('invoice', 'D3', 'K4', '2026-03-16', '2026-04-15', 100_000),
  doc('payment', 'PA', 'K1', '2026-06-25', '2026-06-25', -50_000),
  // Paid after the scoring date: A1 is still open on 2026-06-30.
  doc('payment', 'PB', 'K1', '2026-07-05', '2026-07-05', -100_000),
];
const allocations = [
  { debitRef: 'A3', creditRef: 'PA', amountMinor: 50_000, allocationDate: '2026-06-25' },
  { debitRef: 'A1', creditRef: 'PB', amountMinor: 100_000, allocationDate: '2026-07-05' },
];

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('SP');
  await loadDataset(
    { ...ctx, actor: 'test' },
    {
      company: { code: 'SP', name: 'SP SA', currency: 'EUR', asOf: '2026-06-30' },
      customers: [customer('K1'), customer('K2'), customer('K3'), customer('K4')],
      documents,
      allocations,
      reversals: [],
      orders: [],
      events: [],
    },
  );
  const ids = new Map(
    (
      await ctx.db
        .selectFrom('documents')
        .select(['external_ref', 'document_id'])
        .where('company_id', '=', 'SP')
        .execute()
    ).map((row) => [row.external_ref, Number(row.document_id)]),
  );
  const id = (ref: string) => ids.get(ref)!;
  const storeRun = (asOf: string, predictions: ReturnType<typeof storedPrediction>[]) =>
    storeForecastRun(ctx.db, { companyId: 'SP', asOf, modelVersion: 'test' }, predictions);
  await storeRun('2026-06-01', [
    storedPrediction(id('A1'), '2026-05-10', 8_000),
    storedPrediction(id('A2'), '2026-06-14', 1_000),
  ]);
  await storeRun('2026-06-20', [
    storedPrediction(id('A1'), '2026-06-25', 9_000),
    storedPrediction(id('A2'), '2026-07-14', 6_000),
    storedPrediction(id('A3'), '2026-06-22', 7_000),
    storedPrediction(id('B1'), '2026-06-28', 2_000),
    // The horizon (a year after the run) and a date within the court's plan: neither a payment date.
    storedPrediction(id('D1'), '2027-06-20', 10_000, false),
    storedPrediction(id('D2'), '2026-07-10', 8_000, true),
    storedPrediction(id('D3'), '2026-08-10', 9_000, false),
  ]);
  // Made after the scoring date: never read as of 2026-06-30.
  await storeRun('2026-07-05', [
    storedPrediction(id('A2'), '2027-01-01', 10_000),
    storedPrediction(id('B1'), '2027-01-01', 10_000),
  ]);
});
afterAll(async () => {
  await database?.close();
});

const read = (asOf: string, customerCode?: string) =>
  predictionInputs(ctx.db, 'SP', { asOf, maxAgeDays: 14, customerCode });

describe('the predicted payer profile', () => {
  it('reads the latest run on or before the date, on the amounts open at the date', async () => {
    // K1: A1 expected 25/06 but still open on 30/06 → 30/06 − 01/05 = 60 days; A2 14/07 − 14/06 = 30
    // days; A3 paid on 25/06 drops out. (100 000 × 60 + 300 000 × 30) / 400 000 = 37.5 days, all
    // of it likely late. K2: expected 28/06, counted from 30/06, before its due date 01/07 → 0.
    expect(await read('2026-06-30')).toEqual([
      {
        customerCode: 'K1',
        runAsOf: '2026-06-20',
        predictedOpenMinor: 400_000,
        noPaymentExpectedMinor: 0,
        noPaymentExpectedShareBps: 0,
        predictedDaysLate: 37.5,
        likelyLateShareBps: 10_000,
      },
      {
        customerCode: 'K2',
        runAsOf: '2026-06-20',
        predictedOpenMinor: 200_000,
        noPaymentExpectedMinor: 0,
        noPaymentExpectedShareBps: 0,
        predictedDaysLate: 0,
        likelyLateShareBps: 0,
      },
      // K4: D2 alone is expected, 10/07 − 31/05 = 40 days (read with D1 at the horizon and D3 in
      // August, as before, it was 1 086.8 days); D1 and D3, 500 000 of 600 000, have none.
      {
        customerCode: 'K4',
        runAsOf: '2026-06-20',
        predictedOpenMinor: 600_000,
        noPaymentExpectedMinor: 500_000,
        noPaymentExpectedShareBps: 8_333,
        predictedDaysLate: 40,
        likelyLateShareBps: 10_000,
      },
    ]);
    expect((await read('2026-06-30', 'K2')).map((row) => row.customerCode)).toEqual(['K2']);
  });

  it('takes an older run within 14 days, and nothing when the latest is older', async () => {
    // As of 10/06 the run of 01/06: A1 max(10/05, 10/06) − 01/05 = 40 days; A2 0 days.
    // (100 000 × 40) / 400 000 = 10.0 days; 100 000 / 400 000 likely late = 2 500 bps.
    expect(await read('2026-06-10')).toEqual([
      {
        customerCode: 'K1',
        runAsOf: '2026-06-01',
        predictedOpenMinor: 400_000,
        noPaymentExpectedMinor: 0,
        noPaymentExpectedShareBps: 0,
        predictedDaysLate: 10,
        likelyLateShareBps: 2_500,
      },
    ]);
    // 16/06: the run of 01/06 is 15 days old, the run of 20/06 is after the date.
    expect(await read('2026-06-16')).toEqual([]);
  });

  it('scores the predicted delay in the payment group, and re-weights without it', async () => {
    const summary = await rescoreCustomers({ ...ctx, actor: 'test' }, { asOf: '2026-06-30' });
    const byCode = new Map(summary.scores.map((s) => [s.customerCode, s]));
    expect(byCode.get('K1')?.inputs['predicted_days_late']).toBe(37.5);
    const k1 = byCode.get('K1')?.result.criteria.find((c) => c.criterion === 'predicted_days_late');
    // Weight 4 in the method in force (5 in default-2026-06, before the current arrears took 36).
    expect(k1).toMatchObject({ group: 'payments', value: 37.5, points: 1, weight: 4 });
    expect(byCode.get('K2')?.result.criteria.find((c) => c.criterion === 'predicted_days_late')?.points).toBe(
      10,
    );
    expect(byCode.get('K3')?.result.missing).toContain('predicted_days_late');
    expect(byCode.get('K3')?.inputs['no_payment_expected_share_bps']).toBeNull();
    // K4: the delay of D2 on the sixth of the weight it leaves, the five sixths apart at 0 points.
    const k4 = byCode.get('K4')!;
    expect(k4.inputs).toMatchObject({
      predicted_days_late: 40,
      no_payment_expected_share_bps: 8_333,
      no_payment_expected_minor: 500_000,
    });
    expect(
      k4.result.criteria.filter((c) =>
        ['predicted_days_late', 'no_payment_expected_share_bps'].includes(c.criterion),
      ),
    ).toEqual([
      expect.objectContaining({ criterion: 'predicted_days_late', value: 40, points: 1, weight: 0.6668 }),
      expect.objectContaining({
        criterion: 'no_payment_expected_share_bps',
        value: 8_333,
        points: 0,
        weight: 3.3332,
      }),
    ]);
    const earlier = await rescoreCustomers({ ...ctx, actor: 'test' }, { asOf: '2026-06-16' });
    for (const score of earlier.scores) {
      expect(score.inputs['predicted_days_late']).toBeNull();
      expect(score.result.missing).toContain('predicted_days_late');
    }
  });

  it('scores a date before the new default with the 2026-01 method, which has no such criterion', async () => {
    expect((await configInForce(ctx, 'scoring_method', '2026-05-31')).version).toBe(
      DEFAULT_SCORING_METHOD_2026_01.version,
    );
    expect((await configInForce(ctx, 'scoring_method', '2026-06-01')).version).toBe(
      DEFAULT_SCORING_METHOD_2026_06.version,
    );
    expect((await configInForce(ctx, 'scoring_method', '2026-06-15')).version).toBe(
      DEFAULT_SCORING_METHOD_2026_06_15.version,
    );
    expect((await configInForce(ctx, 'scoring_method', '2026-06-30')).version).toBe(
      DEFAULT_SCORING_METHOD.version,
    );
    const versions = await listConfigVersions(ctx, 'scoring_method');
    expect(versions.map((v) => [v.version, v.isDefault])).toEqual([
      [DEFAULT_SCORING_METHOD.version, true],
      [DEFAULT_SCORING_METHOD_2026_06_15.version, true],
      [DEFAULT_SCORING_METHOD_2026_06.version, true],
      [DEFAULT_SCORING_METHOD_2026_01.version, true],
    ]);
    const before = await rescoreCustomers({ ...ctx, actor: 'test' }, { asOf: '2026-05-31' });
    expect(before.methodVersion).toBe(DEFAULT_SCORING_METHOD_2026_01.version);
    for (const score of before.scores) expect(score.result.missing).not.toContain('predicted_days_late');
  });
  it('reads the current arrears as of the date: open debits, the part over 60 days past due, the oldest', async () => {
    const arrears = async (asOf: string) =>
      (await paymentInputs(ctx.db, 'SP', asOf)).map((row) => [
        row.customerCode,
        row.openDebitsMinor,
        row.arrearsMinor,
        row.oldestOverdueDays,
      ]);
    // 30/06: A1 (due 01/05) is 60 days past due, not over 60; A2 16 days; B1 and C1 not due yet.
    expect(await arrears('2026-06-30')).toEqual([
      ['K1', 400_000, 0, 60],
      ['K2', 200_000, 0, 0],
      ['K3', 70_000, 0, 0],
      ['K4', 600_000, 500_000, 1_236],
    ]);
    // 01/07: A1 is 61 days past due (a quarter of K1's open debits); B1 falls due that day, not past it.
    expect((await arrears('2026-07-01'))[0]).toEqual(['K1', 400_000, 100_000, 61]);
    // 05/07: A1 is paid that day (known only from then on); A2 is the oldest, 21 days past due.
    expect((await arrears('2026-07-05'))[0]).toEqual(['K1', 300_000, 0, 21]);
    const summary = await rescoreCustomers({ ...ctx, actor: 'test' }, { asOf: '2026-07-01' });
    expect(summary.scores[0]?.inputs).toMatchObject({ overdue_60_share_bps: 2_500, oldest_overdue_days: 61 });
  });
});
