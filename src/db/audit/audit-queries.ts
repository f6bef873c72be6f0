/** The append-only audit trail: who changed what, when, with the values before and after. */

import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { CUSTOMER_KEYED_ENTITIES } from '#core/audit-keys';
import type { ImportOrigin } from '#core/types';
import { importOriginAt } from '../imports/import-origin.ts';
import type { Database } from '../infra/schema.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityKey: string;
  before: unknown;
  after: unknown;
  /** When the change was made, from the use case's clock; the database's now() when absent. */
  at?: Date | undefined;
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: Date;
  actor: string;
  /** The customer's name when the entry is keyed by its code (null otherwise, or once it is gone). */
  customerName: string | null;
  /** The import that wrote the entry (a file, or the demo load), when one did. */
  importOrigin: ImportOrigin | null;
}

export async function insertAudit(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values(auditRow(companyId, actor, entry))
    .execute();
}

function auditRow(companyId: string, actor: string, entry: AuditEntry) {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  return {
    company_id: companyId,
    actor,
    action: entry.action,
    entity: entry.entity,
    entity_key: entry.entityKey,
    before: json(entry.before),
    after: json(entry.after),
    ...(entry.at === undefined ? {} : { at: entry.at }),
  };
}

/** Several entries in one statement per thousand (a batch of automatic matches). */
export async function insertAudits(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  entries: readonly AuditEntry[],
): Promise<void> {
  for (let start = 0; start < entries.length; start += 1000)
    await db
      .insertInto('audit_log')
      .values(entries.slice(start, start + 1000).map((entry) => auditRow(companyId, actor, entry)))
      .execute();
}

export interface AuditFilter {
  entity?: string | undefined;
  /** Any of these entities, actions or authors (the codes a typed word stands for). */
  entities?: readonly string[] | undefined;
  actions?: readonly string[] | undefined;
  actors?: readonly string[] | undefined;
  entityKey?: string | undefined;
  actor?: string | undefined;
  /** Authors whose name holds this text, whatever the case (a part of an e-mail address). */
  actorContains?: string | undefined;
  /** Entries made on these days ('YYYY-MM-DD', both included) in this time zone (IANA name). */
  fromDay?: string | undefined;
  toDay?: string | undefined;
  timeZone?: string | undefined;
  /** The entries about one customer: its file, and its credit records (see `aboutCustomer`). */
  customerCode?: string | undefined;
}

/**
 * The entries about a customer: those keyed by its code, and those of its limit requests and
 * order decisions, keyed by their own ids and found through the customer's rows of those tables.
 * Every branch reads the (company, entity, key) index of the log.
 */
function aboutCustomer(companyId: string, customerCode: string) {
  return (eb: ExpressionBuilder<Database, 'audit_log'>) =>
    eb.or([
      eb.and([eb('entity', 'in', CUSTOMER_KEYED_ENTITIES), eb('entity_key', '=', customerCode)]),
      eb.and([
        eb('entity', '=', 'limit_request'),
        eb(
          'entity_key',
          'in',
          eb
            .selectFrom('credit_limit_requests')
            .select((sub) => sub.cast<string>('request_id', 'text').as('key'))
            .where('company_id', '=', companyId)
            .where('customer_code', '=', customerCode),
        ),
      ]),
      eb.and([
        eb('entity', '=', 'order_decision'),
        eb(
          'entity_key',
          'in',
          eb
            .selectFrom('credit_order_decisions')
            .select('order_ref')
            .where('company_id', '=', companyId)
            .where('customer_code', '=', customerCode),
        ),
      ]),
    ]);
}

const WHOLE_ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export async function selectAudit(
  db: Kysely<Database>,
  companyId: string,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditRow[]; total: number }> {
  let query = db.selectFrom('audit_log').where('company_id', '=', companyId);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entities) query = query.where('entity', 'in', [...filter.entities]);
  if (filter.actions) query = query.where('action', 'in', [...filter.actions]);
  if (filter.actors) query = query.where('actor', 'in', [...filter.actors]);
  if (filter.entityKey) query = query.where('entity_key', '=', filter.entityKey);
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.actorContains) {
    const escaped = filter.actorContains.replace(/[\\%_]/g, '\\$&');
    // A whole address is one person: their entries and their jobs' (« alice@x (job 12) »), not
    // another address that holds it (an@x inside jean@x). Part of an address finds every holder.
    query = WHOLE_ADDRESS.test(filter.actorContains)
      ? query.where((eb) =>
          eb.or([eb('actor', 'ilike', escaped), eb('actor', 'ilike', `${escaped} (job %)`)]),
        )
      : query.where('actor', 'ilike', `%${escaped}%`);
  }
  // The day's bounds as instants, so that the (company, time) order of the log still serves.
  const zone = filter.timeZone ?? 'UTC';
  if (filter.fromDay)
    query = query.where('at', '>=', sql<Date>`(${filter.fromDay}::date)::timestamp at time zone ${zone}`);
  if (filter.toDay)
    query = query.where('at', '<', sql<Date>`(${filter.toDay}::date + 1)::timestamp at time zone ${zone}`);
  if (filter.customerCode) query = query.where(aboutCustomer(companyId, filter.customerCode));
  const entries = query
    .select([
      'audit_id as id',
      'at',
      'actor',
      'action',
      'entity',
      'entity_key as entityKey',
      'before',
      'after',
    ])
    .orderBy('at', 'desc')
    .orderBy('audit_id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .as('entry');
  // The page is cut first, so the customers are looked up (by their key) for its entries alone.
  const [rows, count] = await Promise.all([
    db
      .selectFrom(entries)
      .leftJoin('customers', (join) =>
        join
          .on('customers.company_id', '=', companyId)
          .onRef('customers.code', '=', 'entry.entityKey')
          .on('entry.entity', 'in', CUSTOMER_KEYED_ENTITIES),
      )
      .selectAll('entry')
      .select('customers.name as customerName')
      .select(importOriginAt(companyId, sql.ref('entry.at')).as('importOrigin'))
      .orderBy('entry.at', 'desc')
      .orderBy('entry.id', 'desc')
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
  ]);
  return { items: rows, total: Number(count?.total ?? 0) };
}
