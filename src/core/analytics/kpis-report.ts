/**
 * Assembles the indicators of a period and their monthly evolution from the ledger aggregates
 * (receivables at each month end, monthly movements, payment delays, portfolio snapshot).
 */
import {
  addDays,
  daysBetween,
  daysInMonth,
  endOfMonth,
  monthKey,
  splitDate,
  startOfMonth,
} from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import {
  averageDaysDelinquent,
  bestPossibleDsoDays,
  type CountbackMonth,
  collectionEffectiveness,
  countbackDsoDays,
  lateCashCostMinor,
  meanOf,
  ratio,
  round2,
  round4,
  simpleDsoDays,
} from './kpis.ts';
import { averageDailyBalanceMinor, type ReceivablesSnapshot } from './kpis-cube.ts';

export type CountbackDayBasis = 'actual' | 'thirty';

export interface KpiOptions {
  from: IsoDate;
  to: IsoDate;
  countbackDayBasis: CountbackDayBasis;
  lateCostRateBps: number;
}

export interface MonthPeriod {
  month: string;
  from: IsoDate;
  to: IsoDate;
}

/** The months of [from, to], the first and last possibly partial. */
export function monthPeriods(from: IsoDate, to: IsoDate): MonthPeriod[] {
  const periods: MonthPeriod[] = [];
  let start = from;
  while (start <= to) {
    const end = endOfMonth(start) < to ? endOfMonth(start) : to;
    periods.push({ month: monthKey(start), from: start, to: end });
    start = addDays(end, 1);
  }
  return periods;
}

/** Evaluation dates: the day before the period, then each month's last day within it. */
export function evaluationDates(from: IsoDate, to: IsoDate): IsoDate[] {
  return [addDays(from, -1), ...monthPeriods(from, to).map((period) => period.to)];
}

export interface KpiAggregates {
  /** Snapshots at evaluationDates(from, to), index 0 = the day before the period. */
  snapshots: readonly ReceivablesSnapshot[];
  /** Invoices by month ('YYYY-MM'), going back far enough for countback DSO. */
  salesByMonth: ReadonlyMap<string, number>;
  creditNotesMinor: number;
  /** Write-offs of bad debts (positive: a loss), and settlement differences charged to expense. */
  writeOffsMinor: number;
  settlementDifferencesMinor: number;
  salesByCustomerType: readonly { customerType: string; salesMinor: number }[];
  dailyMovements: readonly { date: IsoDate; amountMinor: number }[];
  paymentDelayByMonth: ReadonlyMap<string, { paidMinor: number; dueWeighted: number; issueWeighted: number }>;
  settledWithin90: readonly { month: string; invoicedMinor: number; settledMinor: number }[];
  horizonDays: number;
}

function countbackMonths(
  end: IsoDate,
  salesByMonth: ReadonlyMap<string, number>,
  basis: CountbackDayBasis,
  limit = 36,
): CountbackMonth[] {
  const months: CountbackMonth[] = [];
  let cursor = end;
  for (let i = 0; i < limit; i++) {
    const { year, month, day } = splitDate(cursor);
    const full = day === daysInMonth(year, month);
    const days = basis === 'thirty' ? (full ? 30 : Math.min(day, 30)) : day;
    months.push({ salesMinor: salesByMonth.get(monthKey(cursor)) ?? 0, days });
    cursor = addDays(startOfMonth(cursor), -1);
  }
  return months;
}

function salesBetween(salesByMonth: ReadonlyMap<string, number>, periods: readonly MonthPeriod[]): number {
  return periods.reduce((total, period) => total + (salesByMonth.get(period.month) ?? 0), 0);
}

/** The CEI (%) of the periods between two snapshots, on their own credit sales. */
function ceiOf(
  aggregates: KpiAggregates,
  begin: ReceivablesSnapshot,
  end: ReceivablesSnapshot,
  periods: readonly MonthPeriod[],
): number | null {
  return collectionEffectiveness({
    beginningReceivablesMinor: begin.balanceMinor,
    creditSalesMinor: salesBetween(aggregates.salesByMonth, periods),
    endingReceivablesMinor: end.balanceMinor,
    endingCurrentReceivablesMinor: end.currentMinor,
  });
}

/** The indicators between two snapshots; `monthlyCeis`: the CEI of each of their months. */
export function indicatorsFor(
  aggregates: KpiAggregates,
  options: KpiOptions,
  begin: ReceivablesSnapshot,
  end: ReceivablesSnapshot,
  periods: readonly MonthPeriod[],
  monthlyCeis: readonly (number | null)[],
) {
  const first = periods[0]?.from ?? options.from;
  const last = end.date;
  const days = daysBetween(first, last) + 1;
  const creditSalesMinor = salesBetween(aggregates.salesByMonth, periods);
  const dso = simpleDsoDays(end.balanceMinor, creditSalesMinor, days);
  const best = bestPossibleDsoDays(end.currentMinor, creditSalesMinor, days);
  const cei = ceiOf(aggregates, begin, end, periods);
  const delays = periods.map((period) => aggregates.paymentDelayByMonth.get(period.month));
  const paid = delays.reduce((s, d) => s + (d?.paidMinor ?? 0), 0);
  const settled = aggregates.settledWithin90.filter(
    (row) =>
      periods.some((period) => period.month === row.month) &&
      measurable(row.month, last, aggregates.horizonDays),
  );
  const invoiced = settled.reduce((s, row) => s + row.invoicedMinor, 0);
  return {
    days,
    creditSalesMinor,
    beginningReceivablesMinor: begin.balanceMinor,
    endingReceivablesMinor: end.balanceMinor,
    endingCurrentMinor: end.currentMinor,
    endingOverdueMinor: end.overdueMinor,
    endingOver90Minor: end.severeOverdueMinor,
    unappliedCreditsMinor: end.openCreditsMinor,
    averageOutstandingMinor: averageDailyBalanceMinor(
      begin.balanceMinor,
      aggregates.dailyMovements,
      first,
      last,
    ),
    dsoSimpleDays: round2(dso),
    dsoCountbackDays: round2(
      countbackDsoDays(
        end.balanceMinor,
        countbackMonths(last, aggregates.salesByMonth, options.countbackDayBasis),
      ),
    ),
    bestPossibleDsoDays: round2(best),
    averageDaysDelinquent: round2(averageDaysDelinquent(dso, best)),
    ceiFullPeriodPct: round2(cei),
    // The mean of the months' own CEIs, each unrounded, rounded once (over one month, its CEI).
    ceiMonthlyAveragePct: round2(meanOf(monthlyCeis)),
    averagePaymentDelayDays: round2(
      ratio(
        delays.reduce((s, d) => s + (d?.dueWeighted ?? 0), 0),
        paid,
      ),
    ),
    averagePaymentDelayFromIssueDays: round2(
      ratio(
        delays.reduce((s, d) => s + (d?.issueWeighted ?? 0), 0),
        paid,
      ),
    ),
    overdueShare: round4(ratio(end.overdueMinor, end.openDebitsMinor)),
    over90Share: round4(ratio(end.severeOverdueMinor, end.openDebitsMinor)),
    atRiskRate: round4(
      invoiced === 0 ? null : 1 - settled.reduce((s, row) => s + row.settledMinor, 0) / invoiced,
    ),
  };
}

/** A month's invoices can be judged "still unpaid N days later" only once that date is reached. */
function measurable(month: string, last: IsoDate, horizonDays: number): boolean {
  return addDays(endOfMonth(`${month}-01`), horizonDays) <= last;
}

export function buildKpis(aggregates: KpiAggregates, options: KpiOptions) {
  const periods = monthPeriods(options.from, options.to);
  const snapshots = aggregates.snapshots;
  const begin = snapshots[0] as ReceivablesSnapshot;
  const end = snapshots[snapshots.length - 1] as ReceivablesSnapshot;
  const ceis = periods.map((period, index) =>
    ceiOf(aggregates, snapshots[index] as ReceivablesSnapshot, snapshots[index + 1] as ReceivablesSnapshot, [
      period,
    ]),
  );
  const overall = indicatorsFor(aggregates, options, begin, end, periods, ceis);
  const monthly = periods.map((period, index) => ({
    month: period.month,
    from: period.from,
    to: period.to,
    ...indicatorsFor(
      aggregates,
      options,
      snapshots[index] as ReceivablesSnapshot,
      snapshots[index + 1] as ReceivablesSnapshot,
      [period],
      [ceis[index] ?? null],
    ),
  }));
  const salesTotal = aggregates.salesByCustomerType.reduce((s, row) => s + row.salesMinor, 0);
  return {
    ...overall,
    months: periods.length,
    creditNotesMinor: aggregates.creditNotesMinor,
    writeOffsMinor: aggregates.writeOffsMinor,
    settlementDifferencesMinor: aggregates.settlementDifferencesMinor,
    badDebtRatio: round4(ratio(aggregates.writeOffsMinor, overall.creditSalesMinor)),
    lateCashCostMinor: lateCashCostMinor(
      monthly.map((m) => ({ overdueMinor: m.endingOverdueMinor, days: m.days })),
      options.lateCostRateBps,
    ),
    lateCashCostRateBps: options.lateCostRateBps,
    salesByCustomerType: [...aggregates.salesByCustomerType]
      .sort((a, b) => b.salesMinor - a.salesMinor)
      .map((row) => ({ ...row, share: round4(ratio(row.salesMinor, salesTotal)) })),
    monthly,
  };
}

export type KpiFigures = ReturnType<typeof buildKpis>;
