/**
 * Every word of `encours … --help` comes from the catalogue, in French and in English: the whole
 * command tree is declared in both languages, as runCli declares it, and each description of a
 * command, an option or an argument must be the same catalogue message in both trees. A description
 * written in the code (an English sentence) matches no French message, and fails here.
 */
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { type Lang, translator } from '#text/catalogue';
import { CLI_HELP_FILES } from '#text/messages/cli-help';
import { describeDateOptions } from './cli-values.ts';
import { COMMAND_MODULES } from './commands.ts';
import { buildInLang, helpLangOf } from './help-words.ts';
import { programIn } from './run.ts';

/** Names of the ICU arguments of a message. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if ('value' in element && typeof element.value === 'string') into.add(element.value);
    if ('options' in element)
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

const MERGED: Record<Lang, Record<string, string>> = {
  fr: Object.assign({}, ...CLI_HELP_FILES.map((file) => file.fr)),
  en: Object.assign({}, ...CLI_HELP_FILES.map((file) => file.en)),
};
const KEYS = Object.keys(MERGED.fr);
const argsOf = (lang: Lang, key: string) => [
  ...argumentsOf(parse(MERGED[lang][key] ?? '', { ignoreTag: true })),
];

/** A message as a pattern: its words as they are, each argument standing for any text. */
function patternOf(lang: Lang, key: string): RegExp {
  const hole = '\u0000';
  const text = translator(lang)(key, Object.fromEntries(argsOf(lang, key).map((name) => [name, hole])));
  const escaped = text.split(hole).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.+')}$`, 's');
}

/** The whole program (every module's commands), declared in `lang` as runCli declares it. */
async function programOf(lang: Lang): Promise<Command> {
  const program = programIn(lang);
  for (const entry of COMMAND_MODULES) {
    const register = await entry.load();
    buildInLang(lang, () => register(program));
  }
  return program;
}

interface Described {
  readonly where: string;
  readonly text: string;
}

/** Every description of the tree: commands, options (the help option too) and arguments. */
function descriptions(command: Command, path = 'encours'): Described[] {
  const own: Described[] = [
    { where: path, text: command.description() },
    // Commander's visible options: the command's own and its help option.
    ...command
      .createHelp()
      .visibleOptions(command)
      .map((option) => ({ where: `${path} ${option.flags}`, text: option.description })),
    ...command.registeredArguments
      .filter((argument) => argument.description !== '')
      .map((argument) => ({ where: `${path} <${argument.name()}>`, text: argument.description })),
  ];
  const subs = command.createHelp().visibleCommands(command);
  return [...own, ...subs.flatMap((sub) => descriptions(sub, `${path} ${sub.name()}`))];
}

describe('the words of the command line’s help', () => {
  it('has every message in French and in English, with the same arguments', () => {
    for (const file of CLI_HELP_FILES) {
      expect(Object.keys(file.en)).toEqual(Object.keys(file.fr));
      for (const key of Object.keys(file.fr)) expect(argsOf('en', key), key).toEqual(argsOf('fr', key));
    }
    expect(KEYS.every((key) => key.startsWith('cliHelp.'))).toBe(true);
  });

  it('describes every command, option and argument with one catalogue message in both languages', async () => {
    const [french, english] = [descriptions(await programOf('fr')), descriptions(await programOf('en'))];
    expect(english.map((item) => item.where)).toEqual(french.map((item) => item.where));
    const patterns = KEYS.map((key) => ({ key, fr: patternOf('fr', key), en: patternOf('en', key) }));
    const written = french.flatMap((item, index) => {
      const text = english[index]?.text ?? '';
      const message = patterns.find((pattern) => pattern.fr.test(item.text) && pattern.en.test(text));
      return item.text.trim() !== '' && message ? [] : [`${item.where}: ${item.text} / ${text}`];
    });
    expect(written).toEqual([]);
    // The tree is whole: every module's commands and their options.
    expect(french.filter((item) => item.where.includes('--')).length).toBeGreaterThan(400);
  });

  it('says in each language that a date option reads day-first dates too', async () => {
    const [french, english] = [await programOf('fr'), await programOf('en')];
    describeDateOptions(french, 'fr');
    describeDateOptions(english, 'en');
    const asOf = (program: Command) =>
      program.commands
        .find((command) => command.name() === 'customers')
        ?.commands[0]?.options.find((option) => option.long === '--as-of')?.description;
    expect(asOf(french)).toBe(
      'AAAA-MM-JJ ou JJ/MM/AAAA (par défaut\u00a0: aujourd’hui, ou la date de référence de la société de démonstration)',
    );
    expect(asOf(english)).toBe(
      'YYYY-MM-DD or DD/MM/YYYY (default: today, or the demo company reference date)',
    );
  });

  it('reads the language from the command line before commander does', () => {
    expect(helpLangOf(['--help'])).toBe('fr');
    expect(helpLangOf(['customers', 'list', '--lang', 'en', '--help'])).toBe('en');
    expect(helpLangOf(['--lang=en', '--help'])).toBe('en');
    expect(helpLangOf(['--lang', 'de', '--help'])).toBe('fr');
  });
});
