/**
 * An e-mailed step whose message failed for good is not a step reached: the planner proposes it
 * again at a later run, with why, never the step after it nor a catch-up past it; by letter when
 * the customer has a postal address, an address that refused it once refusing it at every run.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY, exampleCustomer, exampleInvoice } from './example-plan.fixture.ts';
import { type DunningInvoice, type PlanSettings, planDunning } from './planner.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

const settings = (asOf: string): PlanSettings => ({
  asOf,
  policies: [EXAMPLE_POLICY],
  rates: REFERENCE_RATES,
  rateMode: 'split_by_semester',
});
const CUSTOMERS = [exampleCustomer('C1')];
// Due 1 September: reminder_1 (level 2, e-mail) from D+5, reminder_2 (level 3, letter) from D+15.
const due = (extra: Partial<DunningInvoice> = {}) => exampleInvoice('I1', 'C1', '2025-09-01', 100_000, extra);

const stepsOf = (invoices: DunningInvoice[], asOf: string, customers = CUSTOMERS) =>
  planDunning(customers, invoices, settings(asOf)).actions.map((a) => [
    a.stepCode,
    a.channel,
    a.items.map((i) => [i.fromLevel, i.level, i.raisedBy ?? null]),
  ]);

describe('dunning planner: an e-mail that never reached the debtor', () => {
  const failedFirst = { undeliveredStep: { level: 2, date: '2025-09-06' } };

  it('sends the failed step again, saying why, not the catch-up its lateness would reach', () => {
    expect(stepsOf([due(failedFirst)], '2025-09-30')).toEqual([
      ['reminder_1', 'email', [[0, 2, { kind: 'resend', failedOn: '2025-09-06', channel: 'email' }]]],
    ]);
    // Never attempted, the same invoice catches up to the letter.
    expect(stepsOf([due()], '2025-09-30')).toEqual([
      ['reminder_2', 'letter', [[0, 3, { kind: 'catch_up' }]]],
    ]);
  });

  it('sends nothing again the day the e-mail failed', () => {
    const plan = planDunning(CUSTOMERS, [due(failedFirst)], settings('2025-09-06'));
    expect(plan.actions).toEqual([]);
    expect(plan.skipped).toEqual([]);
  });

  it('sends a failed later step again above the one delivered', () => {
    const invoice = due({
      level: 2,
      lastStepDate: '2025-09-06',
      undeliveredStep: { level: 3, date: '2025-09-16' },
    });
    expect(stepsOf([invoice], '2025-09-30')).toEqual([
      ['reminder_2', 'letter', [[2, 3, { kind: 'resend', failedOn: '2025-09-16', channel: 'letter' }]]],
    ]);
  });

  it('forgets a failure once the step was delivered since: the next step follows as before', () => {
    const invoice = due({
      level: 2,
      lastStepDate: '2025-09-08',
      undeliveredStep: { level: 2, date: '2025-09-06' },
    });
    expect(stepsOf([invoice], '2025-09-30')).toEqual([['reminder_2', 'letter', [[2, 3, null]]]]);
  });

  it('sends a failed e-mail step again by letter when the customer has a postal address', () => {
    const postal = [exampleCustomer('C1', { postalAddress: true })];
    expect(stepsOf([due(failedFirst)], '2025-09-30', postal)).toEqual([
      ['reminder_1', 'letter', [[0, 2, { kind: 'resend', failedOn: '2025-09-06', channel: 'letter' }]]],
    ]);
  });

  it('turns the whole written reminder into a letter, beside an invoice at its first e-mail', () => {
    const postal = [exampleCustomer('C1', { postalAddress: true })];
    const other = exampleInvoice('I2', 'C1', '2025-09-20', 50_000);
    expect(stepsOf([due(failedFirst), other], '2025-09-25', postal)).toEqual([
      [
        'reminder_1',
        'letter',
        [
          [0, 2, { kind: 'resend', failedOn: '2025-09-06', channel: 'letter' }],
          [0, 2, null],
        ],
      ],
    ]);
    // A postal address alone changes nothing: the policy's e-mail.
    expect(stepsOf([other], '2025-09-25', postal)).toEqual([['reminder_1', 'email', [[0, 2, null]]]]);
  });
});
