/**
 * The collection forecast's open items by age (`byAge`, age-breakdown.ts) as the rows a reader
 * sees, for the CLI table and the web page alike: one row per age bucket, the invoices of an age
 * without a curve, the claims left out, and a total whose open amount is every open invoice's.
 * One mapping, so that the terminal and the page cannot tell two different stories.
 */
import type { AgeBreakdown } from '#core/forecast/age-breakdown';
import { type Lang, translator } from './catalogue.ts';

export interface AgeRow {
  label: string;
  openMinor: number;
  /** Null: nothing expected is computed (claims left out of the forecast). */
  expectedMinor: number | null;
  /** The share of the row's open amount expected within the horizon; null where none is computed. */
  share: number | null;
}

/** The rows and their total; null when nothing is open. */
export function ageRows(byAge: AgeBreakdown, lang: Lang): { rows: AgeRow[]; total: AgeRow } | null {
  const t = translator(lang);
  const { buckets, dated, leftOutOpenMinor } = byAge;
  const rows: AgeRow[] = buckets.map((bucket) => ({
    label: ageLabel(bucket.fromDaysPastDue, bucket.toDaysPastDue, lang),
    openMinor: bucket.openMinor,
    expectedMinor: bucket.expectedMinor,
    share: bucket.share,
  }));
  if (dated.openMinor > 0)
    rows.push({ label: t('forecastCuts.age.dated'), ...dated, share: dated.expectedMinor / dated.openMinor });
  if (leftOutOpenMinor > 0)
    rows.push({
      label: t('forecastCuts.age.leftOut'),
      openMinor: leftOutOpenMinor,
      expectedMinor: null,
      share: null,
    });
  if (rows.length === 0) return null;
  // The claims left out are open all the same: the total's open amount is the whole open book.
  const total: AgeRow = {
    label: t('forecastCuts.age.total'),
    openMinor: rows.reduce((sum, row) => sum + row.openMinor, 0),
    expectedMinor: rows.reduce((sum, row) => sum + (row.expectedMinor ?? 0), 0),
    share: null,
  };
  return { rows, total };
}

/** A bucket's ages as a reader says them: days before the due date, then days late. */
export function ageLabel(from: number | null, to: number | null, lang: Lang): string {
  const t = translator(lang);
  if (from === null) return t('forecastCuts.age.notDueBeyond', { days: -(to ?? 0) - 1 });
  if (to === null) return t('forecastCuts.age.lateBeyond', { days: from - 1 });
  if (to === 0) return t('forecastCuts.age.dueSoon', { days: -from });
  if (to < 0) return t('forecastCuts.age.notDue', { from: -to, to: -from });
  return t('forecastCuts.age.late', { from, to });
}
