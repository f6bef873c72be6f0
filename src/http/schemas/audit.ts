/** Responses of the audit trail (/api/audit and a customer's /audit). */
import { type Static, Type } from 'typebox';
import { ImportOriginSchema, Instant, Nullable } from './common.ts';

/** The record's fields before and after the change (null when created or deleted). */
const Snapshot = Nullable(Type.Record(Type.String(), Type.Unknown()));

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Instant,
  actor: Type.String({ description: 'e-mail of the user, or the process that made the change' }),
  action: Type.String(),
  entity: Type.String(),
  entityKey: Type.String(),
  customerName: Type.Optional(
    Nullable(
      Type.String({
        description:
          "the customer's name when the key is a customer's code (its record, credit limit, score or insurer cover); null when the customer no longer exists",
      }),
    ),
  ),
  before: Snapshot,
  after: Snapshot,
  importOrigin: Type.Optional(ImportOriginSchema),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditPageSchema = Type.Object({ total: Type.Integer(), items: Type.Array(AuditEntrySchema) });
export type AuditPage = Static<typeof AuditPageSchema>;
