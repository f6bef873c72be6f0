/**
 * The collection forecast cut by day, week or month, as one list of periods the chart and the
 * table share: the API gives the weeks always, and the days or months when asked (`by=`).
 */
import type { Static } from 'typebox';
import type { CollectionsSchema } from '../../../../src/http/schemas/forecast.ts';
import { LOCALES } from '../../../../src/text/catalogue.ts';
import { formatDate, formatMonth } from '../../../../src/text/format.ts';
import type { Lang } from '../../i18n.tsx';

export type Collections = Static<typeof CollectionsSchema>;
export type PeriodKind = 'day' | 'week' | 'month';
export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'month'];

export interface ForecastPeriod {
  /** First day of the period (the as-of date's period may start before it). */
  start: string;
  fromOpenItemsMinor: number;
  fromFutureSalesMinor: number;
  lowMinor: number;
  highMinor: number;
  /** The days the period counts, when fewer than a whole one (after the as-of date, to the horizon). */
  from?: string | undefined;
  to?: string | undefined;
  partial?: boolean | undefined;
}

type T = (key: string, values?: Record<string, string | number>) => string;

/** The query string of the forecast over the same 13 weeks, cut by `by`. */
export function collectionsPath(by: PeriodKind): string {
  return `/api/forecast/collections?weeks=13${by === 'week' ? '' : `&by=${by}`}`;
}

/** The periods of the cut asked for; null while the answer is that of another cut. */
export function periodsOf(data: Collections, by: PeriodKind): ForecastPeriod[] | null {
  if (by === 'day') return data.days?.map(({ date, ...amounts }) => ({ start: date, ...amounts })) ?? null;
  if (by === 'month')
    return (
      data.months?.map(({ periodStart, month: _, ...amounts }) => ({ start: periodStart, ...amounts })) ??
      null
    );
  return data.weeks.map(({ weekStart, ...amounts }) => ({ start: weekStart, ...amounts }));
}

const dayMonthFormats = new Map<Lang, Intl.DateTimeFormat>();
/** « 07/07 »: a day of the horizon, whose year the chart's title already gives. */
function dayMonth(lang: Lang, iso: string): string {
  let format = dayMonthFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
    dayMonthFormats.set(lang, format);
  }
  const [year, month, day] = iso.split('-').map(Number);
  return format.format(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** Chart label: « sem. du 06/07 », « 07/07 », « juil. 2026 ». */
export function shortLabel(by: PeriodKind, start: string, lang: Lang, t: T): string {
  if (by === 'month') return formatMonth(lang, start);
  if (by === 'day') return dayMonth(lang, start);
  return t('forecast.page.weekOf', { date: dayMonth(lang, start) });
}

/** Table label, with its year: « sem. du 06/07/2026 », « 07/07/2026 », « juil. 2026 ». */
export function longLabel(by: PeriodKind, start: string, lang: Lang, t: T): string {
  if (by === 'month') return formatMonth(lang, start);
  if (by === 'day') return formatDate(lang, start);
  return t('forecast.page.weekOf', { date: formatDate(lang, start) });
}

/** Table label, saying when the period is partial: « juil. 2026 (partiel : du 01/07/2026 au 05/07/2026) ». */
export function periodLabel(by: PeriodKind, period: ForecastPeriod, lang: Lang, t: T): string {
  const label = longLabel(by, period.start, lang, t);
  if (!period.partial || !period.from || !period.to) return label;
  return t('forecast.cli.partialPeriod', {
    label,
    from: formatDate(lang, period.from),
    to: formatDate(lang, period.to),
  });
}

/**
 * The note under the chart for its periods marked « * »: « * Période partielle : sem. du
 * 29/06/2026 du 01/07/2026 au 05/07/2026. »; null when every period is whole.
 */
export function partialNote(
  by: PeriodKind,
  periods: readonly ForecastPeriod[],
  lang: Lang,
  t: T,
): string | null {
  const items = periods.flatMap((p) =>
    p.partial && p.from && p.to
      ? [
          t('forecast.page.partialItem', {
            label: longLabel(by, p.start, lang, t),
            from: formatDate(lang, p.from),
            to: formatDate(lang, p.to),
          }),
        ]
      : [],
  );
  if (items.length === 0) return null;
  const periodsText = new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items);
  return t('forecast.page.partialNote', { count: items.length, periods: periodsText });
}
