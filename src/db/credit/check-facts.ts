/**
 * Everything the order check reads about one customer, in one statement: its row, its open items
 * as of the date, its orders not yet invoiced, its limit records and its group's, its cover in force
 * on the date (`coverAsOfSql`: a cancellation recorded ahead of its date does not lapse it yet) and
 * its latest score, plus the company's reference date and a stamp of the credit configuration, by
 * which the caller tells whether the date it guessed and the configuration it cached still hold.
 *
 * The sub-reads are the fragments of the separate queries (exposure-queries, open-items), so the
 * figures are the same by construction; one round trip and one plan instead of ten is what makes
 * the check fast. Not for a locking read: a statement sees the snapshot taken before it waited for
 * a lock, so the caller locks the customer's row first and reads the facts after.
 */
import { type Kysely, sql } from 'kysely';
import { preparedQuery } from '../infra/prepared.ts';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import { type CoverRow, coverAsOfSql } from './cover-queries.ts';
import {
  type CheckedCustomerRow,
  type LimitRecordRow,
  limitRecordsSql,
  type OpenItemLine,
  type UninvoicedOrderLine,
  uninvoicedOrdersSql,
} from './exposure-queries.ts';

/** The latest score, without its explanation (the check needs the class and the figure only). */
export interface CheckScore {
  scoreId: number;
  score: number | null;
  riskClass: string | null;
  methodVersion: string;
}

export interface CheckFacts {
  customer: CheckedCustomerRow;
  /** Some customer names this one as its group. */
  headsGroup: boolean;
  referenceDate: string | null;
  /** Changes whenever a configuration version is added (versions are never edited). */
  configStamp: string;
  items: OpenItemLine[];
  orders: UninvoicedOrderLine[];
  limits: LimitRecordRow[];
  cover: CoverRow | null;
  score: CheckScore | null;
}

export interface FactsRow extends CheckedCustomerRow {
  /** The position of the code in a batch, from 1 (0 for one code). */
  slot: number;
  headsGroup: boolean;
  referenceDate: string | null;
  configStamp: string;
  /** Null when the date has later allocations: the exact statement is to be read instead. */
  items: OpenItemLine[] | null;
  orders: UninvoicedOrderLine[];
  limits: LimitRecordRow[];
  cover: (Omit<CoverRow, 'createdAt'> & { createdAt: string }) | null;
  score: CheckScore | null;
}

/** The customers read: one code, or a batch of them (check-facts-batch.ts), each row with its slot. */
export type FactsSource = { code: string } | { codes: unknown };

function customersRead(companyId: string, source: FactsSource) {
  return 'code' in source
    ? sql`0::int8 as slot from customers chk where chk.company_id = ${companyId} and chk.code = ${source.code}`
    : sql`q.slot from unnest(${source.codes}::text[]) with ordinality as q(code, slot)
        join customers chk on chk.company_id = ${companyId} and chk.code = q.code`;
}

/**
 * No allocation dated after the date (none on an open item, no document settled after it): the
 * open items at the date are then the current ones issued by then, at their current amounts —
 * what `openItemsAsOf` reads, by its four branches, through every document of the customer. The
 * latest dates, not `not exists`: a prepared statement's generic plan guesses that many rows
 * match and scans the table for the first, whereas a max reads the end of an index (migration
 * 0030's, settled_documents_settled_on) whatever the guess.
 */
function nothingAllocatedAfter(companyId: string, asOf: string) {
  const d = sql`${asOf}::date`;
  return sql`(coalesce((select max(l.last_allocation_date) from open_items l
      where l.company_id = ${companyId} and l.last_allocation_date is not null), ${d}) <= ${d}
    and coalesce((select max(l.settled_on) from settled_documents l where l.company_id = ${companyId}), ${d})
      <= ${d})`;
}

/**
 * The customer's open items at the date as JSON lines. The exact read as of the date took most
 * of the database's time per check; as of today (no later allocation, the usual case) the same
 * lines are the customer's current open items, read from migration 0049's index by customer alone
 * (it carries the columns read: an index-only scan, not a row fetched per item).
 * The condition is evaluated in the statement's snapshot; when it fails the usual statement
 * answers null and the caller sends the exact one (`exact`): a branch in the same statement,
 * even untaken, cost the database 80–100 µs on every statement to set up its plan.
 */
function openItemsRead(companyId: string, asOf: string, exact: boolean) {
  const line = sql`json_build_object('dueDate', i.due_date, 'openMinor', i.open_minor::int8)`;
  if (exact)
    return sql`to_json(array(select ${line}
      from (${openItemsAsOf({ companyId, asOf, customerCode: sql.ref('chk.code') })}) i))`;
  return sql`case when ${nothingAllocatedAfter(companyId, asOf)}
      then to_json(array(select ${line} from open_items i
             where i.company_id = ${companyId} and (i.customer_code collate "C") = chk.code
               and i.issue_date <= ${asOf}::date and i.open_minor <> 0))
    end`;
}

/**
 * `exact`: the open items by the as-of rule whatever the later allocations (see openItemsRead).
 * The lists are `to_json(array(select …))` rather than `json_agg`: the same JSON once parsed, and
 * an array sub-query needs no aggregate node, which the database sets up anew on every statement.
 */
export function factsQuery(companyId: string, source: FactsSource, asOf: string, exact = false) {
  const ref = sql.ref('chk.code');
  const codes = sql`any (array[chk.code, chk.group_code])`;
  return sql<FactsRow>`
    select chk.code, chk.name, chk.status, chk.customer_type as "customerType", chk.currency,
           chk.group_code as "groupCode", chk.salesperson,
           chk.credit_limit_minor as "creditLimitMinor", chk.billing_email as "billingEmail", chk.language,
           exists (select 1 from documents d where d.company_id = chk.company_id and d.customer_code = chk.code
                     and d.kind = 'invoice') as "hasInvoices",
           exists (select 1 from customers g where g.company_id = chk.company_id and g.group_code = chk.code)
             as "headsGroup",
           (select reference_date from companies where company_id = chk.company_id) as "referenceDate",
           (select count(*) || ':' || coalesce(max(created_at)::text, '') from credit_configurations
             where company_id = chk.company_id) as "configStamp",
           ${openItemsRead(companyId, asOf, exact)} as items,
           to_json(array(select row_to_json(u) from (${uninvoicedOrdersSql(companyId, ref)}) u)) as orders,
           to_json(array(select row_to_json(l) from (${limitRecordsSql(companyId, codes, asOf)}) l)) as limits,
           (select row_to_json(v) from (${coverAsOfSql(companyId, ref, asOf)}) v) as cover,
           (select row_to_json(s) from (
              select score_id as "scoreId", score::float8 as score, risk_class as "riskClass",
                     method_version as "methodVersion"
                from credit_scores
               where company_id = chk.company_id and customer_code = chk.code
               order by score_id desc limit 1) s) as score,
           ${customersRead(companyId, source)}`;
}

const runFacts = preparedQuery(
  { companyId: '\u0001company', code: '\u0001code', asOf: '\u0001asOf' },
  (db, { companyId, code, asOf }) => factsQuery(companyId, { code }, asOf).compile(db),
);

const runExactFacts = preparedQuery(
  { companyId: '\u0001company', code: '\u0001code', asOf: '\u0001asOf' },
  (db, { companyId, code, asOf }) => factsQuery(companyId, { code }, asOf, true).compile(db),
);

export async function selectCheckFacts(
  db: Kysely<Database>,
  companyId: string,
  code: string,
  asOf: string,
): Promise<CheckFacts | undefined> {
  const result = await runFacts(db, { companyId, code, asOf });
  const row = result.rows[0];
  if (row && row.items === null) return selectExactCheckFacts(db, companyId, code, asOf);
  return row && factsOf(row);
}

/**
 * The facts read by the exact as-of rule, in a statement of their own (its own snapshot: every
 * fact of the check is read again in it, so they still hold together).
 */
export async function selectExactCheckFacts(
  db: Kysely<Database>,
  companyId: string,
  code: string,
  asOf: string,
): Promise<CheckFacts | undefined> {
  const result = await runExactFacts(db, { companyId, code, asOf });
  const row = result.rows[0];
  return row && factsOf(row);
}

/** A row of the usual statement whose items were read (not null), or of the exact one. */
export function factsOf(row: FactsRow): CheckFacts {
  const {
    slot: _slot,
    headsGroup,
    referenceDate,
    configStamp,
    items,
    orders,
    limits,
    cover,
    score,
    ...customer
  } = row;
  if (items === null) throw new Error('check facts: the open items are to be read by the exact statement');
  return {
    customer,
    headsGroup,
    referenceDate,
    configStamp,
    items,
    orders,
    limits,
    cover: cover && { ...cover, createdAt: new Date(cover.createdAt) },
    score,
  };
}
