/**
 * A reminder made outside Encours (a phone call, a letter posted by hand, an e-mail from the
 * collector's mailbox), recorded as a sent action of origin 'manual': it counts as its step for
 * each invoice's level, so the next automatic step follows from it and today's run skips those
 * invoices; it is audit-logged and told in the customer's story.
 */
import { daysBetween, isValidIsoDate } from '#core/calendar';
import { type DunningInvoice, planDunning } from '#core/dunning/planner';
import { DUNNING_CHANNELS, type DunningPolicy, type DunningStep, selectPolicy } from '#core/dunning/policy';
import { insertCustomerEvent } from '#db/customers/customer-records';
import { insertAction } from '#db/dunning/action-queries';
import { label, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import { recordAudit } from '../audit/audit.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { langOf } from './deliver.ts';
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
}

export interface ManualReminderResult {
  actionIds: number[];
  stepCode: string;
  stepKind: string;
  level: number;
  documentRefs: string[];
}

interface Chosen {
  policy: DunningPolicy;
  step: DunningStep;
  level: number;
  invoices: DunningInvoice[];
}

function choose(data: PlanData, input: ManualReminderInput, doneOn: string): Chosen {
  const customer = data.customers.find((c) => c.customerCode === input.customerCode);
  const policy = customer ? selectPolicy(data.settings.policies, customer, doneOn) : null;
  if (!customer || !policy)
    throw new DomainError('invalid_input', `no open invoice or no dunning policy for ${input.customerCode}`);
  const planned = planDunning(data.customers, data.invoices, data.settings).actions;
  const top = planned.reduce<(typeof planned)[number] | null>(
    (best, a) => (best === null || a.level > best.level ? a : best),
    null,
  );
  const stepCode = input.stepCode ?? top?.stepCode;
  if (stepCode === undefined)
    throw new DomainError('invalid_input', 'no step is due today for this customer: give the step');
  const index = policy.steps.findIndex((s) => s.code === stepCode);
  const step = policy.steps[index];
  if (!step)
    throw new DomainError(
      'invalid_input',
      `step must be one of ${policy.steps.map((s) => s.code).join(', ')} (policy ${policy.code})`,
    );
  let invoices: DunningInvoice[];
  if (input.documentRefs && input.documentRefs.length > 0) {
    invoices = input.documentRefs.map((ref) => {
      const invoice = data.invoices.find((i) => data.invoiceRows.get(i.id)?.documentRef === ref);
      if (!invoice) throw new DomainError('invalid_input', `no open invoice ${ref} of ${input.customerCode}`);
      return invoice;
    });
  } else {
    const ids = new Set(planned.flatMap((a) => a.items.map((item) => item.invoiceId)));
    invoices = data.invoices.filter((i) => ids.has(i.id));
  }
  if (invoices.length === 0)
    throw new DomainError('invalid_input', 'no invoice is due today for this customer: give the invoices');
  return { policy, step, level: index + 1, invoices };
}

export async function recordManualReminder(
  ctx: AppContext,
  input: ManualReminderInput,
): Promise<ManualReminderResult> {
  if (!(DUNNING_CHANNELS as readonly string[]).includes(input.channel))
    throw new DomainError('invalid_input', `channel must be one of ${DUNNING_CHANNELS.join(', ')}`);
  if (input.doneOn !== undefined && !isValidIsoDate(input.doneOn))
    throw new DomainError('invalid_input', 'doneOn is not a date (YYYY-MM-DD)');
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
    const actionIds: number[] = [];
    for (const currency of new Set(chosen.invoices.map((i) => i.currency))) {
      const invoices = chosen.invoices.filter((i) => i.currency === currency);
      const openTotalMinor = invoices.reduce((sum, i) => sum + i.openMinor, 0);
      const actionId = await insertAction(trx, ctx.companyId, ctx.actor, {
        runId: null,
        customerCode: input.customerCode,
        actionDate: doneOn,
        policyCode: chosen.policy.code,
        policyVersion: chosen.policy.version,
        stepCode: chosen.step.code,
        stepKind: chosen.step.kind,
        level: chosen.level,
        channel: input.channel,
        lang,
        currency,
        openTotalMinor,
        interestTotalMinor: 0,
        indemnityTotalMinor: 0,
        creditsMinor: 0,
        totalDueMinor: openTotalMinor,
        interestIncomplete: false,
        status: 'sent',
        origin: 'manual',
        outboxId: null,
        letterId: null,
        smsText: null,
        items: invoices.map((i) => ({
          documentId: Number(i.id),
          documentRef: data.invoiceRows.get(i.id)?.documentRef ?? i.id,
          dueDate: i.dueDate,
          openMinor: i.openMinor,
          daysLate: daysBetween(i.dueDate, doneOn),
          fromLevel: i.level,
          // A manual step below the level reached never takes the invoice back.
          level: Math.max(i.level, chosen.level),
          stepCode: chosen.step.code,
          stepKind: chosen.step.kind,
          interestStatus: 'not_claimed' as const,
          interestMinor: 0,
          indemnityMinor: 0,
        })),
      });
      actionIds.push(actionId);
      await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
        customerCode: input.customerCode,
        kind: 'reminder',
        eventDate: doneOn,
        documentRef: null,
        detail: translator('fr')('dunningCases.event.manualReminder', {
          step: label('fr', 'dunningStepKind', chosen.step.kind),
          channel: label('fr', 'dunningChannel', input.channel),
          count: invoices.length,
          total: formatMoney('fr', openTotalMinor, currency),
          note,
        }).trim(),
      });
    }
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
      },
    });
    return {
      actionIds,
      stepCode: chosen.step.code,
      stepKind: chosen.step.kind,
      level: chosen.level,
      documentRefs,
    };
  });
}
