/**
 * Storing messages in the outbox inside the caller's transaction, idempotent per key: a dunning
 * run enqueues thousands of e-mails, so a batch is a few statements (rows, their attachments, the
 * keys already used) instead of two round trips per message; on a server the rows and the
 * statements' jobs go by COPY (`outbox-copy.ts`).
 */
import type { Kysely } from 'kysely';
import type { MailStatus } from '#core/types';
import { batches } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';
import { copyDeferredAttachments, copyNewMails } from './outbox-copy.ts';
import type { NewMailRow } from './outbox-queries.ts';

export interface StoredMailRef {
  id: number;
  /** False when the key was already used (before, or earlier in the same batch). */
  created: boolean;
  status: MailStatus;
}

interface MailRef {
  id: number;
  status: MailStatus;
}

/** Rows per statement: 17 parameters a message, well under PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 1_000;

async function insertNew(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  messages: readonly NewMailRow[],
  now: Date,
): Promise<Map<string, MailRef>> {
  const inserted = new Map<string, MailRef>();
  for (const chunk of batches(messages, ROWS_PER_STATEMENT)) {
    const rows = await db
      .insertInto('mail_outbox')
      .values(
        chunk.map((message) => ({
          company_id: companyId,
          idempotency_key: message.idempotencyKey,
          category: message.category,
          from_address: message.from,
          to_addresses: message.to,
          cc_addresses: message.cc,
          bcc_addresses: message.bcc,
          reply_to: message.replyTo,
          subject: message.subject,
          html_body: message.html,
          text_body: message.text,
          customer_code: message.customerCode,
          document_ref: message.documentRef,
          message_id_header: message.messageIdHeader,
          next_attempt_at: now,
          created_at: now,
          created_by: actor,
        })),
      )
      // A key met twice in one statement stores its first message only, as one by one would.
      .onConflict((conflict) => conflict.columns(['company_id', 'idempotency_key']).doNothing())
      .returning(['outbox_id', 'idempotency_key', 'status'])
      .execute();
    for (const row of rows)
      inserted.set(row.idempotency_key, { id: Number(row.outbox_id), status: row.status as MailStatus });
  }
  return inserted;
}

async function insertAttachments(
  db: Kysely<Database>,
  companyId: string,
  messages: readonly NewMailRow[],
  inserted: ReadonlyMap<string, MailRef>,
): Promise<void> {
  const rows = messages.flatMap((message) => {
    const outboxId = inserted.get(message.idempotencyKey)?.id;
    if (outboxId === undefined) return [];
    return message.attachments.map((attachment, position) => ({
      company_id: companyId,
      outbox_id: outboxId,
      position,
      filename: attachment.filename,
      content_type: attachment.contentType,
      content: attachment.content,
      render_job: 'renderJob' in attachment ? JSON.stringify(attachment.renderJob) : null,
    }));
  });
  for (const chunk of batches(rows, ROWS_PER_STATEMENT))
    await db.insertInto('mail_outbox_attachments').values(chunk).execute();
}

async function selectByKeys(
  db: Kysely<Database>,
  companyId: string,
  keys: readonly string[],
): Promise<Map<string, MailRef>> {
  const found = new Map<string, MailRef>();
  for (const chunk of batches(keys, ROWS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('mail_outbox')
      .select(['outbox_id', 'idempotency_key', 'status'])
      .where('company_id', '=', companyId)
      .where('idempotency_key', 'in', chunk)
      .execute();
    for (const row of rows)
      found.set(row.idempotency_key, { id: Number(row.outbox_id), status: row.status as MailStatus });
  }
  return found;
}

/**
 * Stores each message unless the company already has one with its key, and says for each (in
 * order) which row holds it. A concurrent insert of the same key waits on the unique index, and
 * the row it committed is then found by key.
 */
export async function insertMails(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  messages: readonly NewMailRow[],
  now: Date,
): Promise<StoredMailRef[]> {
  if (messages.length === 0) return [];
  // By COPY on a server (outbox-copy.ts), by multi-row inserts on the embedded engine.
  const inserted =
    (await copyNewMails(db, companyId, actor, messages, now)) ??
    (await insertNew(db, companyId, actor, messages, now));
  const firstOfKey = new Set<string>();
  const firstMessages = messages.filter((message) => {
    if (!inserted.has(message.idempotencyKey) || firstOfKey.has(message.idempotencyKey)) return false;
    firstOfKey.add(message.idempotencyKey);
    return true;
  });
  if (!(await copyDeferredAttachments(db, companyId, firstMessages, inserted)))
    await insertAttachments(db, companyId, firstMessages, inserted);
  const known = messages.map((message) => message.idempotencyKey).filter((key) => !inserted.has(key));
  const existing = await selectByKeys(db, companyId, [...new Set(known)]);
  const seen = new Set<string>();
  return messages.map((message) => {
    const key = message.idempotencyKey;
    const fresh = inserted.get(key);
    if (fresh && !seen.has(key)) {
      seen.add(key);
      return { ...fresh, created: true };
    }
    const stored = fresh ?? existing.get(key);
    if (!stored) throw new Error(`outbox row for ${key} neither inserted nor found`);
    return { id: stored.id, created: false, status: stored.status };
  });
}
