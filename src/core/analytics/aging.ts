/**
 * Aged balance (balance âgée): age buckets, bucket assignment and the assembly of grouped
 * rows into a report with its proof (buckets sum to each balance, balances sum to the total).
 * Open credits (unapplied cash, credit notes) are never aged: they sit in their own column
 * and are netted in the balance, so the total equals the ledger balance.
 */
import type { IsoDate } from '../types.ts';

export type AgingBasis = 'due' | 'issue';

/** A bucket is named by its key (`not_due`, `d1_30`, `d90_plus`); `src/text` words it. */
export interface AgeBucket {
  key: string;
  /** Inclusive lower bound in days (null = no bound: everything not yet due). */
  fromDays: number | null;
  /** Inclusive upper bound in days (null = no bound). */
  toDays: number | null;
}

/** Builds contiguous buckets from upper bounds, e.g. [30, 60, 90] → not due, 1–30, 31–60, 61–90, > 90. */
export function bucketsFromBounds(bounds: readonly number[], basis: AgingBasis): AgeBucket[] {
  const sorted = [...bounds];
  if (
    sorted.length === 0 ||
    sorted.some((b, i) => !Number.isInteger(b) || b < 1 || (i > 0 && b <= sorted[i - 1]!))
  ) {
    throw new RangeError(`bucket bounds must be increasing positive whole days: ${bounds.join(',')}`);
  }
  const buckets: AgeBucket[] = [];
  // By issue date every document has an age ≥ 0, so the first bucket starts at 0 instead of "not due".
  if (basis === 'due') {
    buckets.push({ key: 'not_due', fromDays: null, toDays: 0 });
  }
  let from = basis === 'due' ? 1 : null;
  for (const bound of sorted) {
    buckets.push({ key: `d${from ?? 0}_${bound}`, fromDays: from, toDays: bound });
    from = bound + 1;
  }
  const last = sorted[sorted.length - 1]!;
  buckets.push({
    key: `d${last}_plus`,
    fromDays: last + 1,
    toDays: null,
  });
  return buckets;
}

export const DEFAULT_BUCKET_BOUNDS: readonly number[] = [30, 60, 90];

/** Index of the bucket holding an age in days (buckets are contiguous and ordered). */
export function bucketIndexFor(days: number, buckets: readonly AgeBucket[]): number {
  for (let index = 0; index < buckets.length; index++) {
    const upper = buckets[index]?.toDays;
    if (upper === null || upper === undefined || days <= upper) return index;
  }
  return buckets.length - 1;
}

/** One aggregated cell coming from the database: a group, a bucket (-1 = open credits) and a sum. */
export interface AgingCell {
  groupKey: string;
  groupName: string;
  bucketIndex: number;
  amountMinor: number;
  documentCount: number;
}

export interface AgedGroup {
  key: string;
  name: string;
  totalMinor: number;
  bucketsMinor: number[];
  creditsMinor: number;
  documentCount: number;
}

export interface AgedBalance<B extends AgeBucket = AgeBucket> {
  asOf: IsoDate;
  basis: AgingBasis;
  currency: string;
  buckets: B[];
  groups: AgedGroup[];
  totals: { totalMinor: number; bucketsMinor: number[]; creditsMinor: number; documentCount: number };
  proof: { bucketsMatchBalances: boolean; balancesMatchTotal: boolean; bucketsMatchTotal: boolean };
}

export function assembleAgedBalance<B extends AgeBucket>(
  header: { asOf: IsoDate; basis: AgingBasis; currency: string; buckets: B[] },
  cells: readonly AgingCell[],
): AgedBalance<B> {
  const width = header.buckets.length;
  const groups = new Map<string, AgedGroup>();
  let group: AgedGroup | undefined;
  let cellsTotalMinor = 0;
  for (const cell of cells) {
    cellsTotalMinor += cell.amountMinor;
    // Cells usually come ordered by group: look the map up only when the group changes.
    if (group?.key !== cell.groupKey) group = groups.get(cell.groupKey);
    if (!group) {
      group = {
        key: cell.groupKey,
        name: cell.groupName,
        totalMinor: 0,
        bucketsMinor: new Array<number>(width).fill(0),
        creditsMinor: 0,
        documentCount: 0,
      };
      groups.set(cell.groupKey, group);
    }
    if (cell.bucketIndex < 0) group.creditsMinor += cell.amountMinor;
    else
      group.bucketsMinor[cell.bucketIndex] = (group.bucketsMinor[cell.bucketIndex] ?? 0) + cell.amountMinor;
    group.totalMinor += cell.amountMinor;
    group.documentCount += cell.documentCount;
  }
  const ordered = [...groups.values()].sort(
    (a, b) => b.totalMinor - a.totalMinor || a.key.localeCompare(b.key),
  );
  const totals = {
    // From the cells, not the groups, so that the proof below checks two independent sums.
    totalMinor: cellsTotalMinor,
    bucketsMinor: header.buckets.map((_b, index) => sum(ordered.map((g) => g.bucketsMinor[index] ?? 0))),
    creditsMinor: sum(ordered.map((g) => g.creditsMinor)),
    documentCount: sum(ordered.map((g) => g.documentCount)),
  };
  const rowBalances = (row: { totalMinor: number; bucketsMinor: number[]; creditsMinor: number }) =>
    sum(row.bucketsMinor) + row.creditsMinor === row.totalMinor;
  return {
    ...header,
    groups: ordered,
    totals,
    proof: {
      bucketsMatchBalances: ordered.every(rowBalances),
      balancesMatchTotal: sum(ordered.map((g) => g.totalMinor)) === totals.totalMinor,
      bucketsMatchTotal: rowBalances(totals),
    },
  };
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
