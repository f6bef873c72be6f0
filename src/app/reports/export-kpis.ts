/**
 * The indicators as an export: key figures, each DSO with the definition it follows, the web
 * app's charts with scaled axes, and the monthly evolution, in French formats.
 */
import type { BusinessDocument, ChartSpec, KeyFigure, TabularReport } from '#render/document';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatDate, formatMonth, formatNumber, formatPercent } from '#text/format';
import { labelOrText } from './export-labels.ts';
import type { KpiReport } from './kpis.ts';
import type { DocumentSetting, ReportExport } from './report-tables.ts';

const ratioOfPct = (pct: number | null) => (pct === null ? null : pct / 100);

export function kpiTable(report: KpiReport, langInput?: string): TabularReport {
  const lang = toLang(langInput);
  const t = translator(lang);
  return {
    title: t('export.kpis.title'),
    subtitle: [
      `${t('export.period', { from: formatDate(lang, report.from), to: formatDate(lang, report.to) })} · ${t('export.kpis.monthly')}`,
    ],
    currency: report.currency,
    columns: [
      { header: t('export.kpis.month'), kind: 'text', width: 0.9 },
      { header: t('export.kpis.creditSales'), kind: 'money', width: 1.3 },
      { header: t('export.kpis.endingReceivables'), kind: 'money', width: 1.3 },
      { header: t('export.kpis.averageReceivables'), kind: 'money', width: 1.3 },
      { header: t('export.kpis.overdue'), kind: 'money', width: 1.3 },
      { header: t('export.kpis.dsoDays'), kind: 'number' },
      { header: t('export.kpis.countbackDays'), kind: 'number' },
      { header: t('export.kpis.bestDays'), kind: 'number' },
      { header: t('export.kpis.addDays'), kind: 'number' },
      { header: t('export.kpis.ceiPct'), kind: 'percent' },
      { header: t('export.kpis.delayDays'), kind: 'number' },
      { header: t('export.kpis.overdueShareShort'), kind: 'percent' },
      { header: t('export.kpis.over90ShareShort'), kind: 'percent' },
    ],
    rows: report.monthly.map((m) => [
      formatMonth(lang, m.month),
      m.creditSalesMinor,
      m.endingReceivablesMinor,
      m.averageOutstandingMinor,
      m.endingOverdueMinor,
      m.dsoSimpleDays,
      m.dsoCountbackDays,
      m.bestPossibleDsoDays,
      m.averageDaysDelinquent,
      ratioOfPct(m.ceiFullPeriodPct),
      m.averagePaymentDelayDays,
      m.overdueShare,
      m.over90Share,
    ]),
  };
}

function keyFigures(report: KpiReport, lang: Lang): KeyFigure[] {
  const t = translator(lang);
  const days = (v: number | null) =>
    v === null ? '—' : t('export.kpis.days', { value: formatNumber(lang, v, 1) });
  const pct = (v: number | null) => formatPercent(lang, v, 1);
  return [
    {
      label: t('export.kpis.dsoSimple'),
      value: days(report.dsoSimpleDays),
      note: t('export.kpis.dsoSimpleNote', { days: report.days }),
    },
    {
      label: t('export.kpis.dsoCountback'),
      value: days(report.dsoCountbackDays),
      note: t('export.kpis.dsoCountbackNote'),
    },
    {
      label: t('export.kpis.bestDso'),
      value: days(report.bestPossibleDsoDays),
      note: t('export.kpis.bestDsoNote'),
    },
    {
      label: t('export.kpis.add'),
      value: days(report.averageDaysDelinquent),
      note: t('export.kpis.addNote'),
    },
    {
      label: t('export.kpis.cei'),
      value: pct(ratioOfPct(report.ceiFullPeriodPct)),
      note: t('export.kpis.ceiNote'),
    },
    {
      label: t('export.kpis.ceiMonthlyMean'),
      value: pct(ratioOfPct(report.ceiMonthlyAveragePct)),
      note: t('export.kpis.ceiMonthlyMeanNote', { months: report.months }),
    },
    {
      label: t('export.kpis.averageDelay'),
      value: days(report.averagePaymentDelayDays),
      note: t('export.kpis.averageDelayNote'),
    },
    { label: t('export.kpis.overdueShare'), value: pct(report.overdueShare) },
    { label: t('export.kpis.over90Share'), value: pct(report.over90Share) },
    { label: t('export.kpis.top10Share'), value: pct(report.top10Share) },
    { label: t('export.kpis.creditLineUsage'), value: pct(report.creditLineUsage) },
    { label: t('export.kpis.overLimit'), value: formatNumber(lang, report.customersOverLimit, 0) },
  ];
}

function charts(report: KpiReport, lang: Lang): ChartSpec[] {
  const t = translator(lang);
  const labels = report.monthly.map((m) => formatMonth(lang, m.month));
  return [
    {
      title: t('export.kpis.chartDso'),
      kind: 'bar',
      labels,
      series: [
        { name: t('export.kpis.dsoSimple'), values: report.monthly.map((m) => m.dsoSimpleDays) },
        { name: t('export.kpis.bestDso'), values: report.monthly.map((m) => m.bestPossibleDsoDays) },
      ],
      valueKind: 'days',
    },
    {
      title: t('export.kpis.chartReceivables'),
      kind: 'line',
      labels,
      series: [
        { name: t('export.kpis.receivables'), values: report.monthly.map((m) => m.endingReceivablesMinor) },
        { name: t('export.kpis.overdue'), values: report.monthly.map((m) => m.endingOverdueMinor) },
      ],
      valueKind: 'money',
      currency: report.currency,
    },
    {
      title: t('export.kpis.chartSales'),
      kind: 'bar',
      labels: report.salesByCustomerType.map((row) => labelOrText(lang, 'customerType', row.customerType)),
      series: [
        { name: t('export.kpis.creditSales'), values: report.salesByCustomerType.map((r) => r.salesMinor) },
      ],
      valueKind: 'money',
      currency: report.currency,
    },
  ];
}

export function kpisExport(report: KpiReport, setting: DocumentSetting): ReportExport {
  const { lang } = setting;
  const table = kpiTable(report, lang);
  const document = (): BusinessDocument => ({
    ...setting,
    title: table.title,
    subtitle: [
      translator(lang)('export.period', {
        from: formatDate(lang, report.from),
        to: formatDate(lang, report.to),
      }),
    ],
    orientation: 'landscape',
    blocks: [
      { type: 'keyFigures', items: keyFigures(report, lang) },
      { type: 'charts', charts: charts(report, lang) },
      { type: 'heading', text: translator(lang)('export.kpis.monthly') },
      { type: 'table', table },
    ],
  });
  return { table, document };
}
