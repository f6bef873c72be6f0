/** Words of the anomaly findings: the kind's label and the title that states the finding's figures. */
import type { AnomalyThresholds } from '../core/analytics/anomalies.ts';
import { addMonths, startOfMonth } from '../core/calendar.ts';
import type { IsoDate } from '../core/types.ts';
import { formatMessage, type Lang, LOCALES } from './icu.ts';

const DETERIORATING = /^payment_delay_deteriorating_(\d+)m$/;

export function anomalyKindLabel(lang: Lang, kind: string): string | null {
  const months = DETERIORATING.exec(kind)?.[1];
  if (months)
    return formatMessage(lang, 'anomalyKind.payment_delay_deteriorating', { months: Number(months) }) ?? null;
  return formatMessage(lang, `anomalyKind.${kind}`) ?? null;
}

export interface TitledFinding {
  kind: string;
  evidence: Readonly<Record<string, unknown>>;
}

/**
 * The title of a finding: its kind's label, or a sentence with what it states (the salesperson,
 * the age threshold of unapplied credits, the months of a deterioration window).
 */
export function anomalyTitle(
  lang: Lang,
  finding: TitledFinding,
  thresholds: { unappliedCreditDays: number },
): string | null {
  const before = finding.evidence['before'];
  if (finding.kind === 'dso_drift' && typeof before === 'string') {
    const windows = dsoDriftWindows(lang, before);
    return formatMessage(lang, 'anomaly.title.dso_drift_windows', windows) ?? null;
  }
  const params = {
    days: thresholds.unappliedCreditDays,
    salesperson: String(finding.evidence['salesperson'] ?? ''),
  };
  return formatMessage(lang, `anomaly.title.${finding.kind}`, params) ?? anomalyKindLabel(lang, finding.kind);
}

/**
 * The two windows a DSO drift compares, by their months: the three months to the date and the same
 * three a year before (« avril – juin 2026 », « avril – juin 2025 »), from the evidence's `before`,
 * the last day of the earlier window. Named, they tell this DSO from the month's DSO the
 * indicators compare from the first month of the year to the last, which may well improve meanwhile.
 */
export function dsoDriftWindows(lang: Lang, before: IsoDate): { window: string; windowBefore: string } {
  const span = (end: IsoDate) => {
    const format = new Intl.DateTimeFormat(LOCALES[lang], {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const day = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
    return format.formatRange(day(startOfMonth(addMonths(end, -2))), day(end));
  };
  return { window: span(addMonths(before, 12)), windowBefore: span(before) };
}

/** The threshold of the concentration finding each of its shares is judged against. */
const SHARE_THRESHOLDS: Readonly<Record<string, 'top10ShareMax' | 'singleCustomerShareMax'>> = {
  top10Share: 'top10ShareMax',
  largestShare: 'singleCustomerShareMax',
  share: 'singleCustomerShareMax',
};

/**
 * How many decimals print a share of a finding's evidence: `decimals`, or more while the share would
 * print as its threshold without being it (up to 4). A largest customer at 10,04 % of the portfolio
 * printed « 10,0 % » against a 10 % threshold read as a finding about nothing.
 */
export function shareDecimals(
  key: string,
  share: number,
  thresholds: Partial<Pick<AnomalyThresholds, 'top10ShareMax' | 'singleCustomerShareMax'>> | undefined,
  decimals: number,
): number {
  const name = SHARE_THRESHOLDS[key];
  const threshold = name === undefined ? undefined : thresholds?.[name];
  if (threshold === undefined || share === threshold) return decimals;
  const printed = (ratio: number, places: number) => Math.round(ratio * 100 * 10 ** places);
  let places = decimals;
  while (places < 4 && printed(share, places) === printed(threshold, places)) places += 1;
  return places;
}
