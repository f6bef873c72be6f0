/** Responses of the mail outbox, shared with the web app (which imports their static types). */
import { type Static, Type } from 'typebox';
import { MAIL_STATUSES } from '#core/types';
import { StringEnum } from './common.ts';

/** The statuses, spelled once in the core; the schema and the web app's filter derive from them. */
export const OUTBOX_STATUSES = MAIL_STATUSES;
export const MailStatusSchema = StringEnum(MAIL_STATUSES);

const Instant = Type.String({ format: 'date-time' });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInstant = Type.Union([Instant, Type.Null()]);

export const OutboxSummarySchema = Type.Object({
  id: Type.Integer(),
  category: Type.String({ description: 'code: order_refusal, reminder…' }),
  status: MailStatusSchema,
  subject: Type.String(),
  to: Type.Array(Type.String()),
  cc: Type.Array(Type.String()),
  customerCode: NullableString,
  documentRef: NullableString,
  attempts: Type.Integer(),
  lastError: NullableString,
  nextAttemptAt: NullableInstant,
  createdAt: Instant,
  createdBy: Type.String(),
  sentAt: NullableInstant,
});
export type OutboxSummary = Static<typeof OutboxSummarySchema>;

export const OutboxMessageSchema = Type.Object({
  ...OutboxSummarySchema.properties,
  idempotencyKey: Type.String(),
  from: Type.String(),
  bcc: Type.Array(Type.String()),
  replyTo: NullableString,
  html: NullableString,
  text: Type.String(),
  messageId: Type.String({ description: 'RFC 5322 Message-ID, the same on every attempt' }),
  providerMessageId: NullableString,
  attachments: Type.Array(
    Type.Object({
      position: Type.Integer(),
      filename: Type.String(),
      contentType: Type.String(),
      sizeBytes: Type.Union([Type.Integer(), Type.Null()], {
        description: 'null while the attachment is made only when the message is sent',
      }),
    }),
  ),
});
export type OutboxMessage = Static<typeof OutboxMessageSchema>;

export const OutboxPageSchema = Type.Object({
  total: Type.Integer(),
  items: Type.Array(OutboxSummarySchema),
});
export type OutboxPage = Static<typeof OutboxPageSchema>;
