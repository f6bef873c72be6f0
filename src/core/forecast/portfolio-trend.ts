/**
 * The portfolio's trend (the habits' `pooledTrend` option): the slope its customers' delays share
 * over their due dates. A tighter economy or a sector paying later moves most customers a little,
 * too little for each one's own line (model-trend.ts) to stand out of its noise, but hundreds of
 * customers together tell it. Each customer's line then departs from the portfolio's instead of
 * from a flat one (`keptSlope`), and a customer with too little history takes the portfolio's.
 *
 * The customers' own lines are fitted on the invoices paid by the cut-off, which bends them down
 * at their end: of the invoices due two months before, the ones paid more than two months late
 * are still open. Read that way, a steady portfolio whose slow payers are very slow looks as if it
 * were paying faster every month. So the portfolio's line is fitted on delays cut at
 * `trendCompleteDays` (T), on every invoice due T days before the cut-off or earlier: min(delay, T)
 * is known for each of them at the cut-off, T for one still open (or never paid), whatever comes
 * later. A drift of the slow payers beyond T is missed, but a steady portfolio draws a flat line.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { ModelOptions } from './model.ts';
import type { Effects } from './model-effects.ts';
import type { CutoffSums } from './model-fold-sums.ts';
import { addTrend, centred, type FittedTrend, TREND } from './model-trend.ts';
import type { InvoiceRecord } from './types.ts';

/**
 * Adds one invoice of the history to the portfolio's sums (`at.portfolio`, the layout of TREND) of
 * every cut-off it is due T days before or earlier. One closed otherwise than by a payment (a credit
 * note, a write-off) by the cut-off says nothing of the habits and is left out there.
 */
export function addToPortfolioTrend(
  options: ModelOptions,
  cutoffs: readonly CutoffSums[],
  customer: number,
  record: InvoiceRecord,
  dueDay: number,
  disputedOn: IsoDate | null,
): void {
  const cut = options.trendCompleteDays ?? 0;
  const settledDay = record.settledOn === null ? null : toDayNumber(record.settledOn);
  const electronic = record.electronic === true;
  for (const at of cutoffs) {
    if (!at.portfolio || dueDay > at.day - cut) continue;
    const settledBy = settledDay !== null && settledDay <= at.day;
    if (settledBy && !record.settledByPayment) continue;
    const delay = settledBy ? Math.min(cut, (settledDay as number) - dueDay) : cut;
    // A dispute counts when raised by the payment, or by the cut-off for an invoice still open.
    const disputeKnownBy = settledBy ? (record.settledOn as IsoDate) : at.cutoff;
    const disputed = disputedOn !== null && disputedOn <= disputeKnownBy;
    const paidAs = { delay, settledDay: settledDay ?? at.day, dueDay, disputed, electronic };
    addTrend(options, at.portfolio, customer * TREND, record.amountMinor, paidAs, at.day, 0);
  }
}

/**
 * The portfolio's line at a cut-off: each customer's cut delays measured from its own mean (a slow
 * payer beside a fast one draws no slope), each customer weighing by its effective number of
 * invoices rather than by its amounts. Null without two customers to draw it.
 */
export function pooledTrend(
  sums: Float64Array,
  customers: number,
  effects: Effects,
): Pick<FittedTrend, 'slope' | 'standardError' | 'invoices'> | null {
  let cxx = 0;
  let cxy = 0;
  let cyy = 0;
  let spread = 0;
  let invoices = 0;
  let drawn = 0;
  for (let index = 0; index < customers; index += 1) {
    const c = centred(sums, index, effects);
    if (!c || c.invoices <= 3 || !(c.cxx > 1e-9 * c.weight)) continue;
    // A customer's weights rescaled to add up to its effective number of invoices.
    const scale = c.invoices / c.weight;
    cxx += scale * c.cxx;
    cxy += scale * c.cxy;
    cyy += scale * c.cyy;
    spread += scale * scale * c.spread;
    invoices += c.invoices;
    drawn += 1;
  }
  // One mean fitted per customer, one slope for all.
  const freedom = invoices - drawn - 1;
  if (drawn < 2 || !(cxx > 0) || freedom <= 0) return null;
  const slope = cxy / cxx;
  const residualVariance = Math.max(0, cyy - slope * cxy) / freedom;
  return { slope, standardError: Math.sqrt((residualVariance * spread) / (cxx * cxx)), invoices };
}
