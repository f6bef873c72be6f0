/**
 * The outbox's rows by COPY on a PostgreSQL server (a dunning run enqueues some 13,500 e-mails at
 * 1,000,000 open items): the messages into a staging table dropped at commit, then one
 * `insert … select … on conflict do nothing` that keeps the idempotency key's rule (a key already
 * stored, or met earlier in the batch, stores nothing), and the statements' jobs by COPY into
 * the attachments. A multi-row insert of 1,000 messages carried 17,000 parameters, each composed
 * by the query builder, serialised by the driver and parsed by the server. The rows stored are
 * those of `outbox-inserts.ts`'s statements: the lists travel as JSON arrays (COPY has no list
 * encoding of ours) and are taken apart in the insert. Null when COPY is not available (the
 * embedded engine, outside a transaction) or not worth it (a few messages): the caller keeps its
 * statements then.
 */
import { type Kysely, sql } from 'kysely';
import type { MailStatus } from '#core/types';
import { copyRows } from '../dunning/run-copy.ts';
import { type ColumnSpec, STAGE_TYPES } from '../infra/bulk.ts';
import { serverClientOf } from '../infra/connect.ts';
import type { Database } from '../infra/schema.ts';
import type { NewMailRow } from './outbox-queries.ts';

const STAGE = 'mail_outbox_stage';

/**
 * Fewer messages go by the multi-row insert: COPY costs three more round trips (the staging
 * table, the copy, the insert from it), worth it for a run's slice, not for one message.
 */
export const COPY_FROM_MESSAGES = 50;

type Numbered = { message: NewMailRow; ord: number };

const STAGE_COLUMNS: ColumnSpec<Numbered>[] = [
  { name: 'ord', type: 'int4', value: (m) => m.ord },
  { name: 'idempotency_key', type: 'text', value: (m) => m.message.idempotencyKey },
  { name: 'category', type: 'text', value: (m) => m.message.category },
  { name: 'from_address', type: 'text', value: (m) => m.message.from },
  { name: 'to_addresses', type: 'jsonb', value: (m) => m.message.to },
  { name: 'cc_addresses', type: 'jsonb', value: (m) => m.message.cc },
  { name: 'bcc_addresses', type: 'jsonb', value: (m) => m.message.bcc },
  { name: 'reply_to', type: 'text', value: (m) => m.message.replyTo },
  { name: 'subject', type: 'text', value: (m) => m.message.subject },
  { name: 'html_body', type: 'text', value: (m) => m.message.html },
  { name: 'text_body', type: 'text', value: (m) => m.message.text },
  { name: 'customer_code', type: 'text', value: (m) => m.message.customerCode },
  { name: 'document_ref', type: 'text', value: (m) => m.message.documentRef },
  { name: 'message_id_header', type: 'text', value: (m) => m.message.messageIdHeader },
];

/**
 * The transactions whose staging table exists (dropped at their commit): a run stages a batch per
 * slice, and creating and dropping the table each time cost more than the insert it fed.
 */
const staged = new WeakSet<Kysely<Database>>();

async function ensureStage(db: Kysely<Database>): Promise<void> {
  if (staged.has(db)) return;
  const definitions = STAGE_COLUMNS.map(
    (column) => sql`${sql.ref(column.name)} ${sql.raw(STAGE_TYPES[column.type])}`,
  );
  await sql`create temp table if not exists ${sql.table(STAGE)} (${sql.join(definitions)}) on commit drop`.execute(
    db,
  );
  staged.add(db);
}

const list = (column: string) => sql`array(select jsonb_array_elements_text(s.${sql.ref(column)}))`;

/**
 * Stores the messages whose key is new, in the order given, and answers which row holds each
 * key it stored (the keys left out are the caller's to look up); null without COPY.
 */
export async function copyNewMails(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
  messages: readonly NewMailRow[],
  now: Date,
): Promise<Map<string, { id: number; status: MailStatus }> | null> {
  // Only a transaction keeps its connection for the staging table, the copy and the insert.
  if (messages.length < COPY_FROM_MESSAGES || !db.isTransaction) return null;
  if ((await serverClientOf(db)) === undefined) return null;
  await ensureStage(db);
  const numbered = messages.map((message, ord) => ({ message, ord }));
  if (!(await copyRows(db, STAGE, numbered, STAGE_COLUMNS)))
    throw new Error('COPY was available and is no longer');
  // The batch leaves the staging table as it is inserted: empty for the next one.
  const result = await sql<{ outbox_id: string | number; idempotency_key: string; status: string }>`
    with batch as (delete from ${sql.table(STAGE)} returning *)
    insert into mail_outbox (company_id, idempotency_key, category, from_address, to_addresses,
      cc_addresses, bcc_addresses, reply_to, subject, html_body, text_body, customer_code,
      document_ref, message_id_header, next_attempt_at, created_at, created_by)
    select ${companyId}::text, s.idempotency_key, s.category, s.from_address, ${list('to_addresses')},
      ${list('cc_addresses')}, ${list('bcc_addresses')}, s.reply_to, s.subject, s.html_body,
      s.text_body, s.customer_code, s.document_ref, s.message_id_header, ${now}::timestamptz,
      ${now}::timestamptz, ${actor}::text
    from batch s
    order by s.ord
    -- A key met twice in the batch stores its first message only, as one by one would.
    on conflict (company_id, idempotency_key) do nothing
    returning outbox_id, idempotency_key, status`.execute(db);
  const inserted = new Map<string, { id: number; status: MailStatus }>();
  for (const row of result.rows)
    inserted.set(row.idempotency_key, { id: Number(row.outbox_id), status: row.status as MailStatus });
  return inserted;
}

interface StoredAttachment {
  outboxId: number;
  position: number;
  filename: string;
  contentType: string;
  renderJob: unknown;
}

const ATTACHMENT_COLUMNS = (companyId: string): ColumnSpec<StoredAttachment>[] => [
  { name: 'company_id', type: 'text', value: () => companyId },
  { name: 'outbox_id', type: 'int8', value: (a) => a.outboxId },
  { name: 'position', type: 'int4', value: (a) => a.position },
  { name: 'filename', type: 'text', value: (a) => a.filename },
  { name: 'content_type', type: 'text', value: (a) => a.contentType },
  { name: 'render_job', type: 'jsonb', value: (a) => a.renderJob },
];

/**
 * The attachments by COPY when every one is a render job (a run's statements: no bytes, which
 * COPY's text format would need as hex); false, nothing written, otherwise or without COPY.
 */
export async function copyDeferredAttachments(
  db: Kysely<Database>,
  companyId: string,
  messages: readonly NewMailRow[],
  inserted: ReadonlyMap<string, { id: number }>,
): Promise<boolean> {
  if (messages.length < COPY_FROM_MESSAGES || !db.isTransaction) return false;
  const rows: StoredAttachment[] = [];
  for (const message of messages) {
    const outboxId = inserted.get(message.idempotencyKey)?.id;
    if (outboxId === undefined) continue;
    for (const [position, attachment] of message.attachments.entries()) {
      if (!('renderJob' in attachment) || attachment.content !== null) return false;
      rows.push({ outboxId, position, ...attachment });
    }
  }
  if (rows.length === 0) return true;
  return copyRows(db, 'mail_outbox_attachments', rows, ATTACHMENT_COLUMNS(companyId));
}
