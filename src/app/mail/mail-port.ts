/**
 * The mail port (`ctx.mail`): a use case enqueues a message inside its own transaction; the
 * dispatcher sends it after commit. A rolled-back decision therefore never sends anything, and
 * the same idempotency key stores (and sends) one message however often the use case runs.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import addressparser from 'nodemailer/lib/addressparser';
import type { Database } from '#db/infra/schema';
import { insertMails } from '#db/mail/outbox-inserts';
import type { MailStatus, NewMailRow } from '#db/mail/outbox-queries';
import { translator } from '#text/catalogue';
import { DomainError, type WordingParam } from '../errors.ts';

export type OutgoingAttachment =
  | { filename: string; contentType: string; content: Uint8Array }
  /**
   * Letters laid out only when the message is built (dispatch, .eml export): a run enqueueing
   * thousands of reminders stores what each statement says, not its PDF (migration 0028).
   */
  | { filename: string; contentType: 'application/pdf'; render: { kind: 'letters'; models: unknown[] } };

export interface OutgoingMail {
  /** Stable per decision, e.g. `order_refusal:CMD-42` or `reminder:C001:2026-06-30:1`. */
  idempotencyKey: string;
  /** What kind of message this is (`order_refusal`, `reminder`…): a code, labelled for people. */
  category: string;
  to: readonly string[];
  cc?: readonly string[] | undefined;
  bcc?: readonly string[] | undefined;
  replyTo?: string | null | undefined;
  /** Defaults to the runtime's sender (ENCOURS_MAIL_FROM). */
  from?: string | undefined;
  /**
   * The name the recipient sees, at the runtime sender's address (e.g. the company writing to its
   * customer): « SA CB2C <relances@…> » rather than the application's own name. Ignored with `from`.
   */
  fromName?: string | undefined;
  subject: string;
  text: string;
  html?: string | null | undefined;
  attachments?: readonly OutgoingAttachment[] | undefined;
  /** The customer and document the message is about, for the customer file. */
  customerCode?: string | null | undefined;
  documentRef?: string | null | undefined;
}

export interface EnqueuedMail {
  id: number;
  /** False when the key was already used: the stored message is returned, nothing is added. */
  created: boolean;
  status: MailStatus;
}

export interface MailPort {
  /**
   * Stores the message through `db`, which should be the use case's transaction: the message
   * exists (and is sent) only if that transaction commits.
   */
  enqueue(db: Kysely<Database>, message: OutgoingMail): Promise<EnqueuedMail>;
  /** Several messages in a few statements (a dunning run's slice), answers in the same order. */
  enqueueMany(db: Kysely<Database>, messages: readonly OutgoingMail[]): Promise<EnqueuedMail[]>;
  /** Asks the in-process dispatcher to look at the outbox now (after a manual retry). */
  wake(): void;
}

/** Tells an in-process dispatcher that something was enqueued (see dispatch-loop.ts). */
export class MailSignal {
  readonly #listeners = new Set<() => void>();

  nudge(): void {
    for (const listener of this.#listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

export const DEFAULT_MAIL_FROM = 'Encours <no-reply@encours.invalid>';
/** Beyond this, a message belongs in a document store with a link, not in an e-mail. */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;

export interface MailPortOptions {
  companyId: string;
  actor: string;
  clock: { now(): Date };
  from?: string | undefined;
  signal?: MailSignal | undefined;
}

export function createMailPort(options: MailPortOptions): MailPort {
  const from = options.from ?? DEFAULT_MAIL_FROM;
  const toRow = (message: OutgoingMail): NewMailRow => {
    const sender = message.from ?? (message.fromName ? withDisplayName(from, message.fromName) : from);
    const row = {
      idempotencyKey: requireText(message.idempotencyKey, 'idempotencyKey'),
      category: requireText(message.category, 'category'),
      from: checkAddresses([sender], 'from')[0] ?? sender,
      to: checkAddresses(message.to, 'to'),
      cc: checkAddresses(message.cc ?? [], 'cc'),
      bcc: checkAddresses(message.bcc ?? [], 'bcc'),
      replyTo: message.replyTo ? (checkAddresses([message.replyTo], 'replyTo')[0] ?? null) : null,
      subject: requireText(message.subject, 'subject'),
      html: message.html ?? null,
      text: message.text,
      customerCode: message.customerCode ?? null,
      documentRef: message.documentRef ?? null,
      // Chosen now, kept forever: a resend after a crash carries the same Message-ID, which
      // lets the receiving side recognise the duplicate.
      messageIdHeader: `<${randomUUID()}@${domainOf(sender)}>`,
      attachments: checkAttachments(message.attachments ?? []),
    };
    if (row.to.length + row.cc.length + row.bcc.length === 0)
      throw new DomainError('invalid_input', { key: 'errors.mail.noRecipient' });
    return row;
  };
  const enqueueMany = async (db: Kysely<Database>, messages: readonly OutgoingMail[]) => {
    // Every message is checked before any is stored: one bad address stores none of the batch.
    const rows = messages.map(toRow);
    const stored = await insertMails(db, options.companyId, options.actor, rows, options.clock.now());
    // The dispatcher cannot see the rows before the transaction commits; it looks again shortly.
    if (stored.some((mail) => mail.created)) options.signal?.nudge();
    return stored;
  };
  return {
    async enqueue(db, message) {
      const [stored] = await enqueueMany(db, [message]);
      if (!stored) throw new Error('the outbox stored nothing');
      return stored;
    },
    enqueueMany,
    wake: () => options.signal?.nudge(),
  };
}

/** The context's port, or one that only stores (contexts built by hand: tests, seeding scripts). */
export function mailOf(ctx: {
  mail?: MailPort | undefined;
  companyId: string;
  actor: string;
  clock: { now(): Date };
}): MailPort {
  return ctx.mail ?? createMailPort({ companyId: ctx.companyId, actor: ctx.actor, clock: ctx.clock });
}

/** A field of a message, named for the reader (`errors.mail.field`). */
const mailFieldWords =
  (field: string): WordingParam =>
  (lang) =>
    translator(lang)('errors.mail.field', { field });

function requireText(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed)
    throw new DomainError('invalid_input', {
      key: 'errors.mail.emptyField',
      params: { field: mailFieldWords(field) },
    });
  return trimmed;
}

/** Each entry must be one mailbox with an address (`Name <a@b.fr>` or `a@b.fr`). */
/** The address of `sender` under another display name, quoted as RFC 5322 wants it. */
export function withDisplayName(sender: string, name: string): string {
  const address = addressparser(sender, { flatten: true })[0]?.address ?? sender;
  const plain = name.replace(/[\r\n"\\]/g, ' ').trim();
  return plain === '' ? sender : `"${plain}" <${address}>`;
}

function checkAddresses(values: readonly string[], field: string): string[] {
  return values.map((value) => {
    const parsed = addressparser(value, { flatten: true });
    const address = parsed[0]?.address ?? '';
    if (parsed.length !== 1 || !/^[^\s@]+@[^\s@]+$/.test(address))
      throw new DomainError('invalid_input', {
        key: 'errors.mail.badAddress',
        params: { field: mailFieldWords(field), value },
      });
    return value.trim();
  });
}

function checkAttachments(attachments: readonly OutgoingAttachment[]) {
  let totalBytes = 0;
  const checked = attachments.map((attachment) => {
    const named = {
      filename: requireText(attachment.filename, 'filename'),
      contentType: requireText(attachment.contentType, 'contentType'),
    };
    if ('render' in attachment) return { ...named, content: null, renderJob: attachment.render };
    totalBytes += attachment.content.byteLength;
    return { ...named, content: Buffer.from(attachment.content) };
  });
  if (totalBytes > MAX_ATTACHMENT_BYTES)
    throw new DomainError('invalid_input', {
      key: 'errors.mail.attachmentsTooLarge',
      params: { megabytes: MAX_ATTACHMENT_BYTES / 1024 / 1024 },
    });
  return checked;
}

export function domainOf(mailbox: string): string {
  const address = addressparser(mailbox, { flatten: true })[0]?.address ?? '';
  return address.split('@')[1] || 'encours.invalid';
}
