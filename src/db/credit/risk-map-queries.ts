/**
 * The exposure of every customer by bucket as of a date, in one pass over the open-item state and
 * one over the orders not yet invoiced (the same orders the order check counts), for the risk map.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface CustomerExposureRow {
  customerCode: string;
  currency: string;
  notDueMinor: number;
  overdueMinor: number;
  creditsMinor: number;
  ordersMinor: number;
}

export async function selectExposureByCustomer(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<CustomerExposureRow[]> {
  const result = await sql<CustomerExposureRow>`
    with items as (
      select i.customer_code,
             coalesce(sum(i.open_minor) filter (where i.open_minor > 0 and i.due_date >= ${asOf}::date), 0)::int8 as not_due,
             coalesce(sum(i.open_minor) filter (where i.open_minor > 0 and i.due_date < ${asOf}::date), 0)::int8 as overdue,
             coalesce(sum(i.open_minor) filter (where i.open_minor < 0), 0)::int8 as credits
        from (${openItemsAsOf({ companyId, asOf })}) i group by i.customer_code
    ), orders as (
      select o.customer_code, sum(o.amount_minor)::int8 as amount
        from orders o
       where o.company_id = ${companyId} and o.status in ('pending', 'blocked', 'released')
         and not exists (select 1 from credit_order_decisions k
                          where k.company_id = o.company_id and k.order_ref = o.order_number)
       group by o.customer_code
      union all
      select k.customer_code, sum(k.amount_minor)::int8
        from credit_order_decisions k
       where k.company_id = ${companyId} and k.status in ('approved', 'held', 'released')
         and not exists (select 1 from orders o where o.company_id = k.company_id
                           and o.order_number = k.order_ref and o.status in ('invoiced', 'cancelled'))
       group by k.customer_code
    ), order_totals as (
      select customer_code, sum(amount)::int8 as amount from orders group by customer_code
    )
    select c.code as "customerCode", c.currency,
           coalesce(i.not_due, 0)::int8 as "notDueMinor", coalesce(i.overdue, 0)::int8 as "overdueMinor",
           coalesce(i.credits, 0)::int8 as "creditsMinor", coalesce(t.amount, 0)::int8 as "ordersMinor"
      from customers c
      left join items i on i.customer_code = c.code
      left join order_totals t on t.customer_code = c.code
     where c.company_id = ${companyId} and (i.customer_code is not null or t.customer_code is not null)
     order by c.code`.execute(db);
  return result.rows;
}
