/**
 * A run's slice of actions written set-based: the actions, their items and their letters in a
 * few statements per slice instead of a few round trips per action.
 */
import { type Kysely, sql } from 'kysely';
import { batches, type ColumnSpec, unnestSelect } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import type { NewAction, NewActionItem } from './action-queries.ts';
import { copyRows } from './run-copy.ts';
import { copyAvailable, idsFor, inOrder } from './run-ids.ts';

// Where the run's writers found them before: the letters and the ids have files of their own.
export { insertDeferredLetters } from './letter-batches.ts';
export { type DrawnIds, drawRunIds } from './run-ids.ts';

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

/** An item's own columns (its action's id apart). */
const ITEM_VALUE_COLUMNS: ColumnSpec<NewActionItem>[] = [
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

const ITEM_COLUMNS: ColumnSpec<NewActionItem & { actionId: number }>[] = [
  { name: 'action_id', type: 'int8', value: (i) => i.actionId },
  ...ITEM_VALUE_COLUMNS,
];

/**
 * Many actions and their items (a run's slice): COPY on a server (a run at 1,000,000 open items
 * writes some 130,000 actions and 900,000 items: the arrays of `unnest` cost the process a
 * literal per column and the server its parsing), a few set-based statements on the embedded
 * engine; the same rows either way. The ids come back in the order of `actions`; `drawn` are
 * ids drawn for them already (`drawRunIds`, on a server only).
 */
export async function insertActions(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  actions: readonly NewAction[],
  drawn?: readonly number[],
): Promise<number[]> {
  if (actions.length === 0) return [];
  const copied = await copyAvailable(db);
  const ids = copied
    ? await copyActions(db, companyId, actor, actions, drawn)
    : await insertActionRows(db, companyId, actor, actions);
  if (copied && (await copyItems(db, companyId, actions, ids))) return ids;
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

/**
 * The rows of one table read through a cursor moved from row to row by a generator, instead of
 * an object made per row (a run copies some 900,000 items and 130,000 actions, each row a copy
 * of its source with a few more fields): the cursor is read as soon as it is given (`copyRows`
 * encodes each row before asking for the next).
 */
interface ItemCursor {
  actionId: number;
  item: NewActionItem;
}

async function copyItems(
  db: Kysely<Database>,
  companyId: string,
  actions: readonly NewAction[],
  ids: readonly number[],
): Promise<boolean> {
  const columns: ColumnSpec<ItemCursor>[] = [
    { name: 'company_id', type: 'text', value: () => companyId },
    { name: 'action_id', type: 'int8', value: (c) => c.actionId },
    ...ITEM_VALUE_COLUMNS.map((column) => ({ ...column, value: (c: ItemCursor) => column.value(c.item) })),
  ];
  function* rows(): Generator<ItemCursor> {
    const cursor = { actionId: 0, item: undefined } as unknown as ItemCursor;
    for (const [index, action] of actions.entries()) {
      cursor.actionId = ids[index] as number;
      for (const item of action.items) {
        cursor.item = item;
        yield cursor;
      }
    }
  }
  return copyRows(db, 'dunning_action_items', rows(), columns);
}

async function insertActionRows(
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
  return ids;
}

interface ActionCursor {
  actionId: number;
  action: NewAction;
}

async function copyActions(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  actions: readonly NewAction[],
  drawn: readonly number[] | undefined,
): Promise<number[]> {
  const ids = await idsFor(db, 'actions', actions.length, drawn);
  const columns: ColumnSpec<ActionCursor>[] = [
    { name: 'company_id', type: 'text', value: () => companyId },
    { name: 'action_id', type: 'int8', value: (c) => c.actionId },
    { name: 'created_by', type: 'text', value: () => actor },
    // The columns after `ord` read only the action's own fields.
    ...ACTION_COLUMNS.slice(1).map((column) => ({
      ...column,
      value: (c: ActionCursor) => column.value(c.action as Numbered<NewAction>),
    })),
  ];
  function* rows(): Generator<ActionCursor> {
    const cursor = { actionId: 0, action: undefined } as unknown as ActionCursor;
    for (const [index, action] of actions.entries()) {
      cursor.actionId = ids[index] as number;
      cursor.action = action;
      yield cursor;
    }
  }
  if (!(await copyRows(db, 'dunning_actions', rows(), columns)))
    throw new Error('COPY was available and is no longer');
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
