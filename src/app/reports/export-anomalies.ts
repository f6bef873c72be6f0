/**
 * Anomalies as an export: the kind and severity in words, and the evidence as labelled values
 * (a small table per finding in print, one sentence per customer in spreadsheets), never JSON.
 */
import type { AnomalyThresholds, Finding } from '#core/analytics/anomalies';
import type { Block, BusinessDocument, Cell, TableColumn, TabularReport } from '#render/document';
import { anomalyTitle, shareDecimals } from '#text/anomalies';
import { hasMessage, type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDate, formatMoney, formatNumber, formatPercent } from '#text/format';
import type { AnomaliesReport } from './anomalies.ts';
import { labelOrText } from './export-labels.ts';
import type { DocumentSetting, ReportExport } from './report-tables.ts';

type EvidenceValue = Finding['evidence'][string];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RATIO_KEYS = new Set(['share', 'limitUsage', 'top10Share', 'largestShare']);
const DATE_KEYS = new Set(['date', 'lastReminderDate', 'before']);
const COUNT_KEYS = new Set([
  'pendingOrders',
  'customers',
  'months',
  'herfindahlIndex',
  'oldestOverdueDays',
  'oldestCreditDays',
]);
const DETERIORATING = /^payment_delay_deteriorating_(\d+)m$/;

export function kindLabel(lang: Lang, kind: string): string {
  const months = DETERIORATING.exec(kind)?.[1];
  if (months) return translator(lang)('anomalyKind.payment_delay_deteriorating', { months: Number(months) });
  return label(lang, 'anomalyKind', kind);
}

/** The finding's title as the API and the page give it (the windows a DSO drift compares…). */
function findingTitle(lang: Lang, finding: Finding, thresholds: AnomalyThresholds): string {
  return anomalyTitle(lang, finding, thresholds) ?? kindLabel(lang, finding.kind);
}

function evidenceLabel(lang: Lang, key: string): string {
  const t = translator(lang);
  if (ISO_DATE.test(key)) return t('export.evidence.overdueAt', { date: formatDate(lang, key) });
  if (hasMessage(`evidence.${key}`, lang)) return t(`evidence.${key}`);
  return hasMessage(`export.evidence.${key}`, lang) ? t(`export.evidence.${key}`) : key;
}

type ShareThresholds = Parameters<typeof shareDecimals>[2];

function evidenceText(
  lang: Lang,
  key: string,
  value: EvidenceValue,
  currency: string,
  thresholds?: ShareThresholds,
): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return translator(lang)(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string') {
    if (key === 'method') return labelOrText(lang, 'anomalyMethod', value);
    return DATE_KEYS.has(key) || ISO_DATE.test(value) ? formatDate(lang, value) : value;
  }
  if (key.endsWith('Minor') || ISO_DATE.test(key)) return formatMoney(lang, value, currency);
  if (RATIO_KEYS.has(key)) return formatPercent(lang, value, shareDecimals(key, value, thresholds, 1));
  if (COUNT_KEYS.has(key)) return formatNumber(lang, value, 0);
  return formatNumber(lang, value, Number.isInteger(value) ? 0 : 1);
}

function evidenceSentence(
  lang: Lang,
  evidence: Finding['evidence'],
  currency: string,
  thresholds: ShareThresholds,
  skip: string[] = [],
) {
  const t = translator(lang);
  return Object.entries(evidence)
    .filter(([key]) => !skip.includes(key))
    .map(([key, value]) =>
      t('export.evidence.item', {
        label: evidenceLabel(lang, key),
        value: evidenceText(lang, key, value, currency, thresholds),
      }),
    )
    .join(' · ');
}

/** The decimals of a column of shares: enough for each of its customers' (`shareDecimals`). */
function columnDecimals(key: string, customers: Finding['customers'], thresholds: ShareThresholds): number {
  return Math.max(
    1,
    ...customers.map((c) => {
      const value = c.evidence[key];
      return typeof value === 'number' ? shareDecimals(key, value, thresholds, 1) : 1;
    }),
  );
}

export function anomaliesTable(report: AnomaliesReport, langInput?: string): TabularReport {
  const lang = toLang(langInput);
  const t = translator(lang);
  const rows: Cell[][] = report.findings.flatMap((f) =>
    f.customers.map((c) => [
      label(lang, 'severity', f.severity),
      kindLabel(lang, f.kind),
      findingTitle(lang, f, report.thresholds),
      c.code,
      c.name,
      evidenceSentence(lang, c.evidence, report.currency, report.thresholds),
    ]),
  );
  return {
    title: t('export.anomalies.title'),
    sheetName: t('export.anomalies.sheet'),
    subtitle: [
      `${t('export.asOf', { date: formatDate(lang, report.asOf) })} · ${t('export.anomalies.count', { n: report.findings.length })}`,
    ],
    currency: report.currency,
    columns: [
      { header: t('export.col.severity'), kind: 'text', width: 0.8 },
      { header: t('export.col.kind'), kind: 'text', width: 1.6 },
      { header: t('export.col.finding'), kind: 'text', width: 2 },
      { header: t('export.col.code'), kind: 'text', width: 0.8 },
      { header: t('export.col.customer'), kind: 'text', width: 1.8 },
      { header: t('export.col.evidence'), kind: 'text', width: 4 },
    ],
    rows,
  };
}

function columnKind(key: string): TableColumn['kind'] {
  if (key.endsWith('Minor')) return 'money';
  if (RATIO_KEYS.has(key)) return 'percent';
  if (DATE_KEYS.has(key)) return 'date';
  if (COUNT_KEYS.has(key)) return 'integer';
  return key.endsWith('Days') ? 'number' : 'text';
}

/** An evidence value as a typed cell of a column of `columnKind(key)`: numbers stay numbers. */
function evidenceCell(lang: Lang, key: string, value: EvidenceValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return translator(lang)(value ? 'common.yes' : 'common.no');
  if (typeof value === 'string' && key === 'method') return labelOrText(lang, 'anomalyMethod', value);
  return value;
}

/**
 * The spreadsheet shape: one row per customer of a finding, and one typed column per piece of
 * evidence (amounts in €, ratios in %, dates as dates), empty where a finding has no such piece.
 */
export function anomaliesSheet(report: AnomaliesReport, langInput?: string): TabularReport {
  const lang = toLang(langInput);
  const list = anomaliesTable(report, lang);
  const keys = [
    ...new Set(report.findings.flatMap((f) => f.customers.flatMap((c) => Object.keys(c.evidence)))),
  ];
  return {
    ...list,
    columns: [
      ...list.columns.filter((_column, i) => i < 5),
      ...keys.map((key) => ({
        header: evidenceLabel(lang, key),
        kind: columnKind(key),
        decimals: columnDecimals(
          key,
          report.findings.flatMap((f) => f.customers),
          report.thresholds,
        ),
      })),
    ],
    rows: report.findings.flatMap((f) =>
      f.customers.map((c) => [
        label(lang, 'severity', f.severity),
        kindLabel(lang, f.kind),
        findingTitle(lang, f, report.thresholds),
        c.code,
        c.name,
        ...keys.map((key) => evidenceCell(lang, key, c.evidence[key])),
      ]),
    ),
  };
}

/** One finding in print: its heading, what it states, and its customers with their evidence. */
function findingBlocks(lang: Lang, finding: Finding, report: AnomaliesReport): Block[] {
  const t = translator(lang);
  const keys = [...new Set(finding.customers.flatMap((c) => Object.keys(c.evidence)))];
  const statement = evidenceSentence(lang, finding.evidence, report.currency, report.thresholds, [
    'salesperson',
  ]);
  return [
    {
      type: 'heading',
      text: t('export.anomalies.heading', {
        severity: label(lang, 'severity', finding.severity),
        title: findingTitle(lang, finding, report.thresholds),
      }),
    },
    ...(statement ? [{ type: 'paragraph' as const, text: statement, small: true }] : []),
    {
      type: 'table',
      table: {
        currency: report.currency,
        columns: [
          { header: t('export.col.code'), kind: 'text', width: 0.8 },
          { header: t('export.col.customer'), kind: 'text', width: 2.4 },
          ...keys.map((key) => ({
            header: evidenceLabel(lang, key),
            kind: columnKind(key),
            decimals: columnDecimals(key, finding.customers, report.thresholds),
          })),
        ],
        rows: finding.customers.map((c) => [
          c.code,
          c.name,
          ...keys.map((key) => {
            const value = c.evidence[key];
            return typeof value === 'boolean' || value === undefined ? (value ? t('common.yes') : '') : value;
          }),
        ]),
      },
    },
  ];
}

export function anomaliesExport(report: AnomaliesReport, setting: DocumentSetting): ReportExport {
  const { lang } = setting;
  const table = anomaliesTable(report, lang);
  const document = (): BusinessDocument => ({
    ...setting,
    title: table.title,
    subtitle: table.subtitle,
    orientation: 'portrait',
    blocks:
      report.findings.length === 0
        ? [{ type: 'paragraph', text: translator(lang)('export.anomalies.none') }]
        : report.findings.flatMap((f) => findingBlocks(lang, f, report)),
  });
  return { table, document, workbook: () => [anomaliesSheet(report, lang)] };
}
