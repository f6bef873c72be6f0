/** Requests and responses of the marketing promotions (/api/promotions). */
import { type Static, Type } from 'typebox';
import { PROMOTION_GUARANTEES, PROMOTION_STATUSES } from '#core/promotions/promotions';
import { Currency, Instant, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

const PaymentMode = StringEnum(['prepaid', 'cod', 'terms'] as const);

export const PromotionTermsSchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  paymentTerms: Type.String({ description: "payment terms spec, e.g. 'net:60', 'eom:45'" }),
  paymentMethods: Type.Array(PaymentMode, { minItems: 1 }),
  guarantees: Type.Array(StringEnum(PROMOTION_GUARANTEES)),
  validFrom: IsoDate,
  validTo: IsoDate,
  eligibleCustomers: Type.Array(Type.String(), { description: 'customer codes; empty = every customer' }),
  eligibleCustomerTypes: Type.Array(Type.String(), { description: 'customer types; empty = every type' }),
});
export type PromotionTermsBody = Static<typeof PromotionTermsSchema>;

const OrdersSchema = Type.Object({
  orderCount: Type.Integer(),
  orderedMinor: Minor,
  approvedCount: Type.Integer(),
  heldCount: Type.Integer(),
  refusedCount: Type.Integer(),
});

export const PromotionSchema = Type.Object({
  ...PromotionTermsSchema.properties,
  guarantees: Type.Array(Type.String()),
  paymentMethods: Type.Array(Type.String()),
  status: StringEnum(PROMOTION_STATUSES),
  submittedBy: Type.String(),
  submittedAt: Instant,
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Instant),
  decisionComment: Nullable(Type.String()),
  orders: OrdersSchema,
});
export type PromotionResponse = Static<typeof PromotionSchema>;

const OutcomeSchema = Type.Object({
  invoiceCount: Type.Integer(),
  invoicedMinor: Minor,
  openMinor: Minor,
  overdueMinor: Minor,
  averageDaysToPay: Nullable(Type.Integer()),
  averageDaysLate: Nullable(Type.Integer()),
  overdueRateBps: Type.Integer(),
});

export const PromotionDetailSchema = Type.Object({
  ...PromotionSchema.properties,
  asOf: IsoDate,
  currency: Currency,
  effect: Type.Object({ promotion: OutcomeSchema, others: OutcomeSchema }),
});
export type PromotionDetailResponse = Static<typeof PromotionDetailSchema>;
