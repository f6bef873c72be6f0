/**
 * Each customer's balance and overdue amount as of a date: the one definition the customer list and
 * the dashboard's portfolio figures share, and the one the aged balance and the risk table state
 * (their totals are the same sums). The balance is the customer's net position — its open debits
 * less its open credits (credit notes, payments not yet matched) — so a customer in credit counts
 * negatively, and the customers' balances add up to the aged balance's total. The overdue amount
 * is its open debits past due; the rest of the balance (not yet due, less the credits) is not due.
 */
import { sql } from 'kysely';
import { openItemsAsOf } from '../ledger/open-items.ts';

/** Rows (customer_code, balance_minor, overdue_minor) of every customer with open items at the date. */
export function customerTotals(companyId: string, asOf: string) {
  // Allocations net to zero and never predate a document, so the open items sum to the balance.
  // Grouped on bytes ("C"): locale-aware sorting of 100,000 codes costs more than the rest.
  return sql`
    select customer_code collate "C" as customer_code, sum(open_minor) as balance_minor,
      sum(case when open_minor > 0 and due_date < ${asOf}::date then open_minor else 0 end) as overdue_minor
    from (${openItemsAsOf({ companyId, asOf })}) open_docs group by 1`;
}

/**
 * `left join lateral (…) t on true`: the same balance and overdue amount for the customer `c` of an
 * enclosing query, from its own open items (a page of customers reads only theirs).
 */
export function joinCustomerTotals(companyId: string, asOf: string) {
  return sql`left join lateral (
      select sum(o.open_minor) as balance_minor,
        sum(case when o.open_minor > 0 and o.due_date < ${asOf}::date then o.open_minor else 0 end) as overdue_minor
      from (${openItemsAsOf({ companyId, asOf, customerCode: sql.ref('c.code') })}) o
    ) t on true`;
}
