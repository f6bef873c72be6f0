/**
 * A public body needs no credit limit: the demo's public bodies have none (« aucune limite »), and
 * their orders pass the order check on its other rules with the reason saying so, asked as a question
 * or recorded; a private customer without a limit is still held for review.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkOrder } from '#app/credit/order-check';
import { demoCompanyOfFile } from './demo-file.fixture.ts';

const demo = demoCompanyOfFile();

describe('the order check of a public body without a limit', () => {
  it('accepts its order, no limit being required, and still holds a private customer without one', async () => {
    const { ctx, situation } = demo;
    const found = await sql<{ code: string }>`
      select code from customers
       where company_id = 'CB2C' and customer_type = 'public_body' and credit_limit_minor is null
       order by code`.execute(ctx.db);
    const codes = found.rows.map((row) => row.code);
    expect(codes.length).toBeGreaterThan(10);
    const answers = await Promise.all(
      codes.map((customerCode) => checkOrder(ctx, { customerCode, amountMinor: 120_000 })),
    );
    // None is held for want of a limit; those no other rule stops are accepted, saying why.
    expect(answers.flatMap((a) => a.reasons.map((r) => r.code))).not.toContain('no_credit_limit');
    const accepted = answers.filter((a) => a.decision === 'approve');
    expect(accepted.length).toBeGreaterThan(0);
    for (const answer of accepted) {
      expect(answer.limitMinor).toBeNull();
      expect(answer.reasons).toEqual([
        {
          code: 'public_body_no_limit',
          message: 'Organisme public\u00a0: pas de limite requise.',
          figures: {},
        },
      ]);
    }
    // Recorded with an order reference (the locked read), in English.
    const customerCode = accepted[0]!.customerCode;
    const recorded = await checkOrder(ctx, {
      customerCode,
      amountMinor: 120_000,
      orderRef: 'H6-PUBLIC-1',
      lang: 'en',
    });
    expect([recorded.decision, recorded.status, recorded.reasons.map((r) => r.message)]).toEqual([
      'approve',
      'approved',
      ['Public body: no credit limit required.'],
    ]);
    const privateCustomer = await checkOrder(ctx, {
      customerCode: situation('no_credit_limit_with_exposure'),
      amountMinor: 120_000,
    });
    expect(privateCustomer.decision).toBe('hold');
    expect(privateCustomer.reasons.map((r) => r.code)).toContain('no_credit_limit');
  });
});
