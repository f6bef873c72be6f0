/** Anomalies of the receivables portfolio as of a date, each with evidence and the customers concerned. */

import { sum } from '#core/analytics/aging';
import {
  type AnomalyThresholds,
  customerFindings,
  DEFAULT_ANOMALY_THRESHOLDS,
  deteriorationFinding,
  type Finding,
  type FindingCustomer,
  makeFinding,
  salespersonGrowthFindings,
} from '#core/analytics/anomalies';
import { concentration, round2, round4, simpleDsoDays } from '#core/analytics/kpis';
import { addDays, addMonths, daysBetween, endOfMonth, startOfMonth } from '#core/calendar';
import type { IsoDate } from '#core/types';
import { inParallelReportSnapshot } from '#db/reports/report-parallel';
import {
  type BouncedPaymentRow,
  balancesAtTwoDates,
  bouncedPayments,
  type DelayWindowRow,
  invoicedInRanges,
  overdueAtDates,
  paymentDelayWindows,
} from '#db/reports/risk';
import { anomalyTitle } from '#text/anomalies';
import { type Lang, label, toLang } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { callerPortfolio } from './report-scope.ts';
import { type RiskTable, readRiskTable, riskTablePlan } from './risk.ts';

export interface AnomaliesInput {
  asOf?: string | undefined;
  /** Language of the finding titles (French by default). */
  lang?: Lang | undefined;
  thresholds?: Partial<AnomalyThresholds> | undefined;
}

/** A finding with its title in the reader's language. */
export type TitledFinding = Finding & { title: string };

export interface AnomaliesReport {
  asOf: IsoDate;
  currency: string;
  thresholds: AnomalyThresholds;
  findings: TitledFinding[];
}

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export async function getAnomalies(ctx: AppContext, input: AnomaliesInput = {}): Promise<AnomaliesReport> {
  return (await getAnomaliesWithRiskTable(ctx, input)).report;
}

/**
 * The anomalies and the risk table they were found in (every customer, settled ones included,
 * labelled in the reader's language): the dysfunctions report states both, read once.
 */
export async function getAnomaliesWithRiskTable(
  ctx: AppContext,
  input: AnomaliesInput = {},
): Promise<{ report: AnomaliesReport; table: RiskTable }> {
  // The risk table is scoped by itself; the other findings read through callerPortfolio.
  const t = { ...DEFAULT_ANOMALY_THRESHOLDS, ...input.thresholds };
  const plan = await riskTablePlan(ctx, { asOf: input.asOf, includeSettled: true, lang: input.lang });
  const asOf = plan.query.asOf;
  const salesperson = callerPortfolio(ctx);
  const { companyId } = ctx;
  const windows = delayWindows(asOf);
  const monthEnds = overdueDates(asOf);
  const yearBefore = endOfMonth(addMonths(asOf, -12));
  const quarters = [asOf, yearBefore].map((to) => ({ from: startOfMonth(addMonths(to, -2)), to }));
  // Every read in one report snapshot, side by side on a server.
  const [table, bounced, delays, overdue, balances, sales] = await inParallelReportSnapshot(ctx.db, (run) =>
    Promise.all([
      readRiskTable(plan, run),
      run((db) => bouncedPayments(db, companyId, addMonths(asOf, -12), asOf, salesperson)),
      run((db) => paymentDelayWindows(db, companyId, windows, salesperson)),
      run((db) => overdueAtDates(db, companyId, monthEnds, 'salesperson', salesperson)),
      run((db) => balancesAtTwoDates(db, companyId, yearBefore, asOf, salesperson)),
      run((db) => invoicedInRanges(db, companyId, quarters, salesperson)),
    ]),
  );
  const names = new Map(table.rows.map((row) => [row.code, row.name]));
  const findings: (Finding | null)[] = [
    ...customerFindings(table.rows, t, (date) => daysBetween(date, asOf)),
    bouncedFinding(bounced, names),
    ...deteriorationFindings(delays, names, t),
    ...salespersonFindings(overdue, monthEnds, names, t),
    ...portfolioFindings({ balances, sales, quarters, yearBefore }, t),
  ];
  const report = {
    asOf,
    currency: table.currency,
    thresholds: t,
    findings: findings
      .filter((f): f is Finding => f !== null)
      .map((f) => ({
        ...f,
        title: anomalyTitle(toLang(input.lang), f, t) ?? label(toLang(input.lang), 'anomalyKind', f.kind),
      }))
      .sort(
        (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.kind.localeCompare(b.kind),
      ),
  };
  return { report, table };
}

function bouncedFinding(rows: readonly BouncedPaymentRow[], names: Map<string, string>): Finding | null {
  return makeFinding(
    'bounced_payment',
    'warning',
    rows.map((row) => ({
      code: row.customerCode,
      name: names.get(row.customerCode) ?? row.customerCode,
      evidence: {
        document: row.externalRef,
        date: row.issueDate,
        amountMinor: row.amountMinor,
        openMinor: row.openMinor,
      },
    })),
  );
}

/** The payment-delay windows compared: the last 3 and 6 months against the 3 and 6 before. */
function delayWindows(asOf: IsoDate): { from: IsoDate; to: IsoDate }[] {
  return [3, 6].flatMap((months) => {
    const start = addDays(addMonths(asOf, -months), 1);
    return [
      { from: addMonths(start, -months), to: addDays(start, -1) },
      { from: start, to: asOf },
    ];
  });
}

function deteriorationFindings(
  rows: readonly DelayWindowRow[],
  names: Map<string, string>,
  t: AnomalyThresholds,
): (Finding | null)[] {
  const window = (index: number) =>
    rows
      .filter((row) => row.window === index && row.paidMinor > 0)
      .map((row) => ({
        customerCode: row.customerCode,
        paidMinor: row.paidMinor,
        averageDelayDays: row.dueWeighted / row.paidMinor,
      }));
  const results = [3, 6].map((months, i) =>
    deteriorationFinding(months, window(2 * i), window(2 * i + 1), names, t),
  );
  return results;
}

/** The last six month ends and the date itself. */
function overdueDates(asOf: IsoDate): IsoDate[] {
  const dates = [-6, -5, -4, -3, -2, -1].map((offset) => endOfMonth(addMonths(startOfMonth(asOf), offset)));
  dates.push(asOf);
  return dates;
}

/** Salespeople whose portfolio's overdue amount grew at each of the last six month ends. */
function salespersonFindings(
  rows: Awaited<ReturnType<typeof overdueAtDates>>,
  dates: readonly IsoDate[],
  names: Map<string, string>,
  t: AnomalyThresholds,
): Finding[] {
  const series = new Map<string, number[]>();
  const growth = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const amounts = series.get(row.groupKey) ?? new Array<number>(dates.length).fill(0);
    const index = dates.indexOf(row.date);
    amounts[index] = (amounts[index] ?? 0) + row.overdueMinor;
    series.set(row.groupKey, amounts);
    const sign = index === dates.length - 1 ? 1 : index === 0 ? -1 : 0;
    if (sign === 0) continue;
    const perCustomer = growth.get(row.groupKey) ?? new Map<string, number>();
    perCustomer.set(row.customerCode, (perCustomer.get(row.customerCode) ?? 0) + sign * row.overdueMinor);
    growth.set(row.groupKey, perCustomer);
  }
  const contributors = new Map<string, FindingCustomer[]>();
  for (const [salesperson, perCustomer] of growth) {
    const top = [...perCustomer]
      .filter(([, growthMinor]) => growthMinor > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    contributors.set(
      salesperson,
      top.map(([code, growthMinor]) => ({
        code,
        name: names.get(code) ?? code,
        evidence: { overdueGrowthMinor: growthMinor },
      })),
    );
  }
  return salespersonGrowthFindings(series, contributors, dates, t);
}

interface PortfolioReads {
  balances: Awaited<ReturnType<typeof balancesAtTwoDates>>;
  /** Invoiced in the quarter ending at the date, then in the one ending a year before. */
  sales: number[];
  quarters: { from: IsoDate; to: IsoDate }[];
  yearBefore: IsoDate;
}

function portfolioFindings(reads: PortfolioReads, t: AnomalyThresholds): (Finding | null)[] {
  // Simple DSO over the quarter ending at each date, as the KPI report computes it; the balances
  // at both dates are the customers' balances summed.
  const { balances, quarters, yearBefore } = reads;
  const [salesNow = 0, salesBefore = 0] = reads.sales;
  const dso = (balanceMinor: number, salesMinor: number, quarter: { from: IsoDate; to: IsoDate }) =>
    round2(simpleDsoDays(balanceMinor, salesMinor, daysBetween(quarter.from, quarter.to) + 1));
  const spread = concentration(balances.map((b) => b.afterMinor));
  const now = {
    dsoSimpleDays: dso(sum(balances.map((b) => b.afterMinor)), salesNow, quarters[0] as (typeof quarters)[0]),
    top10Share: round4(spread.topShare),
    herfindahlIndex: spread.herfindahl === null ? null : Math.round(spread.herfindahl),
  };
  const before = {
    dsoSimpleDays: dso(
      sum(balances.map((b) => b.beforeMinor)),
      salesBefore,
      quarters[1] as (typeof quarters)[0],
    ),
  };
  const results: (Finding | null)[] = [];
  if (
    now.dsoSimpleDays !== null &&
    before.dsoSimpleDays !== null &&
    now.dsoSimpleDays - before.dsoSimpleDays >= t.dsoDriftDays
  ) {
    const growers = balances
      .map((b) => ({ ...b, growthMinor: b.afterMinor - b.beforeMinor }))
      .sort((a, b) => b.growthMinor - a.growthMinor)
      .slice(0, 5);
    results.push(
      makeFinding(
        'dso_drift',
        'warning',
        growers.map((g) => ({
          code: g.code,
          name: g.name,
          evidence: {
            balanceBeforeMinor: g.beforeMinor,
            balanceMinor: g.afterMinor,
            growthMinor: g.growthMinor,
          },
        })),
        {
          dsoBeforeDays: before.dsoSimpleDays,
          dsoDays: now.dsoSimpleDays,
          before: yearBefore,
          method: 'simple_3m',
        },
      ),
    );
  }
  const positive = balances.filter((b) => b.afterMinor > 0).sort((a, b) => b.afterMinor - a.afterMinor);
  const total = positive.reduce((s, b) => s + b.afterMinor, 0);
  const topShare = now.top10Share ?? 0;
  const largestShare = total > 0 ? (positive[0]?.afterMinor ?? 0) / total : 0;
  if (topShare > t.top10ShareMax || largestShare > t.singleCustomerShareMax) {
    results.push(
      makeFinding(
        'concentration',
        'warning',
        positive.slice(0, 10).map((b) => ({
          code: b.code,
          name: b.name,
          evidence: {
            balanceMinor: b.afterMinor,
            share: Math.round((b.afterMinor / total) * 10_000) / 10_000,
          },
        })),
        {
          top10Share: topShare,
          largestShare: Math.round(largestShare * 10_000) / 10_000,
          herfindahlIndex: now.herfindahlIndex,
        },
      ),
    );
  }
  return results;
}
