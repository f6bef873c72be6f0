/**
 * A customer's row, its orders and its story (customer_events): the reads behind the customer
 * file and the single writes of the credit department (edits, notes, limit changes).
 */
import { type Kysely, sql } from 'kysely';
import type { CustomerEvent, ImportOrigin, IsoDate, StoryMessage } from '#core/types';
import { importOriginAt } from '../imports/import-origin.ts';
import type { Database } from '../infra/schema.ts';
import { insertEvents } from '../ledger/ledger-writes.ts';

export interface Page {
  limit: number;
  offset: number;
}

export async function selectCustomerRow(db: Kysely<Database>, companyId: string, code: string) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** Writes the given columns of one customer (values already validated by the use case). */
export async function updateCustomerColumns(
  db: Kysely<Database>,
  companyId: string,
  code: string,
  set: Record<string, unknown>,
): Promise<void> {
  await db
    .updateTable('customers')
    .set(set)
    .where('company_id', '=', companyId)
    .where('code', '=', code)
    .execute();
}

/**
 * Orders of a customer dated on or before `asOf`, newest first, with the total count; each with the
 * credit check's decision on it when one was recorded (held, released…), beside the ERP's status.
 */
export async function selectCustomerOrders(
  db: Kysely<Database>,
  companyId: string,
  code: string,
  asOf: IsoDate,
  page: Page,
) {
  const base = db
    .selectFrom('orders as o')
    .where('o.company_id', '=', companyId)
    .where('o.customer_code', '=', code)
    .where('o.order_date', '<=', asOf);
  const [items, count] = await Promise.all([
    base
      .leftJoin('credit_order_decisions as d', (join) =>
        join.onRef('d.company_id', '=', 'o.company_id').onRef('d.order_ref', '=', 'o.order_number'),
      )
      .select([
        'o.order_number as number',
        'o.order_date as orderDate',
        'o.amount_minor as amountMinor',
        'o.currency',
        'o.status',
        'd.status as creditStatus',
      ])
      .orderBy('o.order_date', 'desc')
      .orderBy('o.order_number', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
  ]);
  return { items, total: Number(count?.total ?? 0) };
}

export interface StoredEvent {
  kind: string;
  eventDate: string;
  documentRef: string | null;
  /** The French line (the message worded in French, or an imported line's text). */
  detail: string;
  /** The catalogue message the line was worded from; null on imported lines (migration 0067). */
  message: StoryMessage | null;
  createdBy: string | null;
  /** The import that wrote the line (a file, or the demo load), when one did. */
  importOrigin: ImportOrigin | null;
}

/** A customer's story up to `asOf`, newest first, with the total count. */
export async function selectCustomerEvents(
  db: Kysely<Database>,
  companyId: string,
  code: string,
  asOf: IsoDate,
  page: Page,
): Promise<{ items: StoredEvent[]; total: number }> {
  const base = db
    .selectFrom('customer_events')
    .where('company_id', '=', companyId)
    .where('customer_code', '=', code)
    .where('event_date', '<=', asOf);
  const [rows, count] = await Promise.all([
    base
      .select([
        'kind',
        'event_date as eventDate',
        'document_ref as documentRef',
        'detail',
        sql<string | null>`message_key`.as('messageKey'),
        sql<StoryMessage['params'] | null>`message_params`.as('messageParams'),
        'created_by as createdBy',
        importOriginAt(companyId, sql.ref('customer_events.created_at')).as('importOrigin'),
      ])
      .orderBy('event_date', 'desc')
      .orderBy('event_id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
  ]);
  const items = rows.map(({ messageKey, messageParams, ...row }) => ({
    ...row,
    message: messageKey === null ? null : { key: messageKey, params: messageParams ?? {} },
  }));
  return { items, total: Number(count?.total ?? 0) };
}

/** Appends one event to a customer's story, written at `at` (the database's now() without it). */
export async function insertCustomerEvent(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  event: CustomerEvent,
  at?: Date,
): Promise<void> {
  await insertEvents(db, companyId, actor, [event], at);
}

/** Notes whose text mentions @email; `salesperson` narrows to one salesperson's customers. */
export async function selectNotesMentioning(
  db: Kysely<Database>,
  companyId: string,
  email: string,
  salesperson: string | null,
  limit: number,
) {
  const pattern = `%@${email.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const result = await sql<{
    customerCode: string;
    eventDate: string;
    detail: string;
    createdBy: string | null;
  }>`
    select e.customer_code as "customerCode", e.event_date as "eventDate", e.detail, e.created_by as "createdBy"
    from customer_events e join customers c on c.company_id = e.company_id and c.code = e.customer_code
    where e.company_id = ${companyId} and e.kind = 'note' and lower(e.detail) like ${pattern}
      and (${salesperson}::text is null or c.salesperson = ${salesperson})
    order by e.event_id desc limit ${limit}`.execute(db);
  return result.rows;
}
