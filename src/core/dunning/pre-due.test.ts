import { describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY, exampleCustomer, exampleInvoice } from './example-plan.fixture.ts';
import { type DunningInvoice, type PlanSettings, planDunning } from './planner.ts';
import { type DunningPolicy, EXAMPLE_STEPS } from './policy.ts';
import { validatePolicy } from './policy-validation.ts';
import { isPreDueAction, likelyLateFirst, likelyOnTime, preDueWindowDays } from './pre-due.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

/** The example policy (courtesy e-mail at D−5), the courtesy step reminding only from 50 % late. */
const FILTERED: DunningPolicy = {
  ...EXAMPLE_POLICY,
  version: 2,
  steps: EXAMPLE_STEPS.map((s) => (s.code === 'courtesy' ? { ...s, minimumLateProbabilityBp: 5_000 } : s)),
};
const settings = (policy: DunningPolicy): PlanSettings => ({
  asOf: '2025-09-30',
  policies: [policy],
  rates: REFERENCE_RATES,
  rateMode: 'split_by_semester',
});
const CUSTOMERS = ['C1', 'C2', 'C3', 'C4'].map((code) => exampleCustomer(code));
const INVOICES: DunningInvoice[] = [
  exampleInvoice('A1', 'C1', '2025-10-03', 100_000, { lateProbabilityBp: 1_800 }), // likely on time
  exampleInvoice('A2', 'C1', '2025-09-20', 200_000, { lateProbabilityBp: 1_000 }), // overdue: reminded
  exampleInvoice('B1', 'C2', '2025-10-04', 50_000, { lateProbabilityBp: 6_200 }),
  exampleInvoice('C1', 'C3', '2025-10-02', 70_000), // no prediction: not filtered
  exampleInvoice('D1', 'C4', '2025-10-05', 40_000, { lateProbabilityBp: 9_100 }),
  exampleInvoice('D2', 'C4', '2025-10-01', 30_000, { lateProbabilityBp: 5_000 }), // at the minimum: reminded
];

describe('pre-due reminders and the probability of lateness', () => {
  it('leaves the likely on time alone before the due date, with the probability and the minimum', () => {
    const plan = planDunning(CUSTOMERS, INVOICES, settings(FILTERED));
    expect(plan.skipped).toEqual([
      {
        invoiceId: 'A1',
        customerCode: 'C1',
        reason: 'likely_on_time',
        level: 1,
        lateProbabilityBp: 1_800,
        minimumLateProbabilityBp: 5_000,
      },
    ]);
    const courtesy = plan.actions.filter((a) => a.stepCode === 'courtesy');
    expect(
      courtesy.map((a) => [a.customerCode, a.items.map((i) => i.invoiceId), a.lateProbabilityBp]),
    ).toEqual([
      ['C2', ['B1'], 6_200],
      ['C3', ['C1'], undefined],
      ['C4', ['D2', 'D1'], 9_100],
    ]);
    // The overdue invoice's reminder does not look at its probability.
    expect(plan.actions.find((a) => a.customerCode === 'C1')?.items.map((i) => i.invoiceId)).toEqual(['A2']);
  });

  it('changes nothing for a policy without the option (versions saved before it)', () => {
    const without = planDunning(CUSTOMERS, INVOICES, settings(EXAMPLE_POLICY));
    const stripped = INVOICES.map(({ lateProbabilityBp: _bp, ...rest }) => rest);
    const before = planDunning(CUSTOMERS, stripped, settings(EXAMPLE_POLICY));
    // A1 is not filtered out here; its courtesy gives way to A2's reminder the same day.
    expect(without.skipped.map((s) => [s.invoiceId, s.reason])).toEqual([['A1', 'courtesy_superseded']]);
    expect(without.actions.map(({ lateProbabilityBp: _bp, ...a }) => a)).toEqual(before.actions);
  });

  it('applies a minimum only before the due date and only when the probability is known', () => {
    const courtesy = FILTERED.steps[0];
    const reminder = { ...EXAMPLE_STEPS[1], minimumLateProbabilityBp: 5_000 } as (typeof EXAMPLE_STEPS)[1];
    if (!courtesy || !reminder) throw new Error('example steps');
    expect(likelyOnTime(courtesy, 4_999)).toEqual({
      lateProbabilityBp: 4_999,
      minimumLateProbabilityBp: 5_000,
    });
    expect(likelyOnTime(courtesy, 5_000)).toBeNull();
    expect(likelyOnTime(courtesy, undefined)).toBeNull();
    expect(likelyOnTime(reminder, 0)).toBeNull();
    expect(likelyOnTime({ ...courtesy, minimumLateProbabilityBp: 0 }, 0)).toBeNull();
    expect(preDueWindowDays([FILTERED])).toBe(5);
    expect(preDueWindowDays([EXAMPLE_POLICY])).toBe(0);
  });

  it('checks the minimum: basis points, and before the due date', () => {
    const bad: DunningPolicy = {
      ...FILTERED,
      steps: FILTERED.steps.map((s) =>
        s.code === 'courtesy'
          ? { ...s, minimumLateProbabilityBp: 12_000 }
          : s.code === 'reminder_1'
            ? { ...s, minimumLateProbabilityBp: 3_000 }
            : s,
      ),
    };
    expect(validatePolicy(FILTERED)).toEqual([]);
    expect(validatePolicy(bad).map((p) => [p.code, p.stepCode])).toEqual([
      ['invalid_late_probability', 'courtesy'],
      ['late_probability_not_before_due_date', 'reminder_1'],
    ]);
  });

  it('lists the pre-due reminders likeliest late first, the others in their places', () => {
    const action = (code: string, stepKind: string, daysLate: number, lateProbabilityBp?: number) => ({
      code,
      stepKind,
      items: [{ daysLate }],
      ...(lateProbabilityBp === undefined ? {} : { lateProbabilityBp }),
    });
    const actions = [
      action('a', 'courtesy', -3, 5_500),
      action('b', 'reminder', 10),
      action('c', 'courtesy', -2),
      action('d', 'courtesy', -4, 9_000),
      action('e', 'formal_notice', 45),
      action('f', 'courtesy', -1, 5_500),
    ];
    expect(likelyLateFirst(actions).map((a) => a.code)).toEqual(['d', 'b', 'a', 'f', 'e', 'c']);
    expect(isPreDueAction(action('g', 'reminder', -1))).toBe(true);
    expect(isPreDueAction(action('h', 'reminder', 0))).toBe(false);
  });

  it('plans the same in slices: the filter is per invoice, the order per action', () => {
    const whole = planDunning(CUSTOMERS, INVOICES, settings(FILTERED));
    const parts = CUSTOMERS.map((c) =>
      planDunning(
        [c],
        INVOICES.filter((i) => i.customerCode === c.customerCode),
        settings(FILTERED),
      ),
    );
    expect(parts.flatMap((p) => p.actions)).toEqual(whole.actions);
    expect(parts.flatMap((p) => p.skipped)).toEqual(whole.skipped);
  });
});
