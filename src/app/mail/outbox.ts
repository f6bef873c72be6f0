/**
 * Reading the outbox (every message with its status, attempts and last error), exporting a
 * message as the .eml that was (or will be) sent, and putting a failed or held one back in line.
 */
import {
  type MailFilter,
  type MailRow,
  type MailStatus,
  requeueMail,
  selectMail,
  selectMailAttachmentInfo,
  selectMails,
} from '#db/mail/outbox-queries';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { attachmentsOf } from './attachments.ts';
import { composeEml } from './compose.ts';
import { mailOf } from './mail-port.ts';

export interface OutboxSummary {
  id: number;
  category: string;
  status: MailStatus;
  subject: string;
  to: string[];
  cc: string[];
  customerCode: string | null;
  documentRef: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  createdBy: string;
  sentAt: string | null;
}

export interface OutboxMessage extends OutboxSummary {
  idempotencyKey: string;
  from: string;
  bcc: string[];
  replyTo: string | null;
  html: string | null;
  text: string;
  messageId: string;
  providerMessageId: string | null;
  /** `sizeBytes` is null while the attachment is made only when the message is sent. */
  attachments: { position: number; filename: string; contentType: string; sizeBytes: number | null }[];
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function summary(row: MailRow): OutboxSummary {
  return {
    id: row.id,
    category: row.category,
    status: row.status,
    subject: row.subject,
    to: row.to,
    cc: row.cc,
    customerCode: row.customerCode,
    documentRef: row.documentRef,
    attempts: row.attempts,
    lastError: row.lastError,
    // Only a due time that means something to a reader: a retry planned, not a lease.
    nextAttemptAt: row.status === 'failed' || row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    sentAt: iso(row.sentAt),
  };
}

export async function listOutbox(
  ctx: AppContext,
  filter: MailFilter = {},
  page: { limit?: number; offset?: number } = {},
): Promise<{ items: OutboxSummary[]; total: number }> {
  const result = await selectMails(ctx.db, ctx.companyId, filter, {
    limit: page.limit ?? 50,
    offset: page.offset ?? 0,
  });
  return { total: result.total, items: result.items.map(summary) };
}

async function requireMail(ctx: AppContext, id: number): Promise<MailRow> {
  const row = await selectMail(ctx.db, ctx.companyId, id);
  if (!row) throw new DomainError('not_found', { key: 'errors.mail.noMessage', params: { id: String(id) } });
  return row;
}

export async function getOutboxMessage(ctx: AppContext, id: number): Promise<OutboxMessage> {
  const row = await requireMail(ctx, id);
  return {
    ...summary(row),
    idempotencyKey: row.idempotencyKey,
    from: row.from,
    bcc: row.bcc,
    replyTo: row.replyTo,
    html: row.html,
    text: row.text,
    messageId: row.messageIdHeader,
    providerMessageId: row.providerMessageId,
    attachments: await selectMailAttachmentInfo(ctx.db, ctx.companyId, id),
  };
}

/** The message as RFC 5322 bytes: the very bytes the dispatcher submits over SMTP. */
export async function exportOutboxEml(
  ctx: AppContext,
  id: number,
): Promise<{ filename: string; content: Buffer }> {
  const row = await requireMail(ctx, id);
  const content = await composeEml(row, await attachmentsOf(ctx.db, ctx.companyId, id));
  return { filename: `message-${ctx.companyId}-${id}.eml`, content };
}

/**
 * Sends a failed or held message again (the automatic retries gave up, or no SMTP was
 * configured). A sent message is never sent again; a pending one is already in line.
 */
export async function retryOutboxMessage(ctx: AppContext, id: number): Promise<OutboxMessage> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await selectMail(trx, ctx.companyId, id);
    if (!row)
      throw new DomainError('not_found', { key: 'errors.mail.noMessage', params: { id: String(id) } });
    if (row.status === 'sent')
      throw new DomainError('conflict', { key: 'errors.mail.alreadySent', params: { id: String(id) } });
    if (!(await requeueMail(trx, ctx.companyId, id, ctx.clock.now()))) return;
    await recordAudit(ctx, trx, {
      action: 'mail.retry',
      entity: 'mail',
      entityKey: String(id),
      before: { status: row.status, attempts: row.attempts, lastError: row.lastError },
      after: { status: 'pending' },
    });
  });
  mailOf(ctx).wake();
  return getOutboxMessage(ctx, id);
}
