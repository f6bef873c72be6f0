/**
 * Figures of the FEC reconciliation proof, read from the staged lines and the ledger in one pass:
 * each customer's FEC account balance next to the sum of its open items as of a date, then, only
 * for the customers that differ, what explains it.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import { FEC_DOCUMENT_STAGE } from './fec-rebuild.ts';
import { FEC_LINE_STAGE } from './fec-stage.ts';

export interface CustomerProof {
  code: string;
  fecBalanceMinor: number;
  openItemsMinor: number;
  openItems: number;
}

/** One row per customer of the file: FEC balance, Σ open amounts as of `asOf`, open documents. */
export async function proofByCustomer(
  trx: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<CustomerProof[]> {
  const result = await sql<CustomerProof>`
    with fec as (
      select customer_code as code, sum(amount_minor) as balance from ${sql.table(FEC_LINE_STAGE)}
      group by customer_code
    ), open_docs as (
      -- Open amounts as of the date from the open-item state: no pass over every allocation.
      select o.customer_code, o.open_minor from (${openItemsAsOf({ companyId, asOf })}) o
      where o.customer_code in (select code from fec)
    ), open_by_customer as (
      select customer_code, sum(open_minor) as open_minor, count(*) filter (where open_minor <> 0) as open_items
      from open_docs group by customer_code
    )
    select fec.code, fec.balance::int8 as "fecBalanceMinor",
      coalesce(o.open_minor, 0)::int8 as "openItemsMinor", coalesce(o.open_items, 0)::int8 as "openItems"
    from fec left join open_by_customer o on o.customer_code = fec.code
    order by fec.code`.execute(trx);
  return result.rows;
}

export interface DifferenceDetail {
  code: string;
  name: string;
  /** FEC line numbers of the customer's account (the first 50). */
  fecLines: number[];
  /** Encours documents issued by `asOf` that this file does not contain, "source/ref amount" (the first 50). */
  otherDocuments: string[];
}

/** What explains the difference of some customers: their FEC lines and the documents the file lacks. */
export async function differenceDetails(
  trx: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
  asOf: string,
): Promise<DifferenceDetail[]> {
  if (codes.length === 0) return [];
  const result = await sql<DifferenceDetail>`
    select code,
      (select l.customer_name from ${sql.table(FEC_LINE_STAGE)} l where l.customer_code = code
        order by l.line limit 1) as name,
      array(select l.line from ${sql.table(FEC_LINE_STAGE)} l where l.customer_code = code
        order by l.line limit 50) as "fecLines",
      array(select d.source || '/' || d.external_ref || ' ' || d.amount_minor from documents d
        where d.company_id = ${companyId} and d.customer_code = code and d.issue_date <= ${asOf}
          and not exists (select 1 from ${sql.table(FEC_DOCUMENT_STAGE)} s
            where s.source = d.source and s.external_ref = d.external_ref)
        order by d.issue_date, d.document_id limit 50) as "otherDocuments"
    from unnest(${[...codes]}::text[]) as code`.execute(trx);
  return result.rows;
}

export interface EarlierImportOverlap {
  /** FEC documents dated within the file's period that the file no longer contains (the first 10 refs). */
  vanished: { count: number; refs: string[] };
  /** Customers whose opening entries in this file repeat items an earlier FEC import holds in detail. */
  openingRepeats: { count: number; codes: string[] };
}

/**
 * What an earlier FEC import left that this file contradicts: documents of its period the books no
 * longer show (kept, since a document is never deleted by an import), and opening entries that
 * carry forward items already imported line by line from the previous year (counted twice).
 */
export async function earlierImportOverlap(
  trx: Kysely<Database>,
  companyId: string,
  firstDate: string,
  lastDate: string,
): Promise<EarlierImportOverlap> {
  const result = await sql<{
    vanished: number;
    vanishedRefs: string[];
    repeats: number;
    repeatCodes: string[];
  }>`
    with vanished as (
      select d.external_ref from documents d
      where d.company_id = ${companyId} and d.source = 'fec' and d.issue_date between ${firstDate} and ${lastDate}
        and not exists (select 1 from ${sql.table(FEC_DOCUMENT_STAGE)} s where s.external_ref = d.external_ref)
    ), repeats as (
      select distinct s.customer_code from ${sql.table(FEC_DOCUMENT_STAGE)} s
      where s.label like 'À nouveau%' and exists (
        select 1 from documents d where d.company_id = ${companyId} and d.source = 'fec'
          and d.customer_code = s.customer_code and d.issue_date < ${firstDate})
    )
    select (select count(*) from vanished)::int8 as vanished,
      array(select external_ref from vanished order by external_ref limit 10) as "vanishedRefs",
      (select count(*) from repeats)::int8 as repeats,
      array(select customer_code from repeats order by customer_code limit 10) as "repeatCodes"`.execute(trx);
  const row = result.rows[0];
  return {
    vanished: { count: row?.vanished ?? 0, refs: row?.vanishedRefs ?? [] },
    openingRepeats: { count: row?.repeats ?? 0, codes: row?.repeatCodes ?? [] },
  };
}
