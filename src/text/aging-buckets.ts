/**
 * Labels of the age buckets of `core/analytics/aging.ts`, read back from their keys:
 * `not_due`, `d1_30` (1–30 days), `d0_30` (up to 30 days, by issue date), `d90_plus` (over 90).
 */
import { formatMessage, type Lang } from './icu.ts';

export function agingBucketLabel(lang: Lang, key: string): string | null {
  if (key === 'not_due') return formatMessage(lang, 'agingBucket.notDue') ?? null;
  if (key === 'credits') return formatMessage(lang, 'agingBucket.credits') ?? null;
  const over = /^d(\d+)_plus$/.exec(key);
  if (over) return formatMessage(lang, 'agingBucket.over', { from: Number(over[1]) }) ?? null;
  const range = /^d(\d+)_(\d+)$/.exec(key);
  if (!range) return null;
  const from = Number(range[1]);
  const to = Number(range[2]);
  return (
    (from === 0
      ? formatMessage(lang, 'agingBucket.upTo', { to })
      : formatMessage(lang, 'agingBucket.range', { from, to })) ?? null
  );
}
