/** Shapes of the cost of the predicted days late and of the company's financing rate (also the web app's types). */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Currency, Instant, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

const Bps = Type.Integer({
  minimum: 0,
  maximum: 10_000,
  description: 'annual rate, basis points (500 = 5 %)',
});

const LateCostFields = {
  openMinor: {
    ...Minor,
    description:
      'open amount of the invoices counted: every open invoice except the claims from before an insolvency judgment (notExpected…), those for which no payment is expected included (beyondHistory…)',
  },
  invoiceCount: Type.Integer({ description: 'the invoices counted in openMinor' }),
  lateCount: Type.Integer({
    description:
      'of those, the invoices whose median date is after their due date; every invoice for which no payment is expected is among them (its days late run to the horizon)',
  }),
  lateOpenMinor: Minor,
  beyondHistoryCount: Type.Integer({
    description:
      'invoices for which no payment is expected (at least half of the invoices this old are still unpaid a year later): with no payment date, their days late (and cost) are counted only up to the horizon, a year after the as-of date, where the calculation stops — a minimum',
  }),
  beyondHistoryOpenMinor: { ...Minor, description: 'their open amount (part of openMinor)' },
  beyondHistoryCostMinor: {
    ...Minor,
    description:
      'of costMinor, that of the invoices for which no payment is expected (a minimum: their days late are counted up to the horizon only, never to a payment date)',
  },
  expectedDaysLate: Nullable(
    Type.Number({
      description:
        'mean of max(0, median date − due date) over the invoices counted (those with no payment expected up to the horizon), weighted by their open amounts (0.1 day); null when none',
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
      'claims from before an insolvency judgment (paymentExpected false, first reason insolvency_proceedings): no ordinary payment expected outside the court’s plan, so counted apart — not in the days late, the open amount or the cost',
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
