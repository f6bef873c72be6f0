/**
 * Credit messages through the mail outbox, inside the decision's transaction: the customer's
 * hold or refusal e-mail in its language, and notifications to the salesperson and the approvers.
 * Each message has a stable idempotency key, so re-running a decision never sends twice.
 */
import type { Kysely } from 'kysely';
import { recipientsOf } from '#db/credit/limit-queries';
import type { Database } from '#db/infra/schema';
import { type Lang, toLang } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { mailOf } from '../mail/mail-port.ts';
import {
  type MessageTemplates,
  renderTemplate,
  type TemplateName,
  type TemplateValues,
} from './templates.ts';

export interface MailJob {
  key: string;
  category: string;
  template: TemplateName;
  lang: Lang;
  to: string;
  values: TemplateValues;
  customerCode: string;
  documentRef?: string | null;
  /** For a message to the customer: the company writes it (`customerMailSender`), not Encours. */
  from?: { fromName: string; replyTo: string | null };
}

export async function enqueueCreditMail(
  ctx: AppContext,
  db: Kysely<Database>,
  templates: MessageTemplates,
  job: MailJob,
): Promise<void> {
  const rendered = renderTemplate(templates, job.template, job.lang, job.values);
  await mailOf(ctx).enqueue(db, {
    idempotencyKey: `${job.key}:${job.to}`,
    category: job.category,
    to: [job.to],
    subject: rendered.subject,
    text: rendered.text,
    customerCode: job.customerCode,
    documentRef: job.documentRef ?? null,
    ...job.from,
  });
}

/** Staff to tell: the customer's salesperson and the users of the given roles. */
export async function staffRecipients(
  ctx: AppContext,
  db: Kysely<Database>,
  who: { roles?: readonly string[]; salesperson?: string | null },
): Promise<string[]> {
  const users = await recipientsOf(db, ctx.companyId, who);
  return users.map((user) => user.email);
}

/** The same staff, each with the language of their e-mails (a user setting, French by default). */
export async function staffRecipientsWithLang(
  ctx: AppContext,
  db: Kysely<Database>,
  who: { roles?: readonly string[]; salesperson?: string | null },
): Promise<{ email: string; lang: Lang }[]> {
  const users = await recipientsOf(db, ctx.companyId, who);
  return users.map((user) => ({ email: user.email, lang: toLang(user.language) }));
}

export function customerLang(language: string | null | undefined): Lang {
  return toLang(language ?? 'fr');
}
