/** What the provision for doubtful debts reads: open debits at a date with their cases, write-offs of a period. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface ProvisionItemRow {
  documentId: number;
  customerCode: string;
  ref: string;
  dueDate: string;
  openMinor: number;
  /** The customer is under a collective procedure at the date (an opening, plan or conversion not closed). */
  collectiveProcedure: boolean;
  /** An open dispute covers the invoice at the date. */
  disputed: boolean;
}

export async function selectProvisionItems(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<ProvisionItemRow[]> {
  const result = await sql<ProvisionItemRow>`
    with open_docs as (${openItemsAsOf({ companyId, asOf })}),
    latest_procedure as (
      select distinct on (a.customer_code) a.customer_code, a.judgment_kind
      from legal_announcements a
      where a.company_id = ${companyId} and a.procedure is not null
        and coalesce(a.judgment_date, a.publication_date) <= ${asOf}::date
      order by a.customer_code, coalesce(a.judgment_date, a.publication_date) desc, a.publication_date desc
    )
    select d.document_id as "documentId", d.customer_code as "customerCode", d.external_ref as ref,
      d.due_date as "dueDate", o.open_minor::int8 as "openMinor",
      coalesce(p.judgment_kind <> 'closing', false) as "collectiveProcedure",
      exists (select 1 from dunning_disputes s where s.company_id = ${companyId} and s.document_id = d.document_id
        and s.opened_on <= ${asOf}::date and (s.resolved_on is null or s.resolved_on > ${asOf}::date)) as disputed
    from open_docs o
    join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
    left join latest_procedure p on p.customer_code = d.customer_code
    where o.open_minor > 0
    order by d.customer_code, d.due_date, d.document_id`.execute(db);
  return result.rows;
}

/** Σ written off on each debit between two dates (both included), net of reversed allocations. */
export async function selectWrittenOff(
  db: Kysely<Database>,
  companyId: string,
  from: string,
  to: string,
): Promise<Map<number, number>> {
  const result = await sql<{ documentId: number; amountMinor: number }>`
    select a.debit_document_id as "documentId", sum(a.amount_minor)::int8 as "amountMinor"
    from allocations a
    join documents w on w.company_id = a.company_id and w.document_id = a.credit_document_id and w.kind = 'write_off'
    where a.company_id = ${companyId} and a.allocation_date between ${from}::date and ${to}::date
    group by a.debit_document_id`.execute(db);
  return new Map(result.rows.map((row) => [row.documentId, row.amountMinor]));
}

export async function selectProvisionRates(db: Kysely<Database>, companyId: string): Promise<unknown | null> {
  const row = await db
    .selectFrom('provision_settings')
    .select('rates')
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return row?.rates ?? null;
}

export async function upsertProvisionRates(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  rates: unknown,
  at: Date,
): Promise<void> {
  await db
    .insertInto('provision_settings')
    .values({ company_id: companyId, rates: JSON.stringify(rates), updated_at: at, updated_by: actor })
    .onConflict((oc) =>
      oc
        .column('company_id')
        .doUpdateSet({ rates: JSON.stringify(rates), updated_at: at, updated_by: actor }),
    )
    .execute();
}
