/**
 * What a dunning run reads, set-based for every customer at once: the invoices open at the date
 * with their dunning state (derived from the log of sent actions), disputes, promises and the
 * payments that reduced them; the customers concerned; their unallocated credits.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import { disputedInvoiceIds } from './disputed-invoices.ts';

export interface DunningInvoiceRow {
  documentId: number;
  documentRef: string;
  customerCode: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  openMinor: number;
  currency: string;
  level: number;
  lastStepDate: string | null;
  formalNoticeDate: string | null;
  /**
   * The highest level among the invoice's e-mails whose message failed for good, and the latest
   * such e-mail's date (null: none). The outbox's status now, not at `asOf`: what Encours knows.
   * Optional for the rows made outside this read (a template's sample, tests): none there.
   */
  undeliveredLevel?: number | null;
  undeliveredDate?: string | null;
  disputed: boolean;
  promiseDate: string | null;
  promiseAmountMinor: number | null;
  /** The invoice's own pause in force at the date (the one lasting longest), with its reason. */
  pausedUntil: string | null;
  pauseReason: string | null;
  pauseId: number | null;
  /** Handed over to a lawyer or an agency (a legal file dated on or before the run, not withdrawn). */
  handedOver: boolean;
  settlements: { date: string; amountMinor: number }[];
}

/**
 * A range of customer codes in byte order, `after` (exclusive, null: from the first) to `through`
 * (inclusive): a slice of a run, read through the open items' index by customer (migration 0033)
 * instead of a scan of every open item of the company.
 */
export interface CustomerCodeRange {
  after: string | null;
  through: string;
}

/**
 * The customers a read keeps: the codes given, within the range given (both optional). With a
 * range, the range reaches the open items' index by customer and the codes are a filter on what
 * it finds (a slice's thousands of codes as index keys were slower than the range); without one,
 * the codes are compared in byte order (equality is the same in every deterministic collation)
 * so that they reach the index themselves (one customer's manual reminder).
 */
function customerFilter(customerCodes: readonly string[] | undefined, range: CustomerCodeRange | undefined) {
  const code = sql`(o.customer_code collate "C")`;
  const parts = [];
  if (customerCodes)
    parts.push(
      range
        ? sql`and o.customer_code = any (${[...customerCodes]}::text[])`
        : sql`and ${code} = any (${[...customerCodes]}::text[])`,
    );
  if (range && range.after !== null) parts.push(sql`and ${code} > (${range.after}::text collate "C")`);
  if (range) parts.push(sql`and ${code} <= (${range.through}::text collate "C")`);
  return sql.join(parts, sql` `);
}

/**
 * A slice's invoices in the documents index by customer (0046, ordered like the slices): with a
 * range and no list of codes (a whole run's slice), one index-only range scan, joined to the open
 * items by hash, instead of one primary-key lookup per invoice into the ledger's rows (scattered
 * in import order: half of a slice's read at 1,000,000 open items). The codes are the open
 * items' (a document and its open item share them). With a list of codes (chosen customers, whose
 * range may span the company), each invoice is still looked up by its key.
 */
function invoicesInRange(customerCodes: readonly string[] | undefined, range: CustomerCodeRange | undefined) {
  if (!range || customerCodes) return sql``;
  const code = sql`(d.customer_code collate "C")`;
  const after = range.after === null ? sql`` : sql`and ${code} > (${range.after}::text collate "C")`;
  return sql`${after} and ${code} <= (${range.through}::text collate "C")`;
}

/** A row of the state read: an open invoice, or (with credits) one of the customers' open credits. */
type StateRow = DunningInvoiceRow & { rowKind: 'invoice' | 'credit' };

/**
 * Open invoices at `asOf`, and with `withCredits` the customers' unallocated credits in the same
 * statement (rows of kind 'credit', one per document: its id, reference, issue date, customer,
 * currency, and what is open of it, positive, in `openMinor`). One row per credit rather than a
 * sum per customer, so that a run's review lists the credits an action deducts from the very read
 * that deducted them (a credit is one more row of the documents probe it already made). The open items
 * are read once for both: a slice read its customers' open items a second time for the credits,
 * and the planner, expecting a few thousand rows, joined them to every document of the company
 * (a scan of the documents per slice). Each credit's currency and reference are a primary-key probe.
 * The state counts only actions sent on or before the date, so replaying a past date sees what
 * was known then. An invoice named by a 'dispute' event of the customer's story (imported history)
 * is disputed unless a dispute record for it says otherwise.
 */
async function selectState(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  customerCodes: readonly string[] | undefined,
  range: CustomerCodeRange | undefined,
  withCredits: boolean,
): Promise<StateRow[]> {
  const only = customerFilter(customerCodes, range);
  const credits = withCredits
    ? sql`union all
    select c.document_id, c.external_ref, c.customer_code, c.issue_date, null, null, c.amount_minor,
      c.currency, null, null, null, null, null, null, null, null, null, null, null, null, null, 'credit'
    from credits c`
    : sql``;
  const result = await sql<StateRow>`
    with open_at as materialized (
      select o.document_id, o.customer_code, o.due_date, o.open_minor, o.issue_date
      from (${openItemsAsOf({ companyId, asOf })}) o
      where ${withCredits ? sql`true` : sql`o.open_minor > 0`} ${only}
    ), inv as (
      select o.document_id, o.customer_code, o.due_date, o.open_minor, d.external_ref, d.amount_minor,
        d.currency, o.issue_date
      from open_at o
      join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
        ${invoicesInRange(customerCodes, range)}
      where d.kind = 'invoice' and o.open_minor > 0
    ), credits as (
      select o.document_id, o.customer_code, o.issue_date, d.external_ref, d.currency,
        (-o.open_minor)::int8 as amount_minor
      from open_at o
      cross join lateral (select d.currency, d.external_ref from documents d
        where d.company_id = ${companyId} and d.document_id = o.document_id limit 1) d
      where o.open_minor < 0
    ), state as (
      -- Each invoice's own items (by document), not every action of the company: the log grows
      -- with each run, and within a run with each slice stored, whatever the statistics say.
      -- An e-mail whose message failed for good (no retry to come) is no step reached.
      select inv.document_id, st.level, st.last_step_date, st.formal_notice_date,
        st.undelivered_level, st.undelivered_date
      from inv cross join lateral (
        select max(i.level) filter (where r.reached) as level,
          max(a.action_date) filter (where r.reached) as last_step_date,
          max(a.action_date) filter (where r.reached and i.step_kind = 'formal_notice') as formal_notice_date,
          max(i.level) filter (where not r.reached) as undelivered_level,
          max(a.action_date) filter (where not r.reached) as undelivered_date
        from dunning_action_items i
        join dunning_actions a on a.company_id = i.company_id and a.action_id = i.action_id
        left join mail_outbox m on m.company_id = a.company_id and m.outbox_id = a.outbox_id
        cross join lateral (
          select m.status is distinct from 'failed' or m.next_attempt_at is not null as reached
        ) r
        where i.company_id = ${companyId} and i.document_id = inv.document_id
          and a.status = 'sent' and a.action_date <= ${asOf}::date
      ) st
      where st.level is not null or st.undelivered_level is not null
    ), disputed as (${disputedInvoiceIds(companyId, asOf, 'inv')}
    ), promised as (
      select distinct on (inv.document_id) inv.document_id, pi.last_due, pi.total_minor
      from inv
      join dunning_promises p on p.company_id = ${companyId} and p.customer_code = inv.customer_code
        and p.made_on <= ${asOf}::date
      cross join lateral (
        select max(due_date) as last_due, sum(amount_minor)::int8 as total_minor
        from dunning_promise_instalments pi
        where pi.company_id = p.company_id and pi.promise_id = p.promise_id
      ) pi
      where not exists (select 1 from dunning_promise_invoices v
          where v.company_id = p.company_id and v.promise_id = p.promise_id)
        or exists (select 1 from dunning_promise_invoices v where v.company_id = p.company_id
          and v.promise_id = p.promise_id and v.document_id = inv.document_id)
      order by inv.document_id, p.made_on desc, p.promise_id desc
    ), settled as (
      select a.debit_document_id as document_id,
        json_agg(json_build_object('date', a.allocation_date, 'amountMinor', a.amount_minor)
          order by a.allocation_date, a.allocation_id) as settlements
      from allocations a
      where a.company_id = ${companyId} and a.allocation_date <= ${asOf}::date
        and a.debit_document_id in (select document_id from inv)
      group by a.debit_document_id
    ), paused as (
      select distinct on (x.document_id) x.document_id, x.paused_until, x.reason, x.pause_id
      from dunning_invoice_pauses x
      where x.company_id = ${companyId} and x.document_id in (select document_id from inv)
        and x.paused_on <= ${asOf}::date and x.paused_until >= ${asOf}::date
        and (x.lifted_on is null or x.lifted_on > ${asOf}::date)
      order by x.document_id, x.paused_until desc, x.pause_id desc
    ), handed as (
      select distinct i.document_id from legal_file_invoices i
      join legal_files f on f.company_id = i.company_id and f.file_id = i.file_id
      where i.company_id = ${companyId} and i.document_id in (select document_id from inv)
        and f.handed_over_on <= ${asOf}::date
        and not exists (select 1 from legal_file_steps s where s.company_id = i.company_id
          and s.file_id = i.file_id and s.step_code = 'withdrawn' and s.step_date <= ${asOf}::date)
    )
    select inv.document_id as "documentId", inv.external_ref as "documentRef",
      inv.customer_code as "customerCode", inv.issue_date as "issueDate", inv.due_date as "dueDate",
      inv.amount_minor as "amountMinor", inv.open_minor::int8 as "openMinor", inv.currency,
      coalesce(s.level, 0)::int4 as level, s.last_step_date as "lastStepDate",
      s.formal_notice_date as "formalNoticeDate",
      s.undelivered_level as "undeliveredLevel", s.undelivered_date as "undeliveredDate",
      exists (select 1 from disputed x where x.document_id = inv.document_id) as disputed,
      p.last_due as "promiseDate", p.total_minor as "promiseAmountMinor",
      z.paused_until as "pausedUntil", z.reason as "pauseReason",
      z.pause_id::int8 as "pauseId",
      exists (select 1 from handed h where h.document_id = inv.document_id) as "handedOver",
      coalesce(t.settlements, '[]'::json) as settlements, 'invoice' as "rowKind"
    from inv
    left join state s on s.document_id = inv.document_id
    left join promised p on p.document_id = inv.document_id
    left join settled t on t.document_id = inv.document_id
    left join paused z on z.document_id = inv.document_id
    ${credits}
    order by "rowKind" desc, "customerCode", "dueDate", "documentId"`.execute(db);
  return result.rows;
}

/** Open invoices at `asOf` with their dunning state (see `selectState`). */
export async function selectDunningInvoices(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  customerCodes?: readonly string[],
  range?: CustomerCodeRange,
): Promise<DunningInvoiceRow[]> {
  const rows = await selectState(db, companyId, asOf, customerCodes, range, false);
  return rows.map(({ rowKind: _kind, ...row }) => row);
}

/** An unallocated credit of a customer at the date: a payment on account or a credit note. */
export interface OpenCreditRow {
  customerCode: string;
  documentRef: string;
  issueDate: string;
  currency: string;
  /** What is open of it at the date, as a positive amount (what a reminder deducts). */
  amountMinor: number;
}

/**
 * Open invoices at `asOf` with their dunning state, and the customers' unallocated credits
 * (payments on account, credit notes) at the date, one row each, in one statement.
 */
export async function selectDunningState(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  customerCodes?: readonly string[],
  range?: CustomerCodeRange,
): Promise<{ invoices: DunningInvoiceRow[]; credits: OpenCreditRow[] }> {
  const rows = await selectState(db, companyId, asOf, customerCodes, range, true);
  const invoices: DunningInvoiceRow[] = [];
  const credits: OpenCreditRow[] = [];
  for (const { rowKind, ...row } of rows) {
    if (rowKind === 'invoice') invoices.push(row);
    else
      credits.push({
        customerCode: row.customerCode,
        documentRef: row.documentRef,
        issueDate: row.issueDate,
        currency: row.currency,
        amountMinor: row.openMinor,
      });
  }
  return { invoices, credits };
}

export interface DunningCustomerRow {
  code: string;
  name: string;
  customerType: string;
  status: string;
  language: string;
  salesperson: string | null;
  billingEmail: string | null;
  contacts: unknown[];
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  pausedUntil: string | null;
  interestClause: string;
  interestRateBps: number | null;
  riskClass: string | null;
}

/** The customers with the given codes, their dunning terms and their latest risk class at the date. */
export async function selectDunningCustomers(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  codes: readonly string[],
): Promise<DunningCustomerRow[]> {
  if (codes.length === 0) return [];
  const result = await sql<DunningCustomerRow>`
    select c.code, c.name, c.customer_type as "customerType", c.status, c.language, c.salesperson,
      c.billing_email as "billingEmail", c.contacts, c.address_line1 as "addressLine1",
      c.address_line2 as "addressLine2", c.postal_code as "postalCode", c.city, c.country,
      t.paused_until as "pausedUntil", coalesce(t.interest_clause, 'legal') as "interestClause",
      t.interest_rate_bps as "interestRateBps",
      (select s.risk_class from credit_scores s
        where s.company_id = c.company_id and s.customer_code = c.code and s.status = 'scored'
          and s.as_of <= ${asOf}::date
        order by s.as_of desc, s.score_id desc limit 1) as "riskClass"
    from customers c
    left join dunning_customer_terms t on t.company_id = c.company_id and t.customer_code = c.code
    where c.company_id = ${companyId} and c.code = any (${[...codes]}::text[])
    order by c.code`.execute(db);
  return result.rows;
}
