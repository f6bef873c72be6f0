import { describe, expect, it } from 'vitest';
import { type ManualReminderInput, planManualReminder } from './manual-claim.ts';
import type { DunningCustomer, DunningInvoice } from './plan-types.ts';
import { type DunningPolicy, EXAMPLE_STEPS } from './policy.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

const POLICY: DunningPolicy = {
  code: 'standard',
  version: 2,
  effectiveFrom: '2020-01-01',
  scope: { kind: 'default' },
  currency: 'EUR',
  steps: EXAMPLE_STEPS,
  formalNoticeLeadDays: 8,
  minimumDaysBetweenSteps: 0,
  promiseGraceDays: 2,
};
const CUSTOMER: DunningCustomer = {
  customerCode: 'C1',
  customerType: 'sme',
  riskClass: null,
  inInsolvency: false,
  pausedUntil: null,
  interestClause: { kind: 'legal' },
  openCredits: [],
};

function invoice(id: string, dueDate: string, openMinor: number, extra: Partial<DunningInvoice> = {}) {
  return {
    id,
    customerCode: 'C1',
    dueDate,
    openMinor,
    currency: 'EUR',
    level: 0,
    lastStepDate: null,
    formalNoticeDate: null,
    disputed: false,
    promise: null,
    pausedUntil: null,
    ...extra,
  } satisfies DunningInvoice;
}

function manual(
  stepCode: string,
  doneOn: string,
  invoices: DunningInvoice[],
  extra: Partial<ManualReminderInput> = {},
) {
  const level = POLICY.steps.findIndex((s) => s.code === stepCode) + 1;
  const step = POLICY.steps[level - 1];
  if (!step) throw new Error(stepCode);
  return planManualReminder({
    customer: CUSTOMER,
    policy: POLICY,
    step,
    level,
    channel: 'call_task',
    invoices,
    settings: { asOf: doneOn, policies: [POLICY], rates: REFERENCE_RATES, rateMode: 'split_by_semester' },
    ...extra,
  });
}

const figures = (actions: ReturnType<typeof planManualReminder>) =>
  actions.map((a) => [
    a.currency,
    a.openTotalMinor,
    a.interestTotalMinor,
    a.indemnityTotalMinor,
    a.totalDueMinor,
  ]);

describe('a reminder made outside Encours claims what its step claims', () => {
  it('computes the reference’s interest across a half-year and the 40 € indemnity (step claims)', () => {
    // french-payment-rules §5: 10,000.00 due 2025-06-15, 60 days to 2025-08-14:
    // 15 d × 13.15 % + 45 d × 12.15 % = 203.84; plus 40.00 for the late invoice.
    const [action] = manual('reminder_2', '2025-08-14', [invoice('A', '2025-06-15', 1_000_000)]);
    expect(figures(action ? [action] : [])).toEqual([['EUR', 1_000_000, 20_384, 4_000, 1_024_384]]);
    expect(action?.items.map((i) => [i.daysLate, i.level, i.interest, i.indemnityMinor])).toEqual([
      [60, 3, { status: 'claimed', interestMinor: 20_384 }, 4_000],
    ]);
    expect([action?.channel, action?.stepCode, action?.level]).toEqual(['call_task', 'reminder_2', 3]);
  });

  it('follows the person’s choice over the step’s, both ways', () => {
    // §5: 5,000.00 due 2026-01-31, 30 days to 2026-03-02 at 12.15 % = 49.93.
    const late = [invoice('B', '2026-01-31', 500_000)];
    expect(figures(manual('call', '2026-03-02', late))).toEqual([['EUR', 500_000, 0, 0, 500_000]]);
    const ticked = manual('call', '2026-03-02', late, { claim: { interest: true, indemnity: true } });
    expect(figures(ticked)).toEqual([['EUR', 500_000, 4_993, 4_000, 508_993]]);
    const interestOnly = manual('reminder_2', '2026-03-02', late, { claim: { indemnity: false } });
    expect(figures(interestOnly)).toEqual([['EUR', 500_000, 4_993, 0, 504_993]]);
  });

  it('sums several invoices, nets the credits, and never lowers an invoice’s level', () => {
    // §5: 1,200.00 due 2023-06-30, 30 days to 2023-07-30 at 14.00 % (the delay starts on 1 July)
    // = 13.81 and 40.00; the 3,000.00 invoice falls due after the reminder: no interest, no indemnity.
    const credits = { ...CUSTOMER, openCredits: [{ currency: 'EUR' as const, amountMinor: 20_000 }] };
    const actions = manual(
      'reminder_2',
      '2023-07-30',
      [invoice('D', '2023-08-15', 300_000), invoice('C', '2023-06-30', 120_000, { level: 5 })],
      { customer: credits },
    );
    expect(figures(actions)).toEqual([['EUR', 420_000, 1_381, 4_000, 420_000 + 1_381 + 4_000 - 20_000]]);
    expect(actions[0]?.items.map((i) => [i.invoiceId, i.daysLate, i.fromLevel, i.level])).toEqual([
      ['C', 30, 5, 5],
      ['D', -16, 0, 3],
    ]);
  });

  it('claims nothing from a customer in insolvency proceedings, even when asked', () => {
    const insolvent = { ...CUSTOMER, inInsolvency: true };
    const actions = manual('formal_notice', '2025-08-14', [invoice('E', '2025-06-15', 1_000_000)], {
      customer: insolvent,
      claim: { interest: true, indemnity: true },
    });
    expect(figures(actions)).toEqual([['EUR', 1_000_000, 0, 0, 1_000_000]]);
  });

  it('makes one action per currency; the euro indemnity is not added to another currency', () => {
    const actions = manual('reminder_2', '2025-08-14', [
      invoice('F', '2025-06-15', 1_000_000, { currency: 'USD' }),
      invoice('G', '2025-06-15', 1_000_000),
    ]);
    expect(figures(actions)).toEqual([
      ['EUR', 1_000_000, 20_384, 4_000, 1_024_384],
      ['USD', 1_000_000, 20_384, 0, 1_020_384],
    ]);
  });
});
