/**
 * Reading the dunning log (actions with their items, runs, archived letters), the call tasks and
 * their outcome, cancelling an action and recording one done by hand. A salesperson sees only
 * their customers.
 */
import type { Kysely } from 'kysely';
import { isValidIsoDate } from '#core/calendar';
import { formatTrackingNumber } from '#core/dunning/registered-mail';
import { insertCustomerEvent } from '#db/customers/customer-records';
import {
  type ActionRow,
  type RunRow,
  selectActions,
  selectRuns,
  setActionStatus,
} from '#db/dunning/action-queries';
import { lockRegisteredTracking, selectLatestTracking } from '#db/dunning/registered-tracking';
import { completeTaskRow, countTasks, insertTask, selectTasks, type TaskRow } from '#db/dunning/task-queries';
import type { Database } from '#db/infra/schema';
import type { Lang } from '#text/catalogue';
import { wordedDate } from '#text/error-words';
import { storyLine } from '#text/story';
import { recordAudit } from '../audit/audit.ts';
import { salespersonScope } from '../auth/auth.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { notADate, notOneOf } from './error-params.ts';
import { letterContent } from './letter-content.ts';
import { storedPartFilename } from './print-batch.ts';

/** The salesperson filter of the caller: none for staff, one name (or nobody's) for a salesperson. */
export function portfolioOf(ctx: AppContext): string | undefined {
  const scope = salespersonScope(ctx);
  if (scope === undefined) return undefined;
  // A salesperson without a name owns no customer.
  return scope ?? '\u0000';
}

export interface ActionListView extends ActionRow {
  documentPath: string | null;
}

export async function listDunningActions(
  ctx: AppContext,
  filter: {
    runId?: number | undefined;
    customerCode?: string | undefined;
    limit?: number;
    offset?: number;
  } = {},
): Promise<{ items: ActionListView[]; total: number }> {
  const page = await selectActions(
    ctx.db,
    ctx.companyId,
    { runId: filter.runId, customerCode: filter.customerCode, salesperson: portfolioOf(ctx) },
    { limit: filter.limit ?? 50, offset: filter.offset ?? 0 },
  );
  return {
    total: page.total,
    items: page.items.map((row) => ({
      ...row,
      documentPath: row.letterId === null ? null : `/api/dunning/letters/${row.letterId}`,
    })),
  };
}

export async function listDunningRuns(ctx: AppContext, limit = 20): Promise<RunRow[]> {
  return selectRuns(ctx.db, ctx.companyId, limit);
}

/**
 * An archived letter (or a part of a run's print batch, named in `lang`, the reader's, when given).
 * A salesperson only gets their customers' letters.
 */
export async function getLetter(
  ctx: AppContext,
  letterId: number,
  lang?: Lang,
): Promise<{ filename: string; content: Buffer }> {
  const scope = portfolioOf(ctx);
  if (scope !== undefined) {
    const owned = await selectActions(
      ctx.db,
      ctx.companyId,
      { salesperson: scope },
      { limit: 10_000, offset: 0 },
    );
    if (!owned.items.some((a) => a.letterId === letterId))
      throw new DomainError('not_found', {
        key: 'errors.dunning.noLetter',
        params: { id: String(letterId) },
      });
  }
  const letter = await letterContent(ctx.db, ctx.companyId, letterId);
  if (!letter)
    throw new DomainError('not_found', { key: 'errors.dunning.noLetter', params: { id: String(letterId) } });
  const named =
    lang !== undefined && letter.batchRunId !== null
      ? await storedPartFilename(ctx.db, ctx.companyId, { runId: letter.batchRunId, letterId }, lang)
      : null;
  return { filename: named ?? letter.filename, content: letter.content };
}

/**
 * A registered letter whose La Poste number is recorded has been posted: it cannot be recalled, so
 * its action stays. Read under the recordings' lock, so that no number is recorded meanwhile.
 */
async function refuseIfPosted(ctx: AppContext, trx: Kysely<Database>, actionId: number): Promise<void> {
  await lockRegisteredTracking(trx, ctx.companyId);
  const tracking = await selectLatestTracking(trx, ctx.companyId, actionId);
  if (tracking)
    throw new DomainError('conflict', {
      key: 'errors.dunning.registeredAtPost',
      params: {
        id: String(actionId),
        number: formatTrackingNumber(tracking.trackingNumber),
        date: wordedDate(tracking.depositedOn),
      },
    });
}

/**
 * A letter not posted, an e-mail recalled: the action no longer counts, the step will come again.
 * A registered letter already at La Poste (its number recorded) is refused.
 */
export async function cancelDunningAction(ctx: AppContext, actionId: number): Promise<ActionListView> {
  const [before] = (await listDunningActions(ctx, {})).items.filter((a) => a.actionId === actionId);
  const found =
    before ??
    (
      await selectActions(
        ctx.db,
        ctx.companyId,
        { actionId, salesperson: portfolioOf(ctx) },
        { limit: 1, offset: 0 },
      )
    ).items[0];
  if (!found)
    throw new DomainError('not_found', { key: 'errors.dunning.noAction', params: { id: String(actionId) } });
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await setActionStatus(trx, ctx.companyId, actionId, 'cancelled')))
      throw new DomainError('conflict', {
        key: 'errors.dunning.actionCancelled',
        params: { id: String(actionId) },
      });
    // After the update (which rolls back): an action already cancelled is said so first.
    if (found.channel === 'registered_letter') await refuseIfPosted(ctx, trx, actionId);
    await recordAudit(ctx, trx, {
      action: 'dunning.action_cancel',
      entity: 'dunning_action',
      entityKey: String(actionId),
      before: { status: found.status },
      after: { status: 'cancelled' },
    });
  });
  return {
    ...found,
    status: 'cancelled',
    documentPath: found.letterId === null ? null : `/api/dunning/letters/${found.letterId}`,
  };
}

/** A page of the call tasks in due order (50 from the first by default), with how many there are in all. */
export async function listCallTasks(
  ctx: AppContext,
  filter: { status?: string | undefined; limit?: number | undefined; offset?: number | undefined } = {},
): Promise<{ items: TaskRow[]; total: number }> {
  const page = { limit: filter.limit ?? 50, offset: filter.offset ?? 0 };
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_TASK_PAGE)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.pageLimit',
      params: { max: MAX_TASK_PAGE },
    });
  if (!Number.isInteger(page.offset) || page.offset < 0)
    throw new DomainError('invalid_input', { key: 'errors.dunning.pageOffset' });
  const scope = { status: filter.status, salesperson: portfolioOf(ctx) };
  return {
    items: await selectTasks(ctx.db, ctx.companyId, scope, page),
    total: await countTasks(ctx.db, ctx.companyId, scope),
  };
}

/** The largest page of tasks (the customers list's). */
export const MAX_TASK_PAGE = 1000;

export const TASK_OUTCOMES = [
  'promise',
  'dispute',
  'will_pay',
  'paid',
  'no_answer',
  'wrong_number',
  'message_left',
  'claim_declared',
  'handed_over',
  'other',
] as const;

/** What a call's log says: its outcome, note and day. */
interface CallOutcome {
  outcome: string;
  note?: string | undefined;
  doneOn?: string | undefined;
}

/** Refuses an outcome or a day that cannot be logged, before anything is written. */
function checkOutcome(input: CallOutcome): void {
  if (!(TASK_OUTCOMES as readonly string[]).includes(input.outcome))
    throw notOneOf('outcome', input.outcome, TASK_OUTCOMES, 'dunningTaskOutcome');
  if (input.doneOn !== undefined && !isValidIsoDate(input.doneOn)) throw notADate('doneOn', input.doneOn);
}

/** Marks the open task done with its outcome and puts the call in the customer's story, in `trx`. */
async function completeInTransaction(
  ctx: AppContext,
  trx: Kysely<Database>,
  task: Pick<TaskRow, 'taskId' | 'customerCode' | 'status'>,
  call: { outcome: string; note: string; doneOn: string },
): Promise<void> {
  if (!(await completeTaskRow(trx, ctx.companyId, ctx.actor, task.taskId, call)))
    throw new DomainError('conflict', {
      key: 'errors.dunning.taskNotOpen',
      params: { id: String(task.taskId) },
    });
  await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
    customerCode: task.customerCode,
    kind: 'call',
    eventDate: call.doneOn,
    documentRef: null,
    ...storyLine('dunning.event.call', {
      outcome: { domain: 'dunningTaskOutcome', code: call.outcome },
      note: call.note,
    }),
  });
  await recordAudit(ctx, trx, {
    action: 'dunning.task_complete',
    entity: 'dunning_task',
    entityKey: String(task.taskId),
    before: { status: task.status },
    after: { status: 'done', ...call },
  });
}

async function taskAfter(ctx: AppContext, taskId: number): Promise<TaskRow> {
  const [after] = await selectTasks(ctx.db, ctx.companyId, { taskId });
  if (!after) throw new Error(`task ${taskId} vanished`);
  return after;
}

/** Logs a call (or the task's outcome): the task is done and the call is in the customer's story. */
export async function completeCallTask(
  ctx: AppContext,
  input: { taskId: number } & CallOutcome,
): Promise<TaskRow> {
  checkOutcome(input);
  const [task] = await selectTasks(ctx.db, ctx.companyId, {
    taskId: input.taskId,
    salesperson: portfolioOf(ctx),
  });
  if (!task)
    throw new DomainError('not_found', {
      key: 'errors.dunning.noTask',
      params: { id: String(input.taskId) },
    });
  const doneOn = input.doneOn ?? (await defaultAsOf(ctx));
  const note = input.note?.trim() ?? '';
  await ctx.db
    .transaction()
    .execute((trx) => completeInTransaction(ctx, trx, task, { outcome: input.outcome, note, doneOn }));
  return taskAfter(ctx, input.taskId);
}

/**
 * A call made without a task (the collector called on their own): logged as a done task, checked
 * first and written in one transaction, so a refused call leaves no open task behind.
 */
export async function logCall(
  ctx: AppContext,
  input: { customerCode: string } & CallOutcome,
): Promise<TaskRow> {
  checkOutcome(input);
  await requireVisibleCustomer(ctx, input.customerCode);
  const doneOn = input.doneOn ?? (await defaultAsOf(ctx));
  const note = input.note?.trim() ?? '';
  const taskId = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertTask(trx, ctx.companyId, ctx.actor, {
      customerCode: input.customerCode,
      kind: 'dunning_call',
      actionId: null,
      promiseId: null,
      dueDate: doneOn,
      assignedTo: ctx.user?.email ?? null,
      note: '',
    });
    if (id === null) throw new Error('call task not created');
    await recordAudit(ctx, trx, {
      action: 'dunning.task_create',
      entity: 'dunning_task',
      entityKey: String(id),
      before: null,
      after: { customerCode: input.customerCode },
    });
    const task = { taskId: id, customerCode: input.customerCode, status: 'open' };
    await completeInTransaction(ctx, trx, task, { outcome: input.outcome, note, doneOn });
    return id;
  });
  return taskAfter(ctx, taskId);
}
