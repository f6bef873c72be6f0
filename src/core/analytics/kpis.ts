/**
 * Receivables indicators (DSO family, CEI, concentration, cost of late payment). Pure formulas
 * on amounts in minor units; every formula and variant is the one of docs/reference/ar-metrics.md.
 */

/** Simple DSO = ending receivables / credit sales of the period × days in the period. */
export function simpleDsoDays(
  endingReceivablesMinor: number,
  creditSalesMinor: number,
  days: number,
): number | null {
  if (creditSalesMinor <= 0) return null;
  return (endingReceivablesMinor / creditSalesMinor) * days;
}

export interface CountbackMonth {
  salesMinor: number;
  /** Days the month contributes (calendar days, or 30 under the 30-day convention). */
  days: number;
}

/**
 * Countback DSO: peel the most recent months' sales off the ending receivables, counting each
 * month's days, then the remaining fraction of the month that exhausts them. `months` are the
 * most recent first. Returns null when the history is too short to absorb the receivables.
 */
export function countbackDsoDays(
  endingReceivablesMinor: number,
  months: readonly CountbackMonth[],
): number | null {
  let remainingMinor = endingReceivablesMinor;
  let days = 0;
  if (remainingMinor <= 0) return 0;
  for (const month of months) {
    if (month.salesMinor <= 0) {
      days += month.days;
      continue;
    }
    if (remainingMinor <= month.salesMinor) return days + (remainingMinor / month.salesMinor) * month.days;
    remainingMinor -= month.salesMinor;
    days += month.days;
  }
  return null;
}

/** Best possible DSO = current (not yet due) receivables × days / credit sales. */
export function bestPossibleDsoDays(
  currentReceivablesMinor: number,
  creditSalesMinor: number,
  days: number,
): number | null {
  if (creditSalesMinor <= 0) return null;
  return (currentReceivablesMinor / creditSalesMinor) * days;
}

/** Average days delinquent = DSO − best possible DSO. */
export function averageDaysDelinquent(
  dsoDays: number | null,
  bestPossibleDays: number | null,
): number | null {
  return dsoDays === null || bestPossibleDays === null ? null : dsoDays - bestPossibleDays;
}

export interface CeiInputs {
  beginningReceivablesMinor: number;
  creditSalesMinor: number;
  endingReceivablesMinor: number;
  endingCurrentReceivablesMinor: number;
}

/**
 * Collection effectiveness index, in %: collected ÷ collectible over a period,
 * (beginning + credit sales − ending) ÷ (beginning + credit sales − ending current), with the
 * period's own credit sales (wizedu / gaviti). The one formula of every report, for the period as
 * for each month. CreditGuru's variant is this formula fed with the period's sales ÷ N months; it
 * is not offered: over a year it sets a year-old beginning balance against one month of sales.
 */
export function collectionEffectiveness(input: CeiInputs): number | null {
  const collectible =
    input.beginningReceivablesMinor + input.creditSalesMinor - input.endingCurrentReceivablesMinor;
  const collected = input.beginningReceivablesMinor + input.creditSalesMinor - input.endingReceivablesMinor;
  return collectible === 0 ? null : (collected / collectible) * 100;
}

/** The plain mean of the values that exist (a month without a CEI does not count as 0). */
export function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((s, v) => s + v, 0) / present.length;
}

/** Share of the top `n` positive balances in their total, and the Herfindahl index (0–10 000). */
export function concentration(
  balancesMinor: readonly number[],
  n = 10,
): { topShare: number | null; herfindahl: number | null } {
  const positive = balancesMinor.filter((b) => b > 0).sort((a, b) => b - a);
  const total = positive.reduce((s, b) => s + b, 0);
  if (total === 0) return { topShare: null, herfindahl: null };
  const top = positive.slice(0, n).reduce((s, b) => s + b, 0);
  const herfindahl = positive.reduce((s, b) => s + (b / total) ** 2, 0) * 10_000;
  return { topShare: top / total, herfindahl };
}

/**
 * Cost of carrying overdue receivables: Σ overdue amount × days × annual rate / 365, in minor
 * units (rounded once at the end so that the monthly terms do not accumulate rounding errors).
 */
export function lateCashCostMinor(
  overduePeriods: readonly { overdueMinor: number; days: number }[],
  rateBps: number,
): number {
  const amountDays = overduePeriods.reduce((s, p) => s + p.overdueMinor * p.days, 0);
  return Math.round((amountDays * rateBps) / 10_000 / 365);
}

/** Ratio or null when the denominator is zero. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Rounds an indicator for output (days to 0.01, percentages to 0.01). */
export function round2(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

export function round4(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}
