/**
 * Which invoices are in dispute at a date: the one rule shared by the dunning state (an invoice in
 * dispute is not reminded) and the provision for doubtful debts (it takes the dispute rate), so
 * that both know the same disputes on the same day.
 */
import { type RawBuilder, sql } from 'kysely';

/**
 * A `select document_id` of the invoices disputed at `asOf`: a dispute record opened by then and
 * not resolved by then, or — for an invoice no dispute record names, at any date — a 'dispute'
 * event of the customer's story naming it, dated by then (history imported from another system,
 * where the complaint is known only from the story). `invoices` is the name of a relation of the
 * statement (a CTE) holding the invoices an event may name, with their `document_id`,
 * `customer_code` and `external_ref`.
 */
export function disputedInvoiceIds(companyId: string, asOf: string, invoices: string): RawBuilder<unknown> {
  return sql`
      select x.document_id from dunning_disputes x
      where x.company_id = ${companyId} and x.opened_on <= ${asOf}::date
        and (x.status = 'open' or x.resolved_on > ${asOf}::date)
      union
      select inv.document_id from ${sql.table(invoices)} inv
      join customer_events e on e.company_id = ${companyId} and e.customer_code = inv.customer_code
        and e.document_ref = inv.external_ref and e.kind = 'dispute' and e.event_date <= ${asOf}::date
      where not exists (select 1 from dunning_disputes x
        where x.company_id = ${companyId} and x.document_id = inv.document_id)`;
}
