/**
 * ECharts options of the dashboard, built from the reports (pure functions of their data). No JSX
 * module is imported, so that the tests of the main project, which has no JSX, can lay them out.
 */

import type { EChartsCoreOption as ChartOption } from 'echarts/core';
import { type Lang, label } from '../../../../src/text/catalogue.ts';
import type { CustomerSummary, PortfolioSummary } from '../../api.ts';
import { compactMajor, compactMoney, number, percent, toMajor } from '../../format.ts';
import { type AgingReport, type KpiReport, RISK_HEX, type RiskTable } from '../../reports.ts';

export interface Labels {
  lang: Lang;
  customerType(type: string): string;
}

/** Chart values are in major units (`toMajor`), whatever the currency's number of decimals. */
const moneyAxis = (currency: string, lang: Lang) => ({
  type: 'value',
  axisLabel: { formatter: (value: number) => compactMajor(value, currency, lang) },
});

/** The amounts of an axis tooltip as the axis writes them, not ECharts' own "-1,234.5". */
const moneyTooltip = (currency: string, lang: Lang) => ({
  trigger: 'axis',
  valueFormatter: (value: number) => compactMajor(value, currency, lang),
});

/**
 * ECharts reads a media query against the chart's own width. A card is at most 375 px wide on a
 * phone and 440 px or more on a desktop (two columns from 1200 px), so what follows applies on
 * phones only and the desktop look stays as it was.
 */
const PHONE_CARD = { maxWidth: 420 };

/**
 * Stacked bars per customer type on a phone: a smaller legend with room for a second line above
 * the value axis, and the type names turned further and cut short so that they do not run into
 * each other.
 */
const narrowStackedBars = [
  {
    query: PHONE_CARD,
    option: {
      legend: { itemWidth: 14, itemHeight: 10, itemGap: 8, textStyle: { fontSize: 11 } },
      grid: { left: 56, right: 8, top: 48, bottom: 76 },
      xAxis: { axisLabel: { rotate: 40, fontSize: 10, width: 90, overflow: 'truncate' } },
      yAxis: { axisLabel: { fontSize: 10 } },
    },
  },
];

export function agingOption(report: AgingReport, { lang, customerType }: Labels): ChartOption {
  return {
    tooltip: moneyTooltip(report.currency, lang),
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 40, bottom: 60 },
    xAxis: {
      type: 'category',
      data: report.groups.map((g) => customerType(g.key)),
      axisLabel: { rotate: 20, interval: 0 },
    },
    yAxis: moneyAxis(report.currency, lang),
    series: report.buckets.map((bucket, index) => ({
      name: label(lang, 'agingBucket', bucket.key),
      type: 'bar',
      stack: 'aging',
      data: report.groups.map((g) => toMajor(g.bucketsMinor[index] ?? 0, report.currency)),
    })),
    media: narrowStackedBars,
  };
}

/** Without the aging report (a salesperson): not yet due / overdue per type from the portfolio summary. */
export function balanceByTypeOption(
  rows: PortfolioSummary['byCustomerType'],
  currency: string,
  names: { notDue: string; overdue: string },
  { lang, customerType }: Labels,
): ChartOption {
  return {
    tooltip: moneyTooltip(currency, lang),
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 40, bottom: 60 },
    xAxis: {
      type: 'category',
      data: rows.map((row) => customerType(row.customerType)),
      axisLabel: { rotate: 20, interval: 0 },
    },
    yAxis: moneyAxis(currency, lang),
    series: [
      {
        name: names.notDue,
        type: 'bar',
        stack: 'b',
        data: rows.map((row) => toMajor(row.notDueMinor, currency)),
      },
      {
        name: names.overdue,
        type: 'bar',
        stack: 'b',
        data: rows.map((row) => toMajor(row.overdueMinor, currency)),
      },
    ],
    media: narrowStackedBars,
  };
}

export function dsoTrendOption(
  kpis: KpiReport,
  names: { simple: string; countback: string; best: string; unit: string },
  lang: Lang,
): ChartOption {
  const months = kpis.monthly.map((m) =>
    new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    }).format(new Date(`${m.month}-01T00:00:00Z`)),
  );
  const line = (name: string, pick: (m: KpiReport['monthly'][number]) => number | null, color: string) => ({
    name,
    type: 'line',
    smooth: true,
    symbolSize: 6,
    color,
    data: kpis.monthly.map(pick),
  });
  return {
    tooltip: {
      trigger: 'axis',
      // One decimal, as the anomalies and the procedure reports show a DSO.
      valueFormatter: (v: number | null) => (v === null ? '—' : `${number(v, lang, 1)} ${names.unit}`),
    },
    legend: { top: 0 },
    // The unit's name sits above the axis: room for it below the legend, not on it.
    grid: { left: 50, right: 20, top: 60, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: names.unit, min: 0, nameGap: 12 },
    series: [
      line(names.countback, (m) => m.dsoCountbackDays, '#4263eb'),
      line(names.simple, (m) => m.dsoSimpleDays, '#74c0fc'),
      line(names.best, (m) => m.bestPossibleDsoDays, '#2f9e44'),
    ],
    // On a phone the three names, each with its period, take two lines: the plot starts below them.
    media: [
      {
        query: PHONE_CARD,
        option: {
          legend: { itemWidth: 14, itemHeight: 10, itemGap: 8, textStyle: { fontSize: 11 } },
          grid: { top: 84 },
        },
      },
    ],
  };
}

export function salesByTypeOption(kpis: KpiReport, { lang, customerType }: Labels): ChartOption {
  const rows = [...kpis.salesByCustomerType].sort((a, b) => a.salesMinor - b.salesMinor);
  return {
    tooltip: moneyTooltip(kpis.currency, lang),
    grid: { left: 150, right: 60, top: 10, bottom: 30 },
    xAxis: moneyAxis(kpis.currency, lang),
    yAxis: { type: 'category', data: rows.map((r) => customerType(r.customerType)) },
    series: [
      {
        type: 'bar',
        color: '#4c6ef5',
        data: rows.map((r) => toMajor(r.salesMinor, kpis.currency)),
        label: {
          show: true,
          position: 'right',
          // The reader's percent: « 36 % » in French, "36%" in English.
          formatter: ({ dataIndex }: { dataIndex: number }) => percent(rows[dataIndex]?.share ?? 0, lang),
        },
      },
    ],
  };
}

/** Risk map: outstanding per risk level (bar height) with the number of customers on each bar. */
export function riskMapOption(
  table: RiskTable,
  customersLabel: (n: number) => string,
  lang: Lang,
): ChartOption {
  return {
    tooltip: {
      trigger: 'item',
      formatter: ({ dataIndex }: { dataIndex: number }) => {
        const item = table.summary[dataIndex];
        return item
          ? `${label(lang, 'riskLevel', item.level)}<br/>${compactMoney(item.balanceMinor, table.currency, lang)} — ${customersLabel(item.customers)}`
          : '';
      },
    },
    grid: { left: 70, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: table.summary.map((s) => label(lang, 'riskLevel', s.level)) },
    yAxis: moneyAxis(table.currency, lang),
    series: [
      {
        type: 'bar',
        data: table.summary.map((s) => ({
          value: toMajor(s.balanceMinor, table.currency),
          itemStyle: { color: RISK_HEX[s.level] },
        })),
        label: {
          show: true,
          position: 'top',
          formatter: ({ dataIndex }: { dataIndex: number }) =>
            customersLabel(table.summary[dataIndex]?.customers ?? 0),
        },
      },
    ],
  };
}

export function topOverdueOption(
  top: CustomerSummary[],
  currency: string,
  name: string,
  lang: Lang,
): ChartOption {
  return {
    tooltip: moneyTooltip(currency, lang),
    grid: { left: 170, right: 20, top: 10, bottom: 30 },
    xAxis: moneyAxis(currency, lang),
    yAxis: {
      type: 'category',
      inverse: true,
      data: top.map((c) => c.name),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      { type: 'bar', name, color: '#e8590c', data: top.map((c) => toMajor(c.overdueMinor, currency)) },
    ],
    // On a phone the names leave the bars half the card: shorter names, and the amounts that would
    // run into each other left out (every other one).
    media: [
      {
        query: PHONE_CARD,
        option: {
          grid: { left: 124, right: 24 },
          xAxis: { axisLabel: { fontSize: 10, hideOverlap: true } },
          yAxis: { axisLabel: { width: 116, fontSize: 11 } },
        },
      },
    ],
  };
}

export function limitUsageOption(slices: { name: string; value: number; color: string }[]): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        label: { formatter: '{c}' },
        data: slices.map(({ name, value, color }) => ({ name, value, itemStyle: { color } })),
      },
    ],
  };
}
