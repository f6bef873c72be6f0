/**
 * What the order check reads about one customer, as of a date: its row (locked when a decision is
 * to be recorded, so two checks of the same customer are serialised), its open items, its orders
 * not yet invoiced, the limit records of the customer and of its group, its cover and its score.
 *
 * Orders not invoiced are the orders of the ledger (pending, blocked, released) and the orders the
 * check approved, held or released; an order known to both counts once, as the check recorded it,
 * and no longer counts once the ledger says it was invoiced or cancelled.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface CheckedCustomerRow {
  code: string;
  name: string;
  status: string;
  /** Its category: a public body needs no limit (the order check's `noLimitPublicBody`). */
  customerType: string;
  currency: string;
  groupCode: string | null;
  salesperson: string | null;
  creditLimitMinor: number | null;
  billingEmail: string | null;
  language: string;
  hasInvoices: boolean;
}

export async function selectCheckedCustomer(
  db: Kysely<Database>,
  companyId: string,
  code: string,
  lock: boolean,
): Promise<CheckedCustomerRow | undefined> {
  const result = await sql<CheckedCustomerRow>`
    select c.code, c.name, c.status, c.customer_type as "customerType", c.currency, c.group_code as "groupCode", c.salesperson,
           c.credit_limit_minor as "creditLimitMinor", c.billing_email as "billingEmail", c.language,
           exists (select 1 from documents d where d.company_id = c.company_id and d.customer_code = c.code
                     and d.kind = 'invoice') as "hasInvoices"
      from customers c where c.company_id = ${companyId} and c.code = ${code}
      ${lock ? sql`for update of c` : sql``}`.execute(db);
  return result.rows[0];
}

export interface OpenItemLine {
  dueDate: string;
  openMinor: number;
}

export async function selectOpenItemLines(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  asOf: string,
): Promise<OpenItemLine[]> {
  const result = await sql<OpenItemLine>`
    select due_date as "dueDate", open_minor::int8 as "openMinor"
      from (${openItemsAsOf({ companyId, asOf, customerCode })}) items`.execute(db);
  return result.rows;
}

export interface UninvoicedOrderLine {
  orderRef: string;
  amountMinor: number;
  currency: string;
  source: 'ledger' | 'check';
  status: string;
}

/** A customer code: a value, or a column of an enclosing query (the check's one-statement read). */
type CodeRef = string | RawBuilder<unknown>;

/** The rows of `UninvoicedOrderLine`, as a fragment shared by the separate and the one-statement read. */
export function uninvoicedOrdersSql(
  companyId: string,
  customerCode: CodeRef,
): RawBuilder<UninvoicedOrderLine> {
  return sql<UninvoicedOrderLine>`
    select o.order_number as "orderRef", o.amount_minor as "amountMinor", o.currency,
           'ledger' as source, o.status
      from orders o
     where o.company_id = ${companyId} and o.customer_code = ${customerCode}
       and o.status in ('pending', 'blocked', 'released')
       and not exists (select 1 from credit_order_decisions k
                        where k.company_id = o.company_id and k.order_ref = o.order_number)
    union all
    select k.order_ref, k.amount_minor, k.currency, 'check', k.status
      from credit_order_decisions k
     where k.company_id = ${companyId} and k.customer_code = ${customerCode}
       and k.status in ('approved', 'held', 'released')
       and not exists (select 1 from orders o where o.company_id = k.company_id
                         and o.order_number = k.order_ref and o.status in ('invoiced', 'cancelled'))`;
}

export async function selectUninvoicedOrders(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
): Promise<UninvoicedOrderLine[]> {
  const result = await uninvoicedOrdersSql(companyId, customerCode).execute(db);
  return result.rows;
}

export interface LimitRecordRow {
  customerCode: string;
  kind: 'permanent' | 'temporary';
  amountMinor: number | null;
  currency: string;
  validFrom: string | null;
  expiresOn: string | null;
}

/**
 * Limit records of the given customers: the permanent limit of the customer file, and the
 * temporary limits of the history that have not expired by `asOf`.
 */
export async function selectLimitRecords(
  db: Kysely<Database>,
  companyId: string,
  customerCodes: readonly string[],
  asOf: string,
): Promise<LimitRecordRow[]> {
  const codes = sql`any (${[...customerCodes]}::text[])`;
  const result = await limitRecordsSql(companyId, codes, asOf).execute(db);
  return result.rows;
}

/** The rows of `selectLimitRecords` for the customers `= <codes>` names (an `any (…)` or a row). */
export function limitRecordsSql(
  companyId: string,
  codes: RawBuilder<unknown>,
  asOf: string,
): RawBuilder<LimitRecordRow> {
  return sql<LimitRecordRow>`
    select c.code as "customerCode", 'permanent' as kind, c.credit_limit_minor as "amountMinor", c.currency,
           null::date as "validFrom", null::date as "expiresOn"
      from customers c
     where c.company_id = ${companyId} and c.code = ${codes}
       and c.credit_limit_minor is not null
    union all
    select h.customer_code, 'temporary', h.amount_minor, h.currency, h.valid_from, h.expires_on
      from credit_limit_history h
     where h.company_id = ${companyId} and h.customer_code = ${codes}
       and h.kind = 'temporary' and h.expires_on >= (${asOf}::date - 366)`;
}

/**
 * The customers of a group: the parent and every customer whose group is the parent (one level,
 * as the customer file stores it). With `lock`, the parent's row is locked, so that the checks of
 * two members are serialised like two checks of one customer and cannot together pass the
 * group's limit.
 */
export async function selectGroupMembers(
  db: Kysely<Database>,
  companyId: string,
  parentCode: string,
  lock: boolean,
): Promise<{ code: string; name: string; currency: string }[]> {
  if (lock)
    await sql`select 1 from customers where company_id = ${companyId} and code = ${parentCode} for update`.execute(
      db,
    );
  const result = await sql<{ code: string; name: string; currency: string }>`
    select code, name, currency from customers
     where company_id = ${companyId} and (code = ${parentCode} or group_code = ${parentCode})
     order by code`.execute(db);
  return result.rows;
}

/** Whether the customer heads a group (some customer names it as its group). */
export async function headsGroup(db: Kysely<Database>, companyId: string, code: string): Promise<boolean> {
  const result = await sql<{ heads: boolean }>`
    select exists (select 1 from customers where company_id = ${companyId} and group_code = ${code}) as heads`.execute(
    db,
  );
  return result.rows[0]?.heads ?? false;
}
