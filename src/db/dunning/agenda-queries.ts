/** The facts the collector's agenda ranks on, per customer, in one pass over the open items. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import { withPartnerAt } from '../legal/with-partner.ts';

export interface AgendaFactsRow {
  customerCode: string;
  customerName: string;
  salesperson: string | null;
  status: string;
  overdueMinor: number;
  previousOverdueMinor: number;
  oldestDueDate: string | null;
}

/**
 * Customers with something overdue at `asOf` (in the company currency) and the same figure at
 * `previousAsOf`, for the trend; the invoices with a partner at `asOf` are left out of both, so that
 * handing one over does not read as money collected. `salesperson` narrows to one portfolio.
 */
export async function selectAgendaFacts(
  db: Kysely<Database>,
  companyId: string,
  input: { asOf: string; previousAsOf: string; salesperson?: string | undefined },
): Promise<AgendaFactsRow[]> {
  const now = openItemsAsOf({ companyId, asOf: input.asOf });
  const before = openItemsAsOf({ companyId, asOf: input.previousAsOf });
  const result = await sql<AgendaFactsRow>`
    with overdue_now as (
      select customer_code, sum(open_minor)::int8 as overdue_minor, min(due_date) as oldest_due
      from (${now}) o where o.open_minor > 0 and o.due_date < ${input.asOf}::date
        and not ${withPartnerAt(companyId, sql.ref('o.document_id'), input.asOf)}
      group by customer_code
    ), overdue_before as (
      select customer_code, sum(open_minor)::int8 as overdue_minor
      from (${before}) o where o.open_minor > 0 and o.due_date < ${input.previousAsOf}::date
        and not ${withPartnerAt(companyId, sql.ref('o.document_id'), input.asOf)}
      group by customer_code
    )
    select c.code as "customerCode", c.name as "customerName", c.salesperson, c.status,
      n.overdue_minor as "overdueMinor", coalesce(b.overdue_minor, 0)::int8 as "previousOverdueMinor",
      n.oldest_due as "oldestDueDate"
    from overdue_now n
    join customers c on c.company_id = ${companyId} and c.code = n.customer_code
    left join overdue_before b on b.customer_code = n.customer_code
    where true ${input.salesperson !== undefined ? sql`and c.salesperson = ${input.salesperson}` : sql``}
    order by c.code`.execute(db);
  return result.rows;
}

/** Customer names and salespeople for codes the agenda lists without overdue (broken promises, tasks). */
export async function selectCustomerNames(
  db: Kysely<Database>,
  companyId: string,
  codes: readonly string[],
): Promise<
  { code: string; name: string; salesperson: string | null; status: string; customerType: string }[]
> {
  if (codes.length === 0) return [];
  return db
    .selectFrom('customers')
    .select(['code', 'name', 'salesperson', 'status', 'customer_type as customerType'])
    .where('company_id', '=', companyId)
    .where('code', 'in', [...codes])
    .execute();
}
