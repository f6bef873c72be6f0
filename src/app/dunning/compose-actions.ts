/**
 * Composes a run's or a manual reminder's planned actions, CPU only: the e-mail (its statement
 * attached as a PDF job, rendered when the outbox builds the message), the letter's model and
 * PDF job (laid out when first read), the SMS text. An e-mail step for a customer without an
 * address goes by post instead. `deliver.ts` stores what is composed here.
 */
import type { Kysely } from 'kysely';
import type { LateInterestTerms } from '#core/dunning/late-interest';
import type { PlannedAction } from '#core/dunning/planner';
import type { TemplateRow } from '#db/dunning/config-queries';
import type { DunningCustomerRow } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import { encodedLettersJob, lettersJob } from '#render/letter-job';
import type { LetterSender } from '#render/letters';
import { type Lang, translator } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import type { MailPort, OutgoingMail } from '../mail/mail-port.ts';
import { turns } from '../turns.ts';
import { buildLetterModel, renderEmail, renderSms } from './action-documents.ts';
import type { ActionContext } from './action-variables.ts';
import { clauseOf, type PlanData } from './plan-data.ts';
import { customerMailSender } from './settings.ts';
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

function contextOf(
  scope: DeliveryScope,
  action: PlannedAction,
  customer: DunningCustomerRow,
  sameDay?: ReadonlyMap<string, string>,
): ActionContext {
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
    sameDay,
    policySteps: scope.data.settings.policies.find(
      (p) => p.code === action.policyCode && p.version === action.policyVersion,
    )?.steps,
  };
}

/**
 * Each customer's invoices on the day's actions, with the channel of the action that holds them:
 * a document tells the customer that an invoice it leaves out is, say, on today's call list.
 */
function channelsByCustomer(actions: readonly PlannedAction[]): Map<string, Map<string, string>> {
  const byCustomer = new Map<string, Map<string, string>>();
  for (const action of actions) {
    let channels = byCustomer.get(action.customerCode);
    if (!channels) {
      channels = new Map();
      byCustomer.set(action.customerCode, channels);
    }
    for (const item of action.items) channels.set(item.invoiceId, action.channel);
  }
  return byCustomer;
}

/**
 * What the letter says, as the model the renderer lays out later (migration 0028): a run of
 * thousands of letters would otherwise spend its transaction in the layout engine.
 */
async function letterModelOf(scope: DeliveryScope, context: ActionContext, action: PlannedAction) {
  const source = templateSource(scope.edited, action.templateCode, action.stepKind, 'letter', context.lang);
  return buildLetterModel(context, source);
}

/**
 * The outbox's type of a reminder e-mail: a courtesy e-mail (before the due date) asks for nothing
 * yet, so the outbox calls it « Prévenance », not « Relance ».
 */
export function mailCategoryOf(stepKind: string): 'formal_notice' | 'courtesy' | 'reminder' {
  if (stepKind === 'formal_notice') return 'formal_notice';
  return stepKind === 'courtesy' ? 'courtesy' : 'reminder';
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
            render: lettersJob([await letterModelOf(scope, context, action)]),
          },
        ];
  return {
    idempotencyKey: `dunning:${action.customerCode}:${scope.asOf}:${action.channel}:${action.currency}:${action.level}`,
    category: mailCategoryOf(action.stepKind),
    to: [to],
    // The customer sees who writes: the company, at the sending address of this installation.
    ...customerMailSender(scope.sender),
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
  /**
   * The letter's PDF job as stored, its JSON text already encoded (`encodedLettersJob`): held
   * until the slice is stored as bytes outside the heap rather than as the model's objects.
   */
  letter: { filename: string; job: Uint8Array } | null;
  smsText: string | null;
}

async function prepareAction(
  scope: DeliveryScope,
  action: PlannedAction,
  sameDay?: ReadonlyMap<string, string>,
): Promise<Prepared> {
  const customer = scope.data.customerRows.get(action.customerCode);
  if (!customer) throw new Error(`customer ${action.customerCode} missing from the plan data`);
  const context = contextOf(scope, action, customer, sameDay);
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
    const model = await letterModelOf(scope, context, action);
    const filename = translator(context.lang)('dunning.letter.filename', {
      customer: action.customerCode,
      date: scope.asOf,
    });
    prepared.letter = { filename, job: encodedLettersJob([model]) };
  }
  if (prepared.channel === 'sms')
    prepared.smsText = await renderSms(
      context,
      templateSource(scope.edited, action.templateCode, action.stepKind, 'sms', context.lang),
    );
  return prepared;
}

/**
 * A slice's actions made ready to store (CPU only: the e-mails and letters composed). Composing
 * is synchronous work (templates, letter models): the event loop is handed back every few
 * milliseconds (`turns`), so the statements of the slice being stored and of the next one being
 * read keep going meanwhile instead of waiting for the whole slice (about 0.7 s at 1,000,000
 * open items): the driver sends a connection's next statement only when it has handled the last
 * one's answer.
 */
export async function prepareActions(
  scope: DeliveryScope,
  actions: readonly PlannedAction[],
): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  const turn = turns();
  const channels = channelsByCustomer(actions);
  for (const action of actions) {
    await turn();
    prepared.push(await prepareAction(scope, action, channels.get(action.customerCode)));
  }
  return prepared;
}
