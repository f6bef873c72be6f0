/**
 * The dysfunctions report's model worded and laid out: the template variables (every figure
 * formatted for the reader) and the numbered sections' tables, ready for the PDF and DOCX
 * renderers. Anomalies reuse the anomalies export's blocks, so both documents word them alike.
 */
import type { AnomalyThresholds } from '#core/analytics/anomalies';
import type { DysfunctionsModel, IndicatorTrend, ProcedureGap } from '#core/procedure/reports-model';
import type { Block, Cell, TableColumn } from '#render/document';
import type { ReportBlock, ReportSection } from '#render/reports/report-document';
import { type Lang, label, translator } from '#text/catalogue';
import { formatMonth, formatNumber, formatPercent, formatPercentBps } from '#text/format';
import { anomaliesExport } from '../reports/export-anomalies.ts';
import { labelOrText } from '../reports/export-labels.ts';
import type { DocumentSetting } from '../reports/report-tables.ts';
import { columnOf, numberedSections, shareTable, tableBlock } from './reports-blocks.ts';
import { UNREMINDED_MIN_DAYS } from './reports-dysfunctions.ts';
import type { TemplateVariables } from './reports-templates.ts';
import { longDate, moneyOf } from './reports-words.ts';

/** « 82,6 j » in tables, « 82,6 jours » in sentences. */
export function indicatorValue(
  lang: Lang,
  indicator: IndicatorTrend,
  value: number | null,
  long = false,
): string {
  if (value === null) return '—';
  const t = translator(lang);
  return indicator.kind === 'days'
    ? t(long ? 'procedureReports.daysLong' : 'procedureReports.days', { value: formatNumber(lang, value, 1) })
    : formatPercent(lang, value, 1);
}

export function dysfunctionsVariables(
  model: DysfunctionsModel,
  lang: Lang,
  company: string,
): TemplateVariables {
  const t = translator(lang);
  const money = moneyOf(lang, model.currency);
  const find = (key: string) => model.indicators.find((i) => i.key === key) as IndicatorTrend;
  const dso = find('dsoSimpleDays');
  const value = (key: string) => indicatorValue(lang, find(key), find(key).periodValue, true);
  const largest = model.portfolio.byCustomerType[0];
  const highRisk = model.risk.summary.filter((s) => s.level === 'high' || s.level === 'critical');
  const over90 = model.aging.buckets[model.aging.buckets.length - 1];
  return {
    company,
    asOf: longDate(lang, model.asOf),
    from: longDate(lang, model.from),
    totalReceivables: money(model.portfolio.totalMinor),
    customersWithBalance: formatNumber(lang, model.portfolio.customersWithBalance, 0),
    overdue: money(model.portfolio.overdueMinor),
    overdueShare: value('overdueShare'),
    // The aged balance's own line, as its table prints it.
    over90Share: formatPercent(lang, over90?.share ?? null, 1),
    over90: money(over90?.amountMinor ?? 0),
    dso: value('dsoSimpleDays'),
    dsoFirst: indicatorValue(lang, dso, dso.firstMonthValue, true),
    dsoLast: indicatorValue(lang, dso, dso.lastMonthValue, true),
    dsoTrend: t(`procedureReports.trend.${dso.trend}`).toLowerCase(),
    bestDso: value('bestPossibleDsoDays'),
    add: value('averageDaysDelinquent'),
    cei: value('ceiFullPeriodPct'),
    averageDelay: value('averagePaymentDelayDays'),
    top10Share: formatPercent(lang, model.portfolio.top10Share, 1),
    creditSales: money(model.portfolio.creditSalesMinor),
    largestType: largest ? labelOrText(lang, 'customerType', largest.key) : '—',
    largestTypeShare: formatPercent(lang, largest?.share ?? null, 1),
    lateCost: money(model.lateCost.costMinor),
    lateCostRate: formatPercentBps(lang, model.lateCost.rateBps),
    lateCostDays: formatNumber(lang, model.lateCost.days, 0),
    averageOverdue: money(model.lateCost.averageOverdueMinor),
    highRiskBalance: money(highRisk.reduce((s, r) => s + r.balanceMinor, 0)),
    unremindedDays: formatNumber(lang, UNREMINDED_MIN_DAYS, 0),
    n: {
      findings: model.anomalies.length,
      critical: model.anomalies.filter((a) => a.severity === 'critical').length,
      gaps: model.gaps.filter((g) => g.count > 0).length,
      highRisk: highRisk.reduce((s, r) => s + r.customers, 0),
      deteriorating: model.indicators.filter((i) => i.trend === 'deteriorating').length,
      indicators: model.indicators.length,
    },
  };
}

function portfolioBlocks(model: DysfunctionsModel, lang: Lang): ReportBlock[] {
  const t = translator(lang);
  const col = columnOf(lang);
  const { portfolio, currency } = model;
  const typeName = (code: string) => labelOrText(lang, 'customerType', code);
  const balances = portfolio.byCustomerType.map((g) => [typeName(g.key), g.balanceMinor, g.share]);
  const sales = portfolio.salesByCustomerType.map((s) => [typeName(s.customerType), s.salesMinor, s.share]);
  return [
    { type: 'heading', text: t('procedureReports.heading.byType') },
    shareTable(lang, currency, ['customerType', 'balance'], balances, portfolio.totalMinor),
    { type: 'heading', text: t('procedureReports.heading.salesByType') },
    shareTable(lang, currency, ['customerType', 'sales'], sales),
    { type: 'heading', text: t('procedureReports.heading.monthly') },
    tableBlock(
      currency,
      [col('month', 'text', 1), col('sales', 'money'), col('receivables', 'money'), col('overdue', 'money')],
      portfolio.monthly.map((m) => [
        formatMonth(lang, m.month),
        m.creditSalesMinor,
        m.receivablesMinor,
        m.overdueMinor,
      ]),
    ),
  ];
}

function indicatorBlocks(model: DysfunctionsModel, lang: Lang): ReportBlock[] {
  const t = translator(lang);
  const col = columnOf(lang);
  const months = model.portfolio.monthly;
  const first = formatMonth(lang, months[0]?.month);
  const last = formatMonth(lang, months[months.length - 1]?.month);
  const columns = [
    col('indicator', 'text', 2.6),
    col('period', 'number', 1),
    col('firstMonth', 'number', 1, { month: first }),
    col('lastMonth', 'number', 1, { month: last }),
    col('trend', 'text', 1.2),
  ];
  const rows = model.indicators.map((i) => [
    t(`procedureReports.indicator.${i.key}`),
    indicatorValue(lang, i, i.periodValue),
    indicatorValue(lang, i, i.firstMonthValue),
    indicatorValue(lang, i, i.lastMonthValue),
    t(`procedureReports.trend.${i.trend}`),
  ]);
  return [tableBlock(model.currency, columns, rows)];
}

function lateCostBlocks(model: DysfunctionsModel, lang: Lang): ReportBlock[] {
  const t = translator(lang);
  const money = moneyOf(lang, model.currency);
  return [
    {
      type: 'facts',
      items: [
        { label: t('procedureReports.lateCost.cost'), value: money(model.lateCost.costMinor) },
        { label: t('procedureReports.lateCost.rate'), value: formatPercentBps(lang, model.lateCost.rateBps) },
        {
          label: t('procedureReports.lateCost.averageOverdue'),
          value: money(model.lateCost.averageOverdueMinor),
        },
        { label: t('procedureReports.lateCost.days'), value: formatNumber(lang, model.lateCost.days, 0) },
      ],
    },
  ];
}

function agingBlocks(model: DysfunctionsModel, lang: Lang): ReportBlock[] {
  const t = translator(lang);
  const col = columnOf(lang);
  const { aging, risk, currency } = model;
  const buckets = aging.buckets.map((b): Cell[] => [b.label, b.amountMinor, b.share]);
  const credits: Cell[] = [t('procedureReports.credits'), aging.creditsMinor, null];
  return [
    { type: 'heading', text: t('procedureReports.heading.agedBalance') },
    // Bucket shares are of the open debits (as the indicators' shares), not of the net total.
    shareTable(lang, currency, ['bucket', 'amount'], [...buckets, credits], aging.totalMinor, null),
    { type: 'heading', text: t('procedureReports.heading.riskLevels') },
    tableBlock(
      currency,
      [col('level', 'text', 1.5), col('customers', 'integer', 0.8), col('balance', 'money')],
      risk.summary.map((s) => [s.label, s.customers, s.balanceMinor]),
    ),
    { type: 'heading', text: t('procedureReports.heading.riskCustomers') },
    tableBlock(
      currency,
      [
        col('customer', 'text', 2.2),
        col('level', 'text', 0.8),
        col('balance', 'money'),
        col('overdue', 'money'),
        col('limit', 'money'),
        col('oldestDays', 'integer', 0.7),
        col('action', 'text', 1.8),
      ],
      risk.customers.map((r) => [
        `${r.name} (${r.code})`,
        label(lang, 'riskLevel', r.level),
        r.balanceMinor,
        r.overdueMinor,
        r.creditLimitMinor,
        r.oldestOverdueDays,
        label(lang, 'riskAction', r.action),
      ]),
      { fontSize: 7.5 },
    ),
  ];
}

function anomalyBlocks(
  model: DysfunctionsModel,
  lang: Lang,
  setting: DocumentSetting,
  thresholds: AnomalyThresholds,
): ReportBlock[] {
  if (model.anomalies.length === 0)
    return [{ type: 'paragraph', text: translator(lang)('procedureReports.anomalies.none') }];
  const report = {
    asOf: model.asOf,
    currency: model.currency,
    thresholds,
    findings: model.anomalies.map((a) => ({
      kind: a.kind,
      severity: a.severity as 'info',
      evidence: a.evidence,
      customers: a.customers,
      title: a.title,
    })),
  };
  return anomaliesExport(report, setting).document().blocks as Block[];
}

function gapBlocks(gap: ProcedureGap, lang: Lang, currency: string): ReportBlock[] {
  const t = translator(lang);
  const col = columnOf(lang);
  const hasDetail = gap.items.some((i) => i.detail !== undefined && i.detail !== null);
  const blocks: ReportBlock[] = [{ type: 'heading', text: gapTitle(gap.code, lang) }];
  if (gap.count === 0) return [...blocks, { type: 'paragraph', text: t('procedureReports.gap.none') }];
  const detailKey = `procedureReports.gapDetail.${gap.code}`;
  const detail: TableColumn[] = hasDetail ? [{ header: t(detailKey), kind: 'integer', width: 0.8 }] : [];
  const columns = [col('code', 'text', 0.8), col('customer', 'text', 2.4), col('amount', 'money'), ...detail];
  const rows = gap.items.map((i) => [
    i.code,
    i.name,
    i.amountMinor,
    ...(hasDetail ? [i.detail ?? null] : []),
  ]);
  blocks.push(tableBlock(currency, columns, rows));
  if (gap.count > gap.items.length)
    blocks.push({
      type: 'paragraph',
      small: true,
      text: t('procedureReports.gap.more', { shown: gap.items.length, count: gap.count }),
    });
  return blocks;
}

export function gapTitle(code: string, lang: Lang): string {
  return translator(lang)(`procedureReports.gap.${code}`, { days: UNREMINDED_MIN_DAYS });
}

function gapsBlocks(model: DysfunctionsModel, lang: Lang): ReportBlock[] {
  const col = columnOf(lang);
  return [
    tableBlock(
      model.currency,
      [col('gap', 'text', 3), col('cases', 'integer', 0.6), col('amount', 'money')],
      model.gaps.map((g) => [gapTitle(g.code, lang), g.count, g.amountMinor]),
    ),
    ...model.gaps.flatMap((g) => gapBlocks(g, lang, model.currency)),
  ];
}

/** The figures the director reads first, under the summary. */
export function dysfunctionsKeyFigures(model: DysfunctionsModel, lang: Lang): ReportBlock {
  const t = translator(lang);
  const money = moneyOf(lang, model.currency);
  const find = (key: string) => model.indicators.find((i) => i.key === key) as IndicatorTrend;
  const dso = find('dsoSimpleDays');
  const k = (key: string) => t(`procedureReports.key.${key}`);
  return {
    type: 'keyFigures',
    items: [
      { label: k('receivables'), value: money(model.portfolio.totalMinor) },
      { label: k('overdue'), value: money(model.portfolio.overdueMinor) },
      { label: k('dso'), value: indicatorValue(lang, dso, dso.periodValue) },
      { label: k('lateCost'), value: money(model.lateCost.costMinor) },
      { label: k('anomalies'), value: formatNumber(lang, model.anomalies.length, 0) },
      { label: k('gaps'), value: formatNumber(lang, model.gaps.filter((g) => g.count > 0).length, 0) },
    ],
  };
}

/** The sections after the summary, each opened by its template's text. */
export function dysfunctionsSections(
  model: DysfunctionsModel,
  setting: DocumentSetting,
  prose: Record<string, ReportBlock[]>,
): ReportSection[] {
  const lang = setting.lang;
  const parts: [string, ReportBlock[]][] = [
    ['portfolio', portfolioBlocks(model, lang)],
    ['indicators', indicatorBlocks(model, lang)],
    ['late_cost', lateCostBlocks(model, lang)],
    ['aging', agingBlocks(model, lang)],
    ['anomalies', anomalyBlocks(model, lang, setting, model.anomalyThresholds)],
    ['gaps', gapsBlocks(model, lang)],
  ];
  return numberedSections(lang, parts, prose);
}
