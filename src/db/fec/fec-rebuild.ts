/**
 * Set-based reconstruction of the ledger from the staged customer-account lines of a FEC (see
 * fec-stage.ts): the customers to create, the documents (one per non-zero line, with a reference
 * that survives successive exports and a due date from DateRglt or the customer's terms), and the
 * allocations of the letter groups. Done in SQL so that memory does not grow with the file.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { FEC_LINE_STAGE } from './fec-stage.ts';

export const FEC_DOCUMENT_STAGE = 'stage_fec_documents';
export const FEC_ALLOCATION_STAGE = 'stage_fec_allocations';

export interface CurrencyConflict {
  line: number;
  code: string;
  currency: string;
}

/** Lines of customers whose stored currency is not the books' (the first 200). */
export async function findCurrencyConflicts(
  trx: Kysely<Database>,
  companyId: string,
  currency: string,
): Promise<CurrencyConflict[]> {
  const result = await sql<CurrencyConflict>`
    select l.line, l.customer_code as code, c.currency
    from ${sql.table(FEC_LINE_STAGE)} l
    join customers c on c.company_id = ${companyId} and c.code = l.customer_code
    where c.currency <> ${currency} order by l.line limit 200`.execute(trx);
  return result.rows;
}

export interface StagedCustomer {
  code: string;
  name: string;
  line: number;
}

/** Customers of the file not yet known, named after their first line. */
export async function unknownStagedCustomers(
  trx: Kysely<Database>,
  companyId: string,
): Promise<StagedCustomer[]> {
  const result = await sql<StagedCustomer>`
    select distinct on (l.customer_code) l.customer_code as code, l.customer_name as name, l.line
    from ${sql.table(FEC_LINE_STAGE)} l
    where not exists (select 1 from customers c where c.company_id = ${companyId} and c.code = l.customer_code)
    order by l.customer_code, l.line`.execute(trx);
  return result.rows;
}

export interface TermsBase {
  termsBase: string;
  terms: string;
}

/** The (date, terms) pairs whose due date the file needs: debits without DateRglt. */
export async function termsBasesToResolve(trx: Kysely<Database>, companyId: string): Promise<TermsBase[]> {
  const result = await sql<TermsBase>`
    select distinct l.terms_base as "termsBase", c.payment_terms as terms
    from ${sql.table(FEC_LINE_STAGE)} l
    join customers c on c.company_id = ${companyId} and c.code = l.customer_code
    where l.amount_minor > 0 and l.date_rglt is null`.execute(trx);
  return result.rows;
}

/**
 * Builds the staged documents (the columns of DOCUMENT_UPSERT, plus the letter group) from the
 * lines. Identical lines of one entry get a rank after the first (`ref-2`, `ref-3`…), in line order.
 */
export async function stageDocuments(
  trx: Kysely<Database>,
  companyId: string,
  currency: string,
  dueDates: readonly (TermsBase & { dueDate: string })[],
): Promise<void> {
  await sql`create temp table stage_fec_due on commit drop as
    select * from unnest(${dueDates.map((due) => due.termsBase)}::date[], ${dueDates.map((due) => due.terms)}::text[],
      ${dueDates.map((due) => due.dueDate)}::date[]) as t(terms_base, terms, due_date)`.execute(trx);
  await sql`create temp table ${sql.table(FEC_DOCUMENT_STAGE)} on commit drop as
    select l.line, l.kind, 'fec'::text as source,
      case when l.rank = 1 then l.base_ref else l.base_ref || '-' || l.rank end as external_ref,
      l.customer_code, l.issue_date,
      case when l.amount_minor > 0 then greatest(l.issue_date, coalesce(l.date_rglt, due.due_date))
        else l.issue_date end as due_date,
      null::date as value_date, l.amount_minor, ${currency}::text as currency, l.label,
      l.compte_num, l.letter, l.date_let
    from (
      select s.*, row_number() over (partition by s.base_ref order by s.line) as rank
      from ${sql.table(FEC_LINE_STAGE)} s where s.amount_minor <> 0
    ) l
    join customers c on c.company_id = ${companyId} and c.code = l.customer_code
    left join stage_fec_due due on due.terms_base = l.terms_base and due.terms = c.payment_terms`.execute(
    trx,
  );
  await sql`analyze ${sql.table(FEC_DOCUMENT_STAGE)}`.execute(trx);
}

/**
 * The allocations the lettering implies, staged as (rank, customer_code, debit_ref, credit_ref,
 * amount_minor, allocation_date). A letter group (account + customer + letter) settles its debits
 * oldest first (issue date, then line) with its credits taken in the same order — the core's planOldestFirst
 * applied credit after credit — written here as the overlap of the two running totals. A group
 * that does not balance leaves the remainder open. The date is the group's latest DateLet, or its
 * latest line date when DateLet is empty, and never before either document.
 */
export async function stageLetterAllocations(trx: Kysely<Database>): Promise<number> {
  const result = await sql`create temp table ${sql.table(FEC_ALLOCATION_STAGE)} on commit drop as
    with members as (
      select line, external_ref, amount_minor, issue_date, compte_num, customer_code, letter,
        min(line) over g as group_line,
        coalesce(max(date_let) over g, max(issue_date) over g) as group_date
      from ${sql.table(FEC_DOCUMENT_STAGE)} where letter <> ''
      window g as (partition by compte_num, customer_code, letter)
    ), debits as (
      select *, sum(amount_minor) over w as upto from members where amount_minor > 0
      window w as (partition by compte_num, customer_code, letter order by issue_date, line)
    ), credits as (
      select *, sum(-amount_minor) over w as upto from members where amount_minor < 0
      window w as (partition by compte_num, customer_code, letter order by issue_date, line)
    )
    select (row_number() over (order by c.group_line, c.issue_date, c.line, d.issue_date, d.line))::int4 as rank,
      d.customer_code, d.external_ref as debit_ref, c.external_ref as credit_ref,
      (least(d.upto, c.upto) - greatest(d.upto - d.amount_minor, c.upto + c.amount_minor))::int8 as amount_minor,
      greatest(c.group_date, d.issue_date, c.issue_date) as allocation_date
    from debits d join credits c
      on c.compte_num = d.compte_num and c.customer_code = d.customer_code and c.letter = d.letter
      and d.upto - d.amount_minor < c.upto and c.upto + c.amount_minor < d.upto`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

export interface UnbalancedLetter {
  letter: string;
  customerCode: string;
  compteNum: string;
  differenceMinor: number;
}

/** Letter groups that do not balance, in the order of their first line (the first 50). */
export async function unbalancedLetters(trx: Kysely<Database>): Promise<UnbalancedLetter[]> {
  const result = await sql<UnbalancedLetter>`
    select letter, customer_code as "customerCode", compte_num as "compteNum",
      sum(amount_minor)::int8 as "differenceMinor"
    from ${sql.table(FEC_DOCUMENT_STAGE)} where letter <> ''
    group by compte_num, customer_code, letter having sum(amount_minor) <> 0
    order by min(line) limit 50`.execute(trx);
  return result.rows;
}

/** Staged documents by kind. */
export async function stagedKindCounts(trx: Kysely<Database>): Promise<Map<string, number>> {
  const result = await sql<{ kind: string; count: number }>`
    select kind, count(*)::int8 as count from ${sql.table(FEC_DOCUMENT_STAGE)} group by kind`.execute(trx);
  return new Map(result.rows.map((row) => [row.kind, row.count]));
}

/**
 * First import of the source: inserts the staged allocations, resolving both documents by
 * reference in the database instead of sending every document id to Node and back.
 */
export async function insertStagedAllocations(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  source: string,
): Promise<number> {
  const result = await sql`
    insert into allocations (company_id, created_by, source, debit_document_id, credit_document_id,
      amount_minor, allocation_date)
    select ${companyId}, ${actor}, ${source}, d.document_id, c.document_id, s.amount_minor, s.allocation_date
    from ${sql.table(FEC_ALLOCATION_STAGE)} s
    join documents d on d.company_id = ${companyId} and d.source = ${source} and d.external_ref = s.debit_ref
    join documents c on c.company_id = ${companyId} and c.source = ${source} and c.external_ref = s.credit_ref
    order by s.rank`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}
