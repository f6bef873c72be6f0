/** Responses of the mail outbox, shared with the web app (which imports their static types). */
import { type Static, Type } from 'typebox';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'held'] as const;
// Spelled out: a mapped array would lose the literal types the routes are checked against.
export const MailStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('held'),
]);

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
      sizeBytes: Type.Integer(),
    }),
  ),
});
export type OutboxMessage = Static<typeof OutboxMessageSchema>;

export const OutboxPageSchema = Type.Object({
  total: Type.Integer(),
  items: Type.Array(OutboxSummarySchema),
});
export type OutboxPage = Static<typeof OutboxPageSchema>;
