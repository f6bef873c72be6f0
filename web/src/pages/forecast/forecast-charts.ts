/** Chart options of the forecast page: the 13 weeks ahead by period, and forecast against actual. */
import type { Static } from 'typebox';
import { currencyExponent } from '../../../../src/core/money.ts';
import type { ForecastAccuracySchema } from '../../../../src/http/schemas/forecast.ts';
import type { ChartOption } from '../../components/EChart.tsx';
import { compactMajor, money, toMajor } from '../../format.ts';
import type { Lang } from '../../i18n.tsx';
import { type ForecastPeriod, shortLabel } from './forecast-periods.ts';

export type ForecastAccuracy = Static<typeof ForecastAccuracySchema>;

type T = (key: string, values?: Record<string, string | number>) => string;

/** A partial period's bars: paler, still readable. */
const PARTIAL_OPACITY = 0.45;

const axis = (currency: string, lang: Lang) => ({
  type: 'value' as const,
  axisLabel: { formatter: (value: number) => compactMajor(value, currency, lang) },
});

function tooltip(currency: string, lang: Lang) {
  return {
    trigger: 'axis' as const,
    valueFormatter: (value: number) =>
      money(Math.round(value * 10 ** currencyExponent(currency)), currency, lang),
  };
}

/**
 * Stacked bars (open items, future sales) and the low/high band as two dashed lines, one bar a
 * period: a day, a week or a month of the horizon, labelled by `labels`. A partial period (the
 * as-of date's week, the horizon's last month) is marked « * » and drawn paler: its bar is lower
 * because it counts fewer days, not because less money is expected (the page's note says which).
 */
export function collectionsOption(
  periods: readonly ForecastPeriod[],
  labels: readonly string[],
  currency: string,
  lang: Lang,
  t: T,
): ChartOption {
  const major = (minor: number) => toMajor(minor, currency);
  const bar = (p: ForecastPeriod, minor: number) =>
    p.partial ? { value: major(minor), itemStyle: { opacity: PARTIAL_OPACITY } } : major(minor);
  return {
    animation: false,
    tooltip: tooltip(currency, lang),
    legend: { bottom: 0 },
    grid: { left: 70, right: 16, top: 16, bottom: 56 },
    xAxis: {
      type: 'category',
      data: labels.map((label, index) =>
        periods[index]?.partial ? t('forecast.page.partialMark', { label }) : label,
      ),
    },
    yAxis: axis(currency, lang),
    series: [
      {
        name: t('forecast.page.fromOpen'),
        type: 'bar',
        stack: 'f',
        data: periods.map((p) => bar(p, p.fromOpenItemsMinor)),
      },
      {
        name: t('forecast.page.fromSales'),
        type: 'bar',
        stack: 'f',
        data: periods.map((p) => bar(p, p.fromFutureSalesMinor)),
      },
      {
        name: t('forecast.page.low'),
        type: 'line',
        lineStyle: { type: 'dashed' },
        symbol: 'none',
        data: periods.map((p) => major(p.lowMinor)),
      },
      {
        name: t('forecast.page.high'),
        type: 'line',
        lineStyle: { type: 'dashed' },
        symbol: 'none',
        data: periods.map((p) => major(p.highMinor)),
      },
    ],
  };
}

/** What came in (bars) against the forecast made before the week (line) and its band. */
export function vsActualOption(accuracy: ForecastAccuracy, lang: Lang, t: T): ChartOption {
  const currency = accuracy.currency;
  const major = (minor: number) => toMajor(minor, currency);
  const weeks = accuracy.weeks;
  return {
    animation: false,
    tooltip: tooltip(currency, lang),
    legend: { bottom: 0 },
    grid: { left: 70, right: 16, top: 16, bottom: 56 },
    xAxis: { type: 'category', data: weeks.map((w) => shortLabel('week', w.weekStart, lang, t)) },
    yAxis: axis(currency, lang),
    series: [
      { name: t('forecast.page.actual'), type: 'bar', data: weeks.map((w) => major(w.actualMinor)) },
      { name: t('forecast.page.forecast'), type: 'line', data: weeks.map((w) => major(w.forecastMinor)) },
      {
        name: t('forecast.page.low'),
        type: 'line',
        lineStyle: { type: 'dashed' },
        symbol: 'none',
        data: weeks.map((w) => major(w.lowMinor)),
      },
      {
        name: t('forecast.page.high'),
        type: 'line',
        lineStyle: { type: 'dashed' },
        symbol: 'none',
        data: weeks.map((w) => major(w.highMinor)),
      },
    ],
  };
}
