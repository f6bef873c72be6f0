/**
 * Commander's own words in the catalogue's, in the command's language. Its refusals (an unknown
 * option, a missing one, too many arguments…): commander writes them in English and hands over
 * only its sentence and an error code, so the sentence is read back into the catalogue's
 * parameters here; a sentence of a kind not foreseen keeps commander's words behind a French (or
 * English) lead-in rather than being lost. Its help: headings, the help option and command, and
 * the « (default: …) » it adds to descriptions (`speakHelp`).
 */
import { type Argument, type Command, Help, type Option } from 'commander';
import { type Lang, type Translate, translator } from '#text/catalogue';
import { helpIn } from './help-words.ts';

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

/** Commander's headings of the help, as it passes them to `styleTitle`. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'cliHelp.commander.usage',
  'Arguments:': 'cliHelp.commander.arguments',
  'Options:': 'cliHelp.commander.options',
  'Global Options:': 'cliHelp.commander.globalOptions',
  'Commands:': 'cliHelp.commander.commands',
};

/** What commander adds after a description, of the values it would show (undefined: not shown). */
interface Extras {
  choices?: readonly string[] | undefined;
  defaultValue?: unknown;
  defaultValueDescription?: string | undefined;
  preset?: unknown;
  env?: string | undefined;
}

/** A description followed by commander's « (choices: …, default: …) », in the catalogue's words. */
function described(t: Translate, description: string, extras: Extras): string {
  // Commander writes a text value in straight quotes ("fr"); French help quotes it « fr ».
  const quoted = (value: unknown) =>
    typeof value === 'string' ? t('cliHelp.commander.quoted', { value }) : JSON.stringify(value);
  const shown: string[] = [];
  if (extras.choices)
    shown.push(t('cliHelp.commander.choices', { choices: extras.choices.map(quoted).join(', ') }));
  // A repeatable option starts from an empty list or map: « (par défaut : []) » says nothing.
  const empty =
    (Array.isArray(extras.defaultValue) && extras.defaultValue.length === 0) ||
    (typeof extras.defaultValue === 'object' &&
      extras.defaultValue !== null &&
      Object.keys(extras.defaultValue).length === 0);
  if (extras.defaultValue !== undefined && !empty)
    shown.push(
      t('cliHelp.commander.default', {
        value: extras.defaultValueDescription || quoted(extras.defaultValue),
      }),
    );
  if (extras.preset !== undefined)
    shown.push(t('cliHelp.commander.preset', { value: quoted(extras.preset) }));
  if (extras.env !== undefined) shown.push(t('cliHelp.commander.env', { name: extras.env }));
  if (shown.length === 0) return description;
  return [description, `(${shown.join(', ')})`].filter((part) => part !== '').join(' ');
}

/** Commander's rules: a flag's default shows only when boolean, a preset only for an optional `[value]`. */
function optionExtras(option: Option): Extras {
  const showDefault =
    option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
  return {
    choices: option.argChoices,
    defaultValue: showDefault ? option.defaultValue : undefined,
    defaultValueDescription: option.defaultValueDescription,
    preset: option.optional ? option.presetArg : undefined,
    env: option.envVar,
  };
}

/**
 * The help in `lang`: commander's headings, its help option and help command, what it adds to
 * descriptions, and `[command]` in the usage line. Set on the program before its commands are
 * declared: commander copies these settings into each command it creates.
 */
export function speakHelp(program: Command, lang: Lang): void {
  const t = helpIn(lang);
  const commandTerm = `[${t('cliHelp.commander.commandTerm')}]`;
  program
    .helpOption('-h, --help', t('cliHelp.commander.helpOption'))
    .helpCommand(`help ${commandTerm}`, t('cliHelp.commander.helpCommand'))
    .configureHelp({
      styleTitle: (title) => (TITLES[title] ? t(TITLES[title]) : title),
      commandUsage(this: Help, command: Command) {
        return Help.prototype.commandUsage.call(this, command).replace(/ \[command\]/, ` ${commandTerm}`);
      },
      optionDescription: (option: Option) => described(t, option.description, optionExtras(option)),
      argumentDescription: (argument: Argument) =>
        described(t, argument.description, {
          choices: argument.argChoices,
          defaultValue: argument.defaultValue,
          defaultValueDescription: argument.defaultValueDescription,
        }),
      // Commander wraps at any white space, a no-break one too: « Options : » must not lose its colon.
      boxWrap(this: Help, text: string, width: number) {
        const kept = text.replace(/\u00a0/g, '\ue000').replace(/\u202f/g, '\ue001');
        return Help.prototype.boxWrap
          .call(this, kept, width)
          .replace(/\ue000/g, '\u00a0')
          .replace(/\ue001/g, '\u202f');
      },
    });
}
