/** The reports as typed tables (and charts) for the CSV, XLSX and PDF renderers of src/documents. */
import { type ChartSpec, renderPdf } from '../../render/pdf.ts';
import { type Cell, renderCsv, type TabularReport } from '../../render/tabular.ts';
import { renderXlsx } from '../../render/xlsx.ts';
import type { AgingReport } from './aging.ts';
import type { AnomaliesReport } from './anomalies.ts';
import type { CrosstabReport } from './crosstab.ts';
import type { KpiReport } from './kpis.ts';
import type { RiskTable } from './risk.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf'];

const t = (lang: string, fr: string, en: string) => (lang === 'en' ? en : fr);

export function agingTable(report: AgingReport, lang = 'fr'): TabularReport {
  return {
    title: t(lang, 'Balance âgée', 'Aged balance'),
    subtitle: [
      `${t(lang, 'Au', 'As of')} ${report.asOf} · ${t(lang, 'âge par date', 'age by')} ${report.basis === 'due' ? t(lang, "d'échéance", 'due date') : t(lang, "d'émission", 'issue date')} · ${t(lang, 'regroupement', 'grouped by')} ${report.groupBy}`,
      `${t(lang, 'Preuve', 'Proof')} : ${report.proof.bucketsMatchBalances && report.proof.matchesLedger ? 'OK' : 'KO'} (${t(lang, 'solde comptable', 'ledger balance')} ${report.proof.ledgerBalanceMinor})`,
    ],
    currency: report.currency,
    columns: [
      { header: t(lang, 'Clé', 'Key'), kind: 'text', width: 14 },
      { header: t(lang, 'Nom', 'Name'), kind: 'text' },
      ...report.buckets.map((bucket) => ({ header: bucket.label, kind: 'money' as const })),
      { header: t(lang, 'Avoirs / non lettré', 'Credits / unapplied'), kind: 'money' },
      { header: t(lang, 'Solde', 'Balance'), kind: 'money' },
    ],
    rows: report.groups.map((g) => [g.key, g.name, ...g.bucketsMinor, g.creditsMinor, g.totalMinor]),
    totals: [
      t(lang, 'Total', 'Total'),
      '',
      ...report.totals.bucketsMinor,
      report.totals.creditsMinor,
      report.totals.totalMinor,
    ],
  };
}

export function riskTableTable(table: RiskTable, lang = 'fr'): TabularReport {
  return {
    title: t(lang, 'Tableau de suivi des niveaux de risque', 'Risk-level tracking table'),
    subtitle: [
      `${t(lang, 'Au', 'As of')} ${table.asOf} · ${table.summary.map((s) => `${s.label} ${s.customers}`).join(' · ')}`,
    ],
    currency: table.currency,
    columns: [
      { header: t(lang, 'Code', 'Code'), kind: 'text', width: 10 },
      { header: t(lang, 'Client', 'Customer'), kind: 'text' },
      { header: t(lang, 'Commercial', 'Salesperson'), kind: 'text', width: 18 },
      { header: t(lang, 'Encours', 'Outstanding'), kind: 'money' },
      ...table.buckets.map((bucket) => ({ header: bucket.label, kind: 'money' as const })),
      { header: t(lang, 'Avoirs', 'Credits'), kind: 'money' },
      { header: t(lang, 'Plafond', 'Limit'), kind: 'money' },
      { header: t(lang, 'Utilisation', 'Usage'), kind: 'percent' },
      { header: t(lang, 'Retard max (j)', 'Oldest overdue (d)'), kind: 'integer' },
      { header: t(lang, 'Litige', 'Dispute'), kind: 'text', width: 8 },
      { header: t(lang, 'Procédure', 'Proceedings'), kind: 'text', width: 10 },
      { header: t(lang, 'Niveau', 'Level'), kind: 'text', width: 10 },
      { header: t(lang, 'Règle', 'Rule'), kind: 'text' },
      { header: t(lang, 'Action recommandée', 'Recommended action'), kind: 'text', width: 50 },
    ],
    rows: table.rows.map((r) => [
      r.code,
      r.name,
      r.salesperson,
      r.balanceMinor,
      ...r.bucketsMinor,
      r.creditsMinor,
      r.creditLimitMinor,
      r.limitUsage,
      r.oldestOverdueDays,
      r.dispute ? t(lang, 'oui', 'yes') : '',
      r.proceedings ? t(lang, 'oui', 'yes') : '',
      r.riskLevelLabel,
      r.ruleLabel,
      r.actionLabel,
    ]),
  };
}

export function crosstabTable(report: CrosstabReport, lang = 'fr'): TabularReport {
  return {
    title: `${t(lang, 'Tri croisé', 'Cross tabulation')} : ${report.rowDimension} × ${report.columnDimension}`,
    subtitle: [
      `${t(lang, 'Au', 'As of')} ${report.asOf} · ${report.criteria.measure}`,
      `${t(lang, 'Critères', 'Criteria')} : ${report.criteria.population}; ${t(lang, 'type', 'type')} = ${report.criteria.customerType ?? '*'}; ${t(lang, 'commercial', 'salesperson')} = ${report.criteria.salesperson ?? '*'}; ${report.criteria.basis}`,
    ],
    currency: report.currency,
    columns: [
      { header: report.rowDimension, kind: 'text' },
      ...report.columnKeys.flatMap((key) => [
        { header: key, kind: 'money' as const },
        { header: `${key} (n)`, kind: 'integer' as const, width: 8 },
      ]),
      { header: 'Total', kind: 'money' },
      { header: 'Total (n)', kind: 'integer', width: 8 },
    ],
    rows: report.rowKeys.map((key, r) => [
      key,
      ...report.columnKeys.flatMap((_c, c) => [report.amountsMinor[r]?.[c] ?? 0, report.counts[r]?.[c] ?? 0]),
      report.rowTotalsMinor[r] ?? 0,
      report.rowCounts[r] ?? 0,
    ]),
    totals: [
      'Total',
      ...report.columnKeys.flatMap((_c, c) => [
        report.columnTotalsMinor[c] ?? 0,
        report.columnCounts[c] ?? 0,
      ]),
      report.totalMinor,
      report.totalCount,
    ],
  };
}

export function anomaliesTable(report: AnomaliesReport, lang = 'fr'): TabularReport {
  const rows: Cell[][] = report.findings.flatMap((f) =>
    f.customers.map((c) => [f.severity, f.kind, f.title, c.code, c.name, JSON.stringify(c.evidence)]),
  );
  return {
    title: t(lang, 'Anomalies du portefeuille clients', 'Portfolio anomalies'),
    subtitle: [
      `${t(lang, 'Au', 'As of')} ${report.asOf} · ${report.findings.length} ${t(lang, 'constats', 'findings')}`,
    ],
    currency: report.currency,
    columns: [
      { header: t(lang, 'Gravité', 'Severity'), kind: 'text', width: 10 },
      { header: t(lang, 'Type', 'Kind'), kind: 'text' },
      { header: t(lang, 'Constat', 'Finding'), kind: 'text', width: 40 },
      { header: t(lang, 'Code', 'Code'), kind: 'text', width: 10 },
      { header: t(lang, 'Client', 'Customer'), kind: 'text' },
      { header: t(lang, 'Éléments', 'Evidence'), kind: 'text', width: 60 },
    ],
    rows,
  };
}

export function kpiTable(report: KpiReport, lang = 'fr'): TabularReport {
  return {
    title: t(lang, 'Indicateurs du poste clients', 'Receivables indicators'),
    subtitle: [
      `${t(lang, 'Période du', 'Period')} ${report.from} ${t(lang, 'au', 'to')} ${report.to} · ${t(lang, 'évolution mensuelle', 'monthly evolution')}`,
    ],
    currency: report.currency,
    columns: [
      { header: t(lang, 'Mois', 'Month'), kind: 'text', width: 10 },
      { header: t(lang, 'Ventes à crédit', 'Credit sales'), kind: 'money' },
      { header: t(lang, 'Encours fin', 'Ending AR'), kind: 'money' },
      { header: t(lang, 'Encours moyen', 'Average AR'), kind: 'money' },
      { header: t(lang, 'Échu', 'Overdue'), kind: 'money' },
      { header: 'DSO', kind: 'number' },
      { header: t(lang, 'DSO countback', 'Countback DSO'), kind: 'number' },
      { header: t(lang, 'DSO optimal', 'Best DSO'), kind: 'number' },
      { header: 'ADD', kind: 'number' },
      { header: 'CEI %', kind: 'number' },
      { header: t(lang, 'Retard moyen (j)', 'Avg delay (d)'), kind: 'number' },
      { header: t(lang, 'Part échue', 'Overdue share'), kind: 'percent' },
      { header: t(lang, 'Part > 90 j', '> 90 d share'), kind: 'percent' },
    ],
    rows: report.monthly.map((m) => [
      m.month,
      m.creditSalesMinor,
      m.endingReceivablesMinor,
      m.averageOutstandingMinor,
      m.endingOverdueMinor,
      m.dsoSimpleDays,
      m.dsoCountbackDays,
      m.bestPossibleDsoDays,
      m.averageDaysDelinquent,
      m.ceiFullPeriodPct,
      m.averagePaymentDelayDays,
      m.overdueShare,
      m.over90Share,
    ]),
  };
}

function kpiCharts(report: KpiReport, lang: string): ChartSpec[] {
  const labels = report.monthly.map((m) => m.month.slice(2));
  const major = (v: number) => v / 100;
  return [
    {
      title: t(lang, 'DSO et DSO optimal (jours)', 'DSO and best possible DSO (days)'),
      kind: 'bar',
      labels,
      series: [
        { name: 'DSO', values: report.monthly.map((m) => m.dsoSimpleDays) },
        {
          name: t(lang, 'DSO optimal', 'Best DSO'),
          values: report.monthly.map((m) => m.bestPossibleDsoDays),
        },
      ],
    },
    {
      title: t(lang, 'Encours et échu en fin de mois', 'Receivables and overdue at month end'),
      kind: 'line',
      labels,
      series: [
        {
          name: t(lang, 'Encours', 'Receivables'),
          values: report.monthly.map((m) => major(m.endingReceivablesMinor)),
        },
        { name: t(lang, 'Échu', 'Overdue'), values: report.monthly.map((m) => major(m.endingOverdueMinor)) },
      ],
    },
  ];
}

export async function renderKpis(report: KpiReport, format: ExportFormat, lang = 'fr'): Promise<Buffer> {
  const table = kpiTable(report, lang);
  if (format !== 'pdf') return renderTable(table, format);
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
  const days = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} j`);
  return renderPdf({
    report: table,
    keyFigures: [
      { label: 'DSO', value: days(report.dsoSimpleDays) },
      { label: t(lang, 'DSO countback', 'Countback DSO'), value: days(report.dsoCountbackDays) },
      { label: t(lang, 'DSO optimal', 'Best possible DSO'), value: days(report.bestPossibleDsoDays) },
      {
        label: t(lang, 'Retard moyen (ADD)', 'Average days delinquent'),
        value: days(report.averageDaysDelinquent),
      },
      { label: 'CEI', value: `${report.ceiFullPeriodPct ?? '—'} %` },
      { label: t(lang, 'Part échue', 'Overdue share'), value: pct(report.overdueShare) },
      { label: t(lang, 'Part > 90 jours', 'Share > 90 days'), value: pct(report.over90Share) },
      { label: t(lang, 'Concentration top 10', 'Top-10 share'), value: pct(report.top10Share) },
    ],
    charts: kpiCharts(report, lang),
  });
}

export async function renderTable(table: TabularReport, format: ExportFormat): Promise<Buffer> {
  if (format === 'csv') return renderCsv(table);
  if (format === 'xlsx') return renderXlsx(table);
  return renderPdf({ report: table });
}
