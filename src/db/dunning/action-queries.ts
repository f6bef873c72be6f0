/** The log of dunning actions and their items, and the runs that wrote them. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { selectActionTaskStatus } from './task-queries.ts';

// The letters' queries moved to letter-queries.ts; test/integration/dunning-slices.test.ts imports them from here.
export { selectLetter, selectRunLetterJobs } from './letter-queries.ts';

export interface NewActionItem {
  documentId: number;
  documentRef: string;
  dueDate: string;
  openMinor: number;
  daysLate: number;
  fromLevel: number;
  level: number;
  stepCode: string;
  stepKind: string;
  interestStatus: 'claimed' | 'not_claimed' | 'rate_missing';
  interestMinor: number;
  indemnityMinor: number;
}

/** What a dunning action holds, the same when a run writes it and when it is read back. */
export interface DunningActionFields {
  runId: number | null;
  customerCode: string;
  actionDate: string;
  policyCode: string;
  policyVersion: number;
  stepCode: string;
  stepKind: string;
  level: number;
  channel: string;
  lang: string;
  currency: string;
  openTotalMinor: number;
  interestTotalMinor: number;
  indemnityTotalMinor: number;
  creditsMinor: number;
  totalDueMinor: number;
  interestIncomplete: boolean;
  outboxId: number | null;
  letterId: number | null;
  smsText: string | null;
}

export interface NewAction extends DunningActionFields {
  status: 'planned' | 'sent' | 'cancelled';
  origin: 'run' | 'manual';
  items: NewActionItem[];
}

/** A run started: `customerCodes`, the customers it is limited to (null: the whole portfolio). */
export async function insertRun(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  asOf: string,
  customerCodes: readonly string[] | null = null,
): Promise<number> {
  const row = await db
    .insertInto('dunning_runs')
    .values({
      company_id: companyId,
      as_of: asOf,
      planned_actions: 0,
      sent_actions: 0,
      skipped_items: 0,
      tasks_created: 0,
      batch_letter_id: null,
      customer_codes: customerCodes === null ? null : [...new Set(customerCodes)],
      created_by: actor,
    })
    .returning('run_id')
    .executeTakeFirstOrThrow();
  return row.run_id;
}

/** The date of the company's latest dunning run, null before its first. */
export async function selectLastRunDate(db: Kysely<Database>, companyId: string): Promise<string | null> {
  const row = await db
    .selectFrom('dunning_runs')
    .select((eb) => eb.fn.max('as_of').as('lastAsOf'))
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row?.lastAsOf ?? null;
}

export async function updateRunCounts(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
  counts: {
    plannedActions: number;
    sentActions: number;
    skippedItems: number;
    tasksCreated: number;
    /** The print batch's parts in order (none without letters). */
    batchLetterIds: readonly number[];
  },
): Promise<void> {
  await db
    .updateTable('dunning_runs')
    .set({
      planned_actions: counts.plannedActions,
      sent_actions: counts.sentActions,
      skipped_items: counts.skippedItems,
      tasks_created: counts.tasksCreated,
      batch_letter_id: counts.batchLetterIds[0] ?? null,
      batch_letter_ids: [...counts.batchLetterIds],
    })
    .where('company_id', '=', companyId)
    .where('run_id', '=', runId)
    .execute();
}

export async function insertAction(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  action: NewAction,
): Promise<number> {
  const { action_id: actionId } = await db
    .insertInto('dunning_actions')
    .values({
      company_id: companyId,
      run_id: action.runId,
      customer_code: action.customerCode,
      action_date: action.actionDate,
      policy_code: action.policyCode,
      policy_version: action.policyVersion,
      step_code: action.stepCode,
      step_kind: action.stepKind,
      level: action.level,
      channel: action.channel,
      lang: action.lang,
      currency: action.currency,
      open_total_minor: action.openTotalMinor,
      interest_total_minor: action.interestTotalMinor,
      indemnity_total_minor: action.indemnityTotalMinor,
      credits_minor: action.creditsMinor,
      total_due_minor: action.totalDueMinor,
      interest_incomplete: action.interestIncomplete,
      status: action.status,
      origin: action.origin,
      outbox_id: action.outboxId,
      letter_id: action.letterId,
      sms_text: action.smsText,
      created_by: actor,
    })
    .returning('action_id')
    .executeTakeFirstOrThrow();
  if (action.items.length > 0)
    await db
      .insertInto('dunning_action_items')
      .values(
        action.items.map((item) => ({
          company_id: companyId,
          action_id: actionId,
          document_id: item.documentId,
          document_ref: item.documentRef,
          due_date: item.dueDate,
          open_minor: item.openMinor,
          days_late: item.daysLate,
          from_level: item.fromLevel,
          level: item.level,
          step_code: item.stepCode,
          step_kind: item.stepKind,
          interest_status: item.interestStatus,
          interest_minor: item.interestMinor,
          indemnity_minor: item.indemnityMinor,
        })),
      )
      .execute();
  return actionId;
}

export async function setActionStatus(
  db: Kysely<Database>,
  companyId: string,
  actionId: number,
  status: 'sent' | 'cancelled',
): Promise<boolean> {
  const result = await db
    .updateTable('dunning_actions')
    .set({ status })
    .where('company_id', '=', companyId)
    .where('action_id', '=', actionId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface ActionRow extends DunningActionFields {
  actionId: number;
  customerName: string;
  salesperson: string | null;
  status: string;
  origin: string;
  createdBy: string;
  items: (NewActionItem & { documentId: number })[];
  /** A call task's action: the status of the task it created in the agenda (null: any other action). */
  taskStatus: string | null;
  /**
   * What became of an e-mail in the outbox: 'sent' (accepted by the mail server), 'failed' (for
   * good: no retry to come), 'held' (no mail server) or 'pending' (to send, being sent, or failed
   * with a retry to come); null: no e-mail (a letter, a call, a step recorded by hand).
   */
  delivery: 'sent' | 'failed' | 'held' | 'pending' | null;
}

export interface ActionFilter {
  runId?: number | undefined;
  customerCode?: string | undefined;
  salesperson?: string | undefined;
  actionId?: number | undefined;
}

/**
 * One run's actions customer by customer (code order, then the run's own order), as its preview
 * listed them, so its pages read in a stable order; any other list, newest first. The run's slices
 * write their actions concurrently: by id alone, customers came out of order.
 */
const runOrder = (oneRun: boolean) =>
  oneRun ? sql`a.customer_code collate "C", a.action_id` : sql`a.action_date desc, a.action_id desc`;

export async function selectActions(
  db: Kysely<Database>,
  companyId: string,
  filter: ActionFilter,
  page: { limit: number; offset: number },
): Promise<{ items: ActionRow[]; total: number }> {
  const where = sql`a.company_id = ${companyId}
    ${filter.runId !== undefined ? sql`and a.run_id = ${filter.runId}` : sql``}
    ${filter.actionId !== undefined ? sql`and a.action_id = ${filter.actionId}` : sql``}
    ${filter.customerCode !== undefined ? sql`and a.customer_code = ${filter.customerCode}` : sql``}
    ${filter.salesperson !== undefined ? sql`and c.salesperson = ${filter.salesperson}` : sql``}`;
  const from = sql`dunning_actions a join customers c on c.company_id = a.company_id and c.code = a.customer_code`;
  const count = await sql<{
    total: number;
  }>`select count(*)::int8 as total from ${from} where ${where}`.execute(db);
  const rows = await sql<Omit<ActionRow, 'taskStatus'>>`
    select a.action_id as "actionId", a.run_id as "runId", a.customer_code as "customerCode",
      c.name as "customerName", c.salesperson, a.action_date as "actionDate", a.policy_code as "policyCode",
      a.policy_version as "policyVersion", a.step_code as "stepCode", a.step_kind as "stepKind", a.level,
      a.channel, a.lang, a.currency, a.open_total_minor as "openTotalMinor",
      a.interest_total_minor as "interestTotalMinor", a.indemnity_total_minor as "indemnityTotalMinor",
      a.credits_minor as "creditsMinor", a.total_due_minor as "totalDueMinor",
      a.interest_incomplete as "interestIncomplete", a.status, a.origin, a.outbox_id as "outboxId",
      a.letter_id as "letterId", a.sms_text as "smsText", a.created_by as "createdBy",
      (select case when m.status in ('sent', 'held') then m.status
          when m.status = 'failed' and m.next_attempt_at is null then 'failed' else 'pending' end
        from mail_outbox m where m.company_id = a.company_id and m.outbox_id = a.outbox_id) as delivery,
      coalesce((select json_agg(json_build_object('documentId', i.document_id, 'documentRef', i.document_ref,
          'dueDate', i.due_date, 'openMinor', i.open_minor, 'daysLate', i.days_late, 'fromLevel', i.from_level,
          'level', i.level, 'stepCode', i.step_code, 'stepKind', i.step_kind,
          'interestStatus', i.interest_status, 'interestMinor', i.interest_minor,
          'indemnityMinor', i.indemnity_minor) order by i.due_date, i.document_id)
        from dunning_action_items i where i.company_id = a.company_id and i.action_id = a.action_id),
        '[]'::json) as items
    from ${from} where ${where}
    order by ${runOrder(filter.runId !== undefined)}
    limit ${page.limit} offset ${page.offset}`.execute(db);
  const taskStatus = await selectActionTaskStatus(
    db,
    companyId,
    rows.rows.filter((row) => row.channel === 'call_task').map((row) => row.actionId),
  );
  return {
    items: rows.rows.map((row) => ({ ...row, taskStatus: taskStatus.get(Number(row.actionId)) ?? null })),
    total: Number(count.rows[0]?.total ?? 0),
  };
}

export interface RunRow {
  runId: number;
  asOf: string;
  plannedActions: number;
  sentActions: number;
  skippedItems: number;
  tasksCreated: number;
  batchLetterId: number | null;
  /** The print batch's parts in order. */
  batchLetterIds: number[];
  createdAt: Date;
  createdBy: string;
}

export async function selectRuns(db: Kysely<Database>, companyId: string, limit: number): Promise<RunRow[]> {
  const rows = await db
    .selectFrom('dunning_runs')
    .select([
      'run_id as runId',
      'as_of as asOf',
      'planned_actions as plannedActions',
      'sent_actions as sentActions',
      'skipped_items as skippedItems',
      'tasks_created as tasksCreated',
      'batch_letter_id as batchLetterId',
      'batch_letter_ids as batchLetterIds',
      'created_at as createdAt',
      'created_by as createdBy',
    ])
    .where('company_id', '=', companyId)
    .orderBy('run_id', 'desc')
    .limit(limit)
    .execute();
  // An int8[] comes back as text: the driver's int8 parser does not reach array elements.
  return rows.map((row) => ({ ...row, batchLetterIds: row.batchLetterIds.map(Number) }));
}
