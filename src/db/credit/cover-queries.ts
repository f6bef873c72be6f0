/**
 * Insurer covers, versioned by row: the latest row of a customer is its cover now; as of a date, its
 * latest row in effect by then (`coversAsOf`). Every reader of a cover on a date — the risk map, the
 * measures report, the risk panel, the order check's one statement (`coverAsOfSql`) and the policy
 * replay (`coverVersions`, the same rule applied day by day by the core's `coverOn`) — dates a
 * version by `IN_FORCE_FROM`, so they agree.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface CoverRow {
  coverId: number;
  customerCode: string;
  insurer: string;
  status: 'requested' | 'granted' | 'partial' | 'refused' | 'cancelled';
  requestedMinor: number | null;
  grantedMinor: number;
  currency: string;
  insuredShareBps: number;
  effectiveFrom: string | null;
  expiresOn: string | null;
  reference: string | null;
  createdBy: string;
  createdAt: Date;
}

export type NewCover = Omit<CoverRow, 'coverId' | 'createdBy' | 'createdAt'>;

/**
 * The day a version stands from: its effective date, or the day it was recorded when it has none (a
 * request, a refusal).
 */
const IN_FORCE_FROM = sql`coalesce(effective_from, (created_at at time zone 'UTC')::date)`;

const COLUMNS = sql`cover_id as "coverId", customer_code as "customerCode", insurer, status,
  requested_minor as "requestedMinor", granted_minor as "grantedMinor", currency,
  insured_share_bps as "insuredShareBps", effective_from as "effectiveFrom", expires_on as "expiresOn",
  reference, created_by as "createdBy", created_at as "createdAt"`;

/** `at`: when it is recorded, from the use case's clock (the database's now() without it). */
export async function insertCover(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  cover: NewCover,
  at?: Date,
): Promise<number> {
  const row = await db
    .insertInto('credit_insurer_covers')
    .values({
      company_id: companyId,
      customer_code: cover.customerCode,
      insurer: cover.insurer,
      status: cover.status,
      requested_minor: cover.requestedMinor,
      granted_minor: cover.grantedMinor,
      currency: cover.currency,
      insured_share_bps: cover.insuredShareBps,
      effective_from: cover.effectiveFrom,
      expires_on: cover.expiresOn,
      reference: cover.reference,
      created_by: actor,
      ...(at === undefined ? {} : { created_at: at }),
    })
    .returning('cover_id')
    .executeTakeFirstOrThrow();
  return row.cover_id;
}

/** The current cover of each customer (or of the given ones). */
export function currentCovers(
  db: Kysely<Database>,
  companyId: string,
  customerCodes?: readonly string[],
): Promise<Map<string, CoverRow>> {
  return latestCovers(db, companyId, sql``, customerCodes);
}

/** Each customer's latest cover version among those `condition` keeps. */
async function latestCovers(
  db: Kysely<Database>,
  companyId: string,
  condition: RawBuilder<unknown>,
  customerCodes?: readonly string[],
): Promise<Map<string, CoverRow>> {
  const only =
    customerCodes === undefined ? sql`` : sql`and customer_code = any (${[...customerCodes]}::text[])`;
  const result = await sql<CoverRow>`
    select distinct on (customer_code) ${COLUMNS} from credit_insurer_covers
     where company_id = ${companyId} ${only} ${condition}
     order by customer_code, cover_id desc`.execute(db);
  return new Map(result.rows.map((row) => [row.customerCode, row]));
}

/**
 * Each customer's cover as it stood at the date (of every customer, or of the given ones): its latest
 * version in effect by then — from its effective date, or from the day it was recorded when it has
 * none (a request, a refusal). Not the latest row whatever its dates: a renewal or a cancellation
 * recorded ahead of its date does not replace the cover in force before it. Not the recording date
 * alone either: a cover granted from 2025 and recorded later (a company starting with Encours, the
 * demo loaded after its reference date) was in force at a date before its recording. Whether the
 * version protects at the date (started, not expired, granted) is the core's `coverState`.
 */
export function coversAsOf(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  customerCodes?: readonly string[],
): Promise<Map<string, CoverRow>> {
  return latestCovers(db, companyId, sql`and ${IN_FORCE_FROM} <= ${asOf}::date`, customerCodes);
}

/**
 * One customer's cover as of the date by the rule of `coversAsOf`, as a sub-query of the order
 * check's one statement (check-facts.ts), which names the customer by a column of its own.
 */
export function coverAsOfSql(
  companyId: string,
  customerCode: RawBuilder<unknown>,
  asOf: string,
): RawBuilder<CoverRow> {
  return sql<CoverRow>`
    select ${COLUMNS} from credit_insurer_covers
     where company_id = ${companyId} and customer_code = ${customerCode}
       and ${IN_FORCE_FROM} <= ${asOf}::date
     order by cover_id desc limit 1`;
}

/** A recorded version of a customer's cover and the day it stands from. */
export interface CoverVersionRow extends CoverRow {
  inForceFrom: string;
}

/**
 * Every version of every customer's cover, in the order they were recorded, each with the day it
 * stands from: the policy replay picks the one in force on each day it replays (`coverOn`).
 */
export async function coverVersions(db: Kysely<Database>, companyId: string): Promise<CoverVersionRow[]> {
  const result = await sql<CoverVersionRow>`
    select ${COLUMNS}, ${IN_FORCE_FROM} as "inForceFrom" from credit_insurer_covers
     where company_id = ${companyId}
     order by customer_code, cover_id`.execute(db);
  return result.rows;
}

export async function coverHistory(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
): Promise<CoverRow[]> {
  const result = await sql<CoverRow>`
    select ${COLUMNS} from credit_insurer_covers
     where company_id = ${companyId} and customer_code = ${customerCode}
     order by cover_id desc`.execute(db);
  return result.rows;
}
