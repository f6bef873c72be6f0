/** Requests and responses of the write-offs and the provision for doubtful debts (/api/write-offs, /api/provision). */
import { type Static, Type } from 'typebox';
import { PROVISION_CASES } from '#core/legal/provision';
import { WRITE_OFF_REASONS } from '#core/legal/write-off';
import { Currency, Instant, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

export const WriteOffProposalBody = Type.Object({
  customerCode: Type.String({ minLength: 1 }),
  invoices: Type.Array(
    Type.Object({
      ref: Type.String({ minLength: 1 }),
      amountMinor: Type.Optional(Type.Integer({ minimum: 1, description: 'omitted: the whole open amount' })),
    }),
    { minItems: 1 },
  ),
  reasonCode: StringEnum(WRITE_OFF_REASONS),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  vatRateBps: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, maximum: 10_000, description: 'VAT rate, basis points' })),
  ),
});
export type WriteOffProposalBodyType = Static<typeof WriteOffProposalBody>;

export const WriteOffDecisionBody = Type.Object({
  decision: StringEnum(['approve', 'reject'] as const),
  comment: Type.Optional(Type.String({ maxLength: 500, description: 'required to reject' })),
});

const NullableMinor = Nullable(Type.Integer());

export const WriteOffSchema = Type.Object({
  proposalId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  currency: Currency,
  amountMinor: Minor,
  reasonCode: Type.String(),
  reason: Type.String(),
  proposalDate: IsoDate,
  items: Type.Array(
    Type.Object({ documentId: Type.Integer(), ref: Type.String(), issueDate: IsoDate, amountMinor: Minor }),
  ),
  vatRateBps: Nullable(Type.Integer()),
  riskClass: Nullable(Type.String()),
  requiredRole: Type.String({ description: 'least senior role of the delegation matrix allowed to approve' }),
  status: Type.String({ description: 'proposed, approved or rejected' }),
  proposedBy: Type.String(),
  proposedAt: Instant,
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Instant),
  decisionComment: Nullable(Type.String()),
  writeOffDocumentId: Nullable(Type.Integer()),
  vatNote: Type.Object({
    eligible: Type.Boolean({ description: 'CGI art. 272-1: the debt is definitively irrecoverable' }),
    lines: Type.Array(
      Type.Object({
        ref: Type.String(),
        grossMinor: Minor,
        netMinor: NullableMinor,
        vatMinor: NullableMinor,
      }),
    ),
    grossMinor: Minor,
    netMinor: NullableMinor,
    vatMinor: NullableMinor,
  }),
  vatNoteText: Type.String({ description: 'the VAT-recovery note, worded in the language asked' }),
});

export const WriteOffListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      ...WriteOffSchema.properties,
      mayDecide: Type.Boolean({ description: 'whether the reader may approve or reject it now' }),
      decisionRefusal: Type.Unsafe<'own_proposal' | 'role' | null>({
        type: ['string', 'null'],
        enum: ['own_proposal', 'role', null],
        description: 'why not: their own proposal, or a role below the one required',
      }),
    }),
  ),
  mayPropose: Type.Boolean({ description: 'whether the reader may propose a write-off' }),
});

const Basis = StringEnum(['age', ...PROVISION_CASES] as const);
const ByBasis = Type.Object({ age: Minor, collective_procedure: Minor, dispute: Minor });
const Movement = {
  openingMinor: Minor,
  allowanceMinor: Minor,
  reversalMinor: Minor,
  usedMinor: Minor,
  closingMinor: Minor,
};

export const ProvisionSchema = Type.Object({
  asOf: IsoDate,
  from: Nullable(IsoDate),
  rates: Type.Object({
    byAge: Type.Array(Type.Object({ minDaysPastDue: Type.Integer(), rateBps: Type.Integer() })),
    byCase: Type.Object({ collective_procedure: Type.Integer(), dispute: Type.Integer() }),
    vatRateBps: Type.Integer(),
  }),
  currency: Type.String({
    description:
      'ISO 4217 code of the company’s currency: that of totalMinor, byBasis and the movements’ single figures',
  }),
  totalMinor: Type.Integer({ description: 'the provision of the lines in `currency` only (see totals)' }),
  byBasis: ByBasis,
  totals: Type.Array(Type.Object({ currency: Currency, totalMinor: Minor, byBasis: ByBasis }), {
    description: 'the provision per currency of the lines, in code order (never added across currencies)',
  }),
  lines: Type.Array(
    Type.Object({
      documentId: Type.Integer(),
      customerCode: Type.String(),
      customerName: Type.String(),
      ref: Type.String(),
      issueDate: IsoDate,
      dueDate: IsoDate,
      openMinor: Minor,
      currency: Currency,
      cases: Type.Array(Type.String()),
      postJudgment: Type.Boolean({
        description:
          'issued after its customer’s opening judgment: a post-judgment claim (C. com. L622-17, L641-13), provisioned by the ordinary rule, not the procedure’s rate',
      }),
      vatRateBps: Type.Integer({ description: 'the VAT rate the invoice carries, basis points; 0: no VAT' }),
      daysPastDue: Type.Integer(),
      basis: Basis,
      rateBps: Type.Integer(),
      netMinor: Minor,
      provisionMinor: Minor,
    }),
  ),
  movements: Nullable(
    Type.Object({
      ...Movement,
      items: Type.Array(
        Type.Object({
          documentId: Type.Integer(),
          customerCode: Type.String(),
          ref: Type.String(),
          currency: Currency,
          ...Movement,
        }),
      ),
      totals: Type.Array(Type.Object({ currency: Currency, ...Movement }), {
        description: 'the movements per currency, in code order; the single figures are in `currency` only',
      }),
    }),
  ),
});

export type WriteOffResponse = Static<typeof WriteOffSchema>;
export type WriteOffListResponse = Static<typeof WriteOffListSchema>;
export type ProvisionResponse = Static<typeof ProvisionSchema>;
