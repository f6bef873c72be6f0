/**
 * The dispatcher's side of the outbox. A claim takes due messages of every company with
 * `FOR UPDATE SKIP LOCKED` and leases them (status 'sending', next_attempt_at = end of the
 * lease, a fresh lease token) in one autocommitted statement, so two dispatchers never hold the
 * same message; results are written only under the token of the claim that sent it.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { type MailRow, toMailRow } from './outbox-queries.ts';
import type { MailOutboxTable } from './outbox-schema.ts';

/** Due: waiting or failed with a retry time that has come, or claimed with an expired lease. */
const DUE_STATUSES = ['pending', 'failed', 'sending'] as const;

export async function claimDueMails(
  db: Kysely<Database>,
  input: { now: Date; leaseUntil: Date; leaseToken: string; limit: number },
): Promise<MailRow[]> {
  const result = await sql<MailOutboxTable>`
    with picked as (
      select company_id, outbox_id from mail_outbox
      where status in (${sql.join(DUE_STATUSES)}) and next_attempt_at is not null
        and next_attempt_at <= ${input.now}
      order by next_attempt_at, outbox_id
      limit ${input.limit}
      for update skip locked
    )
    update mail_outbox m
    set status = 'sending', next_attempt_at = ${input.leaseUntil}, lease_token = ${input.leaseToken}
    from picked
    where m.company_id = picked.company_id and m.outbox_id = picked.outbox_id
    returning m.*`.execute(db);
  return result.rows
    .map((row) => toMailRow(row as never))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

type Claimed = Pick<MailRow, 'companyId' | 'id'>;

function fenced(db: Kysely<Database>, mail: Claimed, leaseToken: string) {
  return db
    .updateTable('mail_outbox')
    .where('company_id', '=', mail.companyId)
    .where('outbox_id', '=', mail.id)
    .where('status', '=', 'sending')
    .where('lease_token', '=', leaseToken);
}

/** False when the lease was lost (another dispatcher re-claimed the message after it expired). */
export async function markMailSent(
  db: Kysely<Database>,
  mail: Claimed,
  leaseToken: string,
  result: { sentAt: Date; providerMessageId: string | null },
): Promise<boolean> {
  const update = await fenced(db, mail, leaseToken)
    .set((eb) => ({
      status: 'sent',
      sent_at: result.sentAt,
      attempts: eb('attempts', '+', 1),
      provider_message_id: result.providerMessageId,
      last_error: null,
      next_attempt_at: null,
      lease_token: null,
    }))
    .executeTakeFirst();
  return Number(update.numUpdatedRows) > 0;
}

/** Records a failed attempt; `retryAt` null means no automatic retry (permanent or too many). */
export async function markMailFailed(
  db: Kysely<Database>,
  mail: Claimed,
  leaseToken: string,
  failure: { error: string; retryAt: Date | null },
): Promise<boolean> {
  const update = await fenced(db, mail, leaseToken)
    .set((eb) => ({
      status: 'failed',
      attempts: eb('attempts', '+', 1),
      last_error: failure.error,
      next_attempt_at: failure.retryAt,
      lease_token: null,
    }))
    .executeTakeFirst();
  return Number(update.numUpdatedRows) > 0;
}

/** Gives back claimed messages that were not tried (SMTP unreachable, lease running out). */
export async function releaseMail(
  db: Kysely<Database>,
  mail: Claimed,
  leaseToken: string,
  retryAt: Date,
): Promise<void> {
  await fenced(db, mail, leaseToken)
    .set((eb) => ({
      status: eb.case().when('attempts', '=', 0).then('pending').else('failed').end(),
      next_attempt_at: retryAt,
      lease_token: null,
    }))
    .execute();
}

/**
 * Without SMTP, due messages are held (kept, readable, exportable) instead of retried forever;
 * someone sends them on purpose once a server is configured. Returns how many were held.
 */
export async function holdDueMails(db: Kysely<Database>, now: Date): Promise<number> {
  const update = await db
    .updateTable('mail_outbox')
    .set({ status: 'held', next_attempt_at: null, lease_token: null })
    .where('status', 'in', DUE_STATUSES)
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(update.numUpdatedRows);
}
