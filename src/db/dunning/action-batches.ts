/**
 * A run's slice of actions written set-based: the actions, their items and their letters in a
 * few statements per slice instead of a few round trips per action.
 */
import { type Kysely, sql } from 'kysely';
import { batches, type ColumnSpec, unnestSelect } from '../infra/bulk.ts';
import { serverClientOf } from '../infra/connect.ts';
import type { Database } from '../infra/schema.ts';
import type { NewAction, NewActionItem } from './action-queries.ts';
import { copyRows } from './run-copy.ts';

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
 * Whether rows can go by COPY: on a server, where the transaction's client is known. Rows copied
 * carry identities drawn from their table's sequence first (COPY returns none), in the order
 * given, as the inserts' `returning` gave them.
 */
async function copyAvailable(db: Kysely<Database>): Promise<boolean> {
  return (await serverClientOf(db)) !== undefined;
}

/** Identities drawn ahead for rows written by COPY, each list in the order of its rows. */
export interface DrawnIds {
  letters: number[];
  actions: number[];
}

/**
 * The identities of a slice's letters and actions drawn in one statement (a round trip per slice
 * instead of one per table: 101 draws took 3.0 s of the run's connection at 1,000,000 open items),
 * or null without COPY (the embedded engine: the inserts' `returning` gives them). Each list is
 * drawn from its table's own sequence, one value after the other, so sorted it follows the rows.
 */
export async function drawRunIds(
  db: Kysely<Database>,
  counts: { letters: number; actions: number },
): Promise<DrawnIds | null> {
  if (!(await copyAvailable(db))) return null;
  if (counts.letters === 0 && counts.actions === 0) return { letters: [], actions: [] };
  // The sequences looked up once (by row, pg_get_serial_sequence's catalogue lookups cost more than
  // the draws). An int8[] comes back as text: the driver's int8 parser does not reach its elements.
  const result = await sql<{ letters: string[]; actions: string[] }>`
    with seq as materialized (
      select pg_get_serial_sequence('dunning_letters', 'letter_id')::regclass as letters,
        pg_get_serial_sequence('dunning_actions', 'action_id')::regclass as actions
    )
    select
      array(select nextval(seq.letters) from seq, generate_series(1, ${counts.letters}::int4)) as letters,
      array(select nextval(seq.actions) from seq, generate_series(1, ${counts.actions}::int4)) as actions`.execute(
    db,
  );
  const row = result.rows[0];
  return {
    letters: inOrder((row?.letters ?? []).map(Number)),
    actions: inOrder((row?.actions ?? []).map(Number)),
  };
}

/** The drawn ids of `count` rows, or a fresh draw when none were given for them. */
async function idsFor(
  db: Kysely<Database>,
  table: 'letters' | 'actions',
  count: number,
  drawn: readonly number[] | undefined,
): Promise<number[]> {
  if (drawn !== undefined) {
    if (drawn.length !== count) throw new Error(`${drawn.length} ids drawn for ${count} ${table}`);
    return [...drawn];
  }
  const fresh = await drawRunIds(
    db,
    table === 'letters' ? { letters: count, actions: 0 } : { letters: 0, actions: count },
  );
  if (!fresh) throw new Error('COPY was available and is no longer');
  return fresh[table];
}

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
  const items = actions.flatMap((action, index) =>
    action.items.map((item) => ({ ...item, actionId: ids[index] as number, companyId })),
  );
  if (!copied || !(await copyRows(db, 'dunning_action_items', items, COPIED_ITEM_COLUMNS))) {
    const itemNames = ITEM_COLUMNS.map((column) => sql.ref(column.name));
    for (const batch of batches(items, 5_000))
      await sql`
        insert into dunning_action_items (company_id, ${sql.join(itemNames)})
        select ${companyId}, ${sql.join(itemNames)} from (${unnestSelect(batch, ITEM_COLUMNS)}) staged`.execute(
        db,
      );
  }
  return ids;
}

const COPIED_ITEM_COLUMNS: ColumnSpec<NewActionItem & { actionId: number; companyId: string }>[] = [
  { name: 'company_id', type: 'text', value: (i) => i.companyId },
  ...ITEM_COLUMNS,
];

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

type CopiedAction = Numbered<NewAction> & { actionId: number; companyId: string; actor: string };

const COPIED_ACTION_COLUMNS: ColumnSpec<CopiedAction>[] = [
  { name: 'company_id', type: 'text', value: (a) => a.companyId },
  { name: 'action_id', type: 'int8', value: (a) => a.actionId },
  { name: 'created_by', type: 'text', value: (a) => a.actor },
  ...ACTION_COLUMNS.slice(1),
];

async function copyActions(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  actions: readonly NewAction[],
  drawn: readonly number[] | undefined,
): Promise<number[]> {
  const ids = await idsFor(db, 'actions', actions.length, drawn);
  const rows = actions.map((action, ord) => ({
    ...action,
    ord,
    actionId: ids[ord] as number,
    companyId,
    actor,
  }));
  if (!(await copyRows(db, 'dunning_actions', rows, COPIED_ACTION_COLUMNS)))
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

/**
 * Many letters stored as PDF jobs; ids in the order given. On a server by COPY, each job a line
 * of JSON text read as `jsonb` (ids drawn ahead). On the embedded engine in one statement per
 * batch: the jobs travel as one JSON array rather than an array of JSON texts, whose every quote
 * the driver would escape and the server unescape again (a run stores hundreds of megabytes of
 * them); the array is taken as `json` (checked, not converted) and each element converted to
 * `jsonb` on its own: converting the whole array of 2,000 letters (8 MB) to one `jsonb` and
 * taking it apart again took two to three times as long. `drawn`: as for `insertActions`.
 */
export async function insertDeferredLetters(
  db: Kysely<Database>,
  companyId: string,
  letters: readonly { filename: string; renderJob: unknown }[],
  drawn?: readonly number[],
): Promise<number[]> {
  if (letters.length === 0) return [];
  if (await copyAvailable(db)) {
    const ids = await idsFor(db, 'letters', letters.length, drawn);
    const rows = letters.map((letter, index) => ({ ...letter, id: ids[index] as number, companyId }));
    if (!(await copyRows(db, 'dunning_letters', rows, LETTER_COLUMNS)))
      throw new Error('COPY was available and is no longer');
    return ids;
  }
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

const LETTER_COLUMNS: ColumnSpec<{ companyId: string; id: number; filename: string; renderJob: unknown }>[] =
  [
    { name: 'company_id', type: 'text', value: (l) => l.companyId },
    { name: 'letter_id', type: 'int8', value: (l) => l.id },
    { name: 'filename', type: 'text', value: (l) => l.filename },
    { name: 'render_job', type: 'jsonb', value: (l) => l.renderJob ?? null },
  ];
