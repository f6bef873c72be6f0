/**
 * The dysfunctions report's model worded and laid out: the template variables (every figure
 * formatted for the reader) and the numbered sections' tables, ready for the PDF and DOCX
 * renderers. Anomalies reuse the anomalies export's blocks, so both documents word them alike.
 */
import type { AnomalyThresholds } from '#core/analytics/anomalies';
import type { DysfunctionsModel, IndicatorTrend, ProcedureGap } from '#core/procedure/reports-model';
import type { Block } from '#render/document';
import type { ReportBlock, ReportSection } from '#render/reports/report-document';
import { type Lang, label, translator } from '#text/catalogue';
import { formatMonth, formatNumber, formatPercent, formatPercentBps } from '#text/format';
import { anomaliesExport } from '../reports/export-anomalies.ts';
import { labelOrText } from '../reports/export-labels.ts';
import type { DocumentSetting } from '../reports/report-tables.ts';
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
    over90Share: value('over90Share'),
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
  const c = (key: string) => t(`procedureReports.col.${key}`);
  const { portfolio, currency } = model;
  return [
    { type: 'heading', text: t('procedureReports.heading.byType') },
    {
      type: 'table',
      table: {
        currency,
        columns: [
          { header: c('customerType'), kind: 'text', width: 2 },
          { header: c('balance'), kind: 'money' },
          { header: c('share'), kind: 'percent', width: 0.7 },
        ],
        rows: portfolio.byCustomerType.map((g) => [
          labelOrText(lang, 'customerType', g.key),
          g.balanceMinor,
          g.share,
        ]),
        totals: [t('procedureReports.total'), portfolio.totalMinor, 1],
      },
    },
    { type: 'heading', text: t('procedureReports.heading.salesByType') },
    {
      type: 'table',
      table: {
        currency,
        columns: [
          { header: c('customerType'), kind: 'text', width: 2 },
          { header: c('sales'), kind: 'money' },
          { header: c('share'), kind: 'percent', width: 0.7 },
        ],
        rows: portfolio.salesByCustomerType.map((s) => [
          labelOrText(lang, 'customerType', s.customerType),
          s.salesMinor,
          s.share,
        ]),
      },
    },
    { type: 'heading', text: t('procedureReports.heading.monthly') },
    {
      type: 'table',
      table: {
        currency,
        columns: [
          { header: c('month'), kind: 'text', width: 1 },
          { header: c('sales'), kind: 'money' },
          { header: c('receivables'), kind: 'money' },
          { header: c('overdue'), kind: 'money' },
        ],
        rows: portfolio.monthly.map((m) => [
          formatMonth(lang, m.month),
          m.creditSalesMinor,
          m.receivablesMinor,
          m.overdueMinor,
        ]),
      },
    },
  ];
}

function indicatorBlocks(model: DysfunctionsModel, lang: Lang): ReportBlock[] {
  const t = translator(lang);
  const c = (key: string, params?: Record<string, string>) => t(`procedureReports.col.${key}`, params);
  const months = model.portfolio.monthly;
  return [
    {
      type: 'table',
      table: {
        currency: model.currency,
        columns: [
          { header: c('indicator'), kind: 'text', width: 2.6 },
          { header: c('period'), kind: 'number', width: 1 },
          {
            header: c('firstMonth', { month: formatMonth(lang, months[0]?.month) }),
            kind: 'number',
            width: 1,
          },
          {
            header: c('lastMonth', { month: formatMonth(lang, months[months.length - 1]?.month) }),
            kind: 'number',
            width: 1,
          },
          { header: c('trend'), kind: 'text', width: 1.2 },
        ],
        rows: model.indicators.map((i) => [
          t(`procedureReports.indicator.${i.key}`),
          indicatorValue(lang, i, i.periodValue),
          indicatorValue(lang, i, i.firstMonthValue),
          indicatorValue(lang, i, i.lastMonthValue),
          t(`procedureReports.trend.${i.trend}`),
        ]),
      },
    },
  ];
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
  const c = (key: string) => t(`procedureReports.col.${key}`);
  const currency = model.currency;
  return [
    { type: 'heading', text: t('procedureReports.heading.agedBalance') },
    {
      type: 'table',
      table: {
        currency,
        columns: [
          { header: c('bucket'), kind: 'text', width: 2 },
          { header: c('amount'), kind: 'money' },
          { header: c('share'), kind: 'percent', width: 0.7 },
        ],
        rows: [
          ...model.aging.buckets.map((b) => [b.label, b.amountMinor, b.share]),
          [t('procedureReports.credits'), model.aging.creditsMinor, null],
        ],
        totals: [t('procedureReports.total'), model.aging.totalMinor, 1],
      },
    },
    { type: 'heading', text: t('procedureReports.heading.riskLevels') },
    {
      type: 'table',
      table: {
        currency,
        columns: [
          { header: c('level'), kind: 'text', width: 1.5 },
          { header: c('customers'), kind: 'integer', width: 0.8 },
          { header: c('balance'), kind: 'money' },
        ],
        rows: model.risk.summary.map((s) => [s.label, s.customers, s.balanceMinor]),
      },
    },
    { type: 'heading', text: t('procedureReports.heading.riskCustomers') },
    {
      type: 'table',
      fontSize: 7.5,
      table: {
        currency,
        columns: [
          { header: c('customer'), kind: 'text', width: 2.2 },
          { header: c('level'), kind: 'text', width: 0.8 },
          { header: c('balance'), kind: 'money' },
          { header: c('overdue'), kind: 'money' },
          { header: c('limit'), kind: 'money' },
          { header: c('oldestDays'), kind: 'integer', width: 0.7 },
          { header: c('action'), kind: 'text', width: 1.8 },
        ],
        rows: model.risk.customers.map((r) => [
          `${r.name} (${r.code})`,
          label(lang, 'riskLevel', r.level),
          r.balanceMinor,
          r.overdueMinor,
          r.creditLimitMinor,
          r.oldestOverdueDays,
          label(lang, 'riskAction', r.action),
        ]),
      },
    },
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
  const c = (key: string) => t(`procedureReports.col.${key}`);
  const detailKey = `procedureReports.gapDetail.${gap.code}`;
  const hasDetail = gap.items.some((i) => i.detail !== undefined && i.detail !== null);
  const blocks: ReportBlock[] = [{ type: 'heading', text: gapTitle(gap.code, lang) }];
  if (gap.count === 0) return [...blocks, { type: 'paragraph', text: t('procedureReports.gap.none') }];
  blocks.push({
    type: 'table',
    table: {
      currency,
      columns: [
        { header: c('code'), kind: 'text', width: 0.8 },
        { header: c('customer'), kind: 'text', width: 2.4 },
        { header: c('amount'), kind: 'money' },
        ...(hasDetail ? [{ header: t(detailKey), kind: 'integer' as const, width: 0.8 }] : []),
      ],
      rows: gap.items.map((i) => [i.code, i.name, i.amountMinor, ...(hasDetail ? [i.detail ?? null] : [])]),
    },
  });
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
  const t = translator(lang);
  const c = (key: string) => t(`procedureReports.col.${key}`);
  return [
    {
      type: 'table',
      table: {
        currency: model.currency,
        columns: [
          { header: c('gap'), kind: 'text', width: 3 },
          { header: c('cases'), kind: 'integer', width: 0.6 },
          { header: c('amount'), kind: 'money' },
        ],
        rows: model.gaps.map((g) => [gapTitle(g.code, lang), g.count, g.amountMinor]),
      },
    },
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
  const t = translator(lang);
  const parts: [string, ReportBlock[]][] = [
    ['portfolio', portfolioBlocks(model, lang)],
    ['indicators', indicatorBlocks(model, lang)],
    ['late_cost', lateCostBlocks(model, lang)],
    ['aging', agingBlocks(model, lang)],
    ['anomalies', anomalyBlocks(model, lang, setting, model.anomalyThresholds)],
    ['gaps', gapsBlocks(model, lang)],
  ];
  return parts.map(([key, blocks], index) => ({
    number: String(index + 1),
    title: t(`procedureReports.section.${key}`),
    blocks: [...(prose[key] ?? []), ...blocks],
  }));
}
