/** Responses of the internal-audit signals (/api/audit/signals). */
import { type Static, Type } from 'typebox';
import { SIGNAL_KINDS } from '#core/audit-signals/signals';
import { Currency, ImportOriginSchema, IsoDate, Minor, StringEnum } from './common.ts';

export const AuditThresholdsSchema = Type.Object({
  creditNoteMinor: Minor,
  writeOffMinor: Minor,
  clusterCount: Type.Integer(),
  clusterWindowDays: Type.Integer(),
  bankChangeDays: Type.Integer(),
  usualPayerConfirmations: Type.Integer(),
});
export type AuditThresholds = Static<typeof AuditThresholdsSchema>;

export const AuditSignalSchema = Type.Object({
  kind: StringEnum(SIGNAL_KINDS),
  date: IsoDate,
  users: Type.Array(Type.String()),
  customerCodes: Type.Array(Type.String()),
  documents: Type.Array(Type.String(), { description: 'document references, order references, request ids' }),
  amountMinor: Minor,
  currency: Currency,
  evidence: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  importOrigin: Type.Optional(ImportOriginSchema),
  title: Type.String(),
  message: Type.String({ description: 'the evidence, worded in the requested language' }),
});
export type AuditSignal = Static<typeof AuditSignalSchema>;

export const AuditSignalsReportSchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  thresholds: AuditThresholdsSchema,
  counts: Type.Record(Type.String(), Type.Integer()),
  signals: Type.Array(AuditSignalSchema),
});
export type AuditSignalsReport = Static<typeof AuditSignalsReportSchema>;
