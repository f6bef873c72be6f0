/**
 * Orders and exposure on the demo company as of its reference date: the group's limit in the order
 * check, an order the ERP already sent, the risk map's insured split, and the signed ERP webhook.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { setLimit } from '#app/credit/limits';
import { checkOrder } from '#app/credit/order-check';
import { signWebhook } from '#app/credit/order-webhook';
import { getRiskMap } from '#app/credit/risk-map';
import { getRiskPanel } from '#app/credit/risk-panel';
import { importFile } from '#app/imports/import-file';
import { demoCompanyOfFile } from './demo-file.fixture.ts';
import { signIn } from './http-fixture.ts';

const demo = demoCompanyOfFile();

describe('group exposure', () => {
  it("holds a member's order when the group would pass the parent's limit, and shows the group", async () => {
    const { ctx, situation } = demo;
    const head = situation('customer_group');
    const members = await ctx.db
      .selectFrom('customers')
      .select('code')
      .where('company_id', '=', 'CB2C')
      .where('group_code', '=', head)
      .orderBy('code')
      .execute();
    const member = members[0]!.code;
    const own = await Promise.all(
      [head, ...members.map((m) => m.code)].map(async (code) => (await getRiskPanel(ctx, code)).exposure),
    );
    const groupExposureMinor = own.reduce((sum, exposure) => sum + exposure.totalMinor, 0);
    await setLimit(ctx, { customerCode: head, amountMinor: groupExposureMinor, reason: 'Limite de groupe' });
    const panel = await getRiskPanel(ctx, member);
    expect(panel.group).toMatchObject({
      parentCode: head,
      memberCodes: [head, ...members.map((m) => m.code)].sort(),
      exposureMinor: groupExposureMinor,
      limitMinor: groupExposureMinor,
      availableMinor: 0,
    });
    // 5 % tolerance on the group's limit: one cent above it holds the order.
    const toleranceMinor = Math.round(groupExposureMinor * 0.05);
    const answer = await checkOrder(ctx, { customerCode: member, amountMinor: toleranceMinor + 1 });
    const reason = answer.reasons.find((r) => r.code === 'group_over_limit');
    expect(reason?.figures).toMatchObject({
      groupCode: head,
      groupExposureMinor,
      groupLimitMinor: groupExposureMinor,
      excessMinor: toleranceMinor + 1,
    });
    expect(reason?.message).toContain('au-delà de la limite du groupe');
    expect(answer.decision).not.toBe('approve');
  });
});

describe('an order the ERP already sent', () => {
  it('is judged on the exposure without itself: its amount is not counted twice', async () => {
    const { ctx } = demo;
    // The demo's own pending orders were checked when it was loaded: the ERP sends a new one.
    const customerCode = 'C00004';
    const file = join(demo.dir, 'commandes-erp.csv');
    await writeFile(
      file,
      'N° commande;Code client;Date de commande;Montant commande;Statut commande\n' +
        `ERP-NEW-1;${customerCode};30/06/2026;1 234,56;en attente\n`,
    );
    await importFile(ctx, { entity: 'orders', filePath: file });
    const before = await getRiskPanel(ctx, customerCode);
    const answer = await checkOrder(ctx, { customerCode, amountMinor: 123_456, orderRef: 'ERP-NEW-1' });
    expect(answer.created).toBe(true);
    expect(answer.exposureMinor).toBe(before.exposure.totalMinor - 123_456);
  });
});

describe('risk map', () => {
  it('splits the exposure of every class into insured and uninsured parts', async () => {
    const { ctx, situation } = demo;
    const { cells } = await getRiskMap(ctx);
    for (const cell of cells) expect(cell.insuredMinor + cell.uninsuredMinor).toBe(cell.exposureMinor);
    const expired = await getRiskPanel(ctx, situation('insurer_cover_expired'));
    expect(expired.exposure.insuredMinor).toBe(0);
    expect(cells.reduce((sum, cell) => sum + cell.customers, 0)).toBeGreaterThan(0);
  });
});

describe('signed ERP webhook', () => {
  const url = '/api/credit/order-check/webhook';
  let secret: string;
  const call = (body: string, headers: Record<string, string>) =>
    demo.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': 'application/json', 'x-encours-company': 'CB2C', ...headers },
    });

  beforeAll(async () => {
    const admin = await signIn(demo.app, 'admin@cb2c.example');
    const made = await demo.app.inject({
      method: 'POST',
      url: '/api/credit/webhook-secret',
      headers: admin.headers,
    });
    expect(made.statusCode, made.body).toBe(201);
    secret = made.json().secret;
  });

  it('answers a signed call with the decision, and refuses a replay, a bad signature and a stale call', async () => {
    const { database, ctx, situation } = demo;
    const now = Math.floor(database.runtime.clock.now().getTime() / 1000);
    const body = JSON.stringify({
      customerCode: situation('receivership'),
      amountMinor: 150_000,
      orderRef: 'ERP-WH-1',
    });
    const signed = {
      'x-encours-timestamp': String(now),
      'x-encours-signature': signWebhook(secret, String(now), body),
    };
    const answer = await call(body, signed);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      decision: 'refuse',
      action: 'hold',
      orderRef: 'ERP-WH-1',
      status: 'refused',
    });
    expect((await call(body, signed)).statusCode).toBe(403);
    // The refusal is worded in the caller's language: French by default, English when asked.
    expect((await call(body, signed)).json().detail).toBe('Appel du webhook refusé\u00a0: appel déjà reçu');
    expect((await call(body, { ...signed, 'accept-language': 'en' })).json().detail).toBe(
      'The webhook call is refused: already received (replayed)',
    );
    const forged = { ...signed, 'x-encours-signature': signWebhook('whsec_wrong', String(now), body) };
    expect((await call(body, forged)).json()).toMatchObject({ status: 403 });
    const old = String(now - 600);
    const stale = await call(body, {
      'x-encours-timestamp': old,
      'x-encours-signature': signWebhook(secret, old, body),
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().detail).toBe('Appel du webhook refusé\u00a0: horodatage hors délai');
    const decisions = await ctx.db
      .selectFrom('credit_order_decisions')
      .select(['order_ref', 'checked_by'])
      .where('company_id', '=', 'CB2C')
      .where('order_ref', '=', 'ERP-WH-1')
      .execute();
    expect(decisions).toEqual([{ order_ref: 'ERP-WH-1', checked_by: 'erp-webhook' }]);
  });
});
