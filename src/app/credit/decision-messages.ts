/**
 * Telling an order decision: a held or refused order is never silent. The customer receives the
 * hold or refusal e-mail in its language (when it has a billing address), from the company and
 * saying only what is its own (core/credit/customer-reasons.ts); the salesperson and, for
 * a hold, the users of the role that may release it are notified, each in the language of their
 * account; the customer's story records it.
 */
import type { Kysely } from 'kysely';
import { customerReasons } from '#core/credit/customer-reasons';
import type { Decision, OrderCheckResult } from '#core/credit/order-check';
import type { Reason } from '#core/credit/reason';
import type { CheckedCustomerRow } from '#db/credit/exposure-queries';
import { insertCustomerEvent } from '#db/customers/customer-records';
import type { Database } from '#db/infra/schema';
import type { LetterSender } from '#render/letters';
import { type Lang, label } from '#text/catalogue';
import { formatMoney } from '#text/format';
import { storyLine } from '#text/story';
import type { AppContext } from '../context.ts';
import { customerMailSender, loadSender } from '../dunning/settings.ts';
import type { CreditConfig } from './configuration.ts';
import { customerLang, enqueueCreditMail, staffRecipientsWithLang } from './notify.ts';
import { customerReasonMessages, reasonMessage } from './reasons.ts';

export interface DecisionToTell {
  customer: CheckedCustomerRow;
  orderRef: string;
  amountMinor: number;
  currency: string;
  result: Pick<
    OrderCheckResult,
    'decision' | 'reasons' | 'approverRole' | 'exposureMinor' | 'limitMinor' | 'availableMinor'
  >;
  asOf: string;
  /** The approver's comment on a release or refusal. */
  comment?: string | null;
  /** 'check' for the first decision, 'resolution' for a release or refusal by a person. */
  stage?: 'check' | 'resolution';
}

/** What the salesperson and the approvers read: the reasons and figures the decision was made on. */
function staffValues(lang: Lang, name: string, told: DecisionToTell, decision: Decision) {
  const money = (minor: number | null) => formatMoney(lang, minor, told.currency);
  return {
    company_name: name,
    customer_name: told.customer.name,
    customer_code: told.customer.code,
    order_ref: told.orderRef,
    order_amount: money(told.amountMinor),
    exposure: money(told.result.exposureMinor),
    limit: money(told.result.limitMinor),
    available: money(told.result.availableMinor),
    decision: label(lang, 'creditDecision', decision),
    approver_role: told.result.approverRole ? label(lang, 'role', told.result.approverRole) : null,
    reasons: told.result.reasons.map((reason: Reason) => reasonMessage(lang, reason, told.currency)),
    comment: told.comment ?? null,
  };
}

/**
 * What the customer reads: its order, its overdue invoices and who to ask. No limit, exposure,
 * score, class or approver's comment is handed to its template, so a rewritten one cannot show them.
 */
function customerValues(lang: Lang, sender: LetterSender, told: DecisionToTell) {
  const overdue = customerReasons(told.result.reasons).find((r) => r.code === 'overdue_invoices');
  const overdueMinor = overdue?.figures['overdueMinor'];
  const contact = [sender.signatoryName, sender.phone, sender.email].filter((part) => !!part).join(', ');
  return {
    company_name: sender.name,
    customer_name: told.customer.name,
    customer_code: told.customer.code,
    order_ref: told.orderRef,
    order_amount: formatMoney(lang, told.amountMinor, told.currency),
    reasons: customerReasonMessages(lang, told.result.reasons, told.currency),
    overdue_amount: typeof overdueMinor === 'number' ? formatMoney(lang, overdueMinor, told.currency) : null,
    contact: contact || null,
  };
}

export async function tellDecision(
  ctx: AppContext,
  db: Kysely<Database>,
  config: CreditConfig,
  told: DecisionToTell,
): Promise<void> {
  const { decision } = told.result;
  if (decision === 'approve' && told.stage !== 'resolution') return;
  const templates = config.message_templates;
  const sender = await loadSender(db, ctx.companyId);
  const key = `${decision === 'refuse' ? 'order_refusal' : decision === 'hold' ? 'order_hold' : 'order_release'}:${told.orderRef}`;
  const lang = customerLang(told.customer.language);
  if (told.customer.billingEmail && decision !== 'approve') {
    await enqueueCreditMail(ctx, db, templates, {
      key,
      category: decision === 'refuse' ? 'order_refusal' : 'order_hold',
      template: decision === 'refuse' ? 'order_refusal' : 'order_hold',
      lang,
      to: told.customer.billingEmail,
      values: customerValues(lang, sender, told),
      customerCode: told.customer.code,
      documentRef: told.orderRef,
      from: customerMailSender(sender),
    });
  }
  const approvers = decision === 'hold' && told.result.approverRole ? [told.result.approverRole] : [];
  const staff = await staffRecipientsWithLang(ctx, db, {
    roles: approvers,
    salesperson: told.customer.salesperson,
  });
  for (const { email: to, lang: staffLang } of staff) {
    await enqueueCreditMail(ctx, db, templates, {
      key: `notification:${key}`,
      category: 'notification',
      template: 'staff_notification',
      lang: staffLang,
      to,
      values: staffValues(staffLang, sender.name, told, decision),
      customerCode: told.customer.code,
      documentRef: told.orderRef,
    });
  }
  // A release or refusal by a person has its own line, with the comment (credit-story.ts).
  if (told.stage === 'resolution') return;
  await insertCustomerEvent(
    db,
    ctx.companyId,
    ctx.actor,
    {
      customerCode: told.customer.code,
      kind: 'order_decision' as never,
      eventDate: told.asOf,
      documentRef: told.orderRef,
      ...storyLine('credit.event.decision', {
        orderRef: told.orderRef,
        amount: { minor: told.amountMinor, currency: told.currency },
        decision: { domain: 'creditDecision', code: decision },
      }),
    },
    ctx.clock.now(),
  );
}
