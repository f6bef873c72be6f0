/** Requests and responses of the factoring routes (/api/factoring/*). */
import { type Static, Type } from 'typebox';
import { MOVEMENT_KINDS } from '#core/legal/factoring-account';
import { FACTORING_EXCLUSIONS } from '#core/legal/factoring-selection';
import { Currency, Instant, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

const Bps = (description: string) => Type.Integer({ minimum: 0, maximum: 10_000, description });
const Days = (description: string) => Type.Integer({ minimum: 0, maximum: 3650, description });
const MinorAtLeast0 = (description: string) => Type.Integer({ minimum: 0, description });

const Rule = Type.Object({
  customerTypes: Type.Optional(Type.Array(Type.String())),
  minAmountMinor: Type.Optional(Type.Integer({ minimum: 0 })),
  dueUntil: Type.Optional(IsoDate),
});

const Terms = {
  withRecourse: Type.Boolean(),
  recourseDays: Days('with recourse: charged back this many days after the due date'),
  advanceRateBps: Bps('share of (assigned − reserve) advanced, basis points'),
  commissionBps: Bps('factoring commission on the assigned amount, basis points'),
  minCommissionMinor: MinorAtLeast0('minimum commission per invoice'),
  financingRateBps: Bps('yearly financing rate on the advance, basis points'),
  dayCountBasis: Type.Union([Type.Literal(360), Type.Literal(365)]),
  collectionDelayDays: Days('interest runs to the due date + these days'),
  reserveRateBps: Bps('guarantee fund held on the assigned amount, basis points'),
  feePerInvoiceMinor: MinorAtLeast0('fixed fee per invoice'),
  feePerBatchMinor: MinorAtLeast0('fixed fee per batch'),
  feesVatRateBps: Bps('VAT on commission and fees, basis points'),
};

export const ContractBody = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
  factorName: Type.String({ minLength: 1, maxLength: 200 }),
  factorIban: Type.Optional(Nullable(Type.String({ maxLength: 42 }))),
  factorBic: Type.Optional(Nullable(Type.String({ maxLength: 11 }))),
  currency: Type.Optional(Currency),
  withRecourse: Terms.withRecourse,
  recourseDays: Type.Optional(Terms.recourseDays),
  advanceRateBps: Terms.advanceRateBps,
  commissionBps: Terms.commissionBps,
  minCommissionMinor: Type.Optional(Terms.minCommissionMinor),
  financingRateBps: Terms.financingRateBps,
  dayCountBasis: Type.Optional(Terms.dayCountBasis),
  collectionDelayDays: Type.Optional(Terms.collectionDelayDays),
  reserveRateBps: Terms.reserveRateBps,
  feePerInvoiceMinor: Type.Optional(Terms.feePerInvoiceMinor),
  feePerBatchMinor: Type.Optional(Terms.feePerBatchMinor),
  feesVatRateBps: Type.Optional(Terms.feesVatRateBps),
  factorCollects: Type.Optional(Type.Boolean({ description: 'the factor reminds the customers itself' })),
  rule: Type.Optional(Rule),
  effectiveFrom: Type.Optional(IsoDate),
});

export const ContractSchema = Type.Object({
  contractId: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  effectiveFrom: IsoDate,
  factorName: Type.String(),
  factorIban: Nullable(Type.String()),
  factorBic: Nullable(Type.String()),
  currency: Currency,
  factorCollects: Type.Boolean(),
  rule: Rule,
  createdAt: Instant,
  createdBy: Type.String(),
  ...Terms,
});
export type ContractResponse = Static<typeof ContractSchema>;

export const AssignBody = Type.Object({
  contractCode: Type.String({ minLength: 1 }),
  refs: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'empty: the rule picks' })),
  rule: Type.Optional(Rule),
  batchDate: Type.Optional(IsoDate),
  financingDate: Type.Optional(IsoDate),
  preview: Type.Optional(Type.Boolean({ description: 'compute without recording' })),
});

const Excluded = Type.Object({
  ref: Type.String(),
  customerCode: Nullable(Type.String()),
  reason: StringEnum(FACTORING_EXCLUSIONS),
});

const BatchFigures = {
  financingDate: IsoDate,
  invoiceCount: Type.Integer(),
  grossMinor: Minor,
  reserveMinor: Minor,
  advanceMinor: Minor,
  commissionMinor: Minor,
  feesMinor: Minor,
  feesVatMinor: Minor,
  interestMinor: Minor,
  netFundsMinor: Type.Integer({ description: 'advances − commission − fees − VAT − interest' }),
};

const Line = Type.Object({
  documentId: Type.Integer(),
  ref: Type.String(),
  customerCode: Type.String(),
  dueDate: IsoDate,
  amountMinor: Minor,
  reserveMinor: Minor,
  advanceMinor: Minor,
  commissionMinor: Minor,
  interestDays: Type.Integer(),
  interestMinor: Minor,
});

export const BatchSchema = Type.Object({
  batchId: Nullable(Type.Integer({ description: 'null for a preview' })),
  contractCode: Type.String(),
  contractVersion: Type.Integer(),
  factorName: Type.String(),
  batchDate: IsoDate,
  currency: Currency,
  lines: Type.Array(Line),
  excluded: Type.Array(Excluded),
  ...BatchFigures,
});
export type BatchResponse = Static<typeof BatchSchema>;

const ItemSchema = Type.Object({
  ...Line.properties,
  batchId: Type.Integer(),
  contractId: Type.Integer(),
  contractCode: Type.String(),
  financingDate: IsoDate,
  currency: Currency,
  closedOn: Nullable(IsoDate),
  closedAs: Nullable(Type.String({ description: 'collected or charged_back' })),
  paymentDocumentId: Nullable(Type.Integer()),
});

export const StoredBatchSchema = Type.Object({
  batchId: Type.Integer(),
  contractId: Type.Integer(),
  contractCode: Type.String(),
  batchDate: IsoDate,
  currency: Currency,
  exclusions: Type.Array(Excluded),
  createdAt: Instant,
  createdBy: Type.String(),
  ...BatchFigures,
});

export const BatchDetailSchema = Type.Object({
  ...StoredBatchSchema.properties,
  items: Type.Array(ItemSchema),
});

export const ClosedSchema = Type.Object({
  ref: Type.String(),
  batchId: Type.Integer(),
  currency: Currency,
  closedAs: StringEnum(['collected', 'charged_back'] as const),
  closedOn: IsoDate,
  reserveReleasedMinor: Minor,
  interestAdjustmentMinor: Type.Integer({ description: '> 0 given back, < 0 charged on top' }),
  chargebackMinor: Minor,
  paymentDocumentId: Nullable(Type.Integer()),
});

const Movement = Type.Object({
  movementId: Type.Integer(),
  contractCode: Type.String(),
  batchId: Nullable(Type.Integer()),
  documentId: Nullable(Type.Integer()),
  kind: StringEnum(MOVEMENT_KINDS),
  date: IsoDate,
  reference: Type.String(),
  amountMinor: Type.Integer({ description: '> 0 in our favour' }),
  currency: Currency,
});

export const AccountSchema = Type.Object({
  asOf: IsoDate,
  contractCode: Type.String(),
  factorName: Type.String(),
  currency: Currency,
  balanceMinor: Type.Integer({ description: '> 0 the factor owes us, < 0 we owe the factor' }),
  reserveFundMinor: Minor,
  byKind: Type.Record(Type.String(), Type.Integer()),
  outstandingMinor: Minor,
  outstandingCount: Type.Integer(),
  movements: Type.Array(Movement),
  batches: Type.Array(StoredBatchSchema),
});
export type AccountResponse = Static<typeof AccountSchema>;

const StatementLine = Type.Object({
  line: Type.Integer(),
  date: IsoDate,
  reference: Nullable(Type.String()),
  label: Type.String(),
  amountMinor: Type.Integer(),
});

export const ReconciliationSchema = Type.Object({
  contractCode: Type.String(),
  factorName: Type.String(),
  currency: Currency,
  fileName: Type.String(),
  from: IsoDate,
  to: IsoDate,
  toleranceDays: Type.Integer(),
  statementLines: Type.Integer(),
  matched: Type.Array(Type.Object({ movement: Movement, line: StatementLine, daysApart: Type.Integer() })),
  onlyOurs: Type.Array(Movement),
  onlyTheirs: Type.Array(StatementLine),
  ourTotalMinor: Type.Integer(),
  theirTotalMinor: Type.Integer(),
  differenceMinor: Type.Integer({ description: 'statement total − ours over the period' }),
});
export type ReconciliationResponse = Static<typeof ReconciliationSchema>;
