/** Shapes of the cost of the predicted days late and of the company's financing rate (also the web app's types). */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Currency, Instant, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

const Bps = Type.Integer({
  minimum: 0,
  maximum: 10_000,
  description: 'annual rate, basis points (500 = 5 %)',
});

const LateCostFields = {
  openMinor: { ...Minor, description: 'open amount of the invoices whose payment is expected' },
  invoiceCount: Type.Integer(),
  lateCount: Type.Integer({ description: 'invoices whose median date is after their due date' }),
  lateOpenMinor: Minor,
  beyondHistoryCount: Type.Integer({
    description:
      'invoices whose median is a year after the as-of date: the history never saw such an invoice paid, so their days late (and cost) are counted to that date only — a floor',
  }),
  beyondHistoryOpenMinor: Minor,
  beyondHistoryCostMinor: {
    ...Minor,
    description:
      'of costMinor, that of the invoices beyond history (a floor: their days late stop a year out)',
  },
  expectedDaysLate: Nullable(
    Type.Number({
      description:
        'mean of max(0, median date − due date) over the expected invoices, weighted by their open amounts (0.1 day); null when none',
    }),
  ),
  costMinor: {
    ...Minor,
    description:
      'Σ open × max(0, median − due) days × rate / 365: each customer’s exact sum rounded once (half up); the company’s is the sum of its customers’',
  },
  costAheadMinor: {
    ...Minor,
    description: 'the same for the days late after the as-of date only (the days already past left out)',
  },
  notExpectedCount: Type.Integer({
    description:
      'claims from before an insolvency judgment (paymentExpected false): no ordinary payment expected, so counted apart — not in the days late, the open amount or the cost',
  }),
  notExpectedOpenMinor: Minor,
};

export const CustomerLateCostSchema = Type.Object({ customerCode: Type.String(), ...LateCostFields });

export const LateCostSchema = Type.Object({
  asOf: IsoDate,
  currency: Currency,
  modelVersion: Type.String(),
  rateBps: Bps,
  rateSource: StringEnum(['company', 'default', 'given'] as const, {
    description:
      'company: the company’s rate; default: none set yet (500 bp); given: the rateBps of the request',
  }),
  ...LateCostFields,
  customerCount: Type.Integer({ description: 'customers the totals count (the list may be cut by limit)' }),
  customers: Type.Array(CustomerLateCostSchema, { description: 'by cost, highest first' }),
});

export const LateCostQuery = Type.Object({
  asOf: Type.Optional(Type.String({ format: 'date' })),
  rateBps: Type.Optional({
    ...Bps,
    description: 'a rate for this answer only; the company’s rate otherwise',
  }),
  customer: Type.Optional(Type.String({ description: 'one customer only' })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 10_000, description: 'the first customers by cost' }),
  ),
});

export const FinancingRateSchema = Type.Object({
  rateBps: Bps,
  source: StringEnum(['company', 'default'] as const),
  updatedAt: Nullable(Instant),
  updatedBy: Nullable(Type.String()),
});

export const FinancingRateChangeSchema = Type.Object({ rateBps: Bps }, { additionalProperties: false });

export type LateCostResponse = Static<typeof LateCostSchema>;
export type FinancingRateResponse = Static<typeof FinancingRateSchema>;
