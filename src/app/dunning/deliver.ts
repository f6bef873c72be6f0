/**
 * Stores a slice's composed actions inside the run's transaction: the e-mails enqueued in the
 * outbox, the letters archived as PDF jobs, the actions and their items logged as sent, the call
 * tasks created and the customers' story told, a few set-based statements for the whole slice.
 * `compose-actions.ts` composes what is stored here.
 */
import type { PlannedAction } from '#core/dunning/planner';
import type { CustomerEvent } from '#core/types';
import {
  drawRunIds,
  insertActions,
  insertDeferredLetters,
  insertTasks,
  type NewTask,
} from '#db/dunning/action-batches';
import type { NewAction } from '#db/dunning/action-queries';
import { insertRunEvents } from '#db/dunning/run-events';
import { storyLine } from '#text/story';
import type { OutgoingMail } from '../mail/mail-port.ts';
import type { DeliveryScope, Prepared } from './compose-actions.ts';
import type { PlanData } from './plan-data.ts';

export interface Delivered {
  actionId: number;
  channel: string;
  outboxId: number | null;
  letterId: number | null;
}

/** A slice stored: each action as delivered, and the call tasks its call steps created. */
export interface StoredSlice {
  delivered: Delivered[];
  tasksCreated: number;
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
  return {
    customerCode: p.action.customerCode,
    kind: 'reminder',
    eventDate: scope.asOf,
    documentRef: p.reference,
    ...storyLine('dunning.event.reminder', {
      step: { domain: 'dunningStepKind', code: p.action.stepKind },
      channel: { domain: 'dunningChannel', code: p.channel },
      count: p.action.items.length,
      total: { minor: p.action.totalDueMinor, currency: p.action.currency },
    }),
  };
}

/**
 * Stores prepared actions: the e-mails enqueued together through the mail port (idempotent per
 * key), then the letters, the actions with their items, the call tasks and the customers' story
 * written set-based, a few statements for the whole slice. The run counts the call tasks with
 * the others it raises (claims, broken promises).
 */
export async function storePrepared(
  scope: DeliveryScope,
  prepared: readonly Prepared[],
): Promise<StoredSlice> {
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
  // On a server the letters' and the actions' ids in one round trip (COPY returns none).
  const drawn = await drawRunIds(trx, { letters: lettered.length, actions: prepared.length });
  const letterIds = await insertDeferredLetters(
    trx,
    ctx.companyId,
    lettered.map((letter) => ({ filename: letter.filename, renderJob: letter.job })),
    drawn?.letters,
  );
  const letterIdOf = new Map(lettered.map((letter, index) => [letter, letterIds[index] ?? null]));
  const letterIdFor = (p: Prepared) => (p.letter ? (letterIdOf.get(p.letter) ?? null) : null);
  const actionIds = await insertActions(
    trx,
    ctx.companyId,
    ctx.actor,
    prepared.map((p) => newActionOf(scope, p, letterIdFor(p))),
    drawn?.actions,
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
  const tasksCreated = await insertTasks(trx, ctx.companyId, ctx.actor, tasks);
  await insertRunEvents(trx, ctx.companyId, ctx.actor, events);
  const delivered = prepared.map((p, index) => ({
    actionId: actionIds[index] as number,
    channel: p.channel,
    outboxId: p.outboxId,
    letterId: letterIdFor(p),
  }));
  return { delivered, tasksCreated };
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
