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
import {
  balancesAtTwoDates,
  bouncedPayments,
  invoicedInRanges,
  overdueAtDates,
  paymentDelayWindows,
} from '#db/reports/risk';
import { anomalyTitle } from '#text/anomalies';
import { type Lang, label, toLang } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { callerPortfolio } from './report-scope.ts';
import { getRiskTable } from './risk.ts';

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
  // The risk table is scoped by itself; the other findings read through callerPortfolio.
  const t = { ...DEFAULT_ANOMALY_THRESHOLDS, ...input.thresholds };
  const table = await getRiskTable(ctx, { asOf: input.asOf, includeSettled: true });
  const asOf = table.asOf;
  const names = new Map(table.rows.map((row) => [row.code, row.name]));
  const findings: (Finding | null)[] = [
    ...customerFindings(table.rows, t, (date) => daysBetween(date, asOf)),
    await bouncedFinding(ctx, asOf, names),
    ...(await deteriorationFindings(ctx, asOf, names, t)),
    ...(await salespersonFindings(ctx, asOf, names, t)),
    ...(await portfolioFindings(ctx, asOf, t)),
  ];
  return {
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
}

async function bouncedFinding(
  ctx: AppContext,
  asOf: IsoDate,
  names: Map<string, string>,
): Promise<Finding | null> {
  const rows = await bouncedPayments(ctx.db, ctx.companyId, addMonths(asOf, -12), asOf, callerPortfolio(ctx));
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

async function deteriorationFindings(
  ctx: AppContext,
  asOf: IsoDate,
  names: Map<string, string>,
  t: AnomalyThresholds,
): Promise<(Finding | null)[]> {
  const windows = [3, 6].flatMap((months) => {
    const start = addDays(addMonths(asOf, -months), 1);
    return [
      { from: addMonths(start, -months), to: addDays(start, -1) },
      { from: start, to: asOf },
    ];
  });
  const rows = await paymentDelayWindows(ctx.db, ctx.companyId, windows, callerPortfolio(ctx));
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

/** Salespeople whose portfolio's overdue amount grew at each of the last six month ends. */
async function salespersonFindings(
  ctx: AppContext,
  asOf: IsoDate,
  names: Map<string, string>,
  t: AnomalyThresholds,
): Promise<Finding[]> {
  const dates = [-6, -5, -4, -3, -2, -1].map((offset) => endOfMonth(addMonths(startOfMonth(asOf), offset)));
  dates.push(asOf);
  const rows = await overdueAtDates(ctx.db, ctx.companyId, dates, 'salesperson', callerPortfolio(ctx));
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

async function portfolioFindings(
  ctx: AppContext,
  asOf: IsoDate,
  t: AnomalyThresholds,
): Promise<(Finding | null)[]> {
  const yearBefore = endOfMonth(addMonths(asOf, -12));
  const salesperson = callerPortfolio(ctx);
  const balances = await balancesAtTwoDates(ctx.db, ctx.companyId, yearBefore, asOf, salesperson);
  // Simple DSO over the quarter ending at each date, as the KPI report computes it; the balances
  // at both dates are the customers' balances summed.
  const quarters = [asOf, yearBefore].map((to) => ({ from: startOfMonth(addMonths(to, -2)), to }));
  const [salesNow = 0, salesBefore = 0] = await invoicedInRanges(
    ctx.db,
    ctx.companyId,
    quarters,
    salesperson,
  );
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
