/**
 * The portfolio's amounts over every customer the caller may see (the dashboard's tiles), by
 * customer type, aggregated in the database rather than from a page of the customer list. Where
 * each customer stands against its limit is the credit positions' (app/credit/credit-positions.ts).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { customerTotals } from './customer-totals.ts';

/** The amounts of the customers of one type; the app adds the types up. */
export interface PortfolioBalancesRow {
  customerType: string;
  customerCount: number;
  /**
   * Σ balances, each the customer's net position (customer-totals.ts): a customer in credit
   * lowers it, as it lowers the aged balance's total, the risk table's and the customer list's.
   */
  outstandingMinor: number;
  /** Σ open debits past due. */
  overdueMinor: number;
  /** The rest of the balances: not yet due, less the open credits (outstanding − overdue). */
  notDueMinor: number;
}

/** Customers of one salesperson, or undefined for the whole company. */
type Scope = { companyId: string; asOf: string; salesperson: string | undefined };

function balancesCte({ companyId, asOf, salesperson }: Scope) {
  const scoped = salesperson === undefined ? sql`` : sql`and c.salesperson = ${salesperson}`;
  return sql`
    with per_customer as (${customerTotals(companyId, asOf)}), b as (
      select c.code, c.customer_type, coalesce(p.balance_minor, 0) as bal,
        coalesce(p.overdue_minor, 0) as overdue
      from customers c left join per_customer p on p.customer_code = c.code
      where c.company_id = ${companyId} ${scoped}
    )`;
}

/** One pass over the open items as of the date, grouped by customer type. */
export async function selectPortfolioByType(
  db: Kysely<Database>,
  scope: Scope,
): Promise<PortfolioBalancesRow[]> {
  const result = await sql<PortfolioBalancesRow>`${balancesCte(scope)}
    select customer_type as "customerType", count(*)::int8 as "customerCount",
      coalesce(sum(bal), 0)::int8 as "outstandingMinor",
      coalesce(sum(overdue), 0)::int8 as "overdueMinor",
      coalesce(sum(bal - overdue), 0)::int8 as "notDueMinor"
    from b group by customer_type order by customer_type`.execute(db);
  return result.rows;
}
