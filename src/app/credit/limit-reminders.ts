/**
 * A limit request nobody decided by its due time reminds the approvers of the role it waits for
 * (an e-mail through the outbox, in each approver's language), then again each day it stays
 * pending. Run by the `credit.limit_reminders` job, hourly by a schedule; one transaction, so a
 * failed run leaves no half-sent reminders, and the idempotency key (request, reminder number)
 * never sends one twice.
 */
import { lateLimitRequests, markLimitRequestReminded } from '#db/credit/limit-queries';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDateTime, formatMoney } from '#text/format';
import type { AppContext } from '../context.ts';
import { defineJob } from '../jobs/define-job.ts';
import { mailOf } from '../mail/mail-port.ts';
import { staffRecipientsWithLang } from './notify.ts';

/** A pending request is reminded at most once in this many hours. */
export const REMINDER_EVERY_HOURS = 24;

type LateRequest = Awaited<ReturnType<typeof lateLimitRequests>>[number];

/** The reminder's values worded for one reader: amount, dates and role in their language. */
function reminderValues(lang: Lang, request: LateRequest, reminder: number) {
  return {
    id: request.requestId,
    customer: `${request.customerName} (${request.customerCode})`,
    amount: formatMoney(lang, request.requestedMinor, request.currency),
    role: label(lang, 'role', request.requiredRole),
    requestedBy: request.requestedBy,
    requestedAt: formatDateTime(lang, request.requestedAt),
    dueAt: formatDateTime(lang, request.dueAt),
    justification: request.justification,
    reminder,
  };
}

export async function remindLateLimitRequests(ctx: AppContext): Promise<{ reminded: number[] }> {
  const now = ctx.clock.now();
  const remindedBefore = new Date(now.getTime() - REMINDER_EVERY_HOURS * 3600_000);
  return ctx.db.transaction().execute(async (trx) => {
    const reminded: number[] = [];
    for (const request of await lateLimitRequests(trx, ctx.companyId, now, remindedBefore)) {
      const number = request.reminders + 1;
      const approvers = await staffRecipientsWithLang(ctx, trx, { roles: [request.requiredRole] });
      for (const { email: to, lang } of approvers) {
        const t = translator(lang);
        const values = reminderValues(lang, request, number);
        await mailOf(ctx).enqueue(trx, {
          idempotencyKey: `limit_request_reminder:${request.requestId}:${number}:${to}`,
          category: 'notification',
          to: [to],
          subject: t('credit.mail.reminder.subject', values),
          text: t('credit.mail.reminder.text', values),
          customerCode: request.customerCode,
        });
      }
      await markLimitRequestReminded(trx, ctx.companyId, request.requestId, now);
      reminded.push(request.requestId);
    }
    return { reminded };
  });
}

export const creditLimitRemindersJob = defineJob<Record<string, never>, null>(
  'credit.limit_reminders',
  async (run) => {
    const { reminded } = await remindLateLimitRequests(run.ctx);
    await run.reportProgress(reminded.length, reminded.length);
    return { reminded: reminded.length };
  },
  { startableBy: ['admin', 'credit_manager'], parsePayload: () => ({}) },
);
