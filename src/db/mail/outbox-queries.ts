/**
 * The mail outbox: storing a message inside the caller's transaction (idempotent per key),
 * reading it back, and a manual retry. The dispatcher's claim and results are in
 * outbox-dispatch.ts.
 */
import type { Kysely, Selectable } from 'kysely';
import { MAIL_STATUSES, type MailStatus } from '#core/types';
import type { Database } from '../infra/schema.ts';
import type { MailOutboxTable } from './outbox-schema.ts';

export { MAIL_STATUSES, type MailStatus };

export interface NewMailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** An attachment stored as what to render it from (a PDF job of the document port): see 0028. */
export interface DeferredMailAttachment {
  filename: string;
  contentType: string;
  content: null;
  renderJob: unknown;
}

/** An attachment as stored: its bytes, or (until first needed) what to render them from. */
export interface StoredMailAttachment {
  position: number;
  filename: string;
  contentType: string;
  content: Buffer | null;
  renderJob: unknown;
}

/** What a message says and to whom, the same when it is queued and when it is read back. */
export interface MailMessageFields {
  idempotencyKey: string;
  category: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string | null;
  subject: string;
  html: string | null;
  text: string;
  customerCode: string | null;
  documentRef: string | null;
  messageIdHeader: string;
}

export interface NewMailRow extends MailMessageFields {
  attachments: (NewMailAttachment | DeferredMailAttachment)[];
}

export interface MailRow extends MailMessageFields {
  companyId: string;
  id: number;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  providerMessageId: string | null;
  createdAt: Date;
  createdBy: string;
  sentAt: Date | null;
}

export interface MailAttachmentRow {
  position: number;
  filename: string;
  contentType: string;
  /** Null while a deferred attachment is not rendered yet (it is, before the message is sent). */
  sizeBytes: number | null;
}

export function toMailRow(row: Selectable<MailOutboxTable>): MailRow {
  return {
    companyId: row.company_id,
    id: Number(row.outbox_id),
    idempotencyKey: row.idempotency_key,
    category: row.category,
    from: row.from_address,
    to: row.to_addresses,
    cc: row.cc_addresses,
    bcc: row.bcc_addresses,
    replyTo: row.reply_to,
    subject: row.subject,
    html: row.html_body,
    text: row.text_body,
    customerCode: row.customer_code,
    documentRef: row.document_ref,
    messageIdHeader: row.message_id_header,
    status: row.status as MailStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    providerMessageId: row.provider_message_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    sentAt: row.sent_at,
  };
}

export async function selectMail(
  db: Kysely<Database>,
  companyId: string,
  id: number,
): Promise<MailRow | null> {
  const row = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('outbox_id', '=', id)
    .executeTakeFirst();
  return row ? toMailRow(row) : null;
}

/** Attachments without their bytes, for listing. */
export async function selectMailAttachmentInfo(
  db: Kysely<Database>,
  companyId: string,
  id: number,
): Promise<MailAttachmentRow[]> {
  return db
    .selectFrom('mail_outbox_attachments')
    .select((eb) => [
      'position',
      'filename',
      'content_type as contentType',
      eb.fn<number | null>('octet_length', ['content']).as('sizeBytes'),
    ])
    .where('company_id', '=', companyId)
    .where('outbox_id', '=', id)
    .orderBy('position')
    .execute();
}

export async function selectMailAttachments(
  db: Kysely<Database>,
  companyId: string,
  id: number,
): Promise<StoredMailAttachment[]> {
  return db
    .selectFrom('mail_outbox_attachments')
    .select(['position', 'filename', 'content_type as contentType', 'content', 'render_job as renderJob'])
    .where('company_id', '=', companyId)
    .where('outbox_id', '=', id)
    .orderBy('position')
    .execute();
}

/**
 * Keeps the rendered bytes of a deferred attachment, once: a concurrent renderer that got there
 * first wins, and the bytes stored are returned either way, so every reader sees the same ones.
 */
export async function storeMailAttachmentContent(
  db: Kysely<Database>,
  companyId: string,
  id: number,
  position: number,
  content: Buffer,
): Promise<Buffer> {
  await db
    .updateTable('mail_outbox_attachments')
    .set({ content })
    .where('company_id', '=', companyId)
    .where('outbox_id', '=', id)
    .where('position', '=', position)
    .where('content', 'is', null)
    .execute();
  const row = await db
    .selectFrom('mail_outbox_attachments')
    .select('content')
    .where('company_id', '=', companyId)
    .where('outbox_id', '=', id)
    .where('position', '=', position)
    .executeTakeFirstOrThrow();
  return row.content ?? content;
}

export interface MailFilter {
  status?: MailStatus | undefined;
  category?: string | undefined;
  customerCode?: string | undefined;
  documentRef?: string | undefined;
  /** Subject or recipient contains this text. */
  search?: string | undefined;
}

export async function selectMails(
  db: Kysely<Database>,
  companyId: string,
  filter: MailFilter,
  page: { limit: number; offset: number },
): Promise<{ items: MailRow[]; total: number }> {
  let query = db.selectFrom('mail_outbox').where('company_id', '=', companyId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.customerCode) query = query.where('customer_code', '=', filter.customerCode);
  if (filter.documentRef) query = query.where('document_ref', '=', filter.documentRef);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('subject', 'ilike', pattern),
        eb(eb.fn('array_to_string', ['to_addresses', eb.val(' ')]), 'ilike', pattern),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('outbox_id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst(),
  ]);
  return { items: rows.map(toMailRow), total: Number(count?.total ?? 0) };
}

/**
 * Puts a failed or held message back in the queue, due now. Returns false when the message is
 * in another state (sent stays sent; pending or sending is already on its way).
 */
export async function requeueMail(
  db: Kysely<Database>,
  companyId: string,
  id: number,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', next_attempt_at: now, lease_token: null })
    .where('company_id', '=', companyId)
    .where('outbox_id', '=', id)
    .where('status', 'in', ['failed', 'held'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
