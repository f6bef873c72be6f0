/** Requests and responses of the credit-insurance claims (/api/insurance/policies, deadlines, claims). */
import { type Static, Type } from 'typebox';
import { INSURANCE_CLAIM_STATUSES } from '#core/legal/insurance-claims';
import { Currency, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

export const PolicyBody = Type.Object({
  insurer: Type.String({ minLength: 1, maxLength: 200, description: 'as named on the covers' }),
  policyNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  threatenedLossDays: Type.Integer({
    minimum: 1,
    maximum: 365,
    description: 'days after an unpaid due date to declare the threatened loss',
  }),
  waitingDays: Type.Integer({ minimum: 0, maximum: 730, description: 'waiting period before the indemnity' }),
  warningDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
});

export const PolicySchema = Type.Object({
  policyId: Type.Integer(),
  insurer: Type.String(),
  policyNumber: Nullable(Type.String()),
  threatenedLossDays: Type.Integer(),
  waitingDays: Type.Integer(),
  warningDays: Type.Integer(),
  createdBy: Type.String(),
});
export type PolicyResponse = Static<typeof PolicySchema>;

export const DeadlinesSchema = Type.Object({
  asOf: IsoDate,
  items: Type.Array(
    Type.Object({
      customerCode: Type.String(),
      customerName: Type.String(),
      customerStatus: Type.String(),
      insurer: Type.String(),
      policyId: Nullable(Type.Integer()),
      documentId: Type.Integer(),
      ref: Type.String(),
      dueDate: IsoDate,
      openMinor: Minor,
      currency: Currency,
      deadline: Nullable(IsoDate),
      daysLeft: Nullable(Type.Integer()),
      state: Type.String({ description: 'not_yet, approaching, past or no_policy' }),
      claimId: Nullable(Type.Integer()),
      guaranteed: Type.Boolean({
        description:
          'false once the deadline passed with no declaration in time: the cover no longer guarantees the invoice',
      }),
    }),
  ),
});
export type DeadlinesResponse = Static<typeof DeadlinesSchema>;

export const DeclareBody = Type.Object({
  customerCode: Type.String({ minLength: 1 }),
  invoices: Type.Optional(
    Type.Array(Type.String({ minLength: 1 }), {
      maxItems: 500,
      description: 'omitted: every overdue invoice of the buyer not declared yet',
    }),
  ),
  date: Type.Optional(IsoDate),
});

export const DeclarationPreviewSchema = Type.Object({
  date: IsoDate,
  customerCode: Type.String(),
  customerName: Type.String(),
  insurer: Type.String(),
  currency: Currency,
  invoices: Type.Array(
    Type.Object({
      ref: Type.String(),
      dueDate: IsoDate,
      openMinor: Minor,
      daysLate: Type.Integer(),
      deadline: IsoDate,
      state: Type.String({ description: 'not_yet, approaching or past its declaration deadline' }),
      guaranteed: Type.Boolean({
        description: 'false when its deadline has passed: declared now, the cover does not guarantee it',
      }),
    }),
    { description: 'the invoices the declaration would take' },
  ),
  outstandingMinor: Minor,
  grantedMinor: Minor,
  insuredShareBps: Type.Integer(),
  insuredMinor: Minor,
  indemnityExpectedOn: IsoDate,
});
export type DeclarationPreviewResponse = Static<typeof DeclarationPreviewSchema>;

export const ClaimStatusBody = Type.Object({
  status: StringEnum(INSURANCE_CLAIM_STATUSES),
  indemnityMinor: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  receivedOn: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});

export const InsuranceClaimSchema = Type.Object({
  claimId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  insurer: Type.String(),
  policyId: Type.Integer(),
  coverId: Nullable(Type.Integer()),
  declaredOn: IsoDate,
  currency: Currency,
  items: Type.Array(
    Type.Object({
      documentId: Type.Integer(),
      ref: Type.String(),
      dueDate: IsoDate,
      openMinor: Minor,
      deadline: IsoDate,
    }),
  ),
  outstandingMinor: Minor,
  grantedMinor: Minor,
  insuredShareBps: Type.Integer(),
  insuredMinor: Minor,
  uninsuredMinor: Minor,
  indemnityExpectedOn: IsoDate,
  status: Type.String(),
  indemnityMinor: Nullable(Type.Integer()),
  indemnityReceivedOn: Nullable(IsoDate),
  statusNote: Nullable(Type.String()),
  lateInvoices: Type.Integer({ description: 'how many of its invoices were declared after their deadline' }),
  late: Type.Boolean({ description: 'declared after the deadline of every invoice it declares' }),
  createdBy: Type.String(),
  updatedBy: Type.String(),
});
export type InsuranceClaimResponse = Static<typeof InsuranceClaimSchema>;
