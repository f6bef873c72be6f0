/**
 * The data model of the dysfunctions report (compte rendu des dysfonctionnements) as of a date:
 * every figure comes from the analytics use cases of src/app/reports for that date (indicators of
 * the twelve months to it, aged balance, risk table, anomalies), plus the procedure's gaps read
 * from the ledger, the dunning log and the credit decisions. Nothing here formats or words.
 */
import { ratio, round4 } from '#core/analytics/kpis';
import {
  type Better,
  type DysfunctionsModel,
  type IndicatorKind,
  type IndicatorTrend,
  shareOf,
  trendOf,
} from '#core/procedure/reports-model';
import { overdueInvoices } from '#db/procedure/report-queries';
import type { Lang } from '#text/catalogue';
import { financingRateFor } from '../companies/financing-rate.ts';
import type { AppContext } from '../context.ts';
import { getAgedBalance } from '../reports/aging.ts';
import { type AnomaliesReport, getAnomaliesWithRiskTable } from '../reports/anomalies.ts';
import { getKpis, type KpiReport } from '../reports/kpis.ts';
import { requireWholePortfolioAccess } from '../reports/report-scope.ts';
import type { RiskTable } from '../reports/risk.ts';
import { gapsOf, type OverdueInvoice, withDunningExclusions } from './reports-gaps.ts';

export interface ProcedureReportInput {
  asOf?: string | undefined;
  lang?: Lang | undefined;
  /** Annual financing rate of the cash cost of late payment, in bps (default: the company's rate). */
  rateBps?: number | undefined;
}

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
  // Both replaced by their share of the encours (`OF_BALANCE`), the summary's figures.
  { key: 'overdueShare', kind: 'ratio', better: 'lower', tolerance: 0.02 },
  { key: 'over90Share', kind: 'ratio', better: 'lower', tolerance: 0.01 },
];

/** The CEI comes as a percentage; the model keeps every ratio as a fraction. */
function asModelValue(key: string, value: unknown): number | null {
  if (typeof value !== 'number') return null;
  return key.endsWith('Pct') ? round4(value / 100) : value;
}

/**
 * The overdue share of the encours, net of unapplied credits, at the end of the period or of a
 * month: the one computation of the summary's « soit … de l’encours » (the dashboard's figure) and
 * of the indicators' table, so that the report prints one figure, not 39,3 % beside 39,2 % of the
 * open invoices before credits (the KPI report's own share, which names that base).
 */
export function overdueShareOfBalance(figures: {
  endingOverdueMinor: number;
  endingReceivablesMinor: number;
}): number | null {
  return shareOf(figures.endingOverdueMinor, figures.endingReceivablesMinor);
}

/**
 * The over-90-days share of the encours, on the same basis: the one computation of the aged
 * balance's sentence (« … (14,8 % de l’encours) ») and of the indicators' table, which printed the
 * KPI report's 14,7 % of the open invoices before credits beside it.
 */
export function over90ShareOfBalance(figures: {
  endingOver90Minor: number;
  endingReceivablesMinor: number;
}): number | null {
  return shareOf(figures.endingOver90Minor, figures.endingReceivablesMinor);
}

/** The ending figures a share of the encours divides, of the period or of one of its months. */
type EndingFigures = {
  endingOverdueMinor: number;
  endingOver90Minor: number;
  endingReceivablesMinor: number;
};
/** The KPI report's shares of the open invoices the report replaces by its shares of the encours. */
const OF_BALANCE: Partial<
  Record<MonthlyKey, { key: string; of: (figures: EndingFigures) => number | null }>
> = {
  overdueShare: { key: 'overdueShareOfBalance', of: overdueShareOfBalance },
  over90Share: { key: 'over90ShareOfBalance', of: over90ShareOfBalance },
};

export function indicatorTrends(kpis: KpiReport): IndicatorTrend[] {
  const first = kpis.monthly[0];
  const last = kpis.monthly[kpis.monthly.length - 1];
  return INDICATORS.map(({ key, kind, better, tolerance }) => {
    const ofBalance = OF_BALANCE[key];
    if (ofBalance) {
      const firstMonthValue = first ? ofBalance.of(first) : null;
      const lastMonthValue = last ? ofBalance.of(last) : null;
      return {
        key: ofBalance.key,
        kind,
        better,
        periodValue: ofBalance.of(kpis),
        firstMonthValue,
        lastMonthValue,
        trend: trendOf(firstMonthValue, lastMonthValue, better, tolerance),
      };
    }
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
    overdueShare: overdueShareOfBalance(kpis),
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

/**
 * The risk levels of the customers owing money: the summary counts « N clients débiteurs » (a
 * positive balance), so the levels' table counts them too, and a customer whose unapplied payments
 * or credit notes exceed its open invoices is a creditor, counted apart, not a « Faible » debtor.
 */
type RiskRow = Pick<
  RiskTable['rows'][number],
  | 'code'
  | 'name'
  | 'riskLevel'
  | 'balanceMinor'
  | 'overdueMinor'
  | 'creditLimitMinor'
  | 'oldestOverdueDays'
  | 'action'
>;

export function riskOf(table: {
  rows: readonly RiskRow[];
  summary: readonly { level: string; label: string }[];
}): DysfunctionsModel['risk'] {
  const debtors = table.rows.filter((row) => row.balanceMinor > 0);
  const creditors = table.rows.filter((row) => row.balanceMinor < 0);
  const atRisk = debtors.filter((row) => row.riskLevel !== 'low');
  return {
    summary: table.summary.map(({ level, label }) => {
      const members = debtors.filter((row) => row.riskLevel === level);
      return {
        level,
        label,
        customers: members.length,
        balanceMinor: members.reduce((s, row) => s + row.balanceMinor, 0),
      };
    }),
    creditors: {
      customers: creditors.length,
      balanceMinor: creditors.reduce((s, row) => s + row.balanceMinor, 0),
    },
    customerCount: atRisk.length,
    customers: atRisk.slice(0, RISK_CUSTOMERS).map((row) => ({
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

/** What the model was built from, which the measures report estimates its effects on. */
export interface DysfunctionsSources {
  /** With what keeps the dunning procedure from reminding each (the gaps and the measures leave it out). */
  overdue: OverdueInvoice[];
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
  const rate = await financingRateFor(ctx, input.rateBps);
  const kpis = await getKpis(ctx, { to: input.asOf, lateCostRateBps: rate.rateBps });
  const asOf = kpis.to;
  const byType = await getAgedBalance(ctx, { asOf, groupBy: 'customer_type', lang });
  // The anomalies are found in the risk table: both come from one read.
  const { report: anomalies, table } = await getAnomaliesWithRiskTable(ctx, { asOf, lang });
  const overdue = await withDunningExclusions(ctx, asOf, await overdueInvoices(ctx.db, ctx.companyId, asOf));
  const total = byType.totals.totalMinor;
  const model: DysfunctionsModel = {
    asOf,
    from: kpis.from,
    currency: kpis.currency,
    portfolio: portfolioOf(kpis, byType),
    indicators: indicatorTrends(kpis),
    lateCost: {
      rateBps: rate.rateBps,
      rateSource: rate.source,
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
        // Of the net total the table prints under them (and « de l’encours » in the section's
        // sentence): the indicators' shares, of the open invoices before credits, name their base.
        share: shareOf(byType.totals.bucketsMinor[index] ?? 0, total),
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
