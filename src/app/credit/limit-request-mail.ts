/** The first notice of a limit request to the users of the role that may approve it. */
import type { Kysely } from 'kysely';
import type { Database } from '#db/infra/schema';
import { translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import type { AppContext } from '../context.ts';
import { mailOf } from '../mail/mail-port.ts';
import { staffRecipientsWithLang } from './notify.ts';

export async function notifyApprovers(
  ctx: AppContext,
  db: Kysely<Database>,
  requestId: number,
  role: string,
  customerCode: string,
  customerName: string,
  amountMinor: number,
  currency: string,
): Promise<void> {
  // Each approver reads it in the language of their account (French by default).
  for (const { email: to, lang } of await staffRecipientsWithLang(ctx, db, { roles: [role] })) {
    const t = translator(lang);
    const words = {
      action: t('auditAction.credit.limit_request'),
      id: String(requestId),
      customer: customerName,
      code: customerCode,
      amount: formatMoney(lang, amountMinor, currency),
    };
    await mailOf(ctx).enqueue(db, {
      idempotencyKey: `limit_request:${requestId}:${to}`,
      category: 'notification',
      to: [to],
      subject: t('credit.mail.limitRequest.subject', words),
      text: t('credit.mail.limitRequest.text', words),
      customerCode,
    });
  }
}
