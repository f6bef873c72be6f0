/**
 * What a policy replay reads, set-based and read-only: the company's ledger up to the end of the
 * period (documents with every allocation and the kind of document on its other side), orders and
 * the credit checks recorded for them, customers with their limits, covers and score history,
 * disputes, promises and the dunning steps sent. Nothing here writes.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface SnapshotCustomerRow {
  code: string;
  customerType: string;
  status: string;
  currency: string;
  groupCode: string | null;
  creditLimitMinor: number | null;
  pausedUntil: string | null;
  interestClause: string;
  interestRateBps: number | null;
}

export async function selectReplayCustomers(
  db: Kysely<Database>,
  companyId: string,
): Promise<SnapshotCustomerRow[]> {
  const result = await sql<SnapshotCustomerRow>`
    select c.code, c.customer_type as "customerType", c.status, c.currency, c.group_code as "groupCode",
      c.credit_limit_minor as "creditLimitMinor", t.paused_until as "pausedUntil",
      coalesce(t.interest_clause, 'legal') as "interestClause", t.interest_rate_bps as "interestRateBps"
    from customers c
    left join dunning_customer_terms t on t.company_id = c.company_id and t.customer_code = c.code
    where c.company_id = ${companyId} order by c.code`.execute(db);
  return result.rows;
}

export interface TemporaryLimitRow {
  customerCode: string;
  amountMinor: number;
  currency: string;
  validFrom: string;
  expiresOn: string | null;
}

export async function selectTemporaryLimits(
  db: Kysely<Database>,
  companyId: string,
): Promise<TemporaryLimitRow[]> {
  const result = await sql<TemporaryLimitRow>`
    select customer_code as "customerCode", amount_minor as "amountMinor", currency,
      valid_from as "validFrom", expires_on as "expiresOn"
    from credit_limit_history
    where company_id = ${companyId} and kind = 'temporary' and amount_minor is not null
    order by customer_code, valid_from, entry_id`.execute(db);
  return result.rows;
}

export interface ScoreHistoryRow {
  customerCode: string;
  asOf: string;
  riskClass: string | null;
  score: number | null;
}

export async function selectScoreHistory(
  db: Kysely<Database>,
  companyId: string,
): Promise<ScoreHistoryRow[]> {
  const result = await sql<ScoreHistoryRow>`
    select customer_code as "customerCode", as_of as "asOf", risk_class as "riskClass", score::float8 as score
    from credit_scores
    where company_id = ${companyId} and status = 'scored'
    order by customer_code, as_of, score_id`.execute(db);
  return result.rows;
}

export interface ScoringInputsRow {
  customerCode: string;
  asOf: string;
  /** The inputs the score was computed from (its explanation); null when it kept none. */
  inputs: Record<string, unknown> | null;
}

/**
 * The inputs every score was computed from, whatever its status, from each customer's latest
 * score before the period (the class it starts with) to the end — what a proposed method re-scores.
 */
export async function selectScoringInputs(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<ScoringInputsRow[]> {
  const result = await sql<ScoringInputsRow>`
    with start as (
      select customer_code, max(as_of) filter (where status = 'scored') as scored_from, max(as_of) as any_from
        from credit_scores where company_id = ${companyId} and as_of < ${from}::date
       group by customer_code
    )
    select s.customer_code as "customerCode", s.as_of as "asOf", s.explanation->'inputs' as inputs
      from credit_scores s
      left join start t on t.customer_code = s.customer_code
     where s.company_id = ${companyId} and s.as_of <= ${to}::date
       and s.as_of >= coalesce(t.scored_from, t.any_from, ${from}::date)
     order by s.customer_code, s.as_of, s.score_id`.execute(db);
  return result.rows;
}

export interface SnapshotDocumentRow {
  documentId: number;
  ref: string;
  customerCode: string;
  kind: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  currency: string;
}

export async function selectReplayDocuments(
  db: Kysely<Database>,
  companyId: string,
  to: string,
): Promise<SnapshotDocumentRow[]> {
  const result = await sql<SnapshotDocumentRow>`
    select document_id as "documentId", external_ref as ref, customer_code as "customerCode", kind,
      issue_date as "issueDate", due_date as "dueDate", amount_minor as "amountMinor", currency
    from documents
    where company_id = ${companyId} and issue_date <= ${to}::date
    order by customer_code, issue_date, document_id`.execute(db);
  return result.rows;
}

export interface SnapshotAllocationRow {
  debitId: number;
  creditId: number;
  date: string;
  amountMinor: number;
  debitKind: string;
  creditKind: string;
}

/** Allocations dated up to the end, reversals included (negative), with the kinds of both sides. */
export async function selectReplayAllocations(
  db: Kysely<Database>,
  companyId: string,
  to: string,
): Promise<SnapshotAllocationRow[]> {
  const result = await sql<SnapshotAllocationRow>`
    select a.debit_document_id as "debitId", a.credit_document_id as "creditId",
      a.allocation_date as date, a.amount_minor as "amountMinor", dd.kind as "debitKind", cd.kind as "creditKind"
    from allocations a
    join documents dd on dd.company_id = a.company_id and dd.document_id = a.debit_document_id
    join documents cd on cd.company_id = a.company_id and cd.document_id = a.credit_document_id
    where a.company_id = ${companyId} and a.allocation_date <= ${to}::date
    order by a.allocation_date, a.allocation_id`.execute(db);
  return result.rows;
}

export interface SnapshotOrderRow {
  ref: string;
  customerCode: string;
  orderDate: string;
  amountMinor: number;
  currency: string;
  status: string;
  payment: string | null;
  decision: string | null;
  reasons: { code: string }[] | null;
  checkedOn: string | null;
}

/**
 * Orders of the ledger and orders known only to the credit check, with the check recorded for
 * each (its day is the as-of date it was judged on).
 */
export async function selectReplayOrders(
  db: Kysely<Database>,
  companyId: string,
  to: string,
): Promise<SnapshotOrderRow[]> {
  const result = await sql<SnapshotOrderRow>`
    select coalesce(o.order_number, k.order_ref) as ref, coalesce(o.customer_code, k.customer_code) as "customerCode",
      coalesce(o.order_date, (k.figures->>'asOf')::date) as "orderDate",
      coalesce(o.amount_minor, k.amount_minor) as "amountMinor", coalesce(o.currency, k.currency) as currency,
      coalesce(o.status, 'checked') as status, k.payment, k.decision, k.reasons,
      (k.figures->>'asOf')::date as "checkedOn"
    from (select * from orders where company_id = ${companyId}) o
    full join (select * from credit_order_decisions where company_id = ${companyId}) k
      on k.order_ref = o.order_number
    where coalesce(o.order_date, (k.figures->>'asOf')::date) <= ${to}::date
    order by 1`.execute(db);
  return result.rows;
}

export interface SnapshotDisputeRow {
  documentId: number;
  from: string;
  until: string | null;
}

/** Disputes as periods; an imported 'dispute' event counts (open) unless a dispute record exists. */
export async function selectReplayDisputes(
  db: Kysely<Database>,
  companyId: string,
): Promise<SnapshotDisputeRow[]> {
  const result = await sql<SnapshotDisputeRow>`
    select x.document_id as "documentId", x.opened_on as from,
      case when x.status = 'resolved' then x.resolved_on - 1 end as until
    from dunning_disputes x where x.company_id = ${companyId}
    union all
    select d.document_id, min(e.event_date), null
    from customer_events e
    join documents d on d.company_id = e.company_id and d.customer_code = e.customer_code
      and d.external_ref = e.document_ref and d.kind = 'invoice'
    where e.company_id = ${companyId} and e.kind = 'dispute'
      and not exists (select 1 from dunning_disputes x where x.company_id = d.company_id and x.document_id = d.document_id)
    group by d.document_id
    order by 1, 2`.execute(db);
  return result.rows;
}

export interface SnapshotPromiseRow {
  customerCode: string;
  madeOn: string;
  lastDueOn: string;
  totalMinor: number;
  documentIds: number[];
}

export async function selectReplayPromises(
  db: Kysely<Database>,
  companyId: string,
): Promise<SnapshotPromiseRow[]> {
  const result = await sql<SnapshotPromiseRow>`
    select p.customer_code as "customerCode", p.made_on as "madeOn",
      (select max(i.due_date) from dunning_promise_instalments i
        where i.company_id = p.company_id and i.promise_id = p.promise_id) as "lastDueOn",
      (select coalesce(sum(i.amount_minor), 0)::int8 from dunning_promise_instalments i
        where i.company_id = p.company_id and i.promise_id = p.promise_id) as "totalMinor",
      coalesce((select array_agg(v.document_id::int8 order by v.document_id) from dunning_promise_invoices v
        where v.company_id = p.company_id and v.promise_id = p.promise_id), '{}') as "documentIds"
    from dunning_promises p where p.company_id = ${companyId}
    order by p.made_on, p.promise_id`.execute(db);
  return result.rows;
}

export interface SentStepRow {
  documentId: number;
  customerCode: string;
  date: string;
  level: number;
  stepCode: string;
  stepKind: string;
  /** Done by hand and recorded, not by a run. */
  manual: boolean;
}

/** Every dunning step sent up to the end (the log is append-only; cancelled actions do not count). */
export async function selectSentSteps(
  db: Kysely<Database>,
  companyId: string,
  to: string,
): Promise<SentStepRow[]> {
  const result = await sql<SentStepRow>`
    select i.document_id as "documentId", a.customer_code as "customerCode", a.action_date as date,
      i.level, i.step_code as "stepCode", i.step_kind as "stepKind", a.origin = 'manual' as manual
    from dunning_action_items i
    join dunning_actions a on a.company_id = i.company_id and a.action_id = i.action_id
    where i.company_id = ${companyId} and a.status = 'sent' and a.action_date <= ${to}::date
    order by a.action_date, a.action_id, i.document_id`.execute(db);
  return result.rows;
}

export interface DunningRunRow {
  day: string;
  /** The customers the run was limited to; null: the whole portfolio (every run before 0076). */
  customerCodes: string[] | null;
}

/** The dunning runs carried out up to the end, by day (a run exists only once carried out). */
export async function selectDunningRuns(
  db: Kysely<Database>,
  companyId: string,
  to: string,
): Promise<DunningRunRow[]> {
  const result = await sql<DunningRunRow>`
    select as_of as day, customer_codes as "customerCodes" from dunning_runs
    where company_id = ${companyId} and as_of <= ${to}::date order by as_of, run_id`.execute(db);
  return result.rows;
}

/** Row counts of the tables a replay must never change (checked by a test). */
export async function ledgerFingerprint(
  db: Kysely<Database>,
  companyId: string,
): Promise<Record<string, number>> {
  const result = await sql<Record<string, number>>`
    select (select count(*) from documents where company_id = ${companyId})::int8 as documents,
      (select count(*) from allocations where company_id = ${companyId})::int8 as allocations,
      (select count(*) from orders where company_id = ${companyId})::int8 as orders,
      (select count(*) from credit_order_decisions where company_id = ${companyId})::int8 as "orderDecisions",
      (select count(*) from dunning_actions where company_id = ${companyId})::int8 as "dunningActions",
      (select count(*) from customer_events where company_id = ${companyId})::int8 as events,
      (select count(*) from mail_outbox where company_id = ${companyId})::int8 as outbox`.execute(db);
  return result.rows[0] ?? {};
}
