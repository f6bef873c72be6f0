/**
 * What became of the registered letters dunning sent (migration 0075): the rows recorded for a
 * letter, each its whole state after a recording (La Poste's number, deposit, outcome), never
 * edited. A letter's state is its newest row; a number is held by the letter whose newest row
 * names it.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** A registered letter as the recordings need it: a dunning action of the registered channel. */
export interface RegisteredLetterAction {
  actionId: number;
  runId: number | null;
  origin: string;
  status: string;
  channel: string;
  stepKind: string;
  actionDate: string;
  customerCode: string;
}

/** One recording: the letter's state after it. */
export interface TrackingEntry {
  entryId: number;
  actionId: number;
  trackingNumber: string;
  depositedOn: string;
  outcome: string | null;
  outcomeOn: string | null;
  recordedBy: string;
  recordedAt: Date;
}

/** A letter's state and how many recordings made it (more than one: it was completed or corrected). */
export type TrackingState = TrackingEntry & { entries: number };

const ENTRY_COLUMNS = sql`t.entry_id::int8 as "entryId", t.action_id::int8 as "actionId",
  t.tracking_number as "trackingNumber", t.deposited_on as "depositedOn", t.outcome,
  t.outcome_on as "outcomeOn", t.recorded_by as "recordedBy", t.recorded_at as "recordedAt"`;

/**
 * Recordings of one company take turns: the number a letter holds is read, then written, and two
 * letters must not be given the same number by two people at once. Not the run's lock: a run may
 * hold that one for minutes.
 */
export async function lockRegisteredTracking(db: Kysely<Database>, companyId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`dunning-registered:${companyId}`}))`.execute(db);
}

export async function selectRegisteredLetterAction(
  db: Kysely<Database>,
  companyId: string,
  actionId: number,
): Promise<RegisteredLetterAction | undefined> {
  const { rows } = await sql<RegisteredLetterAction>`
    select a.action_id::int8 as "actionId", a.run_id::int8 as "runId", a.origin, a.status, a.channel,
      a.step_kind as "stepKind", a.action_date as "actionDate", a.customer_code as "customerCode"
    from dunning_actions a
    where a.company_id = ${companyId} and a.action_id = ${actionId}`.execute(db);
  return rows[0];
}

/** The letter's newest recording, or undefined when none was made. */
export async function selectLatestTracking(
  db: Kysely<Database>,
  companyId: string,
  actionId: number,
): Promise<TrackingEntry | undefined> {
  const { rows } = await sql<TrackingEntry>`
    select ${ENTRY_COLUMNS} from dunning_registered_tracking t
    where t.company_id = ${companyId} and t.action_id = ${actionId}
    order by t.entry_id desc limit 1`.execute(db);
  return rows[0];
}

/** Every recording of a letter, oldest first: its history. */
export async function selectTrackingHistory(
  db: Kysely<Database>,
  companyId: string,
  actionId: number,
): Promise<TrackingEntry[]> {
  const { rows } = await sql<TrackingEntry>`
    select ${ENTRY_COLUMNS} from dunning_registered_tracking t
    where t.company_id = ${companyId} and t.action_id = ${actionId}
    order by t.entry_id`.execute(db);
  return rows;
}

/** Another letter whose state names this number (the newest row of its letter), if any. */
export async function selectNumberHolder(
  db: Kysely<Database>,
  companyId: string,
  trackingNumber: string,
  exceptActionId: number,
): Promise<{ actionId: number; customerCode: string; actionDate: string } | undefined> {
  const { rows } = await sql<{ actionId: number; customerCode: string; actionDate: string }>`
    select t.action_id::int8 as "actionId", a.customer_code as "customerCode", a.action_date as "actionDate"
    from dunning_registered_tracking t
    join dunning_actions a on a.company_id = t.company_id and a.action_id = t.action_id
    where t.company_id = ${companyId} and t.tracking_number = ${trackingNumber}
      and t.action_id <> ${exceptActionId}
      and not exists (select 1 from dunning_registered_tracking n
        where n.company_id = t.company_id and n.follows_entry_id = t.entry_id)
    limit 1`.execute(db);
  return rows[0];
}

/** Appends a recording after `followsEntryId` (null: the letter's first); returns its id. */
export async function insertTrackingEntry(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  entry: {
    actionId: number;
    followsEntryId: number | null;
    trackingNumber: string;
    depositedOn: string;
    outcome: string | null;
    outcomeOn: string | null;
  },
): Promise<number> {
  const { rows } = await sql<{ entryId: number }>`
    insert into dunning_registered_tracking (company_id, action_id, follows_entry_id, tracking_number,
      deposited_on, outcome, outcome_on, recorded_by)
    values (${companyId}, ${entry.actionId}, ${entry.followsEntryId}, ${entry.trackingNumber},
      ${entry.depositedOn}::date, ${entry.outcome}, ${entry.outcomeOn}::date, ${actor})
    returning entry_id::int8 as "entryId"`.execute(db);
  return (rows[0] as { entryId: number }).entryId;
}

/** The state of each of a run's letters that has one, by action. */
export async function selectRunTracking(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
): Promise<Map<number, TrackingState>> {
  const { rows } = await sql<TrackingState>`
    select ${ENTRY_COLUMNS}, counted.entries::int as entries
    from dunning_actions a
    join lateral (select count(*) as entries from dunning_registered_tracking c
      where c.company_id = a.company_id and c.action_id = a.action_id) counted on counted.entries > 0
    join lateral (select * from dunning_registered_tracking l
      where l.company_id = a.company_id and l.action_id = a.action_id
      order by l.entry_id desc limit 1) t on true
    where a.company_id = ${companyId} and a.run_id = ${runId} and a.channel = 'registered_letter'`.execute(
    db,
  );
  return new Map(rows.map((row) => [row.actionId, row]));
}

/**
 * The newest formal notice sent by registered letter, on or before `asOf`, to any of these
 * invoices, with its recorded state: the notice a legal file's checklist names. Undefined when no
 * such notice has a number recorded; the outcome only once it happened by `asOf`.
 */
export async function selectFormalNoticeTracking(
  db: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
  asOf: string,
): Promise<Pick<TrackingEntry, 'trackingNumber' | 'depositedOn' | 'outcome' | 'outcomeOn'> | undefined> {
  if (documentIds.length === 0) return undefined;
  const { rows } = await sql<Pick<TrackingEntry, 'trackingNumber' | 'depositedOn' | 'outcome' | 'outcomeOn'>>`
    select t.tracking_number as "trackingNumber", t.deposited_on as "depositedOn",
      case when t.outcome_on <= ${asOf}::date then t.outcome end as outcome,
      case when t.outcome_on <= ${asOf}::date then t.outcome_on end as "outcomeOn"
    from (select a.company_id, a.action_id from dunning_actions a
      where a.company_id = ${companyId} and a.status = 'sent' and a.step_kind = 'formal_notice'
        and a.channel = 'registered_letter' and a.action_date <= ${asOf}::date
        and exists (select 1 from dunning_action_items i
          where i.company_id = a.company_id and i.action_id = a.action_id
            and i.document_id = any (${[...documentIds]}::int8[]))
      order by a.action_date desc, a.action_id desc limit 1) notice
    join lateral (select * from dunning_registered_tracking l
      where l.company_id = notice.company_id and l.action_id = notice.action_id
      order by l.entry_id desc limit 1) t on true`.execute(db);
  return rows[0];
}
