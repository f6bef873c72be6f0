/**
 * `predict cost`: the cost of the predicted days late as of a date — each open invoice financed from
 * its due date to its predicted (median) payment date at the company's financing rate — by customer
 * and for the company, from the same predictions as `predict payments` and the collection forecast
 * (the week's stored model when there is one). Arithmetic and rounding: core/forecast/late-cost.ts.
 */

import {
  addLateCostBatch,
  companyLateCost,
  type LateCostFigures,
  type LateCostSums,
  lateCostFigures,
} from '#core/forecast/late-cost';
import type { IsoDate } from '#core/types';
import { isInScope, salespersonScope } from '../auth/auth.ts';
import { financingRateFor } from '../companies/financing-rate.ts';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer, resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { MODEL_VERSION } from './forecast-data.ts';
import { forEachOpenPrediction } from './predictions.ts';

export interface LateCostInput {
  asOf?: string | undefined;
  /** A rate for this answer only (a what-if); the company's rate otherwise. */
  rateBps?: number | undefined;
  customerCode?: string | undefined;
  /** Only the first `limit` customers by cost (the totals still count every one). */
  limit?: number | undefined;
}

export interface CustomerLateCost extends LateCostFigures {
  customerCode: string;
}

export interface LateCostReport extends LateCostFigures {
  asOf: IsoDate;
  currency: string;
  modelVersion: string;
  rateBps: number;
  /** 'company': the company's rate; 'default': none set yet; 'given': the caller's what-if. */
  rateSource: 'company' | 'default' | 'given';
  /** Customers with an open invoice, by cost (highest first), then by code. */
  customers: CustomerLateCost[];
  /** How many customers the totals count (the list may be cut by `limit`). */
  customerCount: number;
}

export async function forecastLateCost(ctx: AppContext, input: LateCostInput = {}): Promise<LateCostReport> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const rate = await financingRateFor(ctx, input.rateBps);
  const rateBps = rate.rateBps;
  if (input.limit !== undefined && (!Number.isInteger(input.limit) || input.limit < 1))
    throw new DomainError('invalid_input', { key: 'errors.forecast.limit' });
  if (input.customerCode !== undefined) await requireVisibleCustomer(ctx, input.customerCode);
  const scope = salespersonScope(ctx);
  const byCustomer = new Map<string, LateCostSums>();
  const source = await forEachOpenPrediction(ctx, asOf, (batch) => {
    const kept = batch.filter(
      (p) =>
        isInScope(scope, p.salesperson) &&
        (input.customerCode === undefined || p.customerCode === input.customerCode),
    );
    addLateCostBatch(byCustomer, kept, asOf);
  });
  const customers = [...byCustomer.entries()]
    .map(([customerCode, sums]) => ({ customerCode, ...lateCostFigures(sums, rateBps) }))
    .sort((a, b) => b.costMinor - a.costMinor || a.customerCode.localeCompare(b.customerCode));
  return {
    asOf,
    currency: source.currency,
    modelVersion: MODEL_VERSION,
    rateBps,
    rateSource: rate.source,
    ...companyLateCost([...byCustomer.values()], rateBps),
    customerCount: customers.length,
    customers: input.limit === undefined ? customers : customers.slice(0, input.limit),
  };
}
