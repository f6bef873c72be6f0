/**
 * The field a schema problem names, as a person reads it: the catalogue's name of each step of the
 * path (`field.<name>`, `fieldItem.<list>` for an item of a list), the field itself first and the
 * items that hold it after: `instalments[0].amountMinor` is « montant (échéance 1) ». A path with a
 * step the catalogue does not name (a key of a free-form object) has no words: the problem then
 * names the raw path, which is all a developer needs.
 *
 * A bound on an amount in minor units (`…Minor`) is worded as money (« 0,01 € », not 1), on basis
 * points (`…Bps`) as a percentage.
 */
import { hasMessage, type Lang, translator } from '#text/catalogue';
import { formatMoney, formatNumber, formatPercentBps } from '#text/format';

/** The steps of Ajv's instance path, a missing or unexpected property named last. */
export function pathSteps(instancePath: string, params: Readonly<Record<string, unknown>>): string[] {
  const steps = instancePath
    .split('/')
    .slice(1)
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
  const named = params['missingProperty'] ?? params['additionalProperty'];
  if (typeof named === 'string') steps.push(named);
  return steps;
}

const isIndex = (step: string): boolean => /^\d+$/.test(step);

/** « montant (échéance 1) »; null when a step has no name in the catalogue. */
export function fieldWords(steps: readonly string[]): ((lang: Lang) => string) | null {
  if (steps.length === 0 || !steps.every((step) => isIndex(step) || hasMessage(`field.${step}`))) return null;
  if (isIndex(steps[0] ?? '')) return null;
  return (lang) => {
    const t = translator(lang);
    const words: string[] = [];
    for (let at = 0; at < steps.length; at++) {
      const step = steps[at] ?? '';
      if (isIndex(step)) continue;
      const next = steps[at + 1];
      if (next === undefined || !isIndex(next)) {
        words.push(t(`field.${step}`));
        continue;
      }
      const n = Number(next) + 1;
      words.push(
        hasMessage(`fieldItem.${step}`)
          ? t(`fieldItem.${step}`, { n })
          : t('errors.http.invalid.item', { list: t(`field.${step}`), n }),
      );
    }
    const subject = words.pop() ?? '';
    return words.length === 0 ? subject : `${subject} (${words.join(' › ')})`;
  };
}

/** What a bound on the field reads as: money for `…Minor`, a percentage for `…Bps`, else a number. */
export function boundWords(
  steps: readonly string[],
  limit: number,
  currency: string,
): (lang: Lang) => string {
  const field = steps.at(-1) ?? '';
  if (/Minor$/.test(field)) return (lang) => formatMoney(lang, limit, currency);
  if (/Bps?$/.test(field)) return (lang) => formatPercentBps(lang, limit);
  return (lang) => formatNumber(lang, limit);
}
