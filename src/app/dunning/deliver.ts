/**
 * Carries out one planned action inside the run's transaction: the e-mail enqueued in the outbox
 * (statement attached, rendered when the outbox builds the message), the letter archived (laid
 * out when first read), the SMS text kept, or the call task created; then the action and its
 * items are logged as sent and the customer's story told.
 * An e-mail step for a customer without an address goes by post instead.
 */
import type { Kysely } from 'kysely';
import type { LateInterestTerms } from '#core/dunning/late-interest';
import type { PlannedAction } from '#core/dunning/planner';
import type { CustomerEvent } from '#core/types';
import { insertActions, insertDeferredLetters, insertTasks, type NewTask } from '#db/dunning/action-batches';
import type { NewAction } from '#db/dunning/action-queries';
import type { TemplateRow } from '#db/dunning/config-queries';
import type { DunningCustomerRow } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import { insertEvents } from '#db/ledger/ledger-writes';
import { lettersJob } from '#render/letter-job';
import type { LetterModel, LetterSender } from '#render/letters';
import { type Lang, label, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import type { AppContext } from '../context.ts';
import type { MailPort, OutgoingMail } from '../mail/mail-port.ts';
import { type ActionContext, buildLetterModel, renderEmail, renderSms } from './action-documents.ts';
import { clauseOf, type PlanData } from './plan-data.ts';
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
  // The planner's clause for the customer is made from the same row (plan-data.ts).
  const terms: LateInterestTerms = {
    rates: scope.data.settings.rates,
    clause: clauseOf(customer),
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

/**
 * What the letter says, and the PDF job that lays it out later (migration 0028): a run of
 * thousands of letters would otherwise spend its transaction in the layout engine.
 */
async function letterOf(scope: DeliveryScope, context: ActionContext, action: PlannedAction) {
  const source = templateSource(scope.edited, action.templateCode, action.stepKind, 'letter', context.lang);
  const model = await buildLetterModel(context, source);
  return { model, job: lettersJob([model]) };
}

async function composeEmail(
  scope: DeliveryScope,
  context: ActionContext,
  action: PlannedAction,
  to: string,
): Promise<OutgoingMail> {
  const t = translator(context.lang);
  const source = templateSource(scope.edited, action.templateCode, action.stepKind, 'email', context.lang);
  const email = await renderEmail(context, source);
  // The statement goes with every e-mail that asks for money; a courtesy notice needs none. It is
  // rendered by the outbox when the message is built, from what is stored here.
  const attachments =
    action.stepKind === 'courtesy'
      ? []
      : [
          {
            filename: t('dunning.statement.filename', { customer: action.customerCode, date: scope.asOf }),
            contentType: 'application/pdf' as const,
            render: (await letterOf(scope, context, action)).job,
          },
        ];
  return {
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
  };
}

/** An action made ready to store: its e-mail composed (enqueued with the slice), its letter a PDF job. */
export interface Prepared {
  action: PlannedAction;
  channel: string;
  lang: Lang;
  reference: string;
  outboxId: number | null;
  /** The e-mail to enqueue: a slice's e-mails go to the outbox together. */
  email: OutgoingMail | null;
  letter: { model: LetterModel; filename: string; job: unknown } | null;
  smsText: string | null;
}

async function prepareAction(scope: DeliveryScope, action: PlannedAction): Promise<Prepared> {
  const customer = scope.data.customerRows.get(action.customerCode);
  if (!customer) throw new Error(`customer ${action.customerCode} missing from the plan data`);
  const context = contextOf(scope, action, customer);
  const prepared: Prepared = {
    action,
    channel: action.channel,
    lang: context.lang,
    reference: context.reference,
    outboxId: null,
    email: null,
    letter: null,
    smsText: null,
  };
  const to = action.channel === 'email' ? emailOf(customer) : null;
  if (action.channel === 'email' && to === null) prepared.channel = 'letter';
  if (action.channel === 'email' && to !== null)
    prepared.email = await composeEmail(scope, context, action, to);
  if (prepared.channel === 'letter' || prepared.channel === 'registered_letter') {
    const { model, job } = await letterOf(scope, context, action);
    const filename = translator(context.lang)('dunning.letter.filename', {
      customer: action.customerCode,
      date: scope.asOf,
    });
    prepared.letter = { model, filename, job };
  }
  if (prepared.channel === 'sms')
    prepared.smsText = await renderSms(
      context,
      templateSource(scope.edited, action.templateCode, action.stepKind, 'sms', context.lang),
    );
  return prepared;
}

function newActionOf(scope: DeliveryScope, p: Prepared, letterId: number | null): NewAction {
  const { action } = p;
  return {
    runId: scope.runId,
    customerCode: action.customerCode,
    actionDate: scope.asOf,
    policyCode: action.policyCode,
    policyVersion: action.policyVersion,
    stepCode: action.stepCode,
    stepKind: action.stepKind,
    level: action.level,
    channel: p.channel,
    lang: p.lang,
    currency: action.currency,
    openTotalMinor: action.openTotalMinor,
    interestTotalMinor: action.interestTotalMinor,
    indemnityTotalMinor: action.indemnityTotalMinor,
    creditsMinor: action.creditsMinor,
    totalDueMinor: action.totalDueMinor,
    interestIncomplete: action.interestIncomplete,
    status: 'sent',
    origin: scope.origin,
    outboxId: p.outboxId,
    letterId,
    smsText: p.smsText,
    items: actionItemRows(action, scope.data.invoiceRows),
  };
}

/** The line of the customer's story that tells of a reminder sent. */
function reminderEvent(scope: DeliveryScope, p: Prepared): CustomerEvent {
  const t = translator('fr');
  return {
    customerCode: p.action.customerCode,
    kind: 'reminder',
    eventDate: scope.asOf,
    documentRef: p.reference,
    detail: t('dunning.event.reminder', {
      step: label('fr', 'dunningStepKind', p.action.stepKind),
      channel: label('fr', 'dunningChannel', p.channel),
      count: p.action.items.length,
      total: formatMoney('fr', p.action.totalDueMinor, p.action.currency),
    }),
  };
}

/**
 * Actions composed between two turns of the event loop. Composing is synchronous work (templates,
 * letter models): without a turn, the statements of the slice being stored and of the next one
 * being read wait until a whole slice is composed (about 0.7 s at 1,000,000 open items), since
 * the driver sends a connection's next statement only when it has handled the last one's answer.
 * A turn every few dozen actions keeps the database fed while this process composes.
 */
const ACTIONS_PER_TURN = 24;

/** A slice's actions made ready to store (CPU only: the e-mails and letters composed). */
export async function prepareActions(
  scope: DeliveryScope,
  actions: readonly PlannedAction[],
): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const [index, action] of actions.entries()) {
    if (index > 0 && index % ACTIONS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    prepared.push(await prepareAction(scope, action));
  }
  return prepared;
}

/**
 * Stores prepared actions: the e-mails enqueued together through the mail port (idempotent per
 * key), then the letters, the actions with their items, the call tasks and the customers' story
 * written set-based, a few statements for the whole slice.
 */
export async function storePrepared(
  scope: DeliveryScope,
  prepared: readonly Prepared[],
): Promise<Delivered[]> {
  const { ctx, trx } = scope;
  const emailed = prepared.filter((p) => p.email !== null);
  const enqueued = await scope.mail.enqueueMany(
    trx,
    emailed.map((p) => p.email as OutgoingMail),
  );
  emailed.forEach((p, index) => {
    p.outboxId = enqueued[index]?.id ?? null;
  });
  const lettered = prepared.flatMap((p) => (p.letter ? [p.letter] : []));
  const letterIds = await insertDeferredLetters(
    trx,
    ctx.companyId,
    lettered.map((letter) => ({ filename: letter.filename, renderJob: letter.job })),
  );
  const letterIdOf = new Map(lettered.map((letter, index) => [letter, letterIds[index] ?? null]));
  const letterIdFor = (p: Prepared) => (p.letter ? (letterIdOf.get(p.letter) ?? null) : null);
  const actionIds = await insertActions(
    trx,
    ctx.companyId,
    ctx.actor,
    prepared.map((p) => newActionOf(scope, p, letterIdFor(p))),
  );
  const events: CustomerEvent[] = [];
  const tasks: NewTask[] = [];
  for (const [index, p] of prepared.entries()) {
    if (p.channel !== 'call_task') events.push(reminderEvent(scope, p));
    else
      tasks.push({
        customerCode: p.action.customerCode,
        kind: p.action.stepKind === 'handover' ? 'handover' : 'dunning_call',
        actionId: actionIds[index] ?? null,
        dueDate: scope.asOf,
      });
  }
  await insertTasks(trx, ctx.companyId, ctx.actor, tasks);
  await insertEvents(trx, ctx.companyId, ctx.actor, events);
  return prepared.map((p, index) => ({
    actionId: actionIds[index] as number,
    channel: p.channel,
    outboxId: p.outboxId,
    letterId: letterIdFor(p),
    letter: p.letter?.model ?? null,
  }));
}

/** Carries out actions (a run's slice, or one made by hand): composed, then stored. */
export async function deliverActions(
  scope: DeliveryScope,
  actions: readonly PlannedAction[],
): Promise<Delivered[]> {
  return storePrepared(scope, await prepareActions(scope, actions));
}

export async function deliverAction(scope: DeliveryScope, action: PlannedAction): Promise<Delivered> {
  const [delivered] = await deliverActions(scope, [action]);
  if (!delivered) throw new Error('an action was not delivered');
  return delivered;
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
