/**
 * The merged messages of every file in `messages/index.ts`, compiled on first use by FormatJS's
 * ICU engine (plurals, selects, numbers) and cached per language and key.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { MESSAGE_FILES } from './messages/index.ts';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
/** en-GB rather than en-US: day-first dates and 24-hour times, closest to the French readers' habits. */
export const LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr-FR', en: 'en-GB' };

export type MessageParams = Record<string, unknown>;

function merge(lang: Lang): Map<string, string> {
  const merged = new Map<string, string>();
  for (const [area, file] of Object.entries(MESSAGE_FILES)) {
    for (const [key, text] of Object.entries(file[lang])) {
      // Two files claiming one key would let the order of the index decide what a person reads.
      if (merged.has(key)) throw new Error(`message ${key} defined twice (again in ${area})`);
      merged.set(key, text);
    }
  }
  return merged;
}

export const MESSAGES: Readonly<Record<Lang, ReadonlyMap<string, string>>> = {
  fr: merge('fr'),
  en: merge('en'),
};

const compiled: Record<Lang, Map<string, IntlMessageFormat>> = { fr: new Map(), en: new Map() };

export function compile(lang: Lang, key: string): IntlMessageFormat | undefined {
  const cached = compiled[lang].get(key);
  if (cached) return cached;
  const text = MESSAGES[lang].get(key);
  if (text === undefined) return undefined;
  // Tags are off: "< 30 j" or "<e-mail>" are text here, never rich-text markup.
  const format = new IntlMessageFormat(text, LOCALES[lang], undefined, { ignoreTag: true });
  compiled[lang].set(key, format);
  return format;
}

type Primitive = string | number | bigint | boolean | null | undefined | Date;

function primitive(value: unknown): Primitive {
  if (value === null || value === undefined) return value;
  if (value instanceof Date) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'bigint' || type === 'boolean')
    return value as Primitive;
  return String(value);
}

export function formatMessage(lang: Lang, key: string, params?: MessageParams): string | undefined {
  const format = compile(lang, key);
  if (!format) return undefined;
  const values: Record<string, Primitive> = {};
  for (const [name, value] of Object.entries(params ?? {})) values[name] = primitive(value);
  return String(format.format(values));
}

/**
 * Fail loud where a person cannot be hurt: in Node outside production (tests, development) an
 * unknown key or code throws; in production and in the browser it shows the key and logs it.
 */
export function missing(what: string): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  // A browser never throws for it (some bundles define a `process` object there): a page must not
  // go blank for one missing word.
  const inBrowser = typeof (globalThis as { document?: unknown }).document !== 'undefined';
  if (!inBrowser && env !== undefined && env['NODE_ENV'] !== 'production')
    throw new Error(`text catalogue: no ${what}`);
  globalThis.console?.error(`text catalogue: no ${what}`);
  return what;
}
