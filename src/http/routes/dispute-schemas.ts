/** The shapes of the dispute routes (disputes.ts, dispute-changes.ts). */
import { Type } from '@fastify/type-provider-typebox';
import { toLang } from '#text/catalogue';
import { Problem } from '../api-types.ts';
import { Currency, IsoDate, Minor, Nullable } from '../schemas/common.ts';

export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const errors = { 400: Problem, 404: Problem };

export const Dispute = Type.Object({
  source: Type.String({ description: "record, or imported: a 'dispute' event of the imported story" }),
  disputeId: NullableInt,
  caseId: Type.Union([Type.Integer({ description: 'the complaint grouping its invoices' }), Type.Null()]),
  eventId: Type.Union([Type.Integer({ description: 'the imported event (resolve it by it)' }), Type.Null()]),
  customerCode: Type.String(),
  customerName: Type.String(),
  documentRef: Type.String(),
  reason: Type.String(),
  department: Type.String(),
  amountMinor: Minor,
  currency: Currency,
  note: Type.String(),
  openedOn: IsoDate,
  respondBy: Nullable(IsoDate),
  status: Type.String(),
  resolution: NullableString,
  resolutionNote: NullableString,
  resolvedOn: Nullable(IsoDate),
  openedBy: Type.String({ description: 'who opened it; empty for an imported dispute' }),
  resolvedBy: NullableString,
  attachmentCount: Type.Integer(),
  cycleDays: Type.Union([Type.Integer({ description: 'days from opening to resolution' }), Type.Null()]),
});
export const DisputeCase = Type.Object({ caseId: Type.Integer(), disputes: Type.Array(Dispute) });
/** A page of `GET /api/dunning/disputes`, with the cases its lines belong to counted over every page. */
export const DisputePage = Type.Object({
  total: Type.Integer({ description: 'how many disputes the filter keeps, over every page' }),
  items: Type.Array(Dispute),
  cases: Type.Array(
    Type.Object({
      caseId: Type.Integer(),
      disputes: Type.Integer({ description: 'its invoices in dispute, over every page and status' }),
      open: Type.Integer({ description: 'of them, those still open (resolving the case resolves them)' }),
    }),
  ),
});
export const Figures = Type.Object({
  key: Type.String(),
  open: Type.Integer(),
  openImported: Type.Integer({ description: 'of the open ones, those of the imported story' }),
  resolved: Type.Integer(),
  medianCycleDays: Type.Union([Type.Number(), Type.Null()]),
});
export const Summary = Type.Object({
  open: Type.Integer(),
  openImported: Type.Integer(),
  resolved: Type.Integer(),
  medianCycleDays: Type.Union([Type.Number(), Type.Null()]),
  byReason: Type.Array(Figures),
  byDepartment: Type.Array(Figures),
});
export const Attachment = Type.Object({
  attachmentId: Type.Integer(),
  disputeId: Type.Integer(),
  documentRef: Type.String(),
  sha256: Type.String(),
  fileName: Type.String(),
  kind: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  attachedBy: Type.String(),
  attachedAt: Type.String({ format: 'date-time' }),
});
export const OpenBody = {
  reason: Type.String({ description: 'quality, delivery, price, quantity or other' }),
  department: Type.Optional(Type.String()),
  amountMinor: Type.Optional(Type.Integer({ minimum: 1 })),
  note: Type.Optional(Type.String({ maxLength: 4000 })),
  respondBy: Type.Optional(IsoDate),
};
export const ResolveBody = Type.Object({
  resolution: Type.String({ description: 'credit_note, partial_credit or rejected' }),
  note: Type.Optional(Type.String({ maxLength: 4000 })),
});
export const EditBody = Type.Object({
  reason: Type.Optional(Type.String({ description: 'quality, delivery, price, quantity or other' })),
  department: Type.Optional(
    Type.String({ description: 'sales, logistics, quality, accounting or customer_service' }),
  ),
  amountMinor: Type.Optional(
    Type.Integer({ minimum: 1, description: 'at most what the invoice still owes; one invoice only' }),
  ),
  respondBy: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Type.String({ maxLength: 4000, description: 'replaces the note' })),
});

export const LangQuery = Type.Object({
  lang: Type.Optional(
    Type.String({ description: 'fr or en: the language of a refusal (default: Accept-Language)' }),
  ),
});
/** The language a refusal is worded in: the query's, else the request's Accept-Language. */
export const langOf = (lang: string | undefined, accepted: string | undefined) => toLang(lang ?? accepted);
export const TakeOverBody = Type.Object({
  reason: Type.Optional(
    Type.String({ description: 'quality, delivery, price, quantity or other (default: other)' }),
  ),
  department: Type.Optional(
    Type.String({
      description:
        "sales, logistics, quality, accounting or customer_service (default: the reason's, else customer_service)",
    }),
  ),
  amountMinor: Type.Optional(
    Type.Integer({
      minimum: 1,
      description: "at most what the invoice still owes (default: the invoice's amount)",
    }),
  ),
  respondBy: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Type.String({ maxLength: 4000, description: "default: the imported line's text" })),
});
