/**
 * Credit decisions over the API on the demo company as of its reference date, on the embedded
 * engine and on a PostgreSQL server: the limit request and the held order of a salesperson's
 * customer, the held-order queue along the delegation matrix (403), the refusal e-mail through a
 * loopback SMTP server, the audit trail, and parallel checks that cannot together exceed the
 * available credit. Scoring and the order check's decisions are in credit-demo.test.ts.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { checkOrder } from '#app/credit/order-check';
import { generateDemoDataset } from '#app/demo/demo';
import { dispatchOutbox } from '#app/mail/dispatch';
import { createSmtpTransport } from '#app/mail/smtp';
import { creditDemoPlan } from '#demo/credit-situations';
import { DEMO_USERS, type DemoDataset, LedgerReplay } from '#demo/index';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';

let database: TestDatabase;
let ctx: AppContext;
let app: ApiServer;
let demo: DemoDataset;
let replay: LedgerReplay;
const AS_OF = '2026-06-30';
const situation = (kind: string) => demo.manifest.situations.find((s) => s.kind === kind)!.customerCode;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
  demo = generateDemoDataset();
  replay = new LedgerReplay(demo.documents, demo.allocations, demo.reversals);
  app = await buildServer(database.runtime, { webRoot: null });
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function auditActions(entityKey: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select('action')
    .where('company_id', '=', 'CB2C')
    .where('entity_key', '=', entityKey)
    .orderBy('audit_id')
    .execute();
  return rows.map((row) => row.action);
}

describe('held orders, limit requests and messages over the API', () => {
  const plan = () => creditDemoPlan(demo);

  it('the held order and the limit request are the customer’s salesperson’s, in her portfolio', async () => {
    const code = situation('limit_request_waiting');
    const { limitRequest, heldOrderRef } = plan();
    const customer = demo.customers.find((c) => c.code === code)!;
    const requester = DEMO_USERS.find((user) => user.email === limitRequest.requestedBy);
    expect(requester).toMatchObject({ role: 'salesperson', salesperson: customer.salesperson });
    // The request is made for the order held in the queue, for a limit that carries every pending order.
    expect(limitRequest.orderRef).toBe(heldOrderRef);
    const pendingMinor = demo.orders
      .filter((o) => o.customerCode === code && o.status === 'pending')
      .reduce((sum, o) => sum + o.amountMinor, 0);
    expect(limitRequest.requestedMinor).toBeGreaterThanOrEqual(replay.balanceAt(code, AS_OF) + pendingMinor);
    const salesperson = await signIn(app, limitRequest.requestedBy);
    const own = await app.inject({
      method: 'GET',
      url: '/api/credit/limit-requests?status=pending',
      headers: salesperson.headers,
    });
    expect(own.json().items).toEqual([
      expect.objectContaining({
        customerCode: code,
        orderRef: heldOrderRef,
        requestedBy: limitRequest.requestedBy,
      }),
    ]);
    const file = await app.inject({
      method: 'GET',
      url: `/api/customers/${code}`,
      headers: salesperson.headers,
    });
    expect(file.statusCode).toBe(200);
  });

  it('approving the request re-judges the held order it was made for, and both reach the customer’s story', async () => {
    const code = situation('limit_request_waiting');
    const { limitRequest, heldOrderRef } = plan();
    const collector = await signIn(app, 'julien.petit@cb2c.example');
    const inbox = await app.inject({
      method: 'GET',
      url: '/api/credit/limit-requests?status=pending',
      headers: collector.headers,
    });
    const request = inbox.json().items.find((item: { customerCode: string }) => item.customerCode === code);
    expect(request).toMatchObject({ status: 'pending', requestedMinor: limitRequest.requestedMinor });
    // The approver the delegation matrix names for the customer's class and the amount.
    const approver = DEMO_USERS.find((user) => user.role === request.requiredRole)!;
    const session = await signIn(app, approver.email);
    const decided = await app.inject({
      method: 'POST',
      url: `/api/credit/limit-requests/${request.requestId}/decision`,
      headers: session.headers,
      payload: { approve: true, comment: 'OK vu les volumes' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().status).toBe('approved');
    const customer = await ctx.db
      .selectFrom('customers')
      .select('credit_limit_minor')
      .where('company_id', '=', 'CB2C')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(customer.credit_limit_minor).toBe(limitRequest.requestedMinor);
    // The new limit carries the held order: only its overdue invoice still holds it, and the
    // queue says so instead of the limit it was first held for.
    expect(await auditActions(heldOrderRef!)).toEqual(['credit.order_check', 'credit.order_recheck']);
    const queue = await app.inject({
      method: 'GET',
      url: '/api/credit/orders?status=held',
      headers: session.headers,
    });
    const held = queue.json().items.find((item: { orderRef: string }) => item.orderRef === heldOrderRef);
    expect(held.reasons.map((reason: { code: string }) => reason.code)).toEqual(['overdue_too_old']);
    expect(held).toMatchObject({ limitMinor: limitRequest.requestedMinor, status: 'held' });
    const audit = await app.inject({
      method: 'GET',
      url: `/api/customers/${code}/audit`,
      headers: session.headers,
    });
    expect(audit.json().items.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining([
        'credit.order_recheck',
        'credit.limit_change',
        'credit.limit_decision',
        'credit.limit_request',
        'credit.order_check',
      ]),
    );
    const story = await app.inject({
      method: 'GET',
      url: `/api/customers/${code}/events?lang=en`,
      headers: session.headers,
    });
    const lines = story
      .json()
      .items.map((event: { detail: string }) => event.detail.replace(/[\u00a0\u202f]/g, ' '));
    expect(lines[0]).toBe(
      `Credit limit: €20,000.00 → €${(limitRequest.requestedMinor / 100).toLocaleString('en')}.00 ` +
        `(Request no. ${request.requestId} approved). Comment: “OK vu les volumes”`,
    );
    const history = await app.inject({
      method: 'GET',
      url: `/api/credit/customers/${code}/limit-history`,
      headers: { ...session.headers, 'accept-language': 'en' },
    });
    expect(history.json().items[0]).toMatchObject({
      reason: `Request no. ${request.requestId} approved`,
      comment: 'OK vu les volumes',
    });
    // The limit set in 2025, from the imported story: its amount read from its words.
    expect(history.json().items.at(-1)).toMatchObject({ source: 'imported', amountMinor: 2_000_000 });
  });

  it('releasing a held order needs the role the matrix names (403 otherwise), audited', async () => {
    const code = situation('over_limit_with_pending_orders');
    const ref = 'CMD-DEMO-HOLD';
    const checked = await checkOrder(ctx, { customerCode: code, amountMinor: 500_000, orderRef: ref });
    expect(checked).toMatchObject({ decision: 'hold', status: 'held' });
    const collector = await signIn(app, 'julien.petit@cb2c.example');
    const queue = await app.inject({
      method: 'GET',
      url: '/api/credit/orders?status=held',
      headers: collector.headers,
    });
    const held = queue.json().items.find((item: { orderRef: string }) => item.orderRef === ref);
    // Class D (its arrears), exposure over 20 000 €: the director's call, not the credit manager's.
    expect(held).toMatchObject({ decision: 'hold', approverRole: 'director', status: 'held' });
    for (const email of ['julien.petit@cb2c.example', 'claire.moreau@cb2c.example']) {
      const user = email === 'julien.petit@cb2c.example' ? collector : await signIn(app, email);
      const refused = await app.inject({
        method: 'POST',
        url: `/api/credit/orders/${ref}/release`,
        headers: user.headers,
        payload: { comment: 'ok' },
      });
      expect(refused.statusCode).toBe(403);
    }
    const director = await signIn(app, 'philippe.lambert@cb2c.example');
    const released = await app.inject({
      method: 'POST',
      url: `/api/credit/orders/${ref}/release`,
      headers: director.headers,
      payload: { comment: 'Client historique, règlement promis le 5 juillet.' },
    });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ status: 'released', orderRef: ref });
    expect(await auditActions(ref)).toEqual(['credit.order_check', 'credit.order_release']);
  });

  it('a refused order sends the customer a French refusal e-mail (loopback SMTP) and is audited', async () => {
    const code = situation('receivership');
    const manager = await signIn(app, 'claire.moreau@cb2c.example');
    const response = await app.inject({
      method: 'POST',
      url: '/api/orders/check',
      headers: { ...manager.headers, 'idempotency-key': 'k-refuse-1' },
      payload: { customerCode: code, amountMinor: 123_450, orderRef: 'CMD-REFUS-1' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ decision: 'refuse', status: 'refused', created: true });
    const again = await app.inject({
      method: 'POST',
      url: '/api/orders/check',
      headers: { ...manager.headers, 'idempotency-key': 'k-refuse-1' },
      payload: { customerCode: code, amountMinor: 123_450, orderRef: 'CMD-REFUS-1' },
    });
    expect(again.json()).toMatchObject({ decision: 'refuse', created: false });
    expect(await auditActions('CMD-REFUS-1')).toEqual(['credit.order_check']);

    const received: ParsedMail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          received.push(await simpleParser(Buffer.concat(chunks)));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.server.address() as AddressInfo).port;
    const transport = createSmtpTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      user: null,
      password: null,
    });
    try {
      await dispatchOutbox({ db: ctx.db, clock: ctx.clock, log: ctx.log, transport, batchSize: 1000 });
    } finally {
      transport.close?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const refusal = received.find(
      (mail) => mail.subject === 'Votre commande CMD-REFUS-1 ne peut pas être validée',
    );
    expect(refusal).toBeDefined();
    const billing = demo.customers.find((c) => c.code === code)?.billingEmail;
    expect(refusal?.to && 'value' in refusal.to ? refusal.to.value[0]?.address : null).toBe(billing);
    // The customer is offered payment in advance, not told the proceedings or figures it is judged on.
    expect(refusal?.text).not.toContain('Redressement judiciaire');
    expect(refusal?.text).toContain('Une commande payée à la commande ou à la livraison reste possible.');
    expect(refusal?.text).toMatch(/1\s234,50\s€/);
    expect(refusal?.text).not.toContain('123450');
    expect(refusal?.text).not.toContain('insolvency_proceedings');
  });

  it('parallel checks through the API cannot together exceed the available credit', async () => {
    const manager = await signIn(app, 'claire.moreau@cb2c.example');
    const question = await checkOrder(ctx, { customerCode: 'C00005', amountMinor: 0 });
    const limit = question.limitMinor ?? 0;
    const allowed = limit + Math.round((limit * 500) / 10_000) - question.exposureMinor;
    const amountMinor = 150_000;
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        app.inject({
          method: 'POST',
          url: '/api/orders/check',
          headers: manager.headers,
          payload: { customerCode: 'C00005', amountMinor, orderRef: `PAR-${index}` },
        }),
      ),
    );
    const decisions = responses.map((r) => r.json().decision);
    const approved = decisions.filter((d) => d === 'approve').length;
    expect(approved).toBe(Math.floor(allowed / amountMinor));
    expect(approved * amountMinor).toBeLessThanOrEqual(allowed);
    expect(decisions.filter((d) => d === 'hold').length).toBe(8 - approved);
  });
});
