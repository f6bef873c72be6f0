import { describe, expect, it } from 'vitest';
import { DEFAULT_DELEGATION_MATRIX } from '../credit/delegation.ts';
import { DEFAULT_EXPOSURE_CONFIG } from '../credit/exposure.ts';
import { DEFAULT_ORDER_CHECK_RULES } from '../credit/order-check.ts';
import type { DunningPolicy } from '../dunning/policy.ts';
import { replayPolicy } from './replay.ts';
import type { RecordedDunningRun, ReplayCustomer, ReplayPolicy, ReplaySnapshot } from './replay-types.ts';

/** One reminder, five days after the due date. */
const dunning: DunningPolicy = {
  code: 'p',
  version: 1,
  effectiveFrom: '1900-01-01',
  scope: { kind: 'default' },
  currency: 'EUR',
  steps: [
    {
      code: 'r',
      kind: 'reminder',
      offsetDays: 5,
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
};

const policy: ReplayPolicy = {
  label: 'current',
  credit: [
    {
      effectiveFrom: '2026-01-01',
      config: {
        order_rules: DEFAULT_ORDER_CHECK_RULES,
        exposure_config: DEFAULT_EXPOSURE_CONFIG,
        delegation_matrix: DEFAULT_DELEGATION_MATRIX,
        companyDefaultLimitMinor: null,
        limitScaleBps: 10_000,
      },
    },
  ],
  dunningPolicies: [dunning],
};

const customer = (code: string): ReplayCustomer => ({
  code,
  customerType: 'sme',
  status: 'active',
  currency: 'EUR',
  groupCode: null,
  limits: [],
  covers: [],
  scores: [],
  pausedUntil: null,
  interestClause: { kind: 'legal' },
});

const invoice = (id: string, customerCode: string, dueDate: string) => ({
  id,
  ref: `F-${id}`,
  customerCode,
  kind: 'invoice',
  issueDate: '2026-03-03',
  dueDate,
  amountMinor: 100_000,
  currency: 'EUR',
  settlements: [],
});

const sent = (invoiceId: string, customerCode: string) => ({
  invoiceId,
  customerCode,
  date: '2026-04-07',
  level: 1,
  stepCode: 'r',
  stepKind: 'reminder' as const,
});

// A, B and C are due on 2 April, so the policy reminds all three on 7 April; D is due on 20 April.
// The run of 7 April reminded A and D.
const snapshot = (dunningRuns: RecordedDunningRun[]): ReplaySnapshot => ({
  companyCurrency: 'EUR',
  customers: ['A', 'B', 'C', 'D'].map(customer),
  documents: [
    invoice('1', 'A', '2026-04-02'),
    invoice('2', 'B', '2026-04-02'),
    invoice('3', 'C', '2026-04-02'),
    invoice('4', 'D', '2026-04-20'),
  ],
  orders: [],
  disputes: [],
  promises: [],
  recordedDunning: [sent('1', 'A'), sent('4', 'D')],
  dunningRuns,
  importedReminders: [],
  rates: [],
  rateMode: 'split_by_semester',
});

const fidelityOf = (dunningRuns: RecordedDunningRun[]) =>
  replayPolicy({
    snapshot: snapshot(dunningRuns),
    current: policy,
    proposed: policy,
    from: '2026-04-01',
    to: '2026-04-10',
  }).fidelity;

describe('the fidelity check of a run limited to some customers', () => {
  it('compares only the customers the run covered: the others’ planned steps are not extra', () => {
    const fidelity = fidelityOf([{ day: '2026-04-07', customerCodes: ['A', 'B', 'D'] }]);
    // C was left out of the run: the policy's step for C is no infidelity. B was covered and not
    // reminded, D was reminded before its step was due: both still count.
    expect(fidelity).toMatchObject({
      remindersRecorded: 2,
      remindersMatching: 1,
      missing: [sent('4', 'D')],
      extra: [sent('2', 'B')],
    });
  });

  it('covers the customers of every run of the day, and everyone with a run of the whole portfolio', () => {
    const twoRuns = fidelityOf([
      { day: '2026-04-07', customerCodes: ['A'] },
      { day: '2026-04-07', customerCodes: ['B', 'D'] },
    ]);
    expect(twoRuns.extra).toEqual([sent('2', 'B')]);
    const withWhole = fidelityOf([
      { day: '2026-04-07', customerCodes: ['A'] },
      { day: '2026-04-07', customerCodes: null },
    ]);
    expect(withWhole.extra).toEqual([sent('2', 'B'), sent('3', 'C')]);
    expect(withWhole.missing).toEqual([sent('4', 'D')]);
  });

  it('plans nothing on a day whose only run covered no customer', () => {
    const fidelity = fidelityOf([{ day: '2026-04-07', customerCodes: [] }]);
    expect(fidelity.extra).toEqual([]);
    expect(fidelity.remindersMatching).toBe(0);
  });
});
