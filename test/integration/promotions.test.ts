/**
 * A marketing promotion through the API: a salesperson submits its credit terms (60 days instead
 * of the customers' 30), an order cannot use it before the credit manager approves it, the credit
 * manager approves it (the submitter could not), and then its longer terms weigh in the order check,
 * down to the exposure and the credit left after the order that the API and the CLI answer; the
 * orders and invoices under it are counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { encoursOn, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let alice: Session;
let claire: Session;

const TERMS = {
  code: 'PRINTEMPS26',
  name: 'Printemps 2026',
  paymentTerms: '60 jours nets',
  paymentMethods: ['terms'],
  guarantees: [],
  validFrom: '2026-03-01',
  validTo: '2026-05-31',
  eligibleCustomers: [],
  eligibleCustomerTypes: [],
};

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  alice = await signIn(app, 'alice@web.test');
  claire = await signIn(app, 'claire@web.test');
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** K01 (Alice's) has a 1 000 € limit, nothing owed, 30-day terms; the fixture's date is 30 April 2026. */
const check = (session: Session, amountMinor: number, orderRef?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/orders/check',
    headers: session.headers,
    payload: {
      customerCode: 'K01',
      amountMinor,
      promotionCode: 'PRINTEMPS26',
      ...(orderRef ? { orderRef } : {}),
    },
  });

describe('marketing promotions', () => {
  it('takes the submitted terms, as their canonical spec', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/promotions',
      headers: alice.headers,
      payload: TERMS,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      code: 'PRINTEMPS26',
      paymentTerms: 'net:60',
      status: 'submitted',
    });
  });

  it('refuses an order under a promotion credit has not approved', async () => {
    const answer = (await check(alice, 40_000)).json();
    expect(answer.decision).toBe('refuse');
    expect(answer.reasons.map((r: { message: string }) => r.message)).toEqual([
      'La promotion PRINTEMPS26 ne peut pas servir\u00a0: ses conditions ne sont pas approuvées par le crédit.',
    ]);
  });

  it('lets the credit manager approve, never the salesperson', async () => {
    const url = '/api/promotions/PRINTEMPS26/approve';
    expect((await app.inject({ method: 'POST', url, headers: alice.headers, payload: {} })).statusCode).toBe(
      403,
    );
    const response = await app.inject({
      method: 'POST',
      url,
      headers: claire.headers,
      payload: { comment: 'Accordé pour la saison' },
    });
    expect(response.json()).toMatchObject({ status: 'approved', decidedBy: 'claire@web.test' });
    const again = await app.inject({ method: 'POST', url, headers: claire.headers, payload: {} });
    expect(again.statusCode).toBe(409);
    // Said in the reader's language: French by default, English when the request asks for it.
    expect(again.json().detail).toBe('La promotion PRINTEMPS26 est déjà approuvée');
    const headers = { ...claire.headers, 'accept-language': 'en' };
    const inEnglish = await app.inject({ method: 'POST', url, headers, payload: {} });
    expect(inEnglish.json().detail).toBe('Promotion PRINTEMPS26 was already approved');
  });

  it('weighs the longer terms: 400 € on 60 days pass, 600 € count 1 200 € against a 1 000 € limit', async () => {
    expect((await check(alice, 40_000, 'CMD-1')).json()).toMatchObject({
      decision: 'approve',
      status: 'approved',
    });
    const held = (await check(alice, 60_000)).json();
    expect(held.decision).toBe('hold');
    expect(held.reasons[0].figures).toMatchObject({ orderMinor: 120_000, limitMinor: 100_000 });
    const detail = (await app.inject({ url: '/api/promotions/PRINTEMPS26', headers: alice.headers })).json();
    expect(detail.orders).toEqual({
      orderCount: 1,
      orderedMinor: 40_000,
      approvedCount: 1,
      heldCount: 0,
      refusedCount: 0,
    });
    const audit = await database.runtime.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity', '=', 'promotion')
      .orderBy('audit_id')
      .execute();
    expect(audit).toEqual([
      { action: 'promotion.submit', actor: 'alice@web.test' },
      { action: 'promotion.approve', actor: 'claire@web.test' },
    ]);
  });

  it('answers the exposure and the credit left after the order at its weight, recorded, replayed and in the CLI', async () => {
    // CMD-1's 400 € are owed now; 100 € on 60 days instead of 30 weigh 200 €, not 100 €.
    const headers = { ...alice.headers, 'idempotency-key': 'promotion-check-CMD-2' };
    const payload = {
      customerCode: 'K01',
      amountMinor: 10_000,
      promotionCode: 'PRINTEMPS26',
      orderRef: 'CMD-2',
    };
    const send = () => app.inject({ method: 'POST', url: '/api/orders/check', headers, payload });
    const figures = {
      decision: 'approve',
      exposureMinor: 40_000,
      exposureAfterOrderMinor: 60_000,
      limitMinor: 100_000,
      availableAfterOrderMinor: 40_000,
    };
    expect((await send()).json()).toMatchObject({ ...figures, created: true });
    // The same key replays the recorded decision with the figures it was taken on.
    expect((await send()).json()).toMatchObject({ ...figures, created: false });
    // The CLI prints the same figures after the order: 400 + 100 € owed, 100 € more weighing 200 €.
    const cli = await encoursOn(
      database,
      'order',
      'check',
      '--customer',
      'K01',
      '--amount',
      '100',
      '--promotion',
      'PRINTEMPS26',
    );
    expect(cli.stdout).toContain('Après la commande\u00a0: exposition 700,00 € · disponible 300,00 €');
  });
});
