/**
 * A run's slice of actions written set-based: the actions, their items and their letters in a
 * few statements per slice instead of a few round trips per action.
 */
import { type Kysely, sql } from 'kysely';
import { batches, type ColumnSpec, unnestSelect } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import type { NewAction, NewActionItem } from './action-queries.ts';

type Numbered<Row> = Row & { ord: number };

const ACTION_COLUMNS: ColumnSpec<Numbered<NewAction>>[] = [
  { name: 'ord', type: 'int4', value: (a) => a.ord },
  { name: 'run_id', type: 'int8', value: (a) => a.runId },
  { name: 'customer_code', type: 'text', value: (a) => a.customerCode },
  { name: 'action_date', type: 'date', value: (a) => a.actionDate },
  { name: 'policy_code', type: 'text', value: (a) => a.policyCode },
  { name: 'policy_version', type: 'int4', value: (a) => a.policyVersion },
  { name: 'step_code', type: 'text', value: (a) => a.stepCode },
  { name: 'step_kind', type: 'text', value: (a) => a.stepKind },
  { name: 'level', type: 'int4', value: (a) => a.level },
  { name: 'channel', type: 'text', value: (a) => a.channel },
  { name: 'lang', type: 'text', value: (a) => a.lang },
  { name: 'currency', type: 'text', value: (a) => a.currency },
  { name: 'open_total_minor', type: 'int8', value: (a) => a.openTotalMinor },
  { name: 'interest_total_minor', type: 'int8', value: (a) => a.interestTotalMinor },
  { name: 'indemnity_total_minor', type: 'int8', value: (a) => a.indemnityTotalMinor },
  { name: 'credits_minor', type: 'int8', value: (a) => a.creditsMinor },
  { name: 'total_due_minor', type: 'int8', value: (a) => a.totalDueMinor },
  { name: 'interest_incomplete', type: 'bool', value: (a) => a.interestIncomplete },
  { name: 'status', type: 'text', value: (a) => a.status },
  { name: 'origin', type: 'text', value: (a) => a.origin },
  { name: 'outbox_id', type: 'int8', value: (a) => a.outboxId },
  { name: 'letter_id', type: 'int8', value: (a) => a.letterId },
  { name: 'sms_text', type: 'text', value: (a) => a.smsText },
];

const ITEM_COLUMNS: ColumnSpec<NewActionItem & { actionId: number }>[] = [
  { name: 'action_id', type: 'int8', value: (i) => i.actionId },
  { name: 'document_id', type: 'int8', value: (i) => i.documentId },
  { name: 'document_ref', type: 'text', value: (i) => i.documentRef },
  { name: 'due_date', type: 'date', value: (i) => i.dueDate },
  { name: 'open_minor', type: 'int8', value: (i) => i.openMinor },
  { name: 'days_late', type: 'int4', value: (i) => i.daysLate },
  { name: 'from_level', type: 'int4', value: (i) => i.fromLevel },
  { name: 'level', type: 'int4', value: (i) => i.level },
  { name: 'step_code', type: 'text', value: (i) => i.stepCode },
  { name: 'step_kind', type: 'text', value: (i) => i.stepKind },
  { name: 'interest_status', type: 'text', value: (i) => i.interestStatus },
  { name: 'interest_minor', type: 'int8', value: (i) => i.interestMinor },
  { name: 'indemnity_minor', type: 'int8', value: (i) => i.indemnityMinor },
];

/**
 * Identities of rows inserted in `ord` order, given back in that order: they are drawn one row
 * after the other, so sorted they follow the rows (whatever order RETURNING lists them in).
 */
const inOrder = (ids: readonly number[]) => [...ids].map(Number).sort((a, b) => a - b);

/**
 * Many actions and their items in a few set-based statements (a run's slice): the ids come back
 * in the order of `actions`.
 */
export async function insertActions(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  actions: readonly NewAction[],
): Promise<number[]> {
  const ids: number[] = [];
  const numbered = actions.map((action, ord) => ({ ...action, ord }));
  const names = ACTION_COLUMNS.slice(1).map((column) => sql.ref(column.name));
  for (const batch of batches(numbered, 2_000)) {
    const result = await sql<{ actionId: number }>`
      insert into dunning_actions (company_id, created_by, ${sql.join(names)})
      select ${companyId}, ${actor}, ${sql.join(names)} from (${unnestSelect(batch, ACTION_COLUMNS)}) staged
      order by staged.ord
      returning action_id as "actionId"`.execute(db);
    ids.push(...inOrder(result.rows.map((row) => row.actionId)));
  }
  const items = actions.flatMap((action, index) =>
    action.items.map((item) => ({ ...item, actionId: ids[index] as number })),
  );
  const itemNames = ITEM_COLUMNS.map((column) => sql.ref(column.name));
  for (const batch of batches(items, 5_000))
    await sql`
      insert into dunning_action_items (company_id, ${sql.join(itemNames)})
      select ${companyId}, ${sql.join(itemNames)} from (${unnestSelect(batch, ITEM_COLUMNS)}) staged`.execute(
      db,
    );
  return ids;
}

export interface NewTask {
  customerCode: string;
  kind: string;
  actionId: number | null;
  dueDate: string;
}

const TASK_COLUMNS: ColumnSpec<NewTask & { ord: number }>[] = [
  { name: 'ord', type: 'int4', value: (t) => t.ord },
  { name: 'customer_code', type: 'text', value: (t) => t.customerCode },
  { name: 'kind', type: 'text', value: (t) => t.kind },
  { name: 'action_id', type: 'int8', value: (t) => t.actionId },
  { name: 'due_date', type: 'date', value: (t) => t.dueDate },
];

/**
 * Open call tasks (a slice's calls, a run's claim declarations) in one statement per batch, in
 * the order given; a task its unique index already holds is left out, as one by one. Returns how
 * many were created.
 */
export async function insertTasks(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  tasks: readonly NewTask[],
): Promise<number> {
  let created = 0;
  const names = TASK_COLUMNS.slice(1).map((column) => sql.ref(column.name));
  for (const batch of batches(
    tasks.map((task, ord) => ({ ...task, ord })),
    2_000,
  )) {
    const result = await sql`
      insert into dunning_call_tasks (company_id, created_by, ${sql.join(names)})
      select ${companyId}, ${actor}, ${sql.join(names)}
      from (${unnestSelect(batch, TASK_COLUMNS)}) staged order by staged.ord
      on conflict do nothing`.execute(db);
    created += Number(result.numAffectedRows ?? 0);
  }
  return created;
}

/**
 * Many letters stored as PDF jobs in one statement per batch; ids in the order given. The jobs
 * travel as one JSON array rather than an array of JSON texts, whose every quote the driver would
 * escape and the server unescape again: a run stores hundreds of megabytes of them. The array is
 * taken as `json` (checked, not converted) and each element converted to `jsonb` on its own: the
 * same values, but converting the whole array of 2,000 letters (8 MB) to one `jsonb` and taking
 * it apart again took two to three times as long (1.7–2.4 s against 0.6–1.0 s a batch, loaded
 * machine, 20,000 customers).
 */
export async function insertDeferredLetters(
  db: Kysely<Database>,
  companyId: string,
  letters: readonly { filename: string; renderJob: unknown }[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const batch of batches(letters, 2_000)) {
    const filenames = batch.map((letter) => letter.filename);
    const jobs = JSON.stringify(batch.map((letter) => letter.renderJob ?? null));
    const result = await sql<{ letterId: number }>`
      insert into dunning_letters (company_id, filename, render_job)
      select ${companyId}, f.filename, nullif(j.job::jsonb, 'null'::jsonb)
      from unnest(${filenames}::text[]) with ordinality as f(filename, ord)
      join json_array_elements(${jobs}::json) with ordinality as j(job, ord) on j.ord = f.ord
      order by f.ord
      returning letter_id as "letterId"`.execute(db);
    ids.push(...inOrder(result.rows.map((row) => row.letterId)));
  }
  return ids;
}
