import { describe, expect, it } from 'vitest';
import { isBusinessDay, nextBusinessDay } from '../calendar.ts';
import { type DunningCustomer, type DunningInvoice, planDunning } from './planner.ts';
import { type DunningPolicy, EXAMPLE_STEPS } from './policy.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

const AS_IS: DunningPolicy = {
  code: 'standard',
  version: 1,
  effectiveFrom: '2025-01-01',
  scope: { kind: 'default' },
  currency: 'EUR',
  steps: EXAMPLE_STEPS,
  formalNoticeLeadDays: 8,
  minimumDaysBetweenSteps: 0,
  promiseGraceDays: 2,
};
const MOVED: DunningPolicy = { ...AS_IS, stepDates: 'next_business_day' };

const CUSTOMER: DunningCustomer = {
  customerCode: 'C1',
  customerType: 'sme',
  riskClass: null,
  inInsolvency: false,
  pausedUntil: null,
  interestClause: { kind: 'legal' },
  openCredits: [],
};
const invoice = (id: string, dueDate: string): DunningInvoice => ({
  id,
  customerCode: 'C1',
  dueDate,
  openMinor: 100_000,
  currency: 'EUR',
  level: 0,
  lastStepDate: null,
  formalNoticeDate: null,
  disputed: false,
  promise: null,
  pausedUntil: null,
});

const stepsOn = (policy: DunningPolicy, asOf: string, invoices: DunningInvoice[]) =>
  planDunning([CUSTOMER], invoices, {
    asOf,
    policies: [policy],
    rates: REFERENCE_RATES,
    rateMode: 'split_by_semester',
  }).actions.flatMap((a) => a.items.map((i) => `${i.invoiceId}:${i.stepCode}`));

describe('business days', () => {
  it('skips weekends and the French public holidays, Easter-based ones included', () => {
    expect(isBusinessDay('2025-08-14')).toBe(true);
    expect(nextBusinessDay('2025-08-14')).toBe('2025-08-14');
    expect(nextBusinessDay('2025-08-15')).toBe('2025-08-18'); // Assumption (Friday) → Monday
    expect(nextBusinessDay('2025-06-07')).toBe('2025-06-10'); // Saturday, then Whit Monday 9 June
    expect(nextBusinessDay('2026-04-04')).toBe('2026-04-07'); // Saturday, then Easter Monday
    expect(nextBusinessDay('2025-12-25')).toBe('2025-12-26');
  });
});

describe('step dates on a policy that moves them to the next business day', () => {
  // Due 31 July: the letter step (D+15) falls on 15 August, a public holiday.
  const letterOnHoliday = invoice('I1', '2025-07-31');
  // Due 23 May: the first reminder (D+5) falls on Wednesday 28 May — unmoved.
  const weekday = invoice('I2', '2025-05-23');

  it('waits for the next business day, while a policy keeping them sends on the date', () => {
    // Its first reminder sent on 5 August: the letter is the next step.
    const reminded = { ...letterOnHoliday, level: 2, lastStepDate: '2025-08-05' };
    expect(stepsOn(AS_IS, '2025-08-15', [reminded])).toEqual(['I1:reminder_2']);
    expect(stepsOn(MOVED, '2025-08-15', [reminded])).toEqual([]);
    expect(stepsOn(MOVED, '2025-08-18', [reminded])).toEqual(['I1:reminder_2']);
  });

  it('leaves steps on business days where they are', () => {
    expect(stepsOn(MOVED, '2025-05-28', [weekday])).toEqual(stepsOn(AS_IS, '2025-05-28', [weekday]));
    expect(stepsOn(MOVED, '2025-05-28', [weekday])).toEqual(['I2:reminder_1']);
  });
});
