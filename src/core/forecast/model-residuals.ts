/**
 * The habits model's 101 residual quantiles (model-finish.ts): the residuals (delay − the
 * customer's delay) / its spread of every paid invoice, each customer's distinct delays with their
 * counts. With `censoredTail` the invoices open and overdue at the cut-off count too, as residuals
 * of at least their age's (right-censored): the paid invoices alone miss the slowest payments of
 * the latest months, still unpaid, so their tail is too short. Kaplan–Meier weighs them in: each
 * paid residual gets the mass of the product-limit estimate (an open invoice hands its share to
 * the residuals beyond its own, Efron's redistribution to the right), and what no paid residual
 * takes (invoices open beyond every payment) stays beyond the slowest one.
 */
import type { CustomerHabit } from './model.ts';

/** One customer's observations (model-finish.ts Folded) with its habit. */
export interface ResidualSource {
  delays: readonly number[];
  counts: readonly number[];
  censored: readonly number[];
  censoredCounts: readonly number[];
  habit: Pick<CustomerHabit, 'delayDays' | 'spreadDays'> | undefined;
}

/** Residuals in ascending order, each with how many invoices and the mass of each (in invoices). */
interface Ranked {
  /** Every invoice counted, paid or open: the masses sum to it less what stays beyond. */
  total: number;
  values: number[];
  counts: number[];
  masses: number[];
}

export function residualQuantiles(sources: readonly ResidualSource[]): number[] {
  const paid: [number, number][] = [];
  const open: [number, number][] = [];
  for (const c of sources) {
    const delayDays = c.habit?.delayDays ?? 0;
    const spread = c.habit?.spreadDays ?? 1;
    c.delays.forEach((delay, at) => {
      paid.push([(delay - delayDays) / spread, c.counts[at] as number]);
    });
    c.censored.forEach((age, at) => {
      open.push([(age - delayDays) / spread, c.censoredCounts[at] as number]);
    });
  }
  if (paid.length === 0) return Array.from({ length: 101 }, () => 0);
  paid.sort((a, b) => a[0] - b[0]);
  return quantilesOf(open.length === 0 ? plainRanks(paid) : kaplanMeierRanks(paid, open));
}

function plainRanks(paid: readonly [number, number][]): Ranked {
  let total = 0;
  for (const p of paid) total += p[1];
  return { total, values: paid.map((p) => p[0]), counts: paid.map((p) => p[1]), masses: paid.map(() => 1) };
}

/**
 * The product-limit masses: a paid residual r weighs S(r−) / (at risk at r) invoices of the total,
 * S the share not yet paid, at risk those paid at r or later and those open beyond r or at it (an
 * open invoice of age r is known to be paid after it: payments first, at a tie).
 */
function kaplanMeierRanks(paid: readonly [number, number][], open: [number, number][]): Ranked {
  open.sort((a, b) => a[0] - b[0]);
  let atRisk = 0;
  for (const p of paid) atRisk += p[1];
  for (const o of open) atRisk += o[1];
  const total = atRisk;
  const ranked: Ranked = { total, values: [], counts: [], masses: [] };
  let unpaid = 1;
  let next = 0;
  for (const [value, count] of paid) {
    while (next < open.length && (open[next]?.[0] as number) < value) {
      atRisk -= open[next]?.[1] as number;
      next += 1;
    }
    ranked.values.push(value);
    ranked.counts.push(count);
    ranked.masses.push((total * unpaid) / atRisk);
    unpaid *= 1 - count / atRisk;
    atRisk -= count;
  }
  return ranked;
}

/**
 * The quantiles as a sorted list of every invoice reads them, each paid invoice standing for its
 * mass: the q-quantile at q × (all the invoices − the last one's mass) from the first, interpolated
 * between the two invoices around it; beyond the last paid one (the mass no payment took), the last. With every
 * mass 1 these are the ranks of the list of every residual: the same numbers.
 */
function quantilesOf(ranked: Ranked): number[] {
  const { total, values, counts, masses } = ranked;
  const last = values.length - 1;
  const span = total - (masses[last] as number);
  // Walking the invoices in order: `entry` the residual, `start` the position of its first invoice.
  let entry = 0;
  let start = 0;
  return Array.from({ length: 101 }, (_, i) => {
    const position = (i / 100) * span;
    const end = () => start + ((counts[entry] as number) - 1) * (masses[entry] as number);
    while (entry < last && position >= end() + (masses[entry] as number)) {
      start = end() + (masses[entry] as number);
      entry += 1;
    }
    const mass = masses[entry] as number;
    const rank = Math.floor((position - start) / mass);
    const a = values[entry] as number;
    if (rank < (counts[entry] as number) - 1 || entry === last) return a;
    // Between the last invoice of this residual and the first of the next.
    const b = values[entry + 1] as number;
    return a + ((b - a) * (position - end())) / mass;
  });
}
