/**
 * Commander's own refusals (an unknown option, a missing one, too many arguments…) in the
 * catalogue's words, in the command's language: commander writes them in English and hands over
 * only its sentence and an error code, so the sentence is read back into the catalogue's
 * parameters here. A sentence of a kind not foreseen keeps commander's words behind a French (or
 * English) lead-in rather than being lost.
 */
import { type Lang, translator } from '#text/catalogue';

interface Reading {
  readonly pattern: RegExp;
  readonly words: (match: RegExpExecArray) => { key: string; params: Record<string, string | number> };
}

/** Commander's « (Did you mean --date?) », or none. */
const SUGGESTION = String.raw`(?:\s*\(Did you mean ([^?]+)\?\))?`;

/** The first word of a flag list (`--instalment <date=amount...>` is `--instalment`). */
const flagOf = (flags: string): string => flags.split(/[ ,]+/).find((flag) => flag.startsWith('--')) ?? flags;

const READINGS: readonly Reading[] = [
  {
    pattern: new RegExp(`unknown option '([^']+)'${SUGGESTION}`),
    words: ([, option = '', suggestion]) => ({
      key: 'cli.error.unknownOption',
      params: { option, suggestion: suggestion ?? 'none' },
    }),
  },
  {
    pattern: new RegExp(`unknown command '([^']+)'${SUGGESTION}`),
    words: ([, command = '', suggestion]) => ({
      key: 'cli.error.unknownCommand',
      params: { command, suggestion: suggestion ?? 'none' },
    }),
  },
  {
    pattern: /required option '([^']+)' not specified/,
    words: ([, flags = '']) => ({ key: 'cli.error.missingOption', params: { option: flags } }),
  },
  {
    pattern: /option '([^']+)' argument missing/,
    words: ([, flags = '']) => ({ key: 'cli.error.optionValue', params: { option: flags } }),
  },
  {
    pattern: /missing required argument '([^']+)'/,
    words: ([, argument = '']) => ({ key: 'cli.error.missingArgument', params: { argument } }),
  },
  {
    pattern: /too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got \d+: (.*)\.$/,
    words: ([, command = 'encours', expected = '0', received = '']) => ({
      key: 'cli.error.excessArguments',
      params: { command, expected: Number(expected), received },
    }),
  },
  {
    pattern: /option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/,
    words: ([, flags = '', value = '', choices = '']) => ({
      key: 'cli.error.choices',
      params: { option: flagOf(flags), value, choices },
    }),
  },
  {
    pattern: /option '([^']+)' cannot be used with option '([^']+)'/,
    words: ([, flags = '', other = '']) => ({
      key: 'cli.error.conflict',
      params: { option: flagOf(flags), other: flagOf(other) },
    }),
  },
];

/** Commander's sentence (`error: unknown option '--date'`) in the catalogue's words of `lang`. */
export function commanderText(message: string, lang: Lang): string {
  const sentence = message.trim().replace(/^error: /, '');
  const t = translator(lang);
  for (const reading of READINGS) {
    const match = reading.pattern.exec(sentence);
    if (!match) continue;
    const { key, params } = reading.words(match);
    return t(key, params);
  }
  return t('cli.error.commandLine', { detail: sentence });
}
