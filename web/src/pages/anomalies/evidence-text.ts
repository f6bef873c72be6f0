/**
 * A finding's evidence values and labels in words: amounts, days, dates and ratios formatted by
 * their key. No React here, so that the tests lay them out.
 */
import { shareDecimals } from '../../../../src/text/anomalies.ts';
import { capitalised } from '../../../../src/text/audit-codes.ts';
import { type Lang, label, translator } from '../../../../src/text/catalogue.ts';
import { date, money, number, percent } from '../../format.ts';
import { EVIDENCE_LABELS } from '../../strings/evidence.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The report keeps a DSO to two decimals; every page shows one to one (« 76,3 »). */
const DSO_KEYS = new Set(['dsoDays', 'dsoBeforeDays']);

/** The thresholds the report judged by: a share that rounds to its threshold prints more decimals. */
export type ShareThresholds = Parameters<typeof shareDecimals>[2];

export function formatEvidence(
  key: string,
  value: string | number | boolean | null,
  currency: string,
  lang: Lang,
  thresholds?: ShareThresholds,
): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  // A month-end key (e.g. the overdue of a salesperson's portfolio at each month end) holds an amount.
  if (typeof value === 'number' && (key.endsWith('Minor') || ISO_DAY.test(key)))
    return money(value, currency, lang);
  if (typeof value === 'number' && (key === 'limitUsage' || key.endsWith('Share') || key === 'share'))
    return percent(value, lang, shareDecimals(key, value, thresholds, 0));
  if (typeof value === 'number') return number(value, lang, DSO_KEYS.has(key) ? 1 : undefined);
  if (ISO_DAY.test(value)) return date(value, lang);
  if (key === 'method') return label(lang, 'anomalyMethod', value);
  return value;
}

export function evidenceLabel(key: string, lang: Lang): string {
  if (ISO_DAY.test(key)) return date(key, lang);
  return EVIDENCE_LABELS[lang][key] ?? key;
}

/** Findings about the whole book: the customers they list are its largest movers, not its culprits. */
const PORTFOLIO_KINDS = new Set(['dso_drift', 'concentration']);

/**
 * The heading of a finding's customers: « Clients concernés (5) » under the portfolio's DSO drift
 * read as if five customers drifted; it names them as the dashboard does (« Les 5 plus fortes
 * hausses d’encours », the same catalogue key).
 */
export function customersHeading(kind: string, n: number, lang: Lang): string {
  const t = translator(lang);
  return PORTFOLIO_KINDS.has(kind)
    ? capitalised(t('anomaly.customersNamed', { kind, n }))
    : t('reports.customersConcerned', { n });
}
