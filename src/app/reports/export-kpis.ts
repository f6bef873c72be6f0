/**
 * The indicators as an export: key figures, each DSO with the definition it follows, the web
 * app's charts with scaled axes, and the monthly evolution, in French formats.
 */
import type {
  BusinessDocument,
  ChartSpec,
  FiguresSheet,
  KeyFigure,
  TabularReport,
  WorkbookSheet,
} from '#render/document';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatDate, formatMoney, formatMonth, formatNumber, formatPercent } from '#text/format';
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
      // Shares of the open invoices before credits, as the report computes them: the headers name
      // that base, beside « Encours fin », which deducts the credits (the PDF says so under the table).
      { header: t('export.kpis.overdueShare'), kind: 'percent' },
      { header: t('export.kpis.over90ShareOfInvoicesShort'), kind: 'percent' },
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

/** A headline indicator, typed: what the PDF prints formatted and the XLSX keeps as a number. */
interface KpiFigure {
  label: string;
  value: number | null;
  unit: 'days' | 'ratio' | 'count' | 'money';
  note?: string;
}

function kpiFigures(report: KpiReport, lang: Lang): KpiFigure[] {
  const t = translator(lang);
  const days = (label: string, value: number | null, note: string): KpiFigure => ({
    label,
    value,
    unit: 'days',
    note,
  });
  const ratio = (label: string, value: number | null, note?: string): KpiFigure => ({
    label,
    value,
    unit: 'ratio',
    ...(note ? { note } : {}),
  });
  return [
    days(
      t('export.kpis.dsoSimple'),
      report.dsoSimpleDays,
      t('export.kpis.dsoSimpleNote', { days: report.days }),
    ),
    days(t('export.kpis.dsoCountback'), report.dsoCountbackDays, t('export.kpis.dsoCountbackNote')),
    days(t('export.kpis.bestDso'), report.bestPossibleDsoDays, t('export.kpis.bestDsoNote')),
    days(t('export.kpis.add'), report.averageDaysDelinquent, t('export.kpis.addNote')),
    ratio(t('export.kpis.cei'), ratioOfPct(report.ceiFullPeriodPct), t('export.kpis.ceiNote')),
    ratio(
      t('export.kpis.ceiMonthlyMean'),
      ratioOfPct(report.ceiMonthlyAveragePct),
      t('export.kpis.ceiMonthlyMeanNote', { months: report.months }),
    ),
    days(t('export.kpis.averageDelay'), report.averagePaymentDelayDays, t('export.kpis.averageDelayNote')),
    // Of the open invoices, as the KPI report computes them: the note names that base, which is
    // not the monthly table's ending receivables (net of credits).
    ratio(t('export.kpis.overdueShare'), report.overdueShare, t('export.kpis.overdueShareNote')),
    ratio(t('export.kpis.over90Share'), report.over90Share, t('export.kpis.over90ShareNote')),
    ratio(t('export.kpis.top10Share'), report.top10Share),
    ratio(t('export.kpis.creditLineUsage'), report.creditLineUsage),
    { label: t('export.kpis.overLimit'), value: report.customersOverLimit, unit: 'count' },
    // The losses of the period, named as the command line and the API name them.
    { label: t('kpi.writeOffsMinor'), value: report.writeOffsMinor, unit: 'money' },
    { label: t('kpi.settlementDifferencesMinor'), value: report.settlementDifferencesMinor, unit: 'money' },
  ];
}

function keyFigures(report: KpiReport, lang: Lang): KeyFigure[] {
  const t = translator(lang);
  const display = ({ value, unit }: KpiFigure): string => {
    if (unit === 'ratio') return formatPercent(lang, value, 1);
    if (value === null) return '—';
    if (unit === 'money') return formatMoney(lang, value, report.currency);
    if (unit === 'count') return formatNumber(lang, value, 0);
    return t('export.kpis.days', { value: formatNumber(lang, value, 1) });
  };
  return kpiFigures(report, lang).map((figure) => ({
    label: figure.label,
    value: display(figure),
    ...(figure.note ? { note: figure.note } : {}),
  }));
}

/** The spreadsheet tabs: the headline figures first, as the PDF leads with them, then the tables. */
function workbook(report: KpiReport, lang: Lang, monthly: TabularReport): WorkbookSheet[] {
  const t = translator(lang);
  const period = t('export.period', { from: formatDate(lang, report.from), to: formatDate(lang, report.to) });
  const figures: FiguresSheet = {
    sheetName: t('export.kpis.sheetFigures'),
    title: monthly.title,
    subtitle: [period],
    currency: report.currency,
    headers: {
      label: t('export.col.indicator'),
      value: t('export.col.value'),
      note: t('export.col.definition'),
    },
    figures: kpiFigures(report, lang).map(({ label, value, unit, note }) => ({
      label,
      value,
      ...(unit === 'days'
        ? { kind: 'number' as const, decimals: 1, unit: t('export.kpis.daysUnit') }
        : unit === 'ratio'
          ? { kind: 'percent' as const, decimals: 1 }
          : unit === 'money'
            ? { kind: 'money' as const }
            : { kind: 'integer' as const }),
      ...(note ? { note } : {}),
    })),
  };
  const sales: TabularReport = {
    title: t('export.kpis.chartSales'),
    sheetName: t('export.kpis.sheetSales'),
    subtitle: [period],
    currency: report.currency,
    columns: [
      { header: t('export.field.customerType'), kind: 'text' },
      { header: t('export.kpis.creditSales'), kind: 'money' },
    ],
    rows: report.salesByCustomerType.map((row) => [
      labelOrText(lang, 'customerType', row.customerType),
      row.salesMinor,
    ]),
  };
  return [figures, { ...monthly, sheetName: t('export.kpis.monthly') }, sales];
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
      { type: 'paragraph', text: translator(lang)('export.kpis.monthlySharesNote'), small: true },
    ],
  });
  return { table, document, workbook: () => workbook(report, lang, table) };
}
