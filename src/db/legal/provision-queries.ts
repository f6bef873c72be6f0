/** What the provision for doubtful debts reads: open debits at a date with their cases, write-offs of a period. */
import { type Kysely, sql } from 'kysely';
import { disputedInvoiceIds } from '../dunning/disputed-invoices.ts';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface ProvisionItemRow {
  documentId: number;
  customerCode: string;
  ref: string;
  /** Before or after a customer's opening judgment: whether the procedure's rate reaches it. */
  issueDate: string;
  dueDate: string;
  openMinor: number;
  /** In dispute at the date, by the dunning state's rule (a dispute record, or the imported story). */
  disputed: boolean;
  /** The customer's country (ISO 3166 alpha-2): whether its invoices carry French VAT. */
  customerCountry: string;
  /** The customer's name and the debit's currency, for the reader of the lines. */
  customerName: string;
  currency: string;
}

/**
 * The debits open at `asOf` (what is open of each) with whether each is in dispute then. The
 * customers in a collective procedure are not read here: the app asks the one query that knows
 * them at a date (`selectCustomersInProceedings`).
 */
export async function selectProvisionItems(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<ProvisionItemRow[]> {
  const result = await sql<ProvisionItemRow>`
    with items as (
      select d.document_id, d.customer_code, d.external_ref, d.kind, d.issue_date, d.due_date, d.currency,
        o.open_minor
      from (${openItemsAsOf({ companyId, asOf })}) o
      join documents d on d.company_id = ${companyId} and d.document_id = o.document_id
      where o.open_minor > 0
    ), inv as (
      select document_id, customer_code, external_ref from items where kind = 'invoice'
    ), disputed as (${disputedInvoiceIds(companyId, asOf, 'inv')})
    select i.document_id as "documentId", i.customer_code as "customerCode", i.external_ref as ref,
      i.issue_date as "issueDate", i.due_date as "dueDate", i.open_minor::int8 as "openMinor",
      exists (select 1 from disputed x where x.document_id = i.document_id) as disputed,
      c.country as "customerCountry", c.name as "customerName", i.currency
    from items i
    join customers c on c.company_id = ${companyId} and c.code = i.customer_code
    order by i.customer_code, i.due_date, i.document_id`.execute(db);
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
