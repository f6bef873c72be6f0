/**
 * A named figure of a report in words: its label from the catalogue (`kpi.<name>`) and its value
 * formatted by what the name says it is (…Minor money, …Days days, …Share/…Rate/…Ratio/…Usage a
 * ratio, …Pct a percentage, …Bps basis points, dates).
 */
import { hasMessage, type Lang, label, translator } from './catalogue.ts';
import { formatDate, formatMoney, formatNumber, formatPercent, formatPercentBps } from './format.ts';

const RATIO = /(Share|Rate|Ratio|Usage)$/;

export function figureValue(lang: Lang, name: string, value: unknown, currency: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(lang, value);
    if (name === 'countbackDayBasis') return label(lang, 'countbackDayBasis', value);
    return value;
  }
  if (typeof value !== 'number') return String(value);
  if (name.endsWith('Minor')) return formatMoney(lang, value, currency);
  if (name.endsWith('Bps')) return formatPercentBps(lang, value);
  if (RATIO.test(name)) return formatPercent(lang, value, 1);
  if (name.endsWith('Days') || name.endsWith('Pct') || name === 'averageDaysDelinquent')
    return formatNumber(lang, value, 1);
  return formatNumber(lang, value);
}

/** [label, value] of each named figure that has a label; the others (lists, series) are skipped. */
export function describeFigures(
  lang: Lang,
  figures: Readonly<Record<string, unknown>>,
  currency: string,
): [string, string][] {
  const t = translator(lang);
  return Object.entries(figures)
    .filter(([name, value]) => hasMessage(`kpi.${name}`) && (value === null || typeof value !== 'object'))
    .map(([name, value]) => [t(`kpi.${name}`), figureValue(lang, name, value, currency)]);
}
