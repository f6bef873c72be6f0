/**
 * Words a run repeats, made once: a run composes tens of thousands of letters and e-mails that
 * name the same few hundred dates and countries, and each `Intl` call costs more than the lookup.
 */
import type { Lang } from '#text/catalogue';
import { formatDate } from '#text/format';

/**
 * A date worded once per language and form: a run words the same few hundred dates (due dates,
 * issue dates, its own) hundreds of thousands of times.
 */
const wordedDates = new Map<string, string>();
export function formatDay(lang: Lang, isoDate: string, long = false): string {
  const key = `${lang}|${long ? 'long' : 'short'}|${isoDate}`;
  let worded = wordedDates.get(key);
  if (worded === undefined) {
    worded = formatDate(lang, isoDate, long ? { long: true } : {});
    // Bounded: dates are few, but a long-lived server should not keep every one it ever saw.
    if (wordedDates.size >= 20_000) wordedDates.clear();
    wordedDates.set(key, worded);
  }
  return worded;
}

/** Made once per language: a run lays out tens of thousands of addresses. */
const regionNamesByLang = new Map<Lang, Intl.DisplayNames>();
export function regionNames(lang: Lang): Intl.DisplayNames {
  let names = regionNamesByLang.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region' });
    regionNamesByLang.set(lang, names);
  }
  return names;
}
