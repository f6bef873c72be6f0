import { describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY, exampleCustomer, exampleInvoice } from './example-plan.fixture.ts';
import { type DunningInvoice, type PlanSettings, planDunning, recordSent } from './planner.ts';
import { type DunningPolicy, EXAMPLE_STEPS } from './policy.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

const POLICY = EXAMPLE_POLICY;
const SMALL_ITEMS_POLICY: DunningPolicy = {
  ...POLICY,
  code: 'c3',
  scope: { kind: 'customer', customerCode: 'C3' },
  steps: EXAMPLE_STEPS.map((s) => (s.code === 'reminder_1' ? { ...s, minimumAmountMinor: 10_000 } : s)),
};
const SETTINGS: PlanSettings = {
  asOf: '2025-09-30',
  policies: [POLICY, SMALL_ITEMS_POLICY],
  rates: REFERENCE_RATES,
  rateMode: 'split_by_semester',
};
/** The same policies with the escalation with the account off: each invoice on its own steps. */
const INVOICE_BY_INVOICE: PlanSettings = {
  ...SETTINGS,
  policies: SETTINGS.policies.map((p) => ({ ...p, accountFloor: false, catchUpByAge: false })),
};

const customer = exampleCustomer;
const invoice = exampleInvoice;

const CUSTOMERS = [
  customer('C1'),
  customer('C2', { openCredits: [{ currency: 'EUR', amountMinor: 60_000 }] }),
  customer('C3'),
  customer('C4', { inInsolvency: true }),
  customer('C5'),
  customer('C6', { openCredits: [{ currency: 'EUR', amountMinor: 40_000 }] }),
];
const INVOICES: DunningInvoice[] = [
  invoice('I1', 'C1', '2025-10-03', 100_000), // D−3: courtesy e-mail (level 1)
  invoice('I2', 'C1', '2025-09-20', 200_000), // D+10: reminder e-mail (level 2)
  // D+20 after its first reminder: letter (level 3); 800.00 less 300.00 paid on 2025-09-20
  invoice('I3', 'C1', '2025-09-10', 50_000, {
    level: 2,
    lastStepDate: '2025-09-15',
    interestBasis: { amountMinor: 80_000, settlements: [{ date: '2025-09-20', amountMinor: 30_000 }] },
  }),
  // D+92 after its call (level 4): the notice (level 5) comes next
  invoice('I4', 'C1', '2025-06-30', 300_000, { level: 4, lastStepDate: '2025-07-30' }),
  invoice('I5', 'C1', '2025-08-01', 70_000, { disputed: true }),
  invoice('I6', 'C1', '2025-09-01', 90_000, { promise: { date: '2025-09-29', amountMinor: 90_000 } }),
  invoice('K1', 'C2', '2025-09-10', 50_000), // credits 600.00 > balance 500.00
  invoice('L1', 'C3', '2025-09-20', 5_000), // 50.00 < minimum 100.00 of reminder_1
  invoice('M1', 'C4', '2025-08-01', 10_000),
  // Notice sent 5 days ago (lead 8): the hand-over waits; notice sent 15 days ago: hand-over today.
  invoice('J1', 'C5', '2025-07-01', 100_000, {
    level: 5,
    lastStepDate: '2025-09-25',
    formalNoticeDate: '2025-09-25',
  }),
  invoice('J2', 'C5', '2025-07-01', 200_000, {
    level: 5,
    lastStepDate: '2025-09-15',
    formalNoticeDate: '2025-09-15',
  }),
  invoice('N1', 'C6', '2025-09-20', 30_000), // overdue 300.00, credits 400.00 …
  invoice('N2', 'C6', '2025-12-31', 1_000_000), // … although the balance is positive
  invoice('X1', 'C9', '2025-09-01', 10_000),
];

describe('dunning planner: a day of the example policy', () => {
  const plan = planDunning(CUSTOMERS, INVOICES, SETTINGS);
  const summaryOf = (actions: typeof plan.actions) =>
    actions.map((a) => [
      a.customerCode,
      a.channel,
      a.stepCode,
      a.items.map((i) => `${i.invoiceId}@${i.level}`).join(' '),
      a.openTotalMinor,
      a.interestTotalMinor,
      a.indemnityTotalMinor,
      a.totalDueMinor,
    ]);

  it('puts on notice, with the invoice whose notice is due, the others due for an amicable step', () => {
    expect(summaryOf(plan.actions)).toEqual([
      // I4's notice takes in I3 (due for its letter) and I2 (for its first e-mail): the notice
      // claims on each what it claims (I2: 200,000 × 1215 × 10 / 3,650,000 = 665.75 → 6.66 € + 40 €).
      ['C1', 'registered_letter', 'formal_notice', 'I4@5 I3@5 I2@5', 550_000, 10_286, 12_000, 572_286],
      ['C5', 'call_task', 'handover', 'J2@6', 200_000, 6_058, 4_000, 210_058],
    ]);
    expect(plan.actions[0]?.items.map((i) => [i.invoiceId, i.fromLevel, i.raisedBy ?? null])).toEqual([
      ['I4', 4, null],
      ['I3', 2, { kind: 'account_notice', noticeDate: null }],
      ['I2', 0, { kind: 'account_notice', noticeDate: null }],
    ]);
    const after = recordSent(INVOICES, plan.actions, SETTINGS.asOf);
    expect(['I4', 'I3', 'I2'].map((id) => after.find((i) => i.id === id)?.formalNoticeDate)).toEqual([
      '2025-09-30',
      '2025-09-30',
      '2025-09-30',
    ]);
  });

  it('without the account floor, writes one reminder per customer and currency at its highest step, each invoice at its own level', () => {
    const summary = summaryOf(planDunning(CUSTOMERS, INVOICES, INVOICE_BY_INVOICE).actions);
    expect(summary).toEqual([
      // I1 is not yet due: no courtesy e-mail beside the formal notice (see the skipped list).
      // One registered letter at the highest step (I4's notice) lists I3 at its letter step and I2
      // at its e-mail step, each with what its own step claims:
      // I4: 1 Jul–30 Sep 2025 = 92 d: 300,000 × 1215 × 92 / 3,650,000 = 9,187.40 → 91.87 € + 40 €;
      // I3: 10 d × 800 € + 10 d × 500 € at 12.15 %: (80,000 + 50,000) × 1215 × 10 / 3,650,000
      //     = 432.74 → 4.33 € + 40 €; I2 (reminder_1 claims nothing): 0.
      ['C1', 'registered_letter', 'formal_notice', 'I4@5 I3@3 I2@2', 550_000, 9_620, 8_000, 567_620],
      // 2 Jul–30 Sep = 91 d: 200,000 × 1215 × 91 / 3,650,000 = 6,058.36 → 60.58 €
      ['C5', 'call_task', 'handover', 'J2@6', 200_000, 6_058, 4_000, 210_058],
    ]);
    const [notice] = planDunning(CUSTOMERS, INVOICES, INVOICE_BY_INVOICE).actions;
    expect(notice?.templateCode).toBe('dunning.formal_notice');
    expect(
      notice?.items.map((i) => [i.invoiceId, i.stepCode, i.stepKind, i.interest.status, i.indemnityMinor]),
    ).toEqual([
      ['I4', 'formal_notice', 'formal_notice', 'claimed', 4_000],
      ['I3', 'reminder_2', 'reminder', 'claimed', 4_000],
      ['I2', 'reminder_1', 'reminder', 'not_claimed', 0],
    ]);
  });

  it('records the notice date only for the invoices whose own step is the notice', () => {
    const own = planDunning(CUSTOMERS, INVOICES, INVOICE_BY_INVOICE);
    const after = recordSent(INVOICES, own.actions, SETTINGS.asOf);
    const state = (id: string) => after.find((i) => i.id === id);
    expect([state('I4'), state('I3'), state('I2')].map((i) => [i?.level, i?.formalNoticeDate])).toEqual([
      [5, '2025-09-30'],
      [3, null],
      [2, null],
    ]);
  });

  it('says why every other invoice due for a step is left out', () => {
    // Never reminded and overdue, each is due for its first reminder (level 2), K1 (D+20) for the
    // letter it catches up to; an exclusion is said at the step after the last one.
    expect(plan.skipped.map((s) => [s.invoiceId, s.reason, s.level])).toEqual([
      ['I1', 'courtesy_formal_notice_today', 1],
      ['I5', 'disputed', 2],
      ['I6', 'promise_pending', 2],
      ['K1', 'net_balance_not_positive', 3],
      ['L1', 'below_minimum_amount', 2],
      ['M1', 'insolvency_proceedings', 2],
      ['J1', 'formal_notice_lead_pending', 6],
      ['N1', 'credits_cover_amount_due', 2],
      ['X1', 'unknown_customer', null],
    ]);
  });

  it('plans nothing new once the actions are recorded, and moves on when their time comes', () => {
    const after = recordSent(INVOICES, plan.actions, SETTINGS.asOf);
    expect(planDunning(CUSTOMERS, after, SETTINGS).actions).toEqual([]);
    expect(after.find((i) => i.id === 'I4')).toMatchObject({ level: 5, formalNoticeDate: '2025-09-30' });
    // I4's notice is 8 days old on 2025-10-08: the hand-over goes out then, not before.
    const handovers = (asOf: string) =>
      planDunning(CUSTOMERS, after, { ...SETTINGS, asOf }).actions.flatMap((a) =>
        a.items.filter((i) => i.invoiceId === 'I4').map((i) => i.stepCode),
      );
    expect([handovers('2025-10-07'), handovers('2025-10-08')]).toEqual([[], ['handover']]);
  });

  it('holds a step sooner than the policy’s minimum gap, and resumes after an expired promise', () => {
    const spaced = { ...SETTINGS, policies: [{ ...POLICY, minimumDaysBetweenSteps: 7 }] };
    const recent = invoice('R1', 'C1', '2025-09-10', 10_000, { level: 2, lastStepDate: '2025-09-25' });
    expect(planDunning(CUSTOMERS, [recent], spaced).skipped.map((s) => s.reason)).toEqual([
      'too_soon_after_last_step',
    ]);
    const promised = invoice('P1', 'C1', '2025-09-01', 10_000, {
      promise: { date: '2025-09-27', amountMinor: 5_000 },
    });
    // Never reminded before its promise, D+29: dunning resumes with the letter its lateness reached
    // (a catch-up), or at the first reminder when the policy takes the steps one by one.
    expect(planDunning(CUSTOMERS, [promised], SETTINGS).actions.map((a) => a.stepCode)).toEqual([
      'reminder_2',
    ]);
    expect(planDunning(CUSTOMERS, [promised], INVOICE_BY_INVOICE).actions.map((a) => a.stepCode)).toEqual([
      'reminder_1',
    ]);
  });

  it('sends a courtesy e-mail alone, never beside a reminder of what is overdue, even from an earlier run', () => {
    const soon = invoice('S1', 'C1', '2025-10-03', 10_000); // D−3: courtesy
    const late = invoice('S2', 'C1', '2025-09-20', 10_000); // D+10: reminder e-mail
    const plan = planDunning(CUSTOMERS, [soon, late], SETTINGS);
    expect(plan.actions.map((a) => [a.stepCode, a.items.map((i) => i.invoiceId)])).toEqual([
      ['reminder_1', ['S2']],
    ]);
    expect(plan.skipped.map((s) => [s.invoiceId, s.reason])).toEqual([['S1', 'courtesy_superseded']]);
    // A second run the same day sends nothing; the next day the courtesy goes out on its own.
    const after = recordSent([soon, late], plan.actions, SETTINGS.asOf);
    expect(planDunning(CUSTOMERS, after, SETTINGS).actions).toEqual([]);
    const nextDay = planDunning(CUSTOMERS, after, { ...SETTINGS, asOf: '2025-10-01' });
    expect(nextDay.actions.map((a) => a.stepCode)).toEqual(['courtesy']);
    // Alone, the courtesy goes out the same day.
    expect(planDunning(CUSTOMERS, [soon], SETTINGS).actions.map((a) => a.stepCode)).toEqual(['courtesy']);
  });

  it('never sends the before-due courtesy e-mail once the invoice is due', () => {
    // Due 2025-09-26: the D−5 courtesy date (09-21) has passed unsent, the D+5 reminder (10-01) has not come.
    const missed = invoice('M1', 'C1', '2025-09-26', 10_000);
    const stepsOn = (asOf: string) =>
      planDunning(CUSTOMERS, [missed], { ...SETTINGS, asOf }).actions.map((a) => a.stepCode);
    expect([stepsOn('2025-09-26'), stepsOn('2025-09-30'), stepsOn('2025-10-01')]).toEqual([
      ['courtesy'],
      [],
      ['reminder_1'],
    ]);
  });

  it('climbs one step at a time, even far past the hand-over date: never straight to the notice', () => {
    const old = invoice('O1', 'C1', '2024-01-31', 10_000, { level: 3, lastStepDate: '2024-03-01' });
    const plan = planDunning(CUSTOMERS, [old], SETTINGS);
    expect(plan.actions.map((a) => [a.stepCode, a.items[0]?.level])).toEqual([['call', 4]]);
    // The notice comes as long after the call as the policy spaces them (D+30 → D+45: 15 days).
    const called = recordSent([old], plan.actions, SETTINGS.asOf);
    const stepsOn = (asOf: string) =>
      planDunning(CUSTOMERS, called, { ...SETTINGS, asOf }).actions.map((a) => [
        a.stepCode,
        a.items[0]?.level,
      ]);
    expect([stepsOn('2025-10-01'), stepsOn('2025-10-14'), stepsOn('2025-10-15')]).toEqual([
      [],
      [],
      [['formal_notice', 5]],
    ]);
    const recorded = invoice('O2', 'C1', '2024-01-31', 10_000, { level: 5, lastStepDate: '2024-04-01' });
    expect(planDunning(CUSTOMERS, [recorded], SETTINGS).skipped.map((s) => s.reason)).toEqual([
      'formal_notice_not_recorded',
    ]);
  });

  it('flags an action whose interest needs a half-year missing from the rate table', () => {
    const settings = { ...SETTINGS, asOf: '2026-07-20' };
    const late = invoice('H1', 'C1', '2026-06-30', 10_000, { level: 2, lastStepDate: '2026-07-05' });
    const [action] = planDunning(CUSTOMERS, [late], settings).actions;
    expect([action?.stepCode, action?.interestIncomplete, action?.items[0]?.interest]).toEqual([
      'reminder_2',
      true,
      { status: 'rate_missing' },
    ]);
  });

  it('after missed runs, sends each invoice the step after its last one, spaced as the policy spaces them', () => {
    // The walk's C00001: its courtesy e-mail sent (level 1), then no run until D+76, past the
    // notice date (D+45): never the formal notice first.
    const warned = invoice('W1', 'C1', '2025-07-16', 100_000, { level: 1, lastStepDate: '2025-07-11' });
    // Never reminded, D+92 (the courtesy of before the due date is dropped).
    const forgotten = invoice('W2', 'C1', '2025-06-30', 100_000);
    const sentOn = (policy: DunningPolicy, days: readonly string[]) => {
      let state = [warned, forgotten];
      return days.map((asOf) => {
        const plan = planDunning(CUSTOMERS, state, { ...SETTINGS, policies: [policy], asOf });
        state = recordSent(state, plan.actions, asOf);
        return `${asOf} ${plan.actions.flatMap((a) => a.items.map((i) => i.stepCode)).join(' ')}`.trim();
      });
    };
    // Daily runs: each next step as long after the last as the offsets space them, and the
    // hand-over once the notice is 8 days old (its lead). Both were never reminded after their due
    // date: they catch up to the last amicable letter (D+15; the call of D+30 writes nothing), then
    // the call 15 days later, the notice 15 days after it.
    const days = ['2025-09-30', '2025-10-01', '2025-10-10', '2025-10-24', '2025-10-25', '2025-11-09'];
    expect(sentOn(POLICY, [...days, '2025-11-16', '2025-11-17'])).toEqual([
      '2025-09-30 reminder_2 reminder_2',
      '2025-10-01',
      '2025-10-10',
      '2025-10-24 call call',
      '2025-10-25',
      '2025-11-09 formal_notice formal_notice',
      '2025-11-16',
      '2025-11-17 handover handover',
    ]);
    // Without the catch-up: the first reminder, then 10 days, 15, 15 (D+5 → D+15 → D+30 → D+45).
    const oneByOne = { ...POLICY, catchUpByAge: false };
    expect(sentOn(oneByOne, [...days, '2025-11-16', '2025-11-17'])).toEqual([
      '2025-09-30 reminder_1 reminder_1',
      '2025-10-01',
      '2025-10-10 reminder_2 reminder_2',
      '2025-10-24',
      '2025-10-25 call call',
      '2025-11-09 formal_notice formal_notice',
      '2025-11-16',
      '2025-11-17 handover handover',
    ]);
    // A policy's minimum gap longer than that spacing wins.
    const spaced = { ...oneByOne, minimumDaysBetweenSteps: 20 };
    expect(sentOn(spaced, ['2025-09-30', '2025-10-10', '2025-10-20'])).toEqual([
      '2025-09-30 reminder_1 reminder_1',
      '2025-10-10',
      '2025-10-20 reminder_2 reminder_2',
    ]);
  });
});
