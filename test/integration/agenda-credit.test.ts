/** The agenda lists what waits for a credit decision: held orders and limit requests, with their reasons. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
let bob: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  manager = await signIn(app, emailOf('credit_manager'));
  bob = await signIn(app, 'bob@web.test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const post = (session: Session, url: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { ...session.headers, ...headers }, payload });

describe('the agenda and credit decisions', () => {
  it('lists a held order and a limit request on their customers’ entries, ranked for them', async () => {
    const order = await post(
      manager,
      '/api/orders/check',
      { customerCode: 'K01', amountMinor: 900_000, orderRef: 'CMD-AGENDA-1' },
      { 'idempotency-key': 'agenda-held-1' },
    );
    expect(order.json()).toMatchObject({ decision: 'hold', status: 'held' });
    const request = await post(manager, '/api/credit/limit-requests', {
      customerCode: 'K02',
      requestedMinor: 500_000,
      justification: 'Commande de rentrée',
    });
    expect(request.statusCode).toBe(201);
    const agenda = (
      await app.inject({ method: 'GET', url: '/api/dunning/agenda', headers: manager.headers })
    ).json();
    const k01 = agenda.entries.find((e: { customerCode: string }) => e.customerCode === 'K01');
    const k02 = agenda.entries.find((e: { customerCode: string }) => e.customerCode === 'K02');
    expect(k01.heldOrders).toEqual([
      expect.objectContaining({ orderRef: 'CMD-AGENDA-1', amountMinor: 900_000, currency: 'EUR' }),
    ]);
    expect(k01.heldOrders[0].reasons.length).toBeGreaterThan(0);
    expect(k02.limitRequests).toEqual([
      expect.objectContaining({ requestedMinor: 500_000, currency: 'EUR' }),
    ]);
    expect(k01.reasons).toContain('Commandes bloquées ou demandes de limite en attente de décision : 1');
    // Bob's customers are K11–K12: neither is his to see.
    const bobs = (
      await app.inject({ method: 'GET', url: '/api/dunning/agenda', headers: bob.headers })
    ).json();
    expect(bobs.entries.map((e: { customerCode: string }) => e.customerCode)).not.toContain('K01');
  });
});
