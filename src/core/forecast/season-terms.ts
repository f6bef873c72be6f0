/**
 * Seasonality of the payments: how much later (or sooner) than its customer's usual delay an invoice
 * is paid when that usual delay lands it in a given calendar month (French companies pay late in
 * August, their accounts closed for the holidays, and around the year end).
 *
 * Grouped by the month the payment was EXPECTED in (due date + the customer's usual delay), not by
 * the due month: the holiday stops the payer's payment runs, so what it delays is a payment that
 * would have been made in August, whatever the due date. A customer paying 40 days late meets it
 * with the invoices due in late June and July; grouped by due month, its delay would land in June
 * and July and be smeared across customers of different habits. The prediction looks the month up
 * the same way (predict.ts): the invoice's expected day, at the earliest the day after the cut-off.
 *
 * Learned as a fold (constant per customer, 12 cells a year), at each cut-off wanted, from what was
 * known then: each invoice, in document order, is set against the mean delay of its customer's
 * invoices paid by the cut-off and folded before it (its usual delay), once the customer has
 * MIN_PRIOR_INVOICES of them. Its residual (delay − usual delay, capped at ± RESIDUAL_CAP_DAYS so
 * that a disputed or forgotten invoice does not make a season) is counted in the cell of the year and
 * month of its expected day, when that month ended RESIDUAL_CAP_DAYS or more before the cut-off (every
 * invoice expected then has its capped residual known, one still open counting the cap, where the
 * latest weeks would hold only the quick payers) and began at most SEASON_WINDOW_YEARS years before.
 * A month's effect is the mean of its years' effects (each cell's mean residual less that of the
 * twelve months around it: the habits already hold the average season, and a drift over the years
 * is no season), kept only from MIN_SEASON_YEARS years with MIN_CELL_INVOICES residuals each (a
 * one-off month is no season), shrunk toward 0 by empirical Bayes with the years as replicates (their
 * spread, pooled over the months, says how noisy a month's mean is: invoices of one month are paid
 * in the same runs, so their count would overstate it), and capped at MAX_SEASON_DAYS.
 */
import { fromDayNumber, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { InvoiceRecord } from './types.ts';

/** Paid invoices of a customer before one of its invoices' residuals counts. */
export const MIN_PRIOR_INVOICES = 3;
/** Residuals beyond this many days either way count as this many. */
export const RESIDUAL_CAP_DAYS = 60;
/** Fewest residuals in a year's month for that year to count. */
export const MIN_CELL_INVOICES = 10;
/** Fewest years a month must be seen in to have an effect. */
export const MIN_SEASON_YEARS = 2;
/** Years before the cut-off's year whose months are counted: older seasons are not today's. */
export const SEASON_WINDOW_YEARS = 5;
/** Largest effect, days either way. */
export const MAX_SEASON_DAYS = 20;
/**
 * A shrunk effect smaller than this is no season: nothing moves. So every date a season moves says
 * why (predict.ts), and two years that happened to agree by a day or so move nothing (on the demo,
 * whose generator has no season, October 2023 and 2024 gave +1.6 days at the cut-offs of 2025).
 */
export const MIN_SEASON_DAYS = 2;

export interface SeasonTerms {
  /** By calendar month (index 0: January), days added to the delay of a payment expected then. */
  monthDays: number[];
  /** By calendar month, the years the effect was learned from (0 where it is 0). */
  years: number[];
}

/** One year's month: how many residuals, and their sum. */
interface Cell {
  count: number;
  sum: number;
}

interface SeasonAt {
  cutoff: IsoDate;
  day: number;
  /**
   * The months counted (year × 12 + month index): from January SEASON_WINDOW_YEARS before the
   * cut-off's year to the last month that ended RESIDUAL_CAP_DAYS before the cut-off.
   */
  fromKey: number;
  toKey: number;
  /** By month key. */
  cells: Map<number, Cell>;
}

export interface SeasonFold {
  cutoffs: SeasonAt[];
  /** By customer, for cut-off k: [2k] paid invoices folded so far, [2k + 1] the sum of their delays. */
  customers: Map<string, Float64Array>;
}

export const NO_SEASON: SeasonTerms = {
  monthDays: new Array(12).fill(0),
  years: new Array(12).fill(0),
};

export function startSeasonFold(cutoffs: readonly IsoDate[]): SeasonFold {
  return {
    cutoffs: [...new Set(cutoffs)].map((cutoff) => ({
      cutoff,
      day: toDayNumber(cutoff),
      fromKey: (Number(cutoff.slice(0, 4)) - SEASON_WINDOW_YEARS) * 12,
      toKey: monthKeyOf(toDayNumber(cutoff) - RESIDUAL_CAP_DAYS + 1) - 1,
      cells: new Map(),
    })),
    customers: new Map(),
  };
}

/** Year × 12 + month index of a day number. */
function monthKeyOf(day: number): number {
  const date = fromDayNumber(day);
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function addResidual(at: SeasonAt, key: number, residual: number): void {
  const cell = at.cells.get(key);
  const capped = Math.max(-RESIDUAL_CAP_DAYS, Math.min(RESIDUAL_CAP_DAYS, residual));
  if (cell) {
    cell.count += 1;
    cell.sum += capped;
  } else at.cells.set(key, { count: 1, sum: capped });
}

/** Adds one invoice of the history, in document order (the usual delays are of those before it). */
export function addToSeasonFold(fold: SeasonFold, record: InvoiceRecord): void {
  const dueDay = toDayNumber(record.dueDate);
  const settledDay = record.settledOn === null ? null : toDayNumber(record.settledOn);
  let prior = fold.customers.get(record.customerCode);
  fold.cutoffs.forEach((at, k) => {
    if (record.issueDate > at.cutoff) return;
    const openThen = settledDay === null || settledDay > at.day;
    // Closed by a credit note or a write-off by then: it says nothing of when the customer pays.
    if (!openThen && !record.settledByPayment) return;
    const count = prior?.[2 * k] ?? 0;
    if (count >= MIN_PRIOR_INVOICES) {
      const usual = (prior?.[2 * k + 1] ?? 0) / count;
      const key = monthKeyOf(dueDay + Math.round(usual));
      if (key >= at.fromKey && key <= at.toKey)
        addResidual(at, key, openThen ? RESIDUAL_CAP_DAYS : (settledDay as number) - dueDay - usual);
    }
    if (openThen) return;
    if (!prior) {
      prior = new Float64Array(2 * fold.cutoffs.length);
      fold.customers.set(record.customerCode, prior);
    }
    prior[2 * k] = count + 1;
    prior[2 * k + 1] = (prior[2 * k + 1] ?? 0) + ((settledDay as number) - dueDay);
  });
}

export function finishSeasonTerms(fold: SeasonFold, cutoff: IsoDate): SeasonTerms {
  const at = fold.cutoffs.find((entry) => entry.cutoff === cutoff);
  return at ? seasonOfCells(at.cells) : NO_SEASON;
}

/** The terms at the cut-off from a list of invoices in document order (the back-test's and the tests' way). */
export function learnSeasonTerms(records: readonly InvoiceRecord[], cutoff: IsoDate): SeasonTerms {
  const fold = startSeasonFold([cutoff]);
  for (const record of records) addToSeasonFold(fold, record);
  return finishSeasonTerms(fold, cutoff);
}

/**
 * Each month's yearly effects (the years in order), from the cells with enough residuals: a cell's
 * mean residual less the mean of the twelve months around it (as centred as the history allows), so
 * that a customer growing slower over the years (its usual delay, a mean of the past, lags behind)
 * gives a drift of every month, not a season.
 */
function yearlyEffects(cells: ReadonlyMap<number, Cell>): number[][] {
  const byMonth: number[][] = Array.from({ length: 12 }, () => []);
  const keys = [...cells.keys()].sort((a, b) => a - b);
  const first = keys[0];
  const last = keys[keys.length - 1];
  if (first === undefined || last === undefined || last - first < 11) return byMonth;
  for (const key of keys) {
    const cell = cells.get(key) as Cell;
    if (cell.count < MIN_CELL_INVOICES) continue;
    const from = Math.min(Math.max(key - 6, first), last - 11);
    let count = 0;
    let sum = 0;
    for (let at = from; at < from + 12; at += 1) {
      const around = cells.get(at);
      count += around?.count ?? 0;
      sum += around?.sum ?? 0;
    }
    byMonth[key % 12]?.push(cell.sum / cell.count - sum / count);
  }
  return byMonth;
}

const meanOf = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function seasonOfCells(cells: ReadonlyMap<number, Cell>): SeasonTerms {
  const byMonth = yearlyEffects(cells);
  const seen = byMonth.map((effects) => (effects.length >= MIN_SEASON_YEARS ? effects : null));
  const months = seen.filter((effects): effects is number[] => effects !== null);
  if (months.length === 0) return NO_SEASON;
  // One year's effect of a month varies around that month's true effect by this much (pooled).
  let squares = 0;
  let freedom = 0;
  for (const effects of months) {
    const mean = meanOf(effects);
    for (const effect of effects) squares += (effect - mean) ** 2;
    freedom += effects.length - 1;
  }
  const yearVariance = squares / freedom;
  const noiseOf = (effects: readonly number[]) => yearVariance / effects.length;
  // The spread of the true effects: what the months' means vary by beyond their noise.
  const trueVariance = Math.max(
    0,
    meanOf(months.map((effects) => meanOf(effects) ** 2)) - meanOf(months.map(noiseOf)),
  );
  const monthDays = seen.map((effects) => {
    if (effects === null || trueVariance === 0) return 0;
    const shrunk = (meanOf(effects) * trueVariance) / (trueVariance + noiseOf(effects));
    const capped = Math.max(-MAX_SEASON_DAYS, Math.min(MAX_SEASON_DAYS, shrunk));
    return Math.abs(capped) < MIN_SEASON_DAYS ? 0 : capped;
  });
  return { monthDays, years: monthDays.map((days, m) => (days === 0 ? 0 : (seen[m]?.length ?? 0))) };
}

/** The effect on a payment expected in `month` (1–12): its days and the years it was learned from. */
export function seasonOf(terms: SeasonTerms, month: number): { days: number; years: number } {
  return { days: terms.monthDays[month - 1] ?? 0, years: terms.years[month - 1] ?? 0 };
}
