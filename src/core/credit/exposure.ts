/**
 * Exposure (encours) of a customer or of a group: what we stand to lose, split into buckets that
 * are always shown apart — open items not yet due, overdue items, unapplied credits, open orders
 * not yet invoiced, delivered but not invoiced — so a reader sees what the total is made of. Which
 * buckets count in the total is configuration (some companies ignore open orders, others count
 * them); each bucket may carry its own limit. The insured and uninsured parts come from the
 * insurer cover (`insurer-cover.ts`) applied to the total, less the invoices it no longer guarantees.
 */
import { daysBetween } from '../calendar.ts';
import type { CurrencyCode, IsoDate } from '../types.ts';
import { type InsuredSplit, type InsurerCover, splitInsured, sumInsuredSplits } from './insurer-cover.ts';

export const EXPOSURE_BUCKETS = [
  'notDue',
  'overdue',
  'unappliedCredits',
  'openOrders',
  'deliveredNotInvoiced',
] as const;
export type ExposureBucket = (typeof EXPOSURE_BUCKETS)[number];

/** Amounts per bucket in one currency; unapplied credits are ≤ 0, the others ≥ 0. */
export interface ExposureAmounts {
  currency: CurrencyCode;
  amountsMinor: Record<ExposureBucket, number>;
}

export interface ExposureConfig {
  include: Record<ExposureBucket, boolean>;
  /** Optional ceiling per bucket (e.g. overdue ≤ 5 000 €). */
  bucketLimitsMinor: Partial<Record<ExposureBucket, number>>;
}

/** Everything counts: credits are netted as the ledger balance nets them. */
export const DEFAULT_EXPOSURE_CONFIG: ExposureConfig = {
  include: {
    notDue: true,
    overdue: true,
    unappliedCredits: true,
    openOrders: true,
    deliveredNotInvoiced: true,
  },
  bucketLimitsMinor: {},
};

export interface BucketLine {
  bucket: ExposureBucket;
  amountMinor: number;
  included: boolean;
  limitMinor: number | null;
  /** Amount above the bucket's limit (0 within it or without a limit). */
  overLimitMinor: number;
}

export interface Exposure {
  currency: CurrencyCode;
  buckets: BucketLine[];
  /** Sum of the included buckets. */
  totalMinor: number;
  /** Buckets above their own limit. */
  bucketsOverLimit: ExposureBucket[];
  insurance: InsuredSplit;
}

export interface OpenItemAmount {
  dueDate: IsoDate;
  /** Signed open amount: debits > 0, credits < 0. */
  openMinor: number;
}

export interface UninvoicedOrder {
  /** 'open' = ordered, not delivered; 'delivered' = delivered, not yet invoiced. */
  stage: 'open' | 'delivered';
  amountMinor: number;
}

export function emptyAmounts(currency: CurrencyCode): ExposureAmounts {
  return {
    currency,
    amountsMinor: { notDue: 0, overdue: 0, unappliedCredits: 0, openOrders: 0, deliveredNotInvoiced: 0 },
  };
}

/**
 * Buckets of a customer's open items and uninvoiced orders as of a date. An item is overdue the
 * day after its due date (the aged balance's rule); open credits are never aged.
 */
export function exposureAmounts(
  currency: CurrencyCode,
  openItems: readonly OpenItemAmount[],
  orders: readonly UninvoicedOrder[],
  asOf: IsoDate,
): ExposureAmounts {
  const result = emptyAmounts(currency);
  const amounts = result.amountsMinor;
  for (const item of openItems) {
    if (item.openMinor < 0) amounts.unappliedCredits += item.openMinor;
    else if (daysBetween(item.dueDate, asOf) > 0) amounts.overdue += item.openMinor;
    else amounts.notDue += item.openMinor;
  }
  for (const order of orders) {
    if (order.stage === 'open') amounts.openOrders += order.amountMinor;
    else amounts.deliveredNotInvoiced += order.amountMinor;
  }
  return result;
}

/** Adds the buckets of several customers (a group); all must be in the same currency. */
export function sumAmounts(currency: CurrencyCode, parts: readonly ExposureAmounts[]): ExposureAmounts {
  const result = emptyAmounts(currency);
  for (const part of parts) {
    // Adding euros to dollars has no meaning: converting is the caller's job, with its rate and date.
    if (part.currency !== currency)
      throw new RangeError(`exposure in ${part.currency}, expected ${currency}`);
    for (const bucket of EXPOSURE_BUCKETS) result.amountsMinor[bucket] += part.amountsMinor[bucket];
  }
  return result;
}

export function computeExposure(
  amounts: ExposureAmounts,
  config: ExposureConfig,
  cover: InsurerCover | null,
  asOf: IsoDate,
  /** Open amount of the invoices the cover no longer guarantees (`splitInsured`). */
  notGuaranteedMinor = 0,
): Exposure {
  const buckets = EXPOSURE_BUCKETS.map((bucket): BucketLine => {
    const amountMinor = amounts.amountsMinor[bucket];
    const limitMinor = config.bucketLimitsMinor[bucket] ?? null;
    const overLimitMinor = limitMinor === null ? 0 : Math.max(amountMinor - limitMinor, 0);
    return { bucket, amountMinor, included: config.include[bucket], limitMinor, overLimitMinor };
  });
  const totalMinor = buckets.reduce((sum, line) => (line.included ? sum + line.amountMinor : sum), 0);
  return {
    currency: amounts.currency,
    buckets,
    totalMinor,
    bucketsOverLimit: buckets.filter((line) => line.overLimitMinor > 0).map((line) => line.bucket),
    insurance: splitInsured(totalMinor, amounts.currency, cover, asOf, notGuaranteedMinor),
  };
}

export interface GroupMember {
  customerCode: string;
  /** Parent customer code; null for a customer with no group (or for the parent itself). */
  groupCode: string | null;
  amounts: ExposureAmounts;
  /** The member's own buyer cover, and what of its exposure that cover no longer guarantees. */
  cover?: InsurerCover | null;
  notGuaranteedMinor?: number;
}

/**
 * Exposure of a group: the parent and every customer whose group is the parent, one level deep
 * (the customer file stores a single parent code). Its insured part is the sum of its members'
 * (`sumInsuredSplits`): each member's cover insures that member's exposure — a group total with
 * only the parent's cover applied to it said 0 € insured beside a member insured for 135 000 €.
 */
export function groupExposure(
  parentCode: string,
  members: readonly GroupMember[],
  config: ExposureConfig,
  asOf: IsoDate,
  currency: CurrencyCode,
): Exposure & { memberCodes: string[] } {
  const inGroup = members.filter((m) => m.customerCode === parentCode || m.groupCode === parentCode);
  const amounts = sumAmounts(
    currency,
    inGroup.map((m) => m.amounts),
  );
  const splits = inGroup.map(
    (m) => computeExposure(m.amounts, config, m.cover ?? null, asOf, m.notGuaranteedMinor ?? 0).insurance,
  );
  return {
    ...computeExposure(amounts, config, null, asOf),
    insurance: sumInsuredSplits(splits),
    memberCodes: inGroup.map((m) => m.customerCode).sort(),
  };
}
