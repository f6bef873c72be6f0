/**
 * Credit records read with their customer: limit requests and order decisions are each listed with
 * the customer's name and salesperson (the access rule filters on it), found or listed the same way.
 */
import { type RawBuilder, sql } from 'kysely';

/**
 * The record tables read this way, and the alias each one's columns list names it by: constants of
 * the code (written as such in the SQL), never a value from outside.
 */
type RecordTable = 'credit_limit_requests' | 'credit_order_decisions';
type RecordAlias = 'r' | 'k';

/** What a list of records may be narrowed to: left undefined, a filter does not apply. */
export interface CustomerRecordFilter {
  status?: string | undefined;
  customerCode?: string | undefined;
  salesperson?: string | undefined;
}

/** `select <columns> from <table> <alias>` joined to the record's customer as `c`. */
export function selectWithCustomer(
  columns: RawBuilder<unknown>,
  table: RecordTable,
  alias: RecordAlias,
): RawBuilder<unknown> {
  const record = sql.raw(alias);
  return sql`select ${columns} from ${sql.raw(table)} ${record}
      join customers c on c.company_id = ${record}.company_id and c.code = ${record}.customer_code`;
}

/** One `and … = …` condition for each filter given, on the record `alias` and its customer `c`. */
export function customerRecordConditions(
  alias: RecordAlias,
  filter: CustomerRecordFilter,
): RawBuilder<unknown> {
  const column = (name: 'status' | 'customer_code') => sql.raw(`${alias}.${name}`);
  const conditions = [
    filter.status === undefined ? null : sql`and ${column('status')} = ${filter.status}`,
    filter.customerCode === undefined ? null : sql`and ${column('customer_code')} = ${filter.customerCode}`,
    filter.salesperson === undefined ? null : sql`and c.salesperson = ${filter.salesperson}`,
  ].filter((condition) => condition !== null);
  return conditions.length === 0 ? sql`` : sql.join(conditions, sql` `);
}
