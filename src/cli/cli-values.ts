/**
 * The values every command reads the same way, with their refusals worded from the catalogue in
 * the command's language: dates (ISO or French day first), whole numbers in a range, amounts, and the
 * line saying a file was written. The dates of every `--x <date>` option are read once for all
 * commands, before the action runs (see `readDateOptions`, hooked in run.ts).
 */
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { isMissingDay, readTypedDate } from '#app/typed-date';
import { parseAmountToMinor } from '#core/money';
import type { IsoDate } from '#core/types';
import { isLang, type Lang, translator } from '#text/catalogue';
import { helpIn } from './help-words.ts';

/** The language of a command's messages: its `--lang` (or a parent's) when valid, else French. */
export function commandLang(command: Command): Lang {
  const lang = command.optsWithGlobals<{ lang?: unknown }>().lang;
  return typeof lang === 'string' && isLang(lang) ? lang : 'fr';
}

/** A date as a person types it: YYYY-MM-DD or DD/MM/YYYY (day first, as in France). */
export function parseCliDate(text: string, option: string, lang: Lang): IsoDate {
  const date = readTypedDate(text);
  if (date !== null) return date;
  const key = isMissingDay(text) ? 'cli.error.dateNotInCalendar' : 'cli.error.date';
  throw new DomainError('invalid_input', translator(lang)(key, { option, value: text.trim() }));
}

/** Option values that are not dates although the option takes one (`--respond-by none`). */
const NOT_DATES: ReadonlySet<string> = new Set(['none']);

/**
 * Reads, in place, the value of every `<date>` option of the command and its parents that was
 * given on the command line: the actions receive YYYY-MM-DD whatever the person typed, and a value
 * that is no date is refused before anything runs.
 */
export function readDateOptions(command: Command): void {
  const lang = commandLang(command);
  for (let current: Command | null = command; current; current = current.parent) {
    for (const option of current.options) {
      if (!/<date>/.test(option.flags) || option.variadic) continue;
      const key = option.attributeName();
      if (current.getOptionValueSource(key) !== 'cli') continue;
      const value: unknown = current.getOptionValue(key);
      if (typeof value !== 'string' || NOT_DATES.has(value)) continue;
      current.setOptionValueWithSource(key, parseCliDate(value, option.long ?? option.flags, lang), 'cli');
    }
  }
}

/**
 * The help of every `<date>` option of the program and its commands says what it reads: the
 * commands describe them as YYYY-MM-DD, and DD/MM/YYYY (day first) is read as well — in the words
 * of `lang` (AAAA-MM-JJ and JJ/MM/AAAA in French).
 */
export function describeDateOptions(command: Command, lang: Lang): void {
  const t = helpIn(lang);
  const [iso, dayFirst, both] = [t('cliHelp.date.iso'), t('cliHelp.date.dayFirst'), t('cliHelp.date.both')];
  for (const option of command.options)
    if (/<date>/.test(option.flags) && !option.description.includes(dayFirst))
      option.description = option.description.includes(iso)
        ? option.description.replace(iso, both)
        : `${option.description} (${both})`;
  for (const sub of command.commands) describeDateOptions(sub, lang);
}

/** A whole number from `min` to `max` (no upper bound when absent), refused in the reader's words. */
export function integerOption(
  text: string,
  option: string,
  range: { min: number; max?: number },
  lang: Lang = 'fr',
): number {
  const value = Number(text.trim());
  const inRange = value >= range.min && (range.max === undefined || value <= range.max);
  if (text.trim() !== '' && Number.isSafeInteger(value) && inRange) return value;
  const t = translator(lang);
  const message =
    range.max === undefined
      ? t('cli.error.integerFrom', { option, min: range.min, value: text })
      : t('cli.error.integer', { option, min: range.min, max: range.max, value: text });
  throw new DomainError('invalid_input', message);
}

/**
 * An amount typed on the command line (« 1 250,50 », « 1250.50 ») in minor units of a currency with
 * `exponent` decimals; a negative one is refused as such, not as « not an amount ».
 */
export function amountOption(
  text: string,
  option: string,
  reading: { exponent?: number; decimalSeparator?: ',' | '.' } = {},
): number {
  const minor = parseAmountToMinor(text, {
    exponent: reading.exponent ?? 2,
    ...(reading.decimalSeparator ? { decimalSeparator: reading.decimalSeparator } : {}),
  });
  if (minor === null)
    throw new DomainError('invalid_input', { key: 'errors.cli.amount', params: { option, value: text } });
  if (minor < 0)
    throw new DomainError('invalid_input', {
      key: 'errors.cli.amountNegative',
      params: { option, value: text },
    });
  return minor;
}

/** The line on stderr once a file is written (stdout keeps the command's one output). */
export function wroteLine(file: string, lang: Lang = 'fr'): string {
  return `encours: ${translator(lang)('cli.wrote', { file })}\n`;
}
