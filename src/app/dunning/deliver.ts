/**
 * Carries out one planned action inside the run's transaction: the e-mail enqueued in the outbox
 * (statement attached), the letter rendered and archived, the SMS text kept, or the call task
 * created; then the action and its items are logged as sent and the customer's story told.
 * An e-mail step for a customer without an address goes by post instead.
 */
import type { Kysely } from 'kysely';
import type { LateInterestTerms } from '#core/dunning/late-interest';
import type { PlannedAction } from '#core/dunning/planner';
import { insertCustomerEvent } from '#db/customers/customer-records';
import { insertAction, insertLetter } from '#db/dunning/action-queries';
import { insertTask } from '#db/dunning/case-queries';
import type { TemplateRow } from '#db/dunning/config-queries';
import type { DunningCustomerRow } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import { type LetterModel, type LetterSender, renderLetter } from '#render/letters';
import { type Lang, label, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import type { AppContext } from '../context.ts';
import type { MailPort } from '../mail/mail-port.ts';
import { type ActionContext, buildLetterModel, renderEmail, renderSms } from './action-documents.ts';
import type { PlanData } from './plan-data.ts';
import { templateSource } from './templates.ts';

export interface DeliveryScope {
  ctx: AppContext;
  trx: Kysely<Database>;
  mail: MailPort;
  data: PlanData;
  asOf: string;
  runId: number | null;
  sender: LetterSender;
  edited: readonly TemplateRow[];
  origin: 'run' | 'manual';
}

export interface Delivered {
  actionId: number;
  channel: string;
  outboxId: number | null;
  letterId: number | null;
  letter: LetterModel | null;
}

export function langOf(customer: Pick<DunningCustomerRow, 'language'>): Lang {
  return customer.language === 'en' ? 'en' : 'fr';
}

function emailOf(customer: DunningCustomerRow): string | null {
  if (customer.billingEmail?.includes('@')) return customer.billingEmail;
  for (const contact of customer.contacts as { email?: unknown }[]) {
    if (typeof contact?.email === 'string' && contact.email.includes('@')) return contact.email;
  }
  return null;
}

const compact = (date: string) => date.replaceAll('-', '');

function contextOf(scope: DeliveryScope, action: PlannedAction, customer: DunningCustomerRow): ActionContext {
  const clause = scope.data.customers.find((c) => c.customerCode === action.customerCode)?.interestClause;
  const terms: LateInterestTerms = {
    rates: scope.data.settings.rates,
    clause: clause ?? { kind: 'legal' },
    mode: scope.data.settings.rateMode,
  };
  return {
    lang: langOf(customer),
    asOf: scope.asOf,
    action,
    customer,
    invoices: scope.data.invoiceRows,
    sender: scope.sender,
    terms,
    reference: `REL-${compact(scope.asOf)}-${action.customerCode}`,
    factors: scope.data.factors,
  };
}

async function letterOf(scope: DeliveryScope, context: ActionContext, action: PlannedAction) {
  const source = templateSource(scope.edited, action.templateCode, action.stepKind, 'letter', context.lang);
  const model = await buildLetterModel(context, source);
  return { model, pdf: await renderLetter(model) };
}

async function sendEmail(scope: DeliveryScope, context: ActionContext, action: PlannedAction, to: string) {
  const t = translator(context.lang);
  const source = templateSource(scope.edited, action.templateCode, action.stepKind, 'email', context.lang);
  const email = await renderEmail(context, source);
  // The statement goes with every e-mail that asks for money; a courtesy notice needs none.
  const attachments =
    action.stepKind === 'courtesy'
      ? []
      : [
          {
            filename: t('dunning.statement.filename', { customer: action.customerCode, date: scope.asOf }),
            contentType: 'application/pdf',
            content: (await letterOf(scope, context, action)).pdf,
          },
        ];
  const enqueued = await scope.mail.enqueue(scope.trx, {
    idempotencyKey: `dunning:${action.customerCode}:${scope.asOf}:${action.channel}:${action.currency}:${action.level}`,
    category: action.stepKind === 'formal_notice' ? 'formal_notice' : 'reminder',
    to: [to],
    replyTo: scope.sender.email,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments,
    customerCode: action.customerCode,
    documentRef: context.reference,
  });
  return enqueued.id;
}

export async function deliverAction(scope: DeliveryScope, action: PlannedAction): Promise<Delivered> {
  const { ctx, trx } = scope;
  const customer = scope.data.customerRows.get(action.customerCode);
  if (!customer) throw new Error(`customer ${action.customerCode} missing from the plan data`);
  const context = contextOf(scope, action, customer);
  let channel: string = action.channel;
  let outboxId: number | null = null;
  let letterId: number | null = null;
  let letter: LetterModel | null = null;
  let smsText: string | null = null;
  const to = channel === 'email' ? emailOf(customer) : null;
  if (channel === 'email' && to === null) channel = 'letter';
  if (channel === 'email' && to !== null) outboxId = await sendEmail(scope, context, action, to);
  if (channel === 'letter' || channel === 'registered_letter') {
    const rendered = await letterOf(scope, context, action);
    letter = rendered.model;
    const filename = translator(context.lang)('dunning.letter.filename', {
      customer: action.customerCode,
      date: scope.asOf,
    });
    letterId = await insertLetter(trx, ctx.companyId, filename, rendered.pdf);
  }
  if (channel === 'sms')
    smsText = await renderSms(
      context,
      templateSource(scope.edited, action.templateCode, action.stepKind, 'sms', context.lang),
    );
  const actionId = await insertAction(trx, ctx.companyId, ctx.actor, {
    runId: scope.runId,
    customerCode: action.customerCode,
    actionDate: scope.asOf,
    policyCode: action.policyCode,
    policyVersion: action.policyVersion,
    stepCode: action.stepCode,
    stepKind: action.stepKind,
    level: action.level,
    channel,
    lang: context.lang,
    currency: action.currency,
    openTotalMinor: action.openTotalMinor,
    interestTotalMinor: action.interestTotalMinor,
    indemnityTotalMinor: action.indemnityTotalMinor,
    creditsMinor: action.creditsMinor,
    totalDueMinor: action.totalDueMinor,
    interestIncomplete: action.interestIncomplete,
    status: 'sent',
    origin: scope.origin,
    outboxId,
    letterId,
    smsText,
    items: actionItemRows(action, scope.data.invoiceRows),
  });
  if (channel === 'call_task') {
    await insertTask(trx, ctx.companyId, ctx.actor, {
      customerCode: action.customerCode,
      kind: action.stepKind === 'handover' ? 'handover' : 'dunning_call',
      actionId,
      promiseId: null,
      dueDate: scope.asOf,
      assignedTo: null,
      note: '',
    });
  } else {
    const t = translator('fr');
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: action.customerCode,
      kind: 'reminder',
      eventDate: scope.asOf,
      documentRef: context.reference,
      detail: t('dunning.event.reminder', {
        step: label('fr', 'dunningStepKind', action.stepKind),
        channel: label('fr', 'dunningChannel', channel),
        count: action.items.length,
        total: formatMoney('fr', action.totalDueMinor, action.currency),
      }),
    });
  }
  return { actionId, channel, outboxId, letterId, letter };
}

/** The stored lines of an action: one per invoice, with its reference and what was claimed on it. */
export function actionItemRows(action: PlannedAction, invoiceRows: PlanData['invoiceRows']) {
  return action.items.map((item) => ({
    documentId: Number(item.invoiceId),
    documentRef: invoiceRows.get(item.invoiceId)?.documentRef ?? item.invoiceId,
    dueDate: item.dueDate,
    openMinor: item.openMinor,
    daysLate: item.daysLate,
    fromLevel: item.fromLevel,
    level: item.level,
    stepCode: item.stepCode,
    stepKind: item.stepKind,
    interestStatus: item.interest.status,
    interestMinor: item.interest.status === 'claimed' ? item.interest.interestMinor : 0,
    indemnityMinor: item.indemnityMinor,
  }));
}
