/** How a typed cell reads in a document: French (or English) money, dates, numbers and percentages. */
import type { Lang } from '#text/catalogue';
import { formatDate, formatMoney, formatNumber, formatPercent } from '#text/format';
import type { Cell, CellKind, TableColumn, ValueKind } from './document.ts';

export function displayCell(
  lang: Lang,
  value: Cell,
  column: TableColumn,
  currency: string,
  plainMoney = false,
): string {
  if (value === null || value === '') return '';
  if (typeof value === 'object') return formatMoney(lang, value.amountMinor, currency, { plain: plainMoney });
  if (typeof value === 'string') return column.kind === 'date' ? formatDate(lang, value) : value;
  if (column.kind === 'money' && plainMoney) return formatMoney(lang, value, currency, { plain: true });
  return displayNumber(lang, value, column.kind, currency, column.decimals);
}

function displayNumber(
  lang: Lang,
  value: number,
  kind: CellKind,
  currency: string,
  decimals: number | undefined,
): string {
  switch (kind) {
    case 'money':
    case 'moneyCount':
      return formatMoney(lang, value, currency);
    case 'percent':
      return formatPercent(lang, value, decimals ?? 1);
    case 'integer':
      return formatNumber(lang, value, 0);
    case 'number':
      return formatNumber(lang, value, decimals ?? 1);
    default:
      return String(value);
  }
}

export const isNumeric = (kind: CellKind): boolean => kind !== 'text' && kind !== 'date';

/** Values on chart axes and in tooltips: compact money (« 1,2 M€ »), days, percentages. */
export function displayValue(lang: Lang, value: number, kind: ValueKind, currency = 'EUR'): string {
  switch (kind) {
    case 'money':
      return formatMoney(lang, value, currency, { compact: true });
    case 'percent':
      return formatPercent(lang, value, 0);
    case 'days':
      return formatNumber(lang, value, 0);
    default:
      return formatNumber(lang, value);
  }
}
