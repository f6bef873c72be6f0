/**
 * The dysfunctions report's model worded and laid out: the template variables (every figure
 * formatted for the reader) and the numbered sections' tables, ready for the PDF and DOCX
 * renderers. Anomalies reuse the anomalies export's blocks, so both documents word them alike.
 */
import { type DysfunctionsModel, type IndicatorTrend, shareOf } from '#core/procedure/reports-model';
import type { Cell } from '#render/document';
import type { ReportBlock, ReportSection } from '#render/reports/report-document';
import { dsoDriftWindows } from '#text/anomalies';
import { type Lang, label, translator } from '#text/catalogue';
import { formatMonth, formatNumber, formatPercent, formatPercentBps } from '#text/format';
import { LOCALES } from '#text/icu';
import { labelOrText } from '../reports/export-labels.ts';
import type { DocumentSetting } from '../reports/report-tables.ts';
import { columnOf, cutNote, numberedSections, shareTable, tableBlock } from './reports-blocks.ts';
import { anomalyBlocks, gapsBlocks } from './reports-document-gaps.ts';
import { UNREMINDED_MIN_DAYS } from './reports-gaps.ts';
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

/** « juillet 2025 »: the month a figure of the indicators' table is of, in a sentence. */
function monthInWords(lang: Lang, month: string | undefined): string {
  if (!month) return '—';
  const format = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${month.slice(0, 7)}-01T00:00:00Z`));
}

/**
 * The DSO drift the anomalies found, in the words of the indicators' section: the simple DSO over
 * three months, a year apart, beside the month's simple DSO that section compares from the first
 * month to the last. Both are true at once (a month can improve on another while the quarter
 * worsens on the year); named by their windows, a reader sees which is which.
 */
function dsoDriftVariables(model: DysfunctionsModel, lang: Lang): TemplateVariables {
  const drift = model.anomalies.find((a) => a.kind === 'dso_drift')?.evidence;
  const { dsoBeforeDays: before, dsoDays: now, before: end } = drift ?? {};
  if (typeof before !== 'number' || typeof now !== 'number' || typeof end !== 'string')
    return { dsoDrift: false };
  const t = translator(lang);
  const days = (value: number) => t('procedureReports.daysLong', { value: formatNumber(lang, value, 1) });
  const windows = dsoDriftWindows(lang, end);
  return {
    dsoDrift: true,
    dsoDriftBefore: days(before),
    dsoDriftNow: days(now),
    dsoDriftBeforeWindow: windows.windowBefore,
    dsoDriftWindow: windows.window,
  };
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
    // Of the two amounts the sentence prints (the total net of unapplied credits), as the dashboard.
    overdueShare: formatPercent(lang, model.portfolio.overdueShare, 1),
    // Of the net total, « de l’encours », as the aged balance's table and the indicators' table.
    over90Share: formatPercent(lang, find('over90ShareOfBalance').periodValue, 1),
    over90: money(over90?.amountMinor ?? 0),
    dso: value('dsoSimpleDays'),
    dsoFirst: indicatorValue(lang, dso, dso.firstMonthValue, true),
    dsoLast: indicatorValue(lang, dso, dso.lastMonthValue, true),
    dsoTrend: t(`procedureReports.trend.${dso.trend}`).toLowerCase(),
    dsoFirstMonth: monthInWords(lang, model.portfolio.monthly[0]?.month),
    dsoLastMonth: monthInWords(lang, model.portfolio.monthly.at(-1)?.month),
    ...dsoDriftVariables(model, lang),
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

export function agingBlocks(
  model: Pick<DysfunctionsModel, 'aging' | 'risk' | 'currency'>,
  lang: Lang,
): ReportBlock[] {
  const t = translator(lang);
  const col = columnOf(lang);
  const { aging, risk, currency } = model;
  const buckets = aging.buckets.map((b): Cell[] => [b.label, b.amountMinor, b.share]);
  // Every share is of the total printed below (net of the credits, which take their negative
  // share), so that each line divided by the total gives the percent printed beside it.
  const credits: Cell[] = [
    t('procedureReports.credits'),
    aging.creditsMinor,
    shareOf(aging.creditsMinor, aging.totalMinor),
  ];
  const totalShare = aging.totalMinor === 0 ? null : 1;
  return [
    { type: 'heading', text: t('procedureReports.heading.agedBalance') },
    shareTable(lang, currency, ['bucket', 'amount'], [...buckets, credits], aging.totalMinor, totalShare),
    { type: 'heading', text: t('procedureReports.heading.riskLevels') },
    tableBlock(
      currency,
      [col('level', 'text', 1.5), col('customers', 'integer', 0.8), col('balance', 'money')],
      [
        ...risk.summary.map((s): Cell[] => [s.label, s.customers, s.balanceMinor]),
        // Apart, so the levels count the « clients débiteurs » the summary states and the amounts
        // still add up to the receivables.
        ...(risk.creditors.customers > 0
          ? [[t('procedureReports.risk.creditors'), risk.creditors.customers, risk.creditors.balanceMinor]]
          : []),
      ],
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
    // The levels the list holds, which the summary's « risque élevé ou critique » does not all name.
    ...cutNote(lang, risk.customers.length, risk.customerCount, 'procedureReports.cut.riskCustomers'),
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
    ['anomalies', anomalyBlocks(model, setting)],
    ['gaps', gapsBlocks(model, lang)],
  ];
  return numberedSections(lang, parts, prose);
}
