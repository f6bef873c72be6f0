/** The collectors' call tasks: added, completed, listed in due order a page at a time. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { withPartnerAt } from '../legal/with-partner.ts';

export interface TaskRow {
  taskId: number;
  customerCode: string;
  customerName: string;
  salesperson: string | null;
  kind: string;
  actionId: number | null;
  promiseId: number | null;
  dueDate: string;
  assignedTo: string | null;
  status: string;
  outcome: string | null;
  note: string;
  doneOn: string | null;
  doneBy: string | null;
  createdBy: string;
}

/** Adds a task; a second broken-promise task for a promise, or claim task for a customer, is ignored. */
export async function insertTask(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  row: {
    customerCode: string;
    kind: string;
    actionId: number | null;
    promiseId: number | null;
    dueDate: string;
    assignedTo: string | null;
    note: string;
  },
): Promise<number | null> {
  const result = await sql<{ taskId: number }>`
    insert into dunning_call_tasks (company_id, customer_code, kind, action_id, promise_id, due_date,
      assigned_to, note, created_by)
    values (${companyId}, ${row.customerCode}, ${row.kind}, ${row.actionId}, ${row.promiseId}, ${row.dueDate},
      ${row.assignedTo}, ${row.note}, ${actor})
    on conflict do nothing
    returning task_id as "taskId"`.execute(db);
  return result.rows[0]?.taskId ?? null;
}

export async function completeTaskRow(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  taskId: number,
  done: { outcome: string; note: string; doneOn: string },
): Promise<boolean> {
  const result = await db
    .updateTable('dunning_call_tasks')
    .set({ status: 'done', outcome: done.outcome, note: done.note, done_on: done.doneOn, done_by: actor })
    .where('company_id', '=', companyId)
    .where('task_id', '=', taskId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

type TaskFilter = {
  status?: string | undefined;
  salesperson?: string | undefined;
  taskId?: number | undefined;
};

function taskConditions(companyId: string, filter: TaskFilter) {
  return sql`t.company_id = ${companyId}
    ${filter.status !== undefined ? sql`and t.status = ${filter.status}` : sql``}
    ${filter.salesperson !== undefined ? sql`and c.salesperson = ${filter.salesperson}` : sql``}
    ${filter.taskId !== undefined ? sql`and t.task_id = ${filter.taskId}` : sql``}`;
}

/** The tasks in due order (the id breaks ties, so that pages of an offset never overlap); all without `page`. */
export async function selectTasks(
  db: Kysely<Database>,
  companyId: string,
  filter: TaskFilter,
  page?: { limit: number; offset: number },
): Promise<TaskRow[]> {
  const result = await sql<TaskRow>`
    select t.task_id as "taskId", t.customer_code as "customerCode", c.name as "customerName", c.salesperson,
      t.kind, t.action_id as "actionId", t.promise_id as "promiseId", t.due_date as "dueDate",
      t.assigned_to as "assignedTo", t.status, t.outcome, t.note, t.done_on as "doneOn", t.done_by as "doneBy",
      t.created_by as "createdBy"
    from dunning_call_tasks t join customers c on c.company_id = t.company_id and c.code = t.customer_code
    where ${taskConditions(companyId, filter)}
    order by t.due_date, t.task_id
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`.execute(db);
  return result.rows;
}

/** How many tasks the filter keeps (a page's total). */
export async function countTasks(
  db: Kysely<Database>,
  companyId: string,
  filter: TaskFilter,
): Promise<number> {
  const result = await sql<{ total: string }>`
    select count(*)::int8 as total
    from dunning_call_tasks t join customers c on c.company_id = t.company_id and c.code = t.customer_code
    where ${taskConditions(companyId, filter)}`.execute(db);
  return Number(result.rows[0]?.total ?? 0);
}

/**
 * The status of the agenda task each call-task action created, for one page of the log: nothing is
 * sent by a call, so the task is what the action did. One statement for the page.
 */
export async function selectActionTaskStatus(
  db: Kysely<Database>,
  companyId: string,
  actionIds: readonly number[],
): Promise<Map<number, string>> {
  if (actionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('dunning_call_tasks')
    .select(['action_id as actionId', 'status'])
    .where('company_id', '=', companyId)
    .where('action_id', 'in', [...actionIds])
    .execute();
  return new Map(rows.map((row) => [Number(row.actionId), row.status]));
}

/**
 * Marks done, as handed over with `note`, the customer's open hand-over tasks whose every invoice
 * is now with a partner (in a legal file handed over by `doneOn`, not withdrawn) or no longer open:
 * the step they ask for has been taken. A task with an invoice still to hand over stays open.
 * Returns the tasks closed.
 */
export async function completeHandedOverTasks(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  input: { customerCode: string; doneOn: string; note: string },
): Promise<{ taskId: number; actionId: number }[]> {
  const result = await sql<{ taskId: number; actionId: number }>`
    update dunning_call_tasks t
    set status = 'done', outcome = 'handed_over', note = ${input.note}, done_on = ${input.doneOn},
      done_by = ${actor}
    where t.company_id = ${companyId} and t.customer_code = ${input.customerCode}
      and t.kind = 'handover' and t.status = 'open' and t.action_id is not null
      and not exists (select 1 from dunning_action_items a
        where a.company_id = t.company_id and a.action_id = t.action_id
          and exists (select 1 from open_items o
            where o.company_id = a.company_id and o.document_id = a.document_id and o.open_minor > 0)
          and not ${withPartnerAt(companyId, sql.ref('a.document_id'), input.doneOn)})
    returning t.task_id as "taskId", t.action_id as "actionId"`.execute(db);
  return result.rows;
}
