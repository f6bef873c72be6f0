import { describe, expect, it } from 'vitest';
import { DEFAULT_DELEGATION_MATRIX } from '../credit/delegation.ts';
import { DEFAULT_EXPOSURE_CONFIG } from '../credit/exposure.ts';
import { DEFAULT_LIMIT_POLICY } from '../credit/limits.ts';
import { DEFAULT_ORDER_CHECK_RULES } from '../credit/order-check.ts';
import type { ClassThresholds, ScoringMethod } from '../credit/scoring-method.ts';
import type { DunningPolicy } from '../dunning/policy.ts';
import { replayPolicy } from './replay.ts';
import type { ReplayCreditConfig, ReplayCustomer, ReplayPolicy, ReplaySnapshot } from './replay-types.ts';

const credit = (overdueMaxDays: number): ReplayCreditConfig => ({
  order_rules: { ...DEFAULT_ORDER_CHECK_RULES, overdueMaxDays },
  exposure_config: DEFAULT_EXPOSURE_CONFIG,
  delegation_matrix: DEFAULT_DELEGATION_MATRIX,
  companyDefaultLimitMinor: null,
  limitScaleBps: 10_000,
});

const dunning = (offsetDays: number): DunningPolicy => ({
  code: 'p',
  version: 1,
  effectiveFrom: '1900-01-01',
  scope: { kind: 'default' },
  currency: 'EUR',
  steps: [
    {
      code: 'r',
      kind: 'reminder',
      offsetDays,
      channel: 'email',
      templateCode: 'dunning.r',
      minimumAmountMinor: 0,
      claimInterest: false,
      claimIndemnity: false,
    },
  ],
  formalNoticeLeadDays: 8,
  minimumDaysBetweenSteps: 0,
  promiseGraceDays: 2,
});

const customer = (code: string): ReplayCustomer => ({
  code,
  customerType: 'sme',
  status: 'active',
  currency: 'EUR',
  groupCode: null,
  limits: [{ amountMinor: 2_000_000, currency: 'EUR', kind: 'permanent', validFrom: null, expiresOn: null }],
  covers: [],
  scores: [{ asOf: '2025-12-31', riskClass: 'B', score: 70 }],
  pausedUntil: null,
  interestClause: { kind: 'legal' },
});

const invoice = (id: string, issueDate: string, dueDate: string, amountMinor: number, paidOn?: string) => ({
  id,
  ref: `F-${id}`,
  customerCode: 'A',
  kind: 'invoice',
  issueDate,
  dueDate,
  amountMinor,
  currency: 'EUR',
  settlements: paidOn ? [{ date: paidOn, amountMinor, byKind: 'payment' }] : [],
});

// A's first invoice is paid 44 days late; its order of 2 March (26 days into that lateness) became
// an invoice still unpaid at the end. The current rules (30 days) let it through, the proposal (15) holds it.
const snapshot: ReplaySnapshot = {
  companyCurrency: 'EUR',
  customers: [customer('A')],
  documents: [
    invoice('1', '2026-01-05', '2026-02-04', 800_000, '2026-03-20'),
    invoice('2', '2026-03-03', '2026-04-02', 300_000),
  ],
  orders: [
    {
      ref: 'O1',
      customerCode: 'A',
      orderDate: '2026-03-02',
      amountMinor: 300_000,
      currency: 'EUR',
      payment: 'terms',
      status: 'invoiced',
      checkedOn: null,
      recorded: { decision: 'approve', reasonCodes: ['within_rules'] },
    },
  ],
  disputes: [],
  promises: [],
  recordedDunning: [
    { invoiceId: '1', customerCode: 'A', date: '2026-02-09', level: 1, stepCode: 'r', stepKind: 'reminder' },
    { invoiceId: '2', customerCode: 'A', date: '2026-04-07', level: 1, stepCode: 'r', stepKind: 'reminder' },
  ],
  importedReminders: [],
  rates: [],
  rateMode: 'split_by_semester',
};

const policy = (label: string, overdueMaxDays: number, offsetDays: number): ReplayPolicy => ({
  label,
  credit: [{ effectiveFrom: '2026-01-01', config: credit(overdueMaxDays) }],
  dunningPolicies: [dunning(offsetDays)],
});

describe('replayPolicy', () => {
  const result = replayPolicy({
    snapshot,
    current: policy('current', 30, 5),
    proposed: policy('strict', 15, 1),
    from: '2026-02-01',
    to: '2026-04-30',
  });

  it('reproduces the recorded decisions with the policy in force', () => {
    expect(result.fidelity).toMatchObject({
      ordersCompared: 1,
      ordersMatching: 1,
      remindersRecorded: 2,
      remindersMatching: 2,
      missing: [],
      extra: [],
    });
  });

  it('checks the log on the days the procedure ran, from the log as it stood, when it starts within the period', () => {
    // Encours's first run is on 20 April (a catch-up 18 days after F-2 fell due); a run on
    // 10 April sent nothing. The current side reminded F-1 on 9 February and F-2 on 7 April.
    const late = replayPolicy({
      snapshot: {
        ...snapshot,
        recordedDunning: [
          {
            invoiceId: '2',
            customerCode: 'A',
            date: '2026-04-20',
            level: 1,
            stepCode: 'r',
            stepKind: 'reminder',
          },
        ],
        dunningRuns: [
          { day: '2026-04-10', customerCodes: null },
          { day: '2026-04-20', customerCodes: null },
        ],
      },
      current: policy('current', 30, 5),
      proposed: policy('strict', 15, 1),
      from: '2026-02-01',
      to: '2026-04-30',
    });
    expect(late.current.reminders).toBe(2);
    // On 20 April the log had not reminded F-2 yet, whatever the 10 April plan would have sent.
    expect(late.fidelity).toMatchObject({ remindersRecorded: 1, remindersMatching: 1, missing: [] });
    expect(late.fidelity.extra).toEqual([
      {
        invoiceId: '2',
        customerCode: 'A',
        date: '2026-04-10',
        level: 1,
        stepCode: 'r',
        stepKind: 'reminder',
      },
    ]);
  });

  it('does not check a step recorded by hand, nor make its day a run day', () => {
    const step = {
      invoiceId: '2',
      customerCode: 'A',
      level: 1,
      stepCode: 'r',
      stepKind: 'reminder' as const,
    };
    const withCall = replayPolicy({
      snapshot: {
        ...snapshot,
        recordedDunning: [
          { ...step, date: '2026-04-20' },
          // A call recorded on Saturday 25 April: no run that day, the policy plans nothing then.
          { ...step, date: '2026-04-25', level: 2, stepCode: 'call', manual: true },
        ],
        dunningRuns: [{ day: '2026-04-20', customerCodes: null }],
      },
      current: policy('current', 30, 5),
      proposed: policy('strict', 15, 1),
      from: '2026-02-01',
      to: '2026-04-30',
    });
    expect(withCall.fidelity).toMatchObject({
      remindersRecorded: 1,
      remindersMatching: 1,
      missing: [],
      extra: [],
    });
  });

  it('lists the order the proposal holds, with its fate, and the exposure it avoids', () => {
    expect(result.orders).toHaveLength(1);
    expect(result.orders[0]).toMatchObject({
      ref: 'O1',
      current: { decision: 'approve' },
      proposed: { decision: 'hold', reasonCodes: ['overdue_too_old'] },
      invoiceRef: 'F-2',
      fate: 'open',
      openAtEndMinor: 300_000,
    });
    expect(result.effects).toMatchObject({
      ordersStopped: 1,
      exposureAvoidedMinor: 300_000,
      overdueAvoidedMinor: 300_000,
      badDebtsAvoidedMinor: 0,
      salesForgoneMinor: 0,
      // 300 000 / 1 100 000 × 365 days; without the held order's invoice nothing is owed.
      dsoCurrentDays: 99.5,
      dsoProposedDays: 0,
    });
  });

  it('sends each reminder four days earlier under the proposal', () => {
    expect(result.reminders.map((r) => [r.date, r.invoiceRefs])).toEqual([
      ['2026-02-05', ['F-1']],
      ['2026-04-03', ['F-2']],
    ]);
    expect(result.effects.firstReminderEarlierDays).toBe(4);
    expect(result.current.reminders).toBe(2);
  });

  it('starts from the steps sent before the period', () => {
    const later = replayPolicy({
      snapshot,
      current: policy('current', 30, 5),
      proposed: policy('strict', 15, 1),
      from: '2026-03-01',
      to: '2026-04-30',
    });
    // Invoice 1 was reminded on 9 February: neither side reminds it again.
    expect(later.reminders.map((r) => r.invoiceRefs)).toEqual([['F-2']]);
  });

  it('counts the reminders of the imported story for the levels, as a live run does', () => {
    // The previous system reminded A on 3 April, the day the proposal's only step falls for F-2.
    const imported = replayPolicy({
      snapshot: {
        ...snapshot,
        recordedDunning: [],
        importedReminders: [{ customerCode: 'A', date: '2026-04-03' }],
      },
      current: policy('current', 30, 5),
      proposed: policy('strict', 15, 1),
      from: '2026-03-01',
      to: '2026-04-30',
    });
    // The proposal reminds only F-1 (overdue, never reminded; on Monday 2 March, the first working
    // day): the imported line stands for F-2's step.
    expect(imported.reminders.map((r) => [r.date, r.invoiceRefs])).toEqual([['2026-03-02', ['F-1']]]);
    // Under the policy in force F-2's step (5 days) had not come on 3 April: it is still sent.
    expect(imported.current.reminders).toBe(2);
  });
});

describe('replayPolicy with a proposed scoring method', () => {
  // One criterion: 12 days late on average is worth 7 points of 10, a score of 70.0.
  const method = (classThresholds: ClassThresholds): ScoringMethod => ({
    version: `late-${classThresholds.D}`,
    effectiveFrom: '2025-01-01',
    minCoverageBps: 5_000,
    classThresholds,
    criteria: [
      {
        code: 'average_days_late',
        group: 'payments',
        weight: 1,
        scale: {
          kind: 'up_to',
          bands: [
            { upTo: 0, points: 10 },
            { upTo: 15, points: 7 },
            { upTo: null, points: 2 },
          ],
        },
      },
    ],
  });
  // A was scored B (70) on 31 December; it had invoiced 240 000,00 over the year to that date.
  const scored: ReplaySnapshot = {
    ...snapshot,
    customers: [
      { ...customer('A'), scoringInputs: [{ asOf: '2025-12-31', inputs: { average_days_late: 12 } }] },
    ],
    documents: [invoice('0', '2025-06-30', '2025-07-30', 24_000_000, '2025-08-11'), ...snapshot.documents],
  };
  const withScoring = (classThresholds: ClassThresholds): ReplayPolicy => ({
    ...policy(`D from ${classThresholds.D}`, 30, 5),
    scoring: { method: method(classThresholds), limitPolicy: DEFAULT_LIMIT_POLICY },
  });
  const replay = (proposed: ReplayPolicy) =>
    replayPolicy({
      snapshot: scored,
      current: policy('current', 30, 5),
      proposed,
      from: '2026-02-01',
      to: '2026-04-30',
    });

  it('re-scores with the same thresholds to the class recorded, and changes nothing', () => {
    const same = replay(withScoring({ A: 80, B: 65, C: 50, D: 35 }));
    expect(same.scoring).toEqual({
      methodVersion: 'late-35',
      customersRescored: 1,
      scorings: 1,
      scoringsChanged: 0,
      customersChanged: 0,
      migration: [],
    });
    expect(same.effects.ordersStopped).toBe(0);
  });

  it('moves A to class D under a stricter threshold, lowers its limit to the one recommended and holds its order', () => {
    const strict = replay(withScoring({ A: 90, B: 85, C: 80, D: 70 }));
    expect(strict.scoring).toMatchObject({
      scoringsChanged: 1,
      customersChanged: 1,
      migration: [{ from: 'B', to: 'D', customers: 1 }],
    });
    // D: 4.11 % of 240 000,00 = 9 864,00, rounded down to 9 500,00. On 2 March A owes 8 000,00:
    // with the order 11 000,00, beyond 9 500,00 + 5 % tolerance (475,00). The current side approves.
    expect(strict.orders).toHaveLength(1);
    expect(strict.orders[0]).toMatchObject({
      ref: 'O1',
      current: { decision: 'approve', reasonCodes: ['within_rules'] },
      proposed: { decision: 'hold', reasonCodes: ['over_limit'] },
    });
    expect(strict.effects).toMatchObject({ ordersStopped: 1, exposureAvoidedMinor: 300_000 });
    expect(strict.assumptions).toContain('scores_rescored');
    expect(strict.assumptions).not.toContain('scores_as_recorded');
  });
});
