/**
 * The part of the portfolio a report reads: the whole company, or one salesperson's customers.
 * The use cases decide the scope (app/reports/report-scope.ts); the queries only apply it.
 */
import { type RawBuilder, sql } from 'kysely';

/** Customers of one salesperson, or undefined for every customer of the company. */
export type SalespersonScope = string | undefined;

/**
 * `and <column> in (the salesperson's customers)`, or nothing for the whole portfolio, so that an
 * unscoped report keeps the plan it had.
 */
export function andInPortfolio(
  customerCodeColumn: string,
  companyId: string,
  salesperson: SalespersonScope,
): RawBuilder<unknown> {
  if (salesperson === undefined) return sql``;
  return sql`and ${sql.ref(customerCodeColumn)} in (select sc.code from customers sc
    where sc.company_id = ${companyId} and sc.salesperson = ${salesperson})`;
}
