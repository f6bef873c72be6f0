/** The aged balance as an export: labelled grouping and buckets, amounts in the currency, the proof stated. */
import type { BusinessDocument, TableColumn, TabularReport } from '#render/document';
import { type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import type { AgingReport } from './aging.ts';
import { dimensionValue, filtersLine } from './export-labels.ts';
import type { DocumentSetting, ReportExport } from './report-tables.ts';

function subtitle(report: AgingReport, lang: Lang): string[] {
  const t = translator(lang);
  const filters = filtersLine(lang, report.filter);
  return [
    [
      t('export.asOf', { date: formatDate(lang, report.asOf) }),
      t('export.basis', { basis: report.basis }),
      t('export.grouping', { group: label(lang, 'agingGroupBy', report.groupBy) }),
    ].join(' · '),
    ...(filters ? [filters] : []),
  ];
}

export function agingTable(report: AgingReport, langInput?: string): TabularReport {
  const lang = toLang(langInput);
  const t = translator(lang);
  const byCode = report.groupBy === 'customer' || report.groupBy === 'group';
  const keyColumns: TableColumn[] = byCode
    ? [
        { header: t('export.col.code'), kind: 'text', width: 0.9 },
        { header: label(lang, 'agingGroupBy', report.groupBy), kind: 'text', width: 2.6 },
      ]
    : [{ header: label(lang, 'agingGroupBy', report.groupBy), kind: 'text', width: 2.6 }];
  const keyCells = (key: string, name: string) =>
    byCode ? [key, name] : [dimensionValue(lang, report.groupBy, key)];
  // Invoices assigned to a factor are flagged by a column of their own, only when there are some.
  const assigned = report.totals.assignedMinor > 0;
  return {
    title: t('export.aging.title'),
    subtitle: subtitle(report, lang),
    currency: report.currency,
    columns: [
      ...keyColumns,
      ...report.buckets.map((bucket) => ({
        header: label(lang, 'agingBucket', bucket.key),
        kind: 'money' as const,
      })),
      { header: t('export.col.credits'), kind: 'money' },
      { header: t('export.col.balance'), kind: 'money' },
      ...(assigned ? [{ header: t('factoring.aging.assigned'), kind: 'money' as const }] : []),
    ],
    rows: report.groups.map((g) => [
      ...keyCells(g.key, g.name),
      ...g.bucketsMinor,
      g.creditsMinor,
      g.totalMinor,
      ...(assigned ? [g.assignedMinor] : []),
    ]),
    totals: [
      t('export.total'),
      ...(byCode ? [''] : []),
      ...report.totals.bucketsMinor,
      report.totals.creditsMinor,
      report.totals.totalMinor,
      ...(assigned ? [report.totals.assignedMinor] : []),
    ],
  };
}

function proofLine(report: AgingReport, lang: Lang): string {
  const t = translator(lang);
  const money = (minor: number) => formatMoney(lang, minor, report.currency);
  return report.proof.bucketsMatchBalances && report.proof.matchesLedger
    ? t('export.aging.proofOk', { amount: money(report.proof.ledgerBalanceMinor) })
    : t('export.aging.proofKo', {
        buckets: money(report.totals.totalMinor),
        ledger: money(report.proof.ledgerBalanceMinor),
      });
}

export function agingExport(report: AgingReport, setting: DocumentSetting): ReportExport {
  const { lang } = setting;
  const table = agingTable(report, lang);
  const document = (): BusinessDocument => ({
    ...setting,
    title: table.title,
    subtitle: table.subtitle,
    orientation: 'landscape',
    blocks: [
      {
        type: 'charts',
        charts: [
          {
            title: translator(lang)('export.aging.chart'),
            kind: 'bar',
            labels: report.buckets.map((bucket) => label(lang, 'agingBucket', bucket.key)),
            series: [
              { name: translator(lang)('export.col.outstanding'), values: report.totals.bucketsMinor },
            ],
            valueKind: 'money',
            currency: report.currency,
          },
        ],
      },
      { type: 'paragraph', text: proofLine(report, lang), small: true },
      { type: 'table', table },
    ],
  });
  return { table, document };
}
