/** Customers waiting to be re-scored because an input of their score changed (migration 0016). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** Queues the customers once each; a customer already waiting keeps its place, with the new time. */
export async function queueRescore(
  db: Kysely<Database>,
  companyId: string,
  customerCodes: readonly string[],
  reason: string,
  at: Date,
): Promise<void> {
  if (customerCodes.length === 0) return;
  await sql`
    insert into credit_rescore_queue (company_id, customer_code, reason, requested_at)
    select ${companyId}, c.code, ${reason}, ${at}
      from customers c
     where c.company_id = ${companyId} and c.code = any (${[...new Set(customerCodes)]}::text[])
    on conflict (company_id, customer_code) do update
      set reason = excluded.reason, requested_at = excluded.requested_at`.execute(db);
}

export interface QueuedRescore {
  customerCode: string;
  requestedAt: Date;
}

export async function nextQueuedRescores(
  db: Kysely<Database>,
  companyId: string,
  limit: number,
): Promise<QueuedRescore[]> {
  return db
    .selectFrom('credit_rescore_queue')
    .select(['customer_code as customerCode', 'requested_at as requestedAt'])
    .where('company_id', '=', companyId)
    .orderBy('requested_at')
    .orderBy('customer_code')
    .limit(limit)
    .execute();
}

/** Takes a customer out once scored, unless it was queued again meanwhile (a later time). */
export async function dequeueRescore(
  db: Kysely<Database>,
  companyId: string,
  entry: QueuedRescore,
): Promise<void> {
  await db
    .deleteFrom('credit_rescore_queue')
    .where('company_id', '=', companyId)
    .where('customer_code', '=', entry.customerCode)
    .where('requested_at', '<=', entry.requestedAt)
    .execute();
}

/** A full re-scoring covers every customer queued before it started. */
export async function clearRescoreQueue(
  db: Kysely<Database>,
  companyId: string,
  before: Date,
): Promise<void> {
  await db
    .deleteFrom('credit_rescore_queue')
    .where('company_id', '=', companyId)
    .where('requested_at', '<=', before)
    .execute();
}
