/**
 * The disputes' figures the analytics lacked: how many are open, how long the resolved ones took
 * (median days from opening to resolution), by reason and by department. Computed from the same
 * list the page shows, so both agree; imported disputes count as open while their invoice is and as
 * resolved once it was settled, under the reason and department the list shows them with (no
 * reason was imported), and each group says how many of its open ones are imported.
 */
import type { AppContext } from '../context.ts';
import { type DisputeView, listDisputes } from './dispute-list.ts';

export interface DisputeGroupFigures {
  key: string;
  open: number;
  /** Of the open ones, those known only from the imported story (no reason was imported). */
  openImported: number;
  resolved: number;
  /** Median days from opening to resolution of the resolved ones; null when none is resolved. */
  medianCycleDays: number | null;
}

export interface DisputeSummary {
  open: number;
  openImported: number;
  resolved: number;
  medianCycleDays: number | null;
  byReason: DisputeGroupFigures[];
  byDepartment: DisputeGroupFigures[];
}

/** The middle value, or the mean of the two middle ones rounded to a tenth of a day. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  return Math.round((((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2) * 10) / 10;
}

function figures(key: string, disputes: readonly DisputeView[]): DisputeGroupFigures {
  const cycles = disputes.map((d) => d.cycleDays).filter((days): days is number => days !== null);
  return {
    key,
    open: disputes.filter((d) => d.status === 'open').length,
    openImported: disputes.filter((d) => d.status === 'open' && d.source === 'imported').length,
    resolved: cycles.length,
    medianCycleDays: median(cycles),
  };
}

function groupBy(disputes: readonly DisputeView[], keyOf: (d: DisputeView) => string): DisputeGroupFigures[] {
  const groups = new Map<string, DisputeView[]>();
  for (const dispute of disputes) {
    const key = keyOf(dispute);
    const group = groups.get(key);
    if (group) group.push(dispute);
    else groups.set(key, [dispute]);
  }
  return [...groups.entries()]
    .map(([key, group]) => figures(key, group))
    .sort((a, b) => b.open + b.resolved - (a.open + a.resolved) || a.key.localeCompare(b.key));
}

export function summariseDisputes(disputes: readonly DisputeView[]): DisputeSummary {
  const all = figures('', disputes);
  return {
    open: all.open,
    openImported: all.openImported,
    resolved: all.resolved,
    medianCycleDays: all.medianCycleDays,
    byReason: groupBy(disputes, (d) => d.reason),
    byDepartment: groupBy(disputes, (d) => d.department),
  };
}

/** The figures of every dispute, or of one customer's (the page's customer search). */
export async function getDisputeSummary(
  ctx: AppContext,
  filter: { customerCode?: string | undefined } = {},
): Promise<DisputeSummary> {
  return summariseDisputes(await listDisputes(ctx, { customerCode: filter.customerCode }));
}
