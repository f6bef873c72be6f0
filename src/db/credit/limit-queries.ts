/**
 * Limit requests (the approval inbox), the limit history (with the limit changes of an imported
 * story), and the people a credit message goes to.
 */
import { type Kysely, sql } from 'kysely';
import type { ImportedLimitEvent } from '#core/credit/limit-history';
import type { ImportOrigin } from '#core/types';
import { importOriginAt } from '../imports/import-origin.ts';
import type { Database } from '../infra/schema.ts';
import {
  type CustomerRecordFilter,
  customerRecordConditions,
  selectWithCustomer,
} from './customer-records.ts';

export interface LimitRequestRow {
  requestId: number;
  customerCode: string;
  customerName: string;
  salesperson: string | null;
  requestedMinor: number;
  currency: string;
  kind: 'permanent' | 'temporary';
  expiresOn: string | null;
  justification: string;
  orderRef: string | null;
  status: 'pending' | 'approved' | 'refused' | 'cancelled';
  requiredRole: string;
  riskClass: string | null;
  dueAt: Date;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
}

export type NewLimitRequest = Pick<
  LimitRequestRow,
  | 'customerCode'
  | 'requestedMinor'
  | 'currency'
  | 'kind'
  | 'expiresOn'
  | 'justification'
  | 'orderRef'
  | 'requiredRole'
  | 'riskClass'
  | 'dueAt'
>;

const REQUEST_COLUMNS = sql`r.request_id as "requestId", r.customer_code as "customerCode", c.name as "customerName",
  c.salesperson, r.requested_minor as "requestedMinor", r.currency, r.kind, r.expires_on as "expiresOn",
  r.justification, r.order_ref as "orderRef", r.status, r.required_role as "requiredRole",
  r.risk_class as "riskClass", r.due_at as "dueAt", r.requested_by as "requestedBy",
  r.requested_at as "requestedAt", r.decided_by as "decidedBy", r.decided_at as "decidedAt",
  r.decision_comment as "decisionComment"`;

export async function insertLimitRequest(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  request: NewLimitRequest,
  at: Date,
): Promise<number> {
  const row = await db
    .insertInto('credit_limit_requests')
    .values({
      company_id: companyId,
      customer_code: request.customerCode,
      requested_minor: request.requestedMinor,
      currency: request.currency,
      kind: request.kind,
      expires_on: request.expiresOn,
      justification: request.justification,
      order_ref: request.orderRef,
      required_role: request.requiredRole,
      risk_class: request.riskClass,
      due_at: request.dueAt,
      requested_by: actor,
      requested_at: at,
    })
    .returning('request_id')
    .executeTakeFirstOrThrow();
  return row.request_id;
}

export async function findLimitRequest(
  db: Kysely<Database>,
  companyId: string,
  requestId: number,
  lock = false,
): Promise<LimitRequestRow | undefined> {
  const result = await sql<LimitRequestRow>`
    ${selectWithCustomer(REQUEST_COLUMNS, 'credit_limit_requests', 'r')}
     where r.company_id = ${companyId} and r.request_id = ${requestId}
     ${lock ? sql`for update of r` : sql``}`.execute(db);
  return result.rows[0];
}

export async function listLimitRequests(
  db: Kysely<Database>,
  companyId: string,
  filter: CustomerRecordFilter & { limit: number },
): Promise<LimitRequestRow[]> {
  const result = await sql<LimitRequestRow>`
    ${selectWithCustomer(REQUEST_COLUMNS, 'credit_limit_requests', 'r')}
     where r.company_id = ${companyId} ${customerRecordConditions('r', filter)}
     order by r.due_at, r.request_id limit ${filter.limit}`.execute(db);
  return result.rows;
}

export async function decideLimitRequest(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  requestId: number,
  decision: { status: 'approved' | 'refused'; comment: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable('credit_limit_requests')
    .set({
      status: decision.status,
      decided_by: actor,
      decided_at: decision.at,
      decision_comment: decision.comment,
    })
    .where('company_id', '=', companyId)
    .where('request_id', '=', requestId)
    .execute();
}

export interface LimitHistoryRow {
  entryId: number;
  customerCode: string;
  kind: 'permanent' | 'temporary';
  amountMinor: number | null;
  previousMinor: number | null;
  currency: string;
  validFrom: string;
  expiresOn: string | null;
  reason: string;
  requestId: number | null;
  createdBy: string;
  createdAt: Date;
  /** The import that wrote the entry (a customers file), when one did. */
  importOrigin: ImportOrigin | null;
}

export async function insertLimitHistory(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  entry: Omit<LimitHistoryRow, 'entryId' | 'createdBy' | 'createdAt' | 'importOrigin'>,
): Promise<void> {
  await db
    .insertInto('credit_limit_history')
    .values({
      company_id: companyId,
      customer_code: entry.customerCode,
      kind: entry.kind,
      amount_minor: entry.amountMinor,
      previous_minor: entry.previousMinor,
      currency: entry.currency,
      valid_from: entry.validFrom,
      expires_on: entry.expiresOn,
      reason: entry.reason,
      request_id: entry.requestId,
      created_by: actor,
    })
    .execute();
}

/** The customer's history, each change from a request with the approver's comment on it. */
export async function limitHistory(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
): Promise<(LimitHistoryRow & { comment: string | null })[]> {
  const result = await sql<LimitHistoryRow & { comment: string | null }>`
    select h.entry_id as "entryId", h.customer_code as "customerCode", h.kind, h.amount_minor as "amountMinor",
           h.previous_minor as "previousMinor", h.currency, h.valid_from as "validFrom",
           h.expires_on as "expiresOn", h.reason, h.request_id as "requestId", h.created_by as "createdBy",
           h.created_at as "createdAt", r.decision_comment as "comment",
           ${importOriginAt(companyId, sql.ref('h.created_at'))} as "importOrigin"
      from credit_limit_history h
      left join credit_limit_requests r on r.company_id = h.company_id and r.request_id = h.request_id
     where h.company_id = ${companyId} and h.customer_code = ${customerCode}
     order by h.entry_id desc`.execute(db);
  return result.rows;
}

/**
 * The customer's limit changes brought in with its story (an import of past events): lines of kind
 * 'limit_change' without a catalogue message — the ones Encours writes itself carry one and have
 * their own history entry.
 */
export async function importedLimitEvents(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
): Promise<ImportedLimitEvent[]> {
  const result = await sql<ImportedLimitEvent>`
    select e.event_id as "eventId", e.event_date::text as "eventDate", e.detail, c.currency,
           e.created_by as "createdBy", ${importOriginAt(companyId, sql.ref('e.created_at'))} as "importOrigin"
      from customer_events e
      join customers c on c.company_id = e.company_id and c.code = e.customer_code
     where e.company_id = ${companyId} and e.customer_code = ${customerCode}
       and e.kind = 'limit_change' and e.message_key is null
     order by e.event_date desc, e.event_id desc`.execute(db);
  return result.rows;
}

/** Sets the customer's permanent limit (the value the ledger and the reports read). */
export async function setCustomerLimit(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  limitMinor: number | null,
  at: Date,
): Promise<void> {
  await db
    .updateTable('customers')
    .set({ credit_limit_minor: limitMinor, updated_at: at })
    .where('company_id', '=', companyId)
    .where('code', '=', customerCode)
    .execute();
}

/** E-mail addresses of the users with one of the roles, or of a salesperson. */
export async function recipientsOf(
  db: Kysely<Database>,
  companyId: string,
  who: { roles?: readonly string[] | undefined; salesperson?: string | null | undefined },
): Promise<{ email: string; name: string; role: string; language: string }[]> {
  const roles = who.roles ?? [];
  const salesperson = who.salesperson ?? null;
  if (roles.length === 0 && salesperson === null) return [];
  const result = await sql<{ email: string; name: string; role: string; language: string }>`
    select email, name, role, language from users
     where company_id = ${companyId}
       and (role = any (${[...roles]}::text[]) or (${salesperson}::text is not null and role = 'salesperson'
            and salesperson = ${salesperson}::text))
     order by email`.execute(db);
  return result.rows;
}

/** Pending requests past their due time whose approvers were not reminded since `remindedBefore`. */
export async function lateLimitRequests(
  db: Kysely<Database>,
  companyId: string,
  now: Date,
  remindedBefore: Date,
): Promise<(LimitRequestRow & { reminders: number })[]> {
  const result = await sql<LimitRequestRow & { reminders: number }>`
    select ${REQUEST_COLUMNS}, r.reminders from credit_limit_requests r
      join customers c on c.company_id = r.company_id and c.code = r.customer_code
     where r.company_id = ${companyId} and r.status = 'pending' and r.due_at < ${now}
       and (r.last_reminded_at is null or r.last_reminded_at < ${remindedBefore})
     order by r.due_at, r.request_id
     for update of r skip locked`.execute(db);
  return result.rows;
}

export async function markLimitRequestReminded(
  db: Kysely<Database>,
  companyId: string,
  requestId: number,
  at: Date,
): Promise<void> {
  await sql`update credit_limit_requests set reminders = reminders + 1, last_reminded_at = ${at}
             where company_id = ${companyId} and request_id = ${requestId}`.execute(db);
}
