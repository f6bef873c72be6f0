/**
 * Unapplied cash: bank receipts not applied yet and credits left open on customer accounts
 * (payments on account, the unapplied part of a payment, credit notes), aged from the day they
 * arrived — money that waits for a decision grows harder to place and hides what customers owe.
 */
import { bucketIndexFor, bucketsFromBounds } from '../analytics/aging.ts';
import { daysBetween } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

export const UNAPPLIED_BUCKETS = bucketsFromBounds([30, 60, 90], 'issue');

export interface UnappliedItem {
  /** Receipt waiting in the bank, or credit open on a customer's account. */
  source: 'bank' | 'account';
  date: IsoDate;
  /** Positive: money the company holds without knowing what it pays. */
  amountMinor: number;
  currency: string;
  /** How many receipts or credits the amount sums (1 by default). */
  count?: number;
}

export interface UnappliedBucket {
  key: string;
  fromDays: number | null;
  toDays: number | null;
  bankMinor: number;
  accountMinor: number;
  count: number;
}

export interface UnappliedAging {
  currency: string;
  totalMinor: number;
  buckets: UnappliedBucket[];
}

export function ageInDays(date: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(date, asOf));
}

/** One aging per currency (amounts of different currencies are never added). */
export function ageUnapplied(items: readonly UnappliedItem[], asOf: IsoDate): UnappliedAging[] {
  const byCurrency = new Map<string, UnappliedAging>();
  for (const item of items) {
    let aging = byCurrency.get(item.currency);
    if (!aging) {
      aging = {
        currency: item.currency,
        totalMinor: 0,
        buckets: UNAPPLIED_BUCKETS.map((bucket) => ({ ...bucket, bankMinor: 0, accountMinor: 0, count: 0 })),
      };
      byCurrency.set(item.currency, aging);
    }
    const bucket = aging.buckets[bucketIndexFor(ageInDays(item.date, asOf), UNAPPLIED_BUCKETS)];
    if (!bucket) continue;
    if (item.source === 'bank') bucket.bankMinor += item.amountMinor;
    else bucket.accountMinor += item.amountMinor;
    bucket.count += item.count ?? 1;
    aging.totalMinor += item.amountMinor;
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
