/**
 * Properties of the planner's documents: one written reminder per customer, currency and day for
 * what is overdue (at the highest step among its invoices), a courtesy e-mail apart for what is not
 * yet due, and every invoice at its own step and level whatever document carries it (but for the
 * account's notice or a catch-up, which raise it: `escalation.ts`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import { type DunningCustomer, type DunningInvoice, planDunning, recordSent } from './planner.ts';
import { dueStepFor } from './planner-steps.ts';
import { type DunningChannel, type DunningPolicy, EXAMPLE_STEPS } from './policy.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

const START = '2025-03-01';
const WRITTEN = new Set<DunningChannel>(['email', 'letter', 'registered_letter']);
const channelArb = fc.constantFrom<DunningChannel>(
  'email',
  'letter',
  'registered_letter',
  'call_task',
  'sms',
);

/** The example policy with any channel at each step but the courtesy e-mail, and any minimums. */
const policyArb = fc
  .record({
    channels: fc.array(channelArb, { minLength: EXAMPLE_STEPS.length, maxLength: EXAMPLE_STEPS.length }),
    minimumMinor: fc.integer({ min: 0, max: 50_000 }),
    minimumDaysBetweenSteps: fc.integer({ min: 0, max: 10 }),
    accountFloor: fc.boolean(),
    catchUpByAge: fc.boolean(),
  })
  .map(
    (p): DunningPolicy => ({
      code: 'p',
      version: 1,
      effectiveFrom: '2025-01-01',
      scope: { kind: 'default' },
      currency: 'EUR',
      steps: EXAMPLE_STEPS.map((s, index) => ({
        ...s,
        channel: index === 0 ? s.channel : (p.channels[index] ?? s.channel),
        minimumAmountMinor: p.minimumMinor,
      })),
      formalNoticeLeadDays: 8,
      minimumDaysBetweenSteps: p.minimumDaysBetweenSteps,
      promiseGraceDays: 2,
      accountFloor: p.accountFloor,
      catchUpByAge: p.catchUpByAge,
    }),
  );

const codes = ['A', 'B', 'C'];
const customers: DunningCustomer[] = codes.map((code) => ({
  customerCode: code,
  customerType: 'sme',
  riskClass: null,
  inInsolvency: false,
  pausedUntil: null,
  interestClause: { kind: 'legal' },
  openCredits: code === 'C' ? [{ currency: 'EUR', amountMinor: 50_000 }] : [],
}));
const invoiceArb = fc.record({
  id: fc.integer({ min: 1, max: 10_000 }).map((n) => `F${n}`),
  customerCode: fc.constantFrom(...codes),
  dueDate: fc.integer({ min: -120, max: 150 }).map((n) => addDays(START, n)),
  openMinor: fc.integer({ min: -10_000, max: 500_000 }),
  currency: fc.constantFrom('EUR', 'EUR', 'USD'),
  level: fc.integer({ min: 0, max: 4 }),
  lastStepDate: fc.constant(null),
  formalNoticeDate: fc.constant(null),
  disputed: fc.constant(false),
  promise: fc.constant(null),
  pausedUntil: fc.constant(null),
}) as fc.Arbitrary<DunningInvoice>;
const invoicesArb = fc.uniqueArray(invoiceArb, { selector: (i) => i.id, maxLength: 30 });

describe('the planner’s documents (property)', () => {
  it('writes at most one reminder per customer, currency and day, each invoice at its own step', () => {
    fc.assert(
      fc.property(policyArb, invoicesArb, fc.integer({ min: 0, max: 200 }), (policy, invoices, day) => {
        const asOf = addDays(START, day);
        const settings = {
          asOf,
          policies: [policy],
          rates: REFERENCE_RATES,
          rateMode: 'split_by_semester' as const,
        };
        const plan = planDunning(customers, invoices, settings);
        const written = plan.actions.filter((a) => WRITTEN.has(a.channel));
        // A courtesy e-mail (not yet due) and a written hand-over are documents of their own.
        const overdueKeys = written
          .filter((a) => a.stepKind !== 'courtesy' && a.stepKind !== 'handover')
          .map((a) => a.customerCode + a.currency);
        expect(new Set(overdueKeys).size).toBe(overdueKeys.length);
        const byId = new Map(invoices.map((i) => [i.id, i]));
        for (const action of plan.actions) {
          // The action speaks with its highest step's channel, template and level.
          const top = Math.max(...action.items.map((i) => i.level));
          expect(action.level).toBe(top);
          expect(action.templateCode).toBe(policy.steps[top - 1]?.templateCode);
          expect(action.channel).toBe(policy.steps[top - 1]?.channel);
          for (const item of action.items) {
            // Each invoice keeps the step it reached on its own, whatever document carries it, unless
            // the account's notice or a catch-up raised it (escalation.ts, its own property tests).
            const own = dueStepFor(byId.get(item.invoiceId) as DunningInvoice, policy, asOf);
            if (item.raisedBy) expect(own && 'step' in own && own.level < item.level).toBe(true);
            else
              expect(own && 'step' in own ? [own.level, own.step.code] : null).toEqual([
                item.level,
                item.stepCode,
              ]);
            const step = policy.steps[item.level - 1];
            expect(WRITTEN.has(step?.channel ?? 'sms')).toBe(WRITTEN.has(action.channel));
            // What is not yet due never rides in a reminder of what is overdue, nor the reverse.
            expect(item.stepKind === 'courtesy').toBe(action.stepKind === 'courtesy');
            if (WRITTEN.has(action.channel))
              expect(item.stepKind === 'handover').toBe(action.stepKind === 'handover');
          }
        }
        // A notice date only for the invoices whose own step was the notice.
        const after = recordSent(invoices, plan.actions, asOf);
        const items = new Map(plan.actions.flatMap((a) => a.items.map((i) => [i.invoiceId, i] as const)));
        for (const invoice of after) {
          const item = items.get(invoice.id);
          if (!item) continue;
          expect(invoice.level).toBe(item.level);
          expect(invoice.formalNoticeDate).toBe(item.stepKind === 'formal_notice' ? asOf : null);
        }
      }),
    );
  });
});
