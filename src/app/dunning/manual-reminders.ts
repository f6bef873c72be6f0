/**
 * A reminder made outside Encours (a phone call, a letter posted by hand, an e-mail from the
 * collector's mailbox), recorded as a sent action of origin 'manual': it counts as its step for
 * each invoice's level, so the next automatic step follows from it and today's run skips those
 * invoices; it claims the interest and indemnity its step claims (or the person says it claimed),
 * computed as a run would on that day; it is audit-logged and told in the customer's story.
 */
import type { Kysely } from 'kysely';
import { isValidIsoDate } from '#core/calendar';
import { planManualReminder } from '#core/dunning/manual-claim';
import {
  type DunningCustomer,
  type DunningInvoice,
  type PlannedAction,
  planDunning,
} from '#core/dunning/planner';
import {
  DUNNING_CHANNELS,
  type DunningChannel,
  type DunningPolicy,
  type DunningStep,
  selectPolicy,
} from '#core/dunning/policy';
import { insertCustomerEvent } from '#db/customers/customer-records';
import { insertAction } from '#db/dunning/action-queries';
import type { Database } from '#db/infra/schema';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { langOf } from './compose-actions.ts';
import { actionItemRows } from './deliver.ts';
import { choiceWords, notADate, notOneOf } from './error-params.ts';
import { loadPlanData, type PlanData } from './plan-data.ts';

export interface ManualReminderInput {
  customerCode: string;
  /** How it was done: e-mail, letter, registered letter, call (call_task) or SMS. */
  channel: string;
  /** The policy step it stands for; default: the step today's run would send the customer. */
  stepCode?: string | undefined;
  /** The invoices it was about; default: those today's run would remind. */
  documentRefs?: readonly string[] | undefined;
  doneOn?: string | undefined;
  note?: string | undefined;
  /** Whether late-payment interest was claimed; default: as the step says. */
  claimInterest?: boolean | undefined;
  /** Whether the 40 € fixed indemnity was claimed; default: as the step says. */
  claimIndemnity?: boolean | undefined;
}

/** One recorded action per currency, with what it claimed. */
export interface ManualReminderAction {
  actionId: number;
  currency: string;
  openTotalMinor: number;
  interestTotalMinor: number;
  indemnityTotalMinor: number;
  creditsMinor: number;
  totalDueMinor: number;
  /** A half-year rate is missing from the table: some interest could not be computed. */
  interestIncomplete: boolean;
}

export interface ManualReminderResult {
  actionIds: number[];
  stepCode: string;
  stepKind: string;
  level: number;
  documentRefs: string[];
  actions: ManualReminderAction[];
}

interface Chosen {
  customer: DunningCustomer;
  policy: DunningPolicy;
  step: DunningStep;
  level: number;
  invoices: DunningInvoice[];
}

function choose(data: PlanData, input: ManualReminderInput, doneOn: string): Chosen {
  const customer = data.customers.find((c) => c.customerCode === input.customerCode);
  const policy = customer ? selectPolicy(data.settings.policies, customer, doneOn) : null;
  if (!customer || !policy)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.nothingToRemind',
      params: { customer: input.customerCode },
    });
  const planned = planDunning(data.customers, data.invoices, data.settings).actions;
  const top = planned.reduce<(typeof planned)[number] | null>(
    (best, a) => (best === null || a.level > best.level ? a : best),
    null,
  );
  const stepCode = input.stepCode ?? top?.stepCode;
  if (stepCode === undefined) throw new DomainError('invalid_input', { key: 'errors.dunning.noStepDue' });
  const index = policy.steps.findIndex((s) => s.code === stepCode);
  const step = policy.steps[index];
  if (!step)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.unknownStep',
      params: { value: stepCode, policy: policy.code, steps: choiceWords(policy.steps.map((s) => s.code)) },
    });
  let invoices: DunningInvoice[];
  if (input.documentRefs && input.documentRefs.length > 0) {
    invoices = input.documentRefs.map((ref) => {
      const invoice = data.invoices.find((i) => data.invoiceRows.get(i.id)?.documentRef === ref);
      if (!invoice)
        throw new DomainError('invalid_input', {
          key: 'errors.dunning.noOpenInvoiceOf',
          params: { ref, customer: input.customerCode },
        });
      return invoice;
    });
  } else {
    const ids = new Set(planned.flatMap((a) => a.items.map((item) => item.invoiceId)));
    invoices = data.invoices.filter((i) => ids.has(i.id));
  }
  if (invoices.length === 0) throw new DomainError('invalid_input', { key: 'errors.dunning.noInvoiceDue' });
  return { customer, policy, step, level: index + 1, invoices };
}

/** Writes one planned action as a sent manual action and tells it in the customer's story. */
async function insertManualAction(
  ctx: AppContext,
  trx: Kysely<Database>,
  context: { data: PlanData; lang: string; doneOn: string; note: string },
  action: PlannedAction,
): Promise<number> {
  const { data, doneOn } = context;
  const actionId = await insertAction(trx, ctx.companyId, ctx.actor, {
    runId: null,
    customerCode: action.customerCode,
    actionDate: doneOn,
    policyCode: action.policyCode,
    policyVersion: action.policyVersion,
    stepCode: action.stepCode,
    stepKind: action.stepKind,
    level: action.level,
    channel: action.channel,
    lang: context.lang,
    currency: action.currency,
    openTotalMinor: action.openTotalMinor,
    interestTotalMinor: action.interestTotalMinor,
    indemnityTotalMinor: action.indemnityTotalMinor,
    creditsMinor: action.creditsMinor,
    totalDueMinor: action.totalDueMinor,
    interestIncomplete: action.interestIncomplete,
    status: 'sent',
    origin: 'manual',
    outboxId: null,
    letterId: null,
    smsText: null,
    items: actionItemRows(action, data.invoiceRows),
  });
  const money = (minor: number) => ({ minor, currency: action.currency });
  await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
    customerCode: action.customerCode,
    kind: 'reminder',
    eventDate: doneOn,
    documentRef: null,
    ...storyLine('dunningCases.event.manualReminder', {
      step: { domain: 'dunningStepKind', code: action.stepKind },
      channel: { domain: 'dunningChannel', code: action.channel },
      count: action.items.length,
      total: money(action.totalDueMinor),
      claimed: action.interestTotalMinor + action.indemnityTotalMinor > 0 ? 'yes' : 'no',
      interest: money(action.interestTotalMinor),
      indemnity: money(action.indemnityTotalMinor),
      note: context.note,
    }),
  });
  return actionId;
}

export async function recordManualReminder(
  ctx: AppContext,
  input: ManualReminderInput,
): Promise<ManualReminderResult> {
  if (!(DUNNING_CHANNELS as readonly string[]).includes(input.channel))
    throw notOneOf('channel', input.channel, DUNNING_CHANNELS, 'dunningChannel');
  if (input.doneOn !== undefined && !isValidIsoDate(input.doneOn)) throw notADate('doneOn', input.doneOn);
  await requireVisibleCustomer(ctx, input.customerCode);
  const doneOn = input.doneOn ?? (await defaultAsOf(ctx));
  const note = input.note?.trim() ?? '';
  return ctx.db.transaction().execute(async (trx) => {
    const data = await loadPlanData(trx, ctx.companyId, {
      asOf: doneOn,
      customerCodes: [input.customerCode],
    });
    const chosen = choose(data, input, doneOn);
    const customerRow = data.customerRows.get(input.customerCode);
    const lang = customerRow ? langOf(customerRow) : 'fr';
    const planned = planManualReminder({
      ...chosen,
      channel: input.channel as DunningChannel,
      settings: data.settings,
      claim: { interest: input.claimInterest, indemnity: input.claimIndemnity },
    });
    const actions: ManualReminderAction[] = [];
    for (const action of planned) {
      const actionId = await insertManualAction(ctx, trx, { data, lang, doneOn, note }, action);
      const { currency, openTotalMinor, interestTotalMinor, indemnityTotalMinor } = action;
      const { creditsMinor, totalDueMinor, interestIncomplete } = action;
      actions.push({
        actionId,
        currency,
        openTotalMinor,
        interestTotalMinor,
        indemnityTotalMinor,
        creditsMinor,
        totalDueMinor,
        interestIncomplete,
      });
    }
    const actionIds = actions.map((a) => a.actionId);
    const documentRefs = chosen.invoices.map((i) => data.invoiceRows.get(i.id)?.documentRef ?? i.id);
    await recordAudit(ctx, trx, {
      action: 'dunning.manual_action',
      entity: 'dunning_action',
      entityKey: actionIds.join(','),
      before: null,
      after: {
        customerCode: input.customerCode,
        step: chosen.step.code,
        channel: input.channel,
        doneOn,
        documentRefs,
        claims: actions.map((a) => ({
          currency: a.currency,
          interestMinor: a.interestTotalMinor,
          indemnityMinor: a.indemnityTotalMinor,
        })),
      },
    });
    return {
      actionIds,
      stepCode: chosen.step.code,
      stepKind: chosen.step.kind,
      level: chosen.level,
      documentRefs,
      actions,
    };
  });
}
