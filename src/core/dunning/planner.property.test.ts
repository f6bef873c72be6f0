import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../calendar.ts';
import {
  type DunningCustomer,
  type DunningInvoice,
  type PlannedItem,
  type PlanSettings,
  planDunning,
  recordSent,
} from './planner.ts';
import { type DunningPolicy, EXAMPLE_STEPS } from './policy.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

const START = '2025-03-01';
const policyArb = fc.record({
  formalNoticeLeadDays: fc.integer({ min: 1, max: 20 }),
  minimumDaysBetweenSteps: fc.integer({ min: 0, max: 10 }),
  minimumMinor: fc.integer({ min: 0, max: 50_000 }),
  stepAfterNotice: fc.boolean(),
  accountFloor: fc.boolean(),
  catchUpByAge: fc.boolean(),
});
// A step between the notice and the hand-over is where a catch-up landing on the notice could chain.
const AFTER_NOTICE = {
  ...EXAMPLE_STEPS[0]!,
  code: 'after_notice',
  kind: 'reminder' as const,
  offsetDays: 52,
  channel: 'sms' as const,
};
function policyOf(p: {
  formalNoticeLeadDays: number;
  minimumDaysBetweenSteps: number;
  minimumMinor: number;
  stepAfterNotice: boolean;
  accountFloor: boolean;
  catchUpByAge: boolean;
}) {
  const steps = p.stepAfterNotice
    ? [...EXAMPLE_STEPS.slice(0, 5), AFTER_NOTICE, ...EXAMPLE_STEPS.slice(5)]
    : EXAMPLE_STEPS;
  const policy: DunningPolicy = {
    code: 'p',
    version: 1,
    effectiveFrom: '2025-01-01',
    scope: { kind: 'default' },
    currency: 'EUR',
    steps: steps.map((s) => ({ ...s, minimumAmountMinor: p.minimumMinor })),
    formalNoticeLeadDays: p.formalNoticeLeadDays,
    minimumDaysBetweenSteps: p.minimumDaysBetweenSteps,
    promiseGraceDays: 2,
    accountFloor: p.accountFloor,
    catchUpByAge: p.catchUpByAge,
  };
  return policy;
}

/**
 * The levels an item passed over are pre-due steps dropped once the invoice is due, or, when the
 * account's notice or a catch-up raised it, amicable steps: never a notice or a hand-over.
 */
function expectPassedOver(policy: DunningPolicy, item: PlannedItem): void {
  if (item.raisedBy?.kind === 'catch_up') {
    expect([policy.catchUpByAge, item.stepKind]).toEqual([true, 'reminder']);
    // Never reminded after its due date: at most its courtesy e-mail.
    expect(policy.steps.slice(0, item.fromLevel).every((step) => step.kind === 'courtesy')).toBe(true);
  }
  if (item.raisedBy?.kind === 'account_notice') {
    expect([policy.accountFloor, item.stepKind]).toEqual([true, 'formal_notice']);
  }
  for (let level = item.fromLevel + 1; level < item.level; level += 1) {
    const step = policy.steps[level - 1];
    if (item.raisedBy && step?.kind === 'reminder') continue;
    expect(step?.offsetDays).toBeLessThan(0);
  }
}

/** The step after an invoice's last one once it is due: what a raised item was due for. */
function dueLevelAfter(policy: DunningPolicy, level: number): number {
  let due = level + 1;
  while ((policy.steps[due - 1]?.offsetDays ?? 0) < 0) due += 1;
  return due;
}

/** The amicable steps before the policy's first notice (a reminder after it comes after a notice). */
function isAmicable(policy: DunningPolicy, item: PlannedItem): boolean {
  const notice = policy.steps.findIndex((s) => s.kind === 'formal_notice') + 1;
  return item.stepKind === 'reminder' && item.level < notice;
}
const codes = ['A', 'B', 'C', 'D'];
const customerArb = (code: string) =>
  fc.record({
    customerCode: fc.constant(code),
    customerType: fc.constant('sme' as const),
    riskClass: fc.constant(null),
    inInsolvency: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    pausedUntil: fc.option(
      fc.integer({ min: 0, max: 200 }).map((n) => addDays(START, n)),
      { freq: 5 },
    ),
    interestClause: fc.constant({ kind: 'legal' as const }),
    openCredits: fc.array(
      fc.record({
        currency: fc.constantFrom('EUR', 'USD'),
        amountMinor: fc.integer({ min: 1, max: 300_000 }),
      }),
      { maxLength: 2 },
    ),
  });
const customersArb = fc.tuple(...codes.map(customerArb)) as fc.Arbitrary<DunningCustomer[]>;
const invoiceArb = fc.record({
  id: fc.integer({ min: 1, max: 10_000 }).map((n) => `F${n}`),
  customerCode: fc.constantFrom(...codes),
  dueDate: fc.integer({ min: -120, max: 150 }).map((n) => addDays(START, n)),
  openMinor: fc.integer({ min: -10_000, max: 500_000 }),
  currency: fc.constantFrom('EUR', 'EUR', 'USD'),
  level: fc.constant(0),
  lastStepDate: fc.constant(null),
  formalNoticeDate: fc.constant(null),
  disputed: fc.boolean(),
  promise: fc.option(
    fc.record({
      date: fc.integer({ min: 0, max: 200 }).map((n) => addDays(START, n)),
      amountMinor: fc.constant(1),
    }),
    { freq: 4 },
  ),
  pausedUntil: fc.option(
    fc.integer({ min: 0, max: 200 }).map((n) => addDays(START, n)),
    { freq: 6 },
  ),
}) as fc.Arbitrary<DunningInvoice>;
const invoicesArb = fc.uniqueArray(invoiceArb, { selector: (i) => i.id, maxLength: 25 });

const settingsOf = (policy: DunningPolicy, asOf: string): PlanSettings => ({
  asOf,
  policies: [policy],
  rates: REFERENCE_RATES,
  rateMode: 'split_by_semester',
});

describe('dunning planner (property)', () => {
  it('is deterministic, order-free and idempotent, one action per customer, document and currency', () => {
    fc.assert(
      fc.property(
        policyArb,
        customersArb,
        invoicesArb,
        fc.integer({ min: 0, max: 200 }),
        (p, customers, invoices, day) => {
          const settings = settingsOf(policyOf(p), addDays(START, day));
          const plan = planDunning(customers, invoices, settings);
          expect(planDunning([...customers].reverse(), [...invoices].reverse(), settings)).toEqual(plan);
          // A courtesy e-mail may go beside the reminder of what is overdue: the step tells them apart.
          const keys = plan.actions.map((a) => `${a.customerCode}/${a.channel}/${a.currency}/${a.stepKind}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const action of plan.actions) {
            expect(action.openTotalMinor - action.creditsMinor).toBeGreaterThan(0);
            expect(action.totalDueMinor).toBeGreaterThan(0);
            expect(action.items.every((i) => i.openMinor > 0 && i.level > i.fromLevel)).toBe(true);
            // One step at a time, but for a pre-due step dropped once the invoice is due and the
            // amicable steps the account's notice or a catch-up passes over.
            for (const item of action.items) expectPassedOver(policyOf(p), item);
          }
          const after = recordSent(invoices, plan.actions, settings.asOf);
          expect(planDunning(customers, after, settings).actions).toEqual([]);
        },
      ),
    );
  });

  it('catches up missed days: each step once per invoice, levels rising, a notice ≥ lead days before a hand-over', () => {
    const runDaysArb = fc.uniqueArray(fc.integer({ min: 0, max: 240 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(policyArb, customersArb, invoicesArb, runDaysArb, (p, customers, invoices, runDays) => {
        const policy = policyOf(p);
        let state = invoices;
        const sent = new Map<string, { level: number; due: number; kind: string; on: string }[]>();
        for (const day of [...runDays].sort((a, b) => a - b)) {
          const asOf = addDays(START, day);
          const plan = planDunning(customers, state, settingsOf(policy, asOf));
          for (const item of plan.actions.flatMap((a) => a.items)) {
            expectPassedOver(policy, item);
            // A raised item is spaced from its last step as the step it was due for would be.
            const due = item.raisedBy ? dueLevelAfter(policy, item.fromLevel) : item.level;
            sent.set(item.invoiceId, [
              ...(sent.get(item.invoiceId) ?? []),
              { level: item.level, due, kind: item.stepKind, on: asOf },
            ]);
          }
          state = recordSent(state, plan.actions, asOf);
        }
        for (const steps of sent.values()) {
          steps.forEach((step, index) => {
            const previous = steps[index - 1];
            if (previous) expect(step.level).toBeGreaterThan(previous.level);
            // Spaced at least as the policy spaces the two steps, and by its minimum gap.
            if (previous && step.kind !== 'handover') {
              const offset = (level: number) => policy.steps[level - 1]?.offsetDays ?? 0;
              const gap = Math.max(policy.minimumDaysBetweenSteps, offset(step.due) - offset(previous.level));
              expect(daysBetween(previous.on, step.on)).toBeGreaterThanOrEqual(gap);
            }
            if (step.kind !== 'handover') return;
            const notice = steps.find((s) => s.kind === 'formal_notice');
            expect(notice).toBeDefined();
            if (notice)
              expect(daysBetween(notice.on, step.on)).toBeGreaterThanOrEqual(policy.formalNoticeLeadDays);
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('dunning planner escalating with the account (property)', () => {
  it('never sends a customer an amicable or a courtesy step on a day it gets a formal notice or a hand-over', () => {
    const runDaysArb = fc.uniqueArray(fc.integer({ min: 0, max: 240 }), { minLength: 1, maxLength: 40 });
    const onArb = policyArb.map((p) => ({ ...p, accountFloor: true, catchUpByAge: true }));
    fc.assert(
      fc.property(onArb, customersArb, invoicesArb, runDaysArb, (p, customers, invoices, runDays) => {
        const policy = policyOf(p);
        let state = invoices;
        for (const day of [...runDays].sort((a, b) => a - b)) {
          const asOf = addDays(START, day);
          const plan = planDunning(customers, state, settingsOf(policy, asOf));
          for (const code of codes) {
            const items = plan.actions.filter((a) => a.customerCode === code).flatMap((a) => a.items);
            // Nor a courtesy e-mail (« merci de régler à bonne date ») beside a notice or a hand-over
            // by call, whichever channel it takes.
            if (items.some((i) => i.stepKind === 'formal_notice' || i.stepKind === 'handover'))
              expect(items.filter((i) => isAmicable(policy, i) || i.stepKind === 'courtesy')).toEqual([]);
          }
          state = recordSent(state, plan.actions, asOf);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('dunning planner and the courtesy e-mail (property)', () => {
  it('never sends a courtesy e-mail the day the customer gets a formal notice or a hand-over', () => {
    // Invoices at the steps that meet on one day: not yet due (a courtesy's window is five days),
    // due for the notice, or put on notice long enough ago for the hand-over (a call task, nothing
    // written), free of the invoice's own exclusions (the other properties vary them).
    const asOf = addDays(START, 100);
    const atStepArb = fc
      .tuple(
        invoiceArb,
        fc.constantFrom(
          { dueDays: [1, 5], level: 0 }, // the courtesy of D−5 … D−1
          { dueDays: [-59, -45], level: 4 }, // the notice of D+45
          { dueDays: [-90, -60], level: 5 }, // the hand-over of D+60
          { dueDays: [-44, 0], level: 1 }, // an amicable step
        ),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
      )
      .map(([invoice, at, shift, daysAgo]): DunningInvoice => {
        const [from, to] = at.dueDays as [number, number];
        const on = at.level === 0 ? null : addDays(asOf, -daysAgo);
        return {
          ...invoice,
          disputed: false,
          promise: null,
          pausedUntil: null,
          dueDate: addDays(asOf, from + (shift % (to - from + 1))),
          level: at.level,
          lastStepDate: on,
          formalNoticeDate: at.level === 5 ? on : null,
        };
      });
    fc.assert(
      fc.property(
        policyArb,
        customersArb,
        fc.uniqueArray(atStepArb, { selector: (i) => i.id, maxLength: 25 }),
        (p, customers, invoices) => {
          const plan = planDunning(customers, invoices, settingsOf(policyOf(p), asOf));
          for (const code of codes) {
            const own = plan.actions.filter((a) => a.customerCode === code);
            const kinds = new Set(own.flatMap((a) => a.items.map((i) => i.stepKind)));
            if (kinds.has('formal_notice') || kinds.has('handover'))
              expect(kinds.has('courtesy')).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('dunning planner in slices of customers (property)', () => {
  // A run plans a few thousand customers at a time (app/dunning/plan-slices.ts) and puts the
  // plans end to end: that must be the plan of all the customers made at once.
  it('gives, slice after slice in code order, exactly the plan made at once', () => {
    const cutsArb = fc.uniqueArray(fc.integer({ min: 1, max: codes.length - 1 }), {
      maxLength: codes.length,
    });
    fc.assert(
      fc.property(
        policyArb,
        customersArb,
        invoicesArb,
        fc.integer({ min: 0, max: 200 }),
        cutsArb,
        (p, customers, invoices, day, cuts) => {
          const settings = settingsOf(policyOf(p), addDays(START, day));
          const whole = planDunning(customers, invoices, settings);
          const bounds = [0, ...[...cuts].sort((a, b) => a - b), codes.length];
          const slices = bounds.slice(1).map((end, index) => {
            const inSlice = new Set(codes.slice(bounds[index], end));
            return planDunning(
              customers.filter((c) => inSlice.has(c.customerCode)),
              invoices.filter((i) => inSlice.has(i.customerCode)),
              settings,
            );
          });
          expect({
            asOf: settings.asOf,
            actions: slices.flatMap((plan) => plan.actions),
            skipped: slices.flatMap((plan) => plan.skipped),
          }).toEqual(whole);
        },
      ),
    );
  });
});
