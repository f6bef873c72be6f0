import { describe, expect, it } from 'vitest';
import {
  type CustomerSituation,
  customerFindings,
  DEFAULT_ANOMALY_THRESHOLDS,
  makeFinding,
} from './anomalies.ts';

/** Exposure and limit in force default to the balance and the file's limit, unless given. */
const situation = (code: string, over: Partial<CustomerSituation> = {}): CustomerSituation => {
  const row = base(code, over);
  const exposureMinor = over.exposureMinor ?? row.balanceMinor;
  const limitMinor = over.limitMinor === undefined ? row.creditLimitMinor : over.limitMinor;
  return {
    ...row,
    exposureMinor,
    limitMinor,
    availableMinor: limitMinor === null ? null : limitMinor - exposureMinor,
  };
};

const base = (
  code: string,
  over: Partial<CustomerSituation>,
): Omit<CustomerSituation, 'exposureMinor' | 'limitMinor' | 'availableMinor'> => ({
  code,
  name: `Client ${code}`,
  salesperson: null,
  balanceMinor: 100_000,
  overdueMinor: 0,
  severeOverdueMinor: 0,
  creditsMinor: 0,
  creditLimitMinor: 1_000_000,
  limitUsage: 0.1,
  oldestOverdueDays: 0,
  oldestCreditDays: 0,
  lastReminderDate: null,
  dispute: false,
  disputedOpenMinor: 0,
  disputedRefs: [],
  proceedings: false,
  openOrdersMinor: 0,
  pendingOrders: 0,
  ...over,
});

const codesOf = (rows: CustomerSituation[], kind: string) =>
  customerFindings(rows, DEFAULT_ANOMALY_THRESHOLDS, () => 0)
    .find((f) => f.kind === kind)
    ?.customers.map((c) => c.code);

describe('each finding ranks its customers by its own measure, whatever the risk table’s order', () => {
  it('disputes by the amount disputed: a 30 999 € dispute before a 362 € one', () => {
    const rows = [
      situation('GUERIN', { dispute: true, disputedOpenMinor: 36_226, balanceMinor: 409_958 }),
      situation('MOREAU', { dispute: true, disputedOpenMinor: 105_859, balanceMinor: 890_816 }),
      situation('BRICO', { dispute: true, disputedOpenMinor: 3_099_902, balanceMinor: 200_000 }),
    ];
    expect(codesOf(rows, 'disputed_items')).toEqual(['BRICO', 'MOREAU', 'GUERIN']);
  });

  it('over the limit by the amount over it, not by the balance', () => {
    const rows = [
      // 705 € over a large limit, listed first by the table.
      situation('BIG', { balanceMinor: 10_070_500, creditLimitMinor: 10_000_000 }),
      // 146 %: 4 600 € over.
      situation('SMALL', { balanceMinor: 1_460_000, creditLimitMinor: 1_000_000, pendingOrders: 1 }),
      situation('UNDER', { balanceMinor: 500_000, creditLimitMinor: 1_000_000 }),
    ];
    expect(codesOf(rows, 'over_limit')).toEqual(['SMALL', 'BIG']);
  });

  it('over the limit by exposure against the limit in force, as the credit panel’s « Disponible »', () => {
    const rows = [
      // Nothing invoiced, 23 048,34 € of orders against a 15 000 € limit: « Disponible −8 048,34 € ».
      situation('ORDERS', { balanceMinor: 0, exposureMinor: 2_304_834, creditLimitMinor: 1_500_000 }),
      // Its balance is over the file's limit, but a temporary limit in force covers its exposure.
      situation('TEMPORARY', { balanceMinor: 1_200_000, creditLimitMinor: 1_000_000, limitMinor: 1_500_000 }),
    ];
    const found = customerFindings(rows, DEFAULT_ANOMALY_THRESHOLDS, () => 0).find(
      (f) => f.kind === 'over_limit',
    );
    expect(found?.customers.map((c) => [c.code, c.evidence['overLimitMinor']])).toEqual([
      ['ORDERS', 804_834],
    ]);
  });

  it('unapplied credits by the credit (negative), overdue without reminder by the 90-day amount', () => {
    const credits = [
      situation('A', { creditsMinor: -1_000, oldestCreditDays: 60 }),
      situation('B', { creditsMinor: -50_000, oldestCreditDays: 60 }),
    ];
    expect(codesOf(credits, 'unapplied_credits')).toEqual(['B', 'A']);
    const overdue = [
      situation('A', { severeOverdueMinor: 1_000, oldestOverdueDays: 120 }),
      situation('B', { severeOverdueMinor: 9_000, oldestOverdueDays: 100 }),
    ];
    expect(codesOf(overdue, 'overdue_90_no_reminder')).toEqual(['B', 'A']);
  });

  it('equal measures by code; bounced payments by amount', () => {
    const rows = [
      situation('B', { creditLimitMinor: null }),
      situation('A', { creditLimitMinor: null }),
      situation('C', { creditLimitMinor: null, balanceMinor: 200_000 }),
    ];
    expect(codesOf(rows, 'no_credit_limit_with_exposure')).toEqual(['C', 'A', 'B']);
    const bounced = makeFinding('bounced_payment', 'warning', [
      { code: 'A', name: 'A', evidence: { amountMinor: 51_140 } },
      { code: 'B', name: 'B', evidence: { amountMinor: 400_776 } },
    ]);
    expect(bounced?.customers.map((c) => c.code)).toEqual(['B', 'A']);
  });
});
