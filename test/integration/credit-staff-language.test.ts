/**
 * Staff e-mails of credit decisions in the language of each recipient's account (migration
 * 0025): the notification of a held order, the first notice of a limit request and a risk alert
 * reach a user who reads English in English and the others in French, the default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { raiseDowngradeAlerts } from '#app/credit/alerts';
import { creditConfig } from '#app/credit/configuration';
import { requestLimit } from '#app/credit/limits';
import { checkOrder } from '#app/credit/order-check';
import { generateDemoDataset } from '#app/demo/demo';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
const situations = generateDemoDataset().manifest.situations;
const situation = (kind: string) => situations.find((s) => s.kind === kind)!.customerCode;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
}, 600_000);
afterAll(async () => {
  await database?.close();
});

/** The first user of a role now reads English; returns their address. */
async function englishReaderOf(role: string): Promise<string> {
  const user = await ctx.db
    .selectFrom('users')
    .select('email')
    .where('company_id', '=', 'CB2C')
    .where('role', '=', role)
    .where('disabled_at' as never, 'is', null)
    .orderBy('email')
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('users')
    .set({ language: 'en' } as never)
    .where('company_id', '=', 'CB2C')
    .where('email', '=', user.email)
    .execute();
  return user.email;
}

async function mailsLike(keyPattern: string) {
  return ctx.db
    .selectFrom('mail_outbox')
    .select(['idempotency_key as key', 'subject', 'text_body as text'])
    .where('company_id', '=', 'CB2C')
    .where('idempotency_key', 'like', keyPattern)
    .orderBy('outbox_id')
    .execute();
}

/** The mails to the user who switched to English, and those to everyone else (still French). */
function split<T extends { key: string }>(mails: T[], email: string) {
  return {
    english: mails.filter((mail) => mail.key.endsWith(`:${email}`)),
    french: mails.filter((mail) => !mail.key.endsWith(`:${email}`)),
  };
}

describe('staff e-mails of credit decisions in each recipient’s language', () => {
  it('the notification of a held order', async () => {
    const code = situation('over_limit_with_pending_orders');
    // The same approver told of two held orders, before and after their account switches to English.
    const before = await checkOrder(ctx, { customerCode: code, amountMinor: 1_000, orderRef: 'LANG-1' });
    expect(before.decision).toBe('hold');
    const reader = await englishReaderOf(before.approverRole!);
    const after = await checkOrder(ctx, { customerCode: code, amountMinor: 1_000, orderRef: 'LANG-2' });
    expect(after.approverRole).toBe(before.approverRole);
    // Sent before the switch: the reader's notification of LANG-1 is in French.
    const [beforeSwitch] = split(await mailsLike('notification:order_hold:LANG-1:%'), reader).english;
    expect(beforeSwitch?.subject).toMatch(/^Commande LANG-1 de .+\u00a0: /);
    expect(beforeSwitch?.text).toMatch(/^Bonjour,/);
    const { english, french: others } = split(await mailsLike('notification:order_hold:LANG-2:%'), reader);
    expect(english.map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Order LANG-2 of .+: /)]);
    expect(english[0]?.text).toMatch(/^Hello,/);
    for (const mail of others) expect(mail.subject).toMatch(/^Commande LANG-2 de .+\u00a0: /);
  });

  it('the first notice of a limit request', async () => {
    const request = await requestLimit(ctx, {
      customerCode: situation('over_limit_with_pending_orders'),
      requestedMinor: 90_000_000,
      justification: 'Commande exceptionnelle',
    });
    const reader = await englishReaderOf(request.requiredRole);
    const second = await requestLimit(ctx, {
      customerCode: situation('over_limit_with_pending_orders'),
      requestedMinor: 90_000_000,
      justification: 'Seconde commande exceptionnelle',
    });
    const { english, french } = split(await mailsLike(`limit_request:${second.requestId}:%`), reader);
    expect(english.map((mail) => mail.text)).toEqual([
      expect.stringMatching(new RegExp(`no\\. ${second.requestId}: .+ \\(.+\\), €[\\d,]+\\.\\d{2}\\.\\n$`)),
    ]);
    for (const mail of french)
      expect(mail.text).toMatch(
        new RegExp(`n° ${second.requestId}\u00a0: .+ \\(.+\\), .+,\\d{2}\\s€\\.\\n$`),
      );
  });

  it('a risk alert', async () => {
    const reader = await englishReaderOf('credit_manager');
    const code = situation('risk_class_dropped');
    const config = await creditConfig(ctx, '2026-06-30');
    await ctx.db
      .transaction()
      .execute((trx) =>
        raiseDowngradeAlerts(
          ctx,
          trx,
          '2026-07-01',
          [{ customerCode: code, from: 'B', to: 'D', scoreBefore: 61.5, scoreAfter: 38.25 }],
          config.message_templates,
        ),
      );
    const { english, french } = split(await mailsLike(`risk_alert:${code}:2026-07-01:D:%`), reader);
    expect(english.map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^Risk alert: .+ moves from class B to D$/),
    ]);
    expect(english[0]?.text).toContain('went from 61.5 to 38.3 as of');
    for (const mail of french)
      expect(mail.subject).toMatch(/^Alerte risque\u00a0: .+ passe de la classe B à D$/);
  });
});
