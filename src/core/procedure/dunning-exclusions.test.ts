import { describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY, exampleCustomer, exampleInvoice } from '../dunning/example-plan.fixture.ts';
import { coveredByCredits, dunningExclusions } from './dunning-exclusions.ts';

const AS_OF = '2026-06-30';

describe('the overdue invoices the dunning procedure must leave alone', () => {
  it('are those the planner excludes, whatever step they stand at', () => {
    const customers = [
      exampleCustomer('PLAIN', { openCredits: [{ currency: 'EUR', amountMinor: 1_000_000 }] }),
      exampleCustomer('DURAND', { inInsolvency: true }),
      exampleCustomer('PAUSED', { pausedUntil: '2026-07-15' }),
      exampleCustomer('BLANC'),
    ];
    const invoices = [
      // Credits larger than the balance, already at the last step, or below a step's minimum: the
      // planner sends nothing today, but nothing says the invoice must not be reminded (what the
      // credits cover is `coveredByCredits`' question, below).
      exampleInvoice('P1', 'PLAIN', '2026-05-01', 50_000, { level: 6, lastStepDate: '2026-06-29' }),
      exampleInvoice('D1', 'DURAND', '2026-03-01', 1_454_099),
      exampleInvoice('Z1', 'PAUSED', '2026-06-01', 10_000),
      exampleInvoice('B1', 'BLANC', '2026-04-01', 127_552, { disputed: true }),
      exampleInvoice('B2', 'BLANC', '2026-04-15', 20_000, { handedOver: true }),
      exampleInvoice('B3', 'BLANC', '2026-05-01', 20_000, { pausedUntil: '2026-07-01' }),
      // Promised for 29/06, grace 2 days: still waiting on 30/06.
      exampleInvoice('B4', 'BLANC', '2026-05-01', 20_000, {
        promise: { date: '2026-06-29', amountMinor: 1 },
      }),
      // Promised for 20/06: the grace is over, the invoice is reminded again.
      exampleInvoice('B5', 'BLANC', '2026-05-01', 20_000, {
        promise: { date: '2026-06-20', amountMinor: 1 },
      }),
      exampleInvoice('B6', 'BLANC', '2026-05-01', 20_000, { factorCollects: true }),
      // Not yet due: not a question for the reports' overdue invoices.
      exampleInvoice('B7', 'BLANC', '2026-07-31', 20_000, { disputed: true }),
    ];
    const excluded = dunningExclusions(customers, invoices, [EXAMPLE_POLICY], AS_OF);
    expect(Object.fromEntries(excluded)).toEqual({
      D1: 'insolvency_proceedings',
      Z1: 'customer_paused',
      B1: 'disputed',
      B2: 'handed_over',
      B3: 'paused',
      B4: 'promise_pending',
      B6: 'factor_collects',
    });
  });

  it('leaves a customer without a policy to the gaps: it is not an exclusion', () => {
    const narrow = { ...EXAMPLE_POLICY, scope: { kind: 'customer' as const, customerCode: 'OTHER' } };
    const excluded = dunningExclusions(
      [exampleCustomer('C1')],
      [exampleInvoice('I1', 'C1', '2026-05-01', 10_000), exampleInvoice('I2', 'C9', '2026-05-01', 10_000)],
      [narrow],
      AS_OF,
    );
    expect(excluded.size).toBe(0);
  });

  it('tells apart, as the planner does, the overdue invoices the customer’s open credits cover', () => {
    const euros = (amountMinor: number) => [{ currency: 'EUR' as const, amountMinor }];
    const customers = [
      // An unapplied payment larger than everything it owes: nothing to remind.
      exampleCustomer('PAID', { openCredits: euros(264_130) }),
      // Credits cover the overdue invoice, not the invoice not yet due.
      exampleCustomer('AHEAD', { openCredits: euros(30_000) }),
      // Credits short of what is overdue: reminded, so a gap when nobody did.
      exampleCustomer('SHORT', { openCredits: euros(5_000) }),
      exampleCustomer('NONE'),
      // The disputed invoice is excluded anyway; the credits cover the other one.
      exampleCustomer('MIXED', { openCredits: euros(10_000) }),
    ];
    const invoices = [
      exampleInvoice('P1', 'PAID', '2026-04-01', 264_130),
      exampleInvoice('A1', 'AHEAD', '2026-05-01', 30_000),
      exampleInvoice('A2', 'AHEAD', '2026-07-31', 50_000),
      exampleInvoice('S1', 'SHORT', '2026-05-01', 20_000),
      exampleInvoice('N1', 'NONE', '2026-05-01', 20_000),
      exampleInvoice('M1', 'MIXED', '2026-04-01', 80_000, { disputed: true }),
      exampleInvoice('M2', 'MIXED', '2026-05-01', 10_000),
    ];
    const excluded = dunningExclusions(customers, invoices, [EXAMPLE_POLICY], AS_OF);
    expect(Object.fromEntries(coveredByCredits(customers, invoices, excluded, AS_OF))).toEqual({
      P1: 'net_balance_not_positive',
      A1: 'credits_cover_amount_due',
      M2: 'credits_cover_amount_due',
    });
  });
});
