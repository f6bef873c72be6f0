/**
 * How far the future sales' volume may stray. The future sales repeat last year's invoices of the
 * same weeks (future-sales.ts); the band counted only the doubt on *when* each would be paid, as if
 * this year's sales were sure to equal last year's. Thirteen weeks ahead most of a week's receipts
 * are such sales, and the band held the week's actual receipts far less often than one week ahead
 * (23 of 39 weeks against 42 of 51 on the demo: BENCHMARKS.md). This measures the seasonal naive
 * forecast's own error over the last year, on four-week sums (a week's receipts from future sales
 * come from about a month of invoicing), so the band can widen with the share of future sales.
 */

/** Weeks between a sale and the one it repeats (364 days: SAME_WEEKDAY_LAST_YEAR_DAYS). */
const YEAR_WEEKS = 52;
/** A week's receipts from future sales come from about this many weeks of invoicing. */
const WINDOW_WEEKS = 4;
/** Fewer comparable windows than this (a company with less than two years): no figure. */
const MIN_WINDOWS = 13;

/** The weeks of invoicing `salesVolumeError` reads: the last year and the one before. */
export const VOLUME_HISTORY_WEEKS = 2 * YEAR_WEEKS;

/**
 * The root mean square of the relative error of last year's invoicing as a forecast of this
 * year's, over the four-week windows of the last year (each against the same weeks a year before;
 * growth counts as error, since the future sales do not allow for it). 0 when fewer than
 * MIN_WINDOWS windows lie wholly within the history.
 */
export function salesVolumeError(weekly: readonly number[]): number {
  // weekly[k]: the amount invoiced in the days (asOf − 7(k + 1), asOf − 7k].
  // A window a year back that begins before the first invoice known would compare a whole month
  // with the few days since the company's history begins.
  let oldest = weekly.length - 1;
  while (oldest >= 0 && !weekly[oldest]) oldest -= 1;
  const errors: number[] = [];
  for (let start = 0; start + WINDOW_WEEKS <= YEAR_WEEKS; start += 1) {
    if (start + YEAR_WEEKS + WINDOW_WEEKS - 1 > oldest) break;
    let now = 0;
    let yearBefore = 0;
    for (let week = start; week < start + WINDOW_WEEKS; week += 1) {
      now += weekly[week] ?? 0;
      yearBefore += weekly[week + YEAR_WEEKS] ?? 0;
    }
    if (yearBefore > 0) errors.push((now - yearBefore) / yearBefore);
  }
  if (errors.length < MIN_WINDOWS) return 0;
  return Math.sqrt(errors.reduce((sum, error) => sum + error * error, 0) / errors.length);
}
