/**
 * The exposure of every customer by bucket as of a date, in one pass over the open-item state and
 * one over the orders not yet invoiced (the same orders the order check counts, in the customer's
 * currency as the check counts them), for the risk map; and, for every customer of a portfolio,
 * the same figures with what its limit in force is made of (`selectCreditPositionFacts`), for the
 * counts of customers over their limit.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';
import { andInPortfolio, type SalespersonScope } from '../reports/portfolio-scope.ts';
import { type LimitRecordRow, limitRecordsSql } from './exposure-queries.ts';

export interface CustomerExposureRow {
  customerCode: string;
  currency: string;
  notDueMinor: number;
  overdueMinor: number;
  creditsMinor: number;
  ordersMinor: number;
}

/** Per customer code: `items` (open amounts by bucket) and `order_totals` (orders not invoiced). */
function exposureCtes(companyId: string, asOf: string): RawBuilder<unknown> {
  return sql`
    with items as (
      select i.customer_code,
             coalesce(sum(i.open_minor) filter (where i.open_minor > 0 and i.due_date >= ${asOf}::date), 0)::int8 as not_due,
             coalesce(sum(i.open_minor) filter (where i.open_minor > 0 and i.due_date < ${asOf}::date), 0)::int8 as overdue,
             coalesce(sum(i.open_minor) filter (where i.open_minor < 0), 0)::int8 as credits
        from (${openItemsAsOf({ companyId, asOf })}) i group by i.customer_code
    ), orders as (
      select o.customer_code, o.currency, sum(o.amount_minor)::int8 as amount
        from orders o
       where o.company_id = ${companyId} and o.status in ('pending', 'blocked', 'released')
         and not exists (select 1 from credit_order_decisions k
                          where k.company_id = o.company_id and k.order_ref = o.order_number)
       group by o.customer_code, o.currency
      union all
      select k.customer_code, k.currency, sum(k.amount_minor)::int8
        from credit_order_decisions k
       where k.company_id = ${companyId} and k.status in ('approved', 'held', 'released')
         and not exists (select 1 from orders o where o.company_id = k.company_id
                           and o.order_number = k.order_ref and o.status in ('invoiced', 'cancelled'))
       group by k.customer_code, k.currency
    ), order_totals as (
      -- In the customer's currency only, as the order check counts them (no conversion).
      select x.customer_code, sum(x.amount)::int8 as amount
        from orders x join customers c on c.company_id = ${companyId} and c.code = x.customer_code
       where x.currency = c.currency group by x.customer_code
    )`;
}

const EXPOSURE_COLUMNS = sql`c.code as "customerCode", c.currency,
           coalesce(i.not_due, 0)::int8 as "notDueMinor", coalesce(i.overdue, 0)::int8 as "overdueMinor",
           coalesce(i.credits, 0)::int8 as "creditsMinor", coalesce(t.amount, 0)::int8 as "ordersMinor"`;

export async function selectExposureByCustomer(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<CustomerExposureRow[]> {
  const result = await sql<CustomerExposureRow>`${exposureCtes(companyId, asOf)}
    select ${EXPOSURE_COLUMNS}
      from customers c
      left join items i on i.customer_code = c.code
      left join order_totals t on t.customer_code = c.code
     where c.company_id = ${companyId} and (i.customer_code is not null or t.customer_code is not null)
     order by c.code`.execute(db);
  return result.rows;
}

export interface CreditPositionRow extends CustomerExposureRow {
  customerType: string;
  groupCode: string | null;
}

/**
 * Every customer of the portfolio (one salesperson's, or the whole company's) with its exposure by
 * bucket, and the limit records of the company's customers (its own, its group's), so that the
 * app resolves each limit in force as the order check does (`resolveLimit`).
 */
export async function selectCreditPositionFacts(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  salesperson: SalespersonScope,
): Promise<{ rows: CreditPositionRow[]; limits: LimitRecordRow[] }> {
  const [rows, limits] = await Promise.all([
    sql<CreditPositionRow>`${exposureCtes(companyId, asOf)}
    select ${EXPOSURE_COLUMNS}, c.customer_type as "customerType", c.group_code as "groupCode"
      from customers c
      left join items i on i.customer_code = c.code
      left join order_totals t on t.customer_code = c.code
     where c.company_id = ${companyId} ${andInPortfolio('c.code', companyId, salesperson)}
     order by c.code`.execute(db),
    limitRecordsSql(
      companyId,
      sql`any (array(select lc.code from customers lc where lc.company_id = ${companyId}))`,
      asOf,
    ).execute(db),
  ]);
  return { rows: rows.rows, limits: limits.rows };
}
