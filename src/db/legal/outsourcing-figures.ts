/**
 * What the outsourcing cost simulator reads from the ledger for a period, in the company's
 * currency: sales, buyers, month-end receivables, write-offs, and the invoices that reached the
 * hand-over age while still open (the files an agency would have received).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface PeriodFlows {
  salesMinor: number;
  buyers: number;
  badDebtsMinor: number;
  handOverMinor: number;
  handOverFiles: number;
}

export async function selectPeriodFlows(
  db: Kysely<Database>,
  companyId: string,
  currency: string,
  from: string,
  to: string,
  handOverDays: number,
): Promise<PeriodFlows> {
  const flows = await sql<{ salesMinor: number; buyers: number; badDebtsMinor: number }>`
    select coalesce(sum(amount_minor) filter (where kind in ('invoice', 'credit_note')), 0)::int8 as "salesMinor",
           count(distinct customer_code) filter (where kind = 'invoice')::int8 as "buyers",
           (-coalesce(sum(amount_minor) filter (where kind = 'write_off'), 0))::int8 as "badDebtsMinor"
      from documents
     where company_id = ${companyId} and currency = ${currency}
       and issue_date between ${from}::date and ${to}::date`.execute(db);
  // Open at the day it reached the age: its amount less every allocation row dated by then
  // (a reversal is a negative row, so an undone matching counts as undone).
  const handOver = await sql<{ handOverMinor: number; handOverFiles: number }>`
    select coalesce(sum(open_minor), 0)::int8 as "handOverMinor", count(*)::int8 as "handOverFiles"
      from (
        select d.amount_minor - coalesce((
                 select sum(a.amount_minor) from allocations a
                  where a.company_id = d.company_id and a.debit_document_id = d.document_id
                    and a.allocation_date <= d.due_date + ${handOverDays}::int), 0) as open_minor
          from documents d
         where d.company_id = ${companyId} and d.currency = ${currency} and d.kind = 'invoice'
           and d.due_date + ${handOverDays}::int between ${from}::date and ${to}::date
      ) aged
     where open_minor > 0`.execute(db);
  const f = flows.rows[0];
  const h = handOver.rows[0];
  return {
    salesMinor: f?.salesMinor ?? 0,
    buyers: f?.buyers ?? 0,
    badDebtsMinor: f?.badDebtsMinor ?? 0,
    handOverMinor: h?.handOverMinor ?? 0,
    handOverFiles: h?.handOverFiles ?? 0,
  };
}

/** Net receivables (every open amount, credits included) at the end of the day. */
export async function selectReceivablesAt(
  db: Kysely<Database>,
  companyId: string,
  currency: string,
  asOf: string,
): Promise<number> {
  const result = await sql<{ totalMinor: number }>`
    select coalesce(sum(o.open_minor), 0)::int8 as "totalMinor"
      from (${openItemsAsOf({ companyId, asOf })}) o
      join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
     where d.currency = ${currency}`.execute(db);
  return result.rows[0]?.totalMinor ?? 0;
}
