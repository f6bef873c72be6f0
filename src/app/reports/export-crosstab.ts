/** Cross tabulations as exports: labelled rows and columns; amount and customer count per cell. */
import type { BusinessDocument, Cell, Table, TabularReport } from '#render/document';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { CrosstabReport } from './crosstab.ts';
import { dimensionName, dimensionValue, filtersLine } from './export-labels.ts';
import type { DocumentSetting, ReportExport } from './report-tables.ts';

function heading(report: CrosstabReport, lang: Lang): { title: string; subtitle: string[] } {
  const t = translator(lang);
  const filters = filtersLine(lang, report.criteria);
  return {
    title: t('export.crosstab.title', {
      rows: dimensionName(lang, report.rowDimension),
      columns: dimensionName(lang, report.columnDimension),
    }),
    subtitle: [
      `${t('export.asOf', { date: formatDate(lang, report.asOf) })} · ${t('export.basis', { basis: 'due' })}`,
      t('export.crosstab.population'),
      ...(filters ? [filters] : []),
    ],
  };
}

/** Spreadsheet shape: an amount column and a count column per column value, numbers stay numbers. */
export function crosstabTable(report: CrosstabReport, langInput?: string): TabularReport {
  const lang = toLang(langInput);
  const t = translator(lang);
  const columnLabel = (key: string) => dimensionValue(lang, report.columnDimension, key);
  const pair = (label: string) => [
    { header: t('export.crosstab.amountColumn', { key: label }), kind: 'money' as const },
    { header: t('export.crosstab.countColumn', { key: label }), kind: 'integer' as const },
  ];
  return {
    ...heading(report, lang),
    sheetName: t('export.crosstab.sheet', {
      rows: dimensionName(lang, report.rowDimension),
      columns: dimensionName(lang, report.columnDimension),
    }),
    currency: report.currency,
    columns: [
      { header: dimensionName(lang, report.rowDimension), kind: 'text' },
      ...report.columnKeys.flatMap((key) => pair(columnLabel(key))),
      ...pair(t('export.total')),
    ],
    rows: report.rowKeys.map((key, r) => [
      dimensionValue(lang, report.rowDimension, key),
      ...report.columnKeys.flatMap((_c, c) => [report.amountsMinor[r]?.[c] ?? 0, report.counts[r]?.[c] ?? 0]),
      report.rowTotalsMinor[r] ?? 0,
      report.rowCounts[r] ?? 0,
    ]),
    totals: [
      t('export.total'),
      ...report.columnKeys.flatMap((_c, c) => [
        report.columnTotalsMinor[c] ?? 0,
        report.columnCounts[c] ?? 0,
      ]),
      report.totalMinor,
      report.totalCount,
    ],
  };
}

/** Print shape: one column per value, the count printed small under each amount. */
function crosstabPrintTable(report: CrosstabReport, lang: Lang): Table {
  const t = translator(lang);
  const cell = (amountMinor: number | undefined, count: number | undefined): Cell =>
    count ? { amountMinor: amountMinor ?? 0, count } : null;
  return {
    currency: report.currency,
    columns: [
      { header: dimensionName(lang, report.rowDimension), kind: 'text', width: 1.6 },
      ...report.columnKeys.map((key) => ({
        header: dimensionValue(lang, report.columnDimension, key),
        kind: 'moneyCount' as const,
      })),
      { header: t('export.total'), kind: 'moneyCount' },
    ],
    rows: report.rowKeys.map((key, r) => [
      dimensionValue(lang, report.rowDimension, key),
      ...report.columnKeys.map((_c, c) => cell(report.amountsMinor[r]?.[c], report.counts[r]?.[c])),
      cell(report.rowTotalsMinor[r], report.rowCounts[r]),
    ]),
    totals: [
      t('export.total'),
      ...report.columnKeys.map((_c, c) => cell(report.columnTotalsMinor[c], report.columnCounts[c])),
      cell(report.totalMinor, report.totalCount),
    ],
  };
}

export function crosstabExport(report: CrosstabReport, setting: DocumentSetting): ReportExport {
  const { lang } = setting;
  const table = crosstabTable(report, lang);
  const document = (): BusinessDocument => ({
    ...setting,
    title: table.title,
    subtitle: table.subtitle,
    orientation: report.columnKeys.length > 5 ? 'landscape' : 'portrait',
    blocks: [
      { type: 'paragraph', text: translator(lang)('export.crosstab.measure'), small: true },
      { type: 'table', table: crosstabPrintTable(report, lang) },
    ],
  });
  return { table, document };
}
