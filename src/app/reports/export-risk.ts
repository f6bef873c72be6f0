/** The risk-level tracking table as an export: every column, level, rule and action in words. */
import { RISK_RULES } from '#core/analytics/risk-levels';
import type { BusinessDocument, Table, TabularReport } from '#render/document';
import { type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { currencySymbol, filtersLine, labelOrText } from './export-labels.ts';
import type { DocumentSetting, ReportExport } from './report-tables.ts';
import { collectionStageText, type RiskTable } from './risk.ts';

function summaryLine(table: RiskTable, lang: Lang): string {
  const t = translator(lang);
  return table.summary
    .filter((s) => s.customers > 0)
    .map((s) =>
      t('export.risk.summary', {
        level: labelOrText(lang, 'riskLevel', s.level),
        customers: t('common.customers', { n: s.customers }),
        amount: formatMoney(lang, s.balanceMinor, table.currency),
      }),
    )
    .join(' — ');
}

export function riskTableTable(table: RiskTable, langInput?: string): TabularReport {
  const lang = toLang(langInput);
  const t = translator(lang);
  const yes = t('common.yes');
  const filters = filtersLine(lang, table.filter);
  return {
    title: t('export.risk.title'),
    sheetName: t('export.risk.sheet'),
    subtitle: [
      `${t('export.asOf', { date: formatDate(lang, table.asOf) })} · ${t('export.basis', { basis: table.basis })}`,
      summaryLine(table, lang),
      t('export.amountsIn', { currency: currencySymbol(lang, table.currency) }),
      ...(filters ? [filters] : []),
    ],
    currency: table.currency,
    columns: [
      { header: t('export.col.code'), kind: 'text', width: 0.75 },
      { header: t('export.col.customer'), kind: 'text', width: 1.8 },
      { header: t('export.col.salesperson'), kind: 'text', width: 1.3 },
      { header: t('export.col.outstanding'), kind: 'money', width: 1.1 },
      ...table.buckets.map((bucket) => ({
        header: label(lang, 'agingBucket', bucket.key),
        kind: 'money' as const,
        width: 1.15,
      })),
      { header: label(lang, 'agingBucket', 'credits'), kind: 'money', width: 1 },
      { header: t('export.col.limit'), kind: 'money', width: 1 },
      { header: t('export.col.usage'), kind: 'percent', width: 1.05 },
      { header: t('export.col.oldestOverdue'), kind: 'integer', width: 0.9 },
      { header: t('export.col.dispute'), kind: 'text', width: 0.6 },
      { header: t('export.col.proceedings'), kind: 'text', width: 1.1 },
      { header: t('export.col.level'), kind: 'text', width: 0.85 },
      { header: t('export.col.rule'), kind: 'text', width: 2.2 },
      { header: t('export.col.action'), kind: 'text', width: 2.6 },
    ],
    rows: table.rows.map((r) => [
      r.code,
      r.name,
      r.salesperson ?? '',
      r.balanceMinor,
      ...r.bucketsMinor,
      r.creditsMinor,
      r.creditLimitMinor,
      r.limitUsage,
      r.oldestOverdueDays,
      r.dispute ? yes : '',
      r.proceedings ? yes : '',
      labelOrText(lang, 'riskLevel', r.riskLevel),
      labelOrText(lang, 'riskRule', r.rule),
      r.collectionStage
        ? collectionStageText(lang, r.collectionStage)
        : labelOrText(lang, 'riskAction', r.action),
    ]),
  };
}

/**
 * The print shape: one line a customer. The recommended action follows from the rule (one action
 * per rule), so it is stated once per rule above the table instead of wrapping on every row.
 */
function printTable(tabular: TabularReport): Table {
  const actionColumn = tabular.columns.length - 1;
  return {
    currency: tabular.currency,
    plainMoney: true,
    columns: tabular.columns.slice(0, actionColumn),
    rows: tabular.rows.map((row) => row.slice(0, actionColumn)),
  };
}

/** Each rule applied at the date, in the order of the rules: its level, its action, its customers. */
function actionsTable(table: RiskTable, lang: Lang): Table {
  const t = translator(lang);
  const rules = RISK_RULES.flatMap((rule) => {
    const rows = table.rows.filter((r) => r.rule === rule);
    const first = rows[0];
    return first ? [{ rule, level: first.riskLevel, action: first.action, customers: rows.length }] : [];
  });
  return {
    currency: table.currency,
    columns: [
      { header: t('export.col.level'), kind: 'text', width: 0.7 },
      { header: t('export.col.rule'), kind: 'text', width: 2 },
      { header: t('export.col.action'), kind: 'text', width: 3.4 },
      { header: t('export.col.count'), kind: 'integer', width: 0.6 },
    ],
    rows: rules.map((r) => [
      labelOrText(lang, 'riskLevel', r.level),
      labelOrText(lang, 'riskRule', r.rule),
      labelOrText(lang, 'riskAction', r.action),
      r.customers,
    ]),
  };
}

export function riskExport(table: RiskTable, setting: DocumentSetting): ReportExport {
  const { lang } = setting;
  const t = translator(lang);
  const tabular = riskTableTable(table, lang);
  const present = table.summary.filter((s) => s.customers > 0);
  const document = (): BusinessDocument => ({
    ...setting,
    title: tabular.title,
    subtitle: tabular.subtitle,
    orientation: 'landscape',
    blocks: [
      {
        type: 'charts',
        charts: [
          {
            title: t('export.risk.chart'),
            kind: 'bar',
            labels: present.map((s) => labelOrText(lang, 'riskLevel', s.level)),
            series: [{ name: t('export.col.outstanding'), values: present.map((s) => s.balanceMinor) }],
            valueKind: 'money',
            currency: table.currency,
          },
        ],
      },
      ...(table.rows.length > 0
        ? [
            { type: 'heading' as const, text: t('export.risk.actions') },
            { type: 'table' as const, table: actionsTable(table, lang), fontSize: 7.5 },
          ]
        : []),
      { type: 'table', table: printTable(tabular), fontSize: 6.5, dense: true },
    ],
  });
  return { table: tabular, document };
}
