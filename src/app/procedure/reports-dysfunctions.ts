/**
 * The data model of the dysfunctions report (compte rendu des dysfonctionnements) as of a date:
 * every figure comes from the analytics use cases of src/app/reports for that date (indicators of
 * the twelve months to it, aged balance, risk table, anomalies), plus the procedure's gaps read
 * from the ledger, the dunning log and the credit decisions. Nothing here formats or words.
 */
import { ratio, round4 } from '#core/analytics/kpis';
import {
  type Better,
  type CustomerAmount,
  type DysfunctionsModel,
  gapOf,
  type IndicatorKind,
  type IndicatorTrend,
  type ProcedureGap,
  trendOf,
} from '#core/procedure/reports-model';
import type { IsoDate } from '#core/types';
import {
  coversAsOf,
  type OverdueInvoiceRow,
  ordersAcceptedOverLimit,
  overdueInvoices,
} from '#db/procedure/report-queries';
import type { Lang } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { getAgedBalance } from '../reports/aging.ts';
import { type AnomaliesReport, getAnomaliesWithRiskTable } from '../reports/anomalies.ts';
import { DEFAULT_LATE_COST_RATE_BPS, getKpis, type KpiReport } from '../reports/kpis.ts';
import { requireWholePortfolioAccess } from '../reports/report-scope.ts';
import type { RiskTable } from '../reports/risk.ts';

export interface ProcedureReportInput {
  asOf?: string | undefined;
  lang?: Lang | undefined;
  /** Annual financing rate of the cash cost of late payment, in bps (default: the KPI report's 5 %). */
  rateBps?: number | undefined;
}

/** An invoice overdue more than this without any reminder is a gap of the dunning procedure. */
export const UNREMINDED_MIN_DAYS = 15;
const TOP_CUSTOMERS = 10;
const RISK_CUSTOMERS = 15;
const ANOMALY_CUSTOMERS = 8;

type MonthlyKey = keyof KpiReport['monthly'][number];
const INDICATORS: {
  key: MonthlyKey & keyof KpiReport;
  kind: IndicatorKind;
  better: Better;
  tolerance: number;
}[] = [
  { key: 'dsoSimpleDays', kind: 'days', better: 'lower', tolerance: 2 },
  { key: 'dsoCountbackDays', kind: 'days', better: 'lower', tolerance: 2 },
  { key: 'bestPossibleDsoDays', kind: 'days', better: 'lower', tolerance: 2 },
  { key: 'averageDaysDelinquent', kind: 'days', better: 'lower', tolerance: 2 },
  { key: 'averagePaymentDelayDays', kind: 'days', better: 'lower', tolerance: 2 },
  { key: 'ceiFullPeriodPct', kind: 'ratio', better: 'higher', tolerance: 0.02 },
  { key: 'overdueShare', kind: 'ratio', better: 'lower', tolerance: 0.02 },
  { key: 'over90Share', kind: 'ratio', better: 'lower', tolerance: 0.01 },
];

/** The CEI comes as a percentage; the model keeps every ratio as a fraction. */
function asModelValue(key: string, value: unknown): number | null {
  if (typeof value !== 'number') return null;
  return key.endsWith('Pct') ? round4(value / 100) : value;
}

export function indicatorTrends(kpis: KpiReport): IndicatorTrend[] {
  const first = kpis.monthly[0];
  const last = kpis.monthly[kpis.monthly.length - 1];
  return INDICATORS.map(({ key, kind, better, tolerance }) => {
    const firstMonthValue = asModelValue(key, first?.[key]);
    const lastMonthValue = asModelValue(key, last?.[key]);
    return {
      key,
      kind,
      better,
      periodValue: asModelValue(key, kpis[key]),
      firstMonthValue,
      lastMonthValue,
      trend: trendOf(firstMonthValue, lastMonthValue, better, tolerance),
    };
  });
}

function portfolioOf(kpis: KpiReport, byType: Awaited<ReturnType<typeof getAgedBalance>>) {
  const total = byType.totals.totalMinor;
  return {
    totalMinor: total,
    customersWithBalance: kpis.customersWithBalance,
    overdueMinor: kpis.endingOverdueMinor,
    top10Share: kpis.top10Share,
    herfindahlIndex: kpis.herfindahlIndex,
    byCustomerType: byType.groups.map((g) => ({
      key: g.key,
      name: g.name,
      balanceMinor: g.totalMinor,
      share: round4(ratio(g.totalMinor, total)),
    })),
    salesByCustomerType: kpis.salesByCustomerType,
    creditSalesMinor: kpis.creditSalesMinor,
    monthly: kpis.monthly.map((m) => ({
      month: m.month,
      creditSalesMinor: m.creditSalesMinor,
      receivablesMinor: m.endingReceivablesMinor,
      overdueMinor: m.endingOverdueMinor,
    })),
  };
}

function riskOf(table: RiskTable) {
  return {
    summary: table.summary.map((s) => ({ ...s })),
    customers: table.rows
      .filter((row) => row.riskLevel !== 'low' && row.balanceMinor > 0)
      .slice(0, RISK_CUSTOMERS)
      .map((row) => ({
        code: row.code,
        name: row.name,
        level: row.riskLevel,
        balanceMinor: row.balanceMinor,
        overdueMinor: row.overdueMinor,
        creditLimitMinor: row.creditLimitMinor,
        oldestOverdueDays: row.oldestOverdueDays,
        action: row.action,
      })),
  };
}

function anomaliesOf(report: AnomaliesReport) {
  return report.findings.map((f) => ({
    kind: f.kind,
    severity: f.severity,
    title: f.title,
    evidence: f.evidence,
    customerCount: f.customers.length,
    customers: f.customers.slice(0, ANOMALY_CUSTOMERS).map((c) => ({ ...c })),
  }));
}

/** Per customer: the sum of its cases and how many there are (`detail`). */
function byCustomer(
  cases: readonly { code: string; amountMinor: number }[],
  names: Map<string, string>,
): CustomerAmount[] {
  const grouped = new Map<string, CustomerAmount>();
  for (const c of cases) {
    const entry = grouped.get(c.code) ?? {
      code: c.code,
      name: names.get(c.code) ?? c.code,
      amountMinor: 0,
      detail: 0,
    };
    entry.amountMinor += c.amountMinor;
    entry.detail = (entry.detail ?? 0) + 1;
    grouped.set(c.code, entry);
  }
  return [...grouped.values()];
}

async function gapsOf(
  ctx: AppContext,
  asOf: IsoDate,
  from: IsoDate,
  table: RiskTable,
  overdue: readonly OverdueInvoiceRow[],
): Promise<ProcedureGap[]> {
  const names = new Map(table.rows.map((row) => [row.code, row.name]));
  const orders = await ordersAcceptedOverLimit(ctx.db, ctx.companyId, from, asOf);
  const covers = await coversAsOf(ctx.db, ctx.companyId, asOf);
  const balances = new Map(table.rows.map((row) => [row.code, row]));
  const unreminded = overdue.filter((i) => !i.reminded && i.daysLate > UNREMINDED_MIN_DAYS);
  const remindedCustomers = new Set(overdue.filter((i) => i.reminded).map((i) => i.customerCode));
  const owing = table.rows.filter((row) => row.overdueMinor > 0);
  const lapsed = covers.filter(
    (c) =>
      (balances.get(c.customerCode)?.balanceMinor ?? 0) > 0 &&
      (c.status === 'refused' || c.status === 'cancelled' || (c.expiresOn !== null && c.expiresOn < asOf)),
  );
  return [
    gapOf(
      'orders_accepted_over_limit',
      byCustomer(
        orders.map((o) => ({ code: o.customerCode, amountMinor: o.amountMinor })),
        names,
      ),
      TOP_CUSTOMERS,
    ),
    gapOf(
      'open_orders_over_limit',
      table.rows
        .filter(
          (r) => r.creditLimitMinor !== null && r.balanceMinor > r.creditLimitMinor && r.openOrdersMinor > 0,
        )
        .map((r) => ({
          code: r.code,
          name: r.name,
          amountMinor: r.openOrdersMinor,
          detail: r.pendingOrders,
        })),
    ),
    gapOf(
      'never_reminded',
      owing
        .filter(
          (r) =>
            r.lastReminderDate === null &&
            !remindedCustomers.has(r.code) &&
            r.oldestOverdueDays > UNREMINDED_MIN_DAYS,
        )
        .map((r) => ({
          code: r.code,
          name: r.name,
          amountMinor: r.overdueMinor,
          detail: r.oldestOverdueDays,
        })),
    ),
    gapOf(
      'overdue_not_reminded',
      byCustomer(
        unreminded.map((i) => ({ code: i.customerCode, amountMinor: i.openMinor })),
        names,
      ),
    ),
    gapOf(
      'missing_limit',
      table.rows
        .filter((r) => r.creditLimitMinor === null && r.balanceMinor > 0)
        .map((r) => ({ code: r.code, name: r.name, amountMinor: r.balanceMinor })),
    ),
    gapOf(
      'cover_lapsed',
      lapsed.map((c) => ({
        code: c.customerCode,
        name: names.get(c.customerCode) ?? c.customerCode,
        amountMinor: balances.get(c.customerCode)?.balanceMinor ?? 0,
      })),
    ),
  ];
}

/** What the model was built from, which the measures report estimates its effects on. */
export interface DysfunctionsSources {
  overdue: OverdueInvoiceRow[];
  table: RiskTable;
  kpis: KpiReport;
}

/** Everything the dysfunctions report states, as of a date, in figures. */
export async function buildDysfunctionsModel(
  ctx: AppContext,
  input: ProcedureReportInput = {},
): Promise<{ model: DysfunctionsModel; sources: DysfunctionsSources }> {
  requireWholePortfolioAccess(ctx);
  const lang = input.lang ?? 'fr';
  const rateBps = input.rateBps ?? DEFAULT_LATE_COST_RATE_BPS;
  const kpis = await getKpis(ctx, { to: input.asOf, lateCostRateBps: rateBps });
  const asOf = kpis.to;
  const byType = await getAgedBalance(ctx, { asOf, groupBy: 'customer_type', lang });
  // The anomalies are found in the risk table: both come from one read.
  const { report: anomalies, table } = await getAnomaliesWithRiskTable(ctx, { asOf, lang });
  const overdue = await overdueInvoices(ctx.db, ctx.companyId, asOf);
  const total = byType.totals.totalMinor;
  // Shares of the open debits, the base of the indicators' overdue shares (credits stand apart).
  const debits = byType.totals.bucketsMinor.reduce((s, amount) => s + amount, 0);
  const model: DysfunctionsModel = {
    asOf,
    from: kpis.from,
    currency: kpis.currency,
    portfolio: portfolioOf(kpis, byType),
    indicators: indicatorTrends(kpis),
    lateCost: {
      rateBps,
      costMinor: kpis.lateCashCostMinor,
      averageOverdueMinor: Math.round(
        kpis.monthly.reduce((s, m) => s + m.endingOverdueMinor * m.days, 0) / Math.max(1, kpis.days),
      ),
      days: kpis.days,
    },
    aging: {
      buckets: byType.buckets.map((bucket, index) => ({
        key: bucket.key,
        label: bucket.label,
        amountMinor: byType.totals.bucketsMinor[index] ?? 0,
        share: round4(ratio(byType.totals.bucketsMinor[index] ?? 0, debits)),
      })),
      creditsMinor: byType.totals.creditsMinor,
      totalMinor: total,
    },
    risk: riskOf(table),
    anomalies: anomaliesOf(anomalies),
    anomalyThresholds: anomalies.thresholds,
    gaps: await gapsOf(ctx, asOf, kpis.from, table, overdue),
  };
  return { model, sources: { overdue, table, kpis } };
}
