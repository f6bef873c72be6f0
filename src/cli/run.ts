/**
 * The `encours` command line as a function: parses `args` (the words after `encours`), runs the
 * command, and says which exit code its outcome maps to. main.ts is the process around it; the
 * CLI tests call it in their own process too, where starting Node and loading the modules again
 * for each command would cost seconds each.
 */
import { Command } from 'commander';
import { DomainError, errorText, exitCodeOf } from '#app/errors';
import type { Runtime } from '#app/runtime';
import { type Lang, translator } from '#text/catalogue';
import { describeDateOptions, readDateOptions } from './cli-values.ts';
import { commanderText, speakHelp } from './commander-words.ts';
import { registerFor } from './commands.ts';
import { buildInLang, help, helpLangOf } from './help-words.ts';
import { lendRuntime, parseLang } from './shared.ts';

/**
 * The exit code of the outcome, or undefined when the command ended normally (exit code 0 unless it
 * set one). With `runtime` (the tests), the command works on that open database instead of opening
 * the one of its options (--db, --data-dir), and leaves it open.
 */
export async function runCli(
  args: readonly string[],
  options: { runtime?: Runtime } = {},
): Promise<number | undefined> {
  // The help and the errors speak the language of `--lang`, read before commander parses anything.
  const lang = helpLangOf(args);
  const json = args.includes('--json');
  const program = programIn(lang);
  const group = helpShownForError(program);
  if (options.runtime) lendRuntime(program, options.runtime);
  program.hook('preAction', (_program, actionCommand) => {
    shareLang(program, actionCommand);
    // Every `<date>` option of every command reads ISO or French dates, refused in one wording.
    readDateOptions(actionCommand);
  });
  try {
    // Only the module of the command being run is loaded (see commands.ts).
    await registerFor(program, args, lang);
    describeDateOptions(program, lang);
    await program.parseAsync(args, { from: 'user' });
    return undefined;
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Commander shows a group's help on stderr when no subcommand follows it (`encours forecast`).
    if (code === 'commander.help' && group.command) return missingSubcommand(group.command, json, lang);
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help')
      return 0;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      // Commander has already said what is wrong on stderr; --json still gets its one document.
      if (json) printError('invalid_input', commanderText((error as Error).message, lang));
      return 2;
    }
    return reportError(error, json, lang);
  }
}

/**
 * The program with its global options, speaking `lang`: its help and commander's refusals in the
 * catalogue's words. Commander copies these settings into each command declared after.
 */
export function programIn(lang: Lang): Command {
  const program = buildInLang(lang, () =>
    new Command('encours')
      .description(help('cliHelp.description'))
      .option('--db <url>', help('cliHelp.option.db'))
      .option('--data-dir <dir>', help('cliHelp.option.data-dir'))
      .option('--company <code>', help('cliHelp.option.company'))
      .option('--json', help('cliHelp.option.json'))
      .option('--lang <lang>', help('cliHelp.option.lang'), parseLang),
  );
  speakHelp(program, lang);
  return program
    .configureOutput({ outputError: (text, write) => write(`encours: ${commanderText(text, lang)}\n`) })
    .showHelpAfterError(translator(lang)('cli.error.helpHint'))
    .exitOverride();
}

/**
 * The command whose help commander writes as an error (on stderr): a group, or the program, given
 * no subcommand, or `help` given an unknown one. Every help passes by the program's `beforeAllHelp`,
 * so one listener covers every group of every module.
 */
function helpShownForError(program: Command): { command: Command | null } {
  const shown: { command: Command | null } = { command: null };
  program.on('beforeAllHelp', (context: { error: boolean; command: Command }) => {
    if (context.error) shown.command = context.command;
  });
  return shown;
}

/**
 * A group run without its subcommand: its help is on stderr (commander's), and the outcome is a
 * usage error as for an unknown command: exit 2, and with --json one error document naming the
 * subcommands to choose from.
 */
function missingSubcommand(group: Command, json: boolean, lang: Lang): number {
  if (!json) return 2;
  const names = group.commands.map((command) => command.name());
  const t = translator(lang);
  const message = group.parent
    ? t('cli.error.subcommand', { command: commandPath(group), subcommands: names.join(', ') })
    : t('cli.error.command', { commands: names.join(', ') });
  printError('invalid_input', message);
  return 2;
}

/** `encours dunning case`: the words that run a command. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    names.unshift(current.name());
  return names.join(' ');
}

/**
 * `--lang` is the program's option wherever it stands (`encours --lang en customer show X` as
 * `encours customer show X --lang en`): commander gives it to the program, so the commands that
 * read their own `--lang` get its value here, before their action runs.
 */
function shareLang(program: Command, actionCommand: Command): void {
  if (program.getOptionValueSource('lang') !== 'cli') return;
  const value: unknown = program.getOptionValue('lang');
  for (let command: Command | null = actionCommand; command && command !== program; command = command.parent)
    if (command.options.some((option) => option.attributeName() === 'lang'))
      command.setOptionValueWithSource('lang', value, 'cli');
}

/** With --json, every outcome prints exactly one JSON document on stdout, errors included. */
function printError(code: string, message: string, details: unknown = null): void {
  process.stdout.write(`${JSON.stringify({ error: { code, message, details } }, null, 2)}\n`);
}

/**
 * Says what went wrong on stderr (and in the JSON document with --json) and gives the exit code.
 * A bug is worded in the reader's language with its message only: the stack trace, which helps a
 * developer and alarms anyone else, comes after it when `ENCOURS_DEBUG=1`.
 */
function reportError(error: unknown, json: boolean, lang: Lang): number {
  if (error instanceof DomainError) {
    const text = errorText(error, lang);
    if (json) printError(error.code, text, error.details ?? null);
    process.stderr.write(`encours: ${text}\n`);
  } else {
    const t = translator(lang);
    // The JSON document says that it happened, not how: the details stay on stderr.
    if (json) printError('unexpected', t('cli.error.unexpectedJson'));
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`encours: ${t('cli.error.unexpected', { message })}\n`);
    if (process.env.ENCOURS_DEBUG === '1' && error instanceof Error && error.stack)
      process.stderr.write(`${error.stack}\n`);
  }
  return exitCodeOf(error);
}
