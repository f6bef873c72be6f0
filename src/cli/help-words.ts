/**
 * The words of the command line's help (every command, option and argument description) come
 * from the catalogue, in the reader's language. Commander takes descriptions as plain strings
 * when a command is declared, long before it parses anything: so the language is read from the
 * words of the command line first (`helpLangOf`), and the commands are declared in it
 * (`buildInLang`), each description being `help(key)`.
 *
 * Only the command line reads these messages, so they are not listed in the catalogue's index,
 * whose every file the web application bundles: they are added to the catalogue here, once, when
 * a command line is built (as the web app adds its English when a person asks for it).
 */
import { type Lang, type MessageParams, type Translate, toLang, translator } from '#text/catalogue';
import { MESSAGES } from '#text/icu';
import { CLI_HELP_FILES } from '#text/messages/cli-help';

function addHelpMessages(): void {
  for (const file of CLI_HELP_FILES)
    for (const lang of ['fr', 'en'] as const) {
      // The catalogue's own maps (ReadonlyMap to its readers), filled once when this module loads.
      const messages = MESSAGES[lang] as Map<string, string>;
      for (const [key, text] of Object.entries(file[lang])) {
        if (messages.has(key) && messages.get(key) !== text)
          throw new Error(`message ${key} defined twice (again in the command line's help)`);
        messages.set(key, text);
      }
    }
}
addHelpMessages();

/** The language asked on the command line (`--lang en`, `--lang=en`), French by default. */
export function helpLangOf(args: readonly string[]): Lang {
  const at = args.indexOf('--lang');
  if (at >= 0) return toLang(args[at + 1]);
  const joined = args.find((arg) => arg.startsWith('--lang='));
  return toLang(joined?.slice('--lang='.length));
}

/** The language the commands being declared are described in (French outside `buildInLang`). */
let buildingLang: Lang = 'fr';

/**
 * Declares commands (`build`, synchronous) with their descriptions in `lang`. The language is
 * set only while `build` runs, so that two command lines built one after the other in one
 * process (the CLI tests) each speak their own.
 */
export function buildInLang<T>(lang: Lang, build: () => T): T {
  const before = buildingLang;
  buildingLang = lang;
  try {
    return build();
  } finally {
    buildingLang = before;
  }
}

/** The language the commands are being declared in: for words computed when the help is shown. */
export function helpLang(): Lang {
  return buildingLang;
}

/** The help's words (`cliHelp.…`) in `lang`, for what is worded outside the commands' declaration. */
export function helpIn(lang: Lang): Translate {
  return translator(lang);
}

/** A description of the help (`cliHelp.…`) in the language the commands are being declared in. */
export function help(key: string, params?: MessageParams): string {
  return translator(buildingLang)(key, params);
}
