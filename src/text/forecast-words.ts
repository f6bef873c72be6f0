/**
 * The portfolio's drift in words, for the forecast page and `encours forecast collections`, so both
 * say it alike and neither tells a slope that rounds to nothing.
 */
import { MIN_MONTHLY_DAYS } from '#core/forecast/predict-reasons';
import { type Lang, translator } from './catalogue.ts';
import { formatNumber } from './format.ts';

/** « Vos clients paient de plus en plus tard : environ 0,9 j… », or null for a flat portfolio. */
export function portfolioTrendSentence(lang: Lang, daysPerMonth: number): string | null {
  if (Math.abs(daysPerMonth) < MIN_MONTHLY_DAYS) return null;
  return translator(lang)('forecast.page.portfolioTrend', {
    way: daysPerMonth > 0 ? 'slower' : 'faster',
    days: formatNumber(lang, Math.abs(daysPerMonth), 1),
  });
}
