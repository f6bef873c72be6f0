/**
 * Words the problems and warnings of an import: the importers return a stable code and its params
 * (`src/importers/problems.ts`, `src/importers/fec/fec-warnings.ts`), the messages are in
 * `messages/import-problems.ts` and `messages/import-warnings.ts`. A few params read differently
 * per language and are shown here: separators, document kinds, entities, amounts (`…Minor` with a
 * `currency` param), dates (`…Date`), lists of headers (quoted, never the JSON list they travel
 * as) and a missing column's name (its English header in English, `englishLabel`). A problem's
 * remedy speaks the reader's channel (ImportChannel).
 */
import { hasMessage, type Lang, label, translator } from './catalogue.ts';
import { formatDate, formatMoney } from './format.ts';
import { MESSAGES } from './icu.ts';

export type ImportProblemParams = Readonly<Record<string, string | number>>;

/**
 * Who reads a problem or a notice, and so what its remedy names: the command line its flags
 * (`--map`, `--ignore-column`, `--date-order`, `--journal`), the web page its own controls
 * (« Colonnes non reconnues », « Ordre des dates ») or says it has none (a FEC's journal type), a
 * program the API request's parameters (`map`, `ignoreColumns`, `dateOrder`, `journals`).
 */
export type ImportChannel = 'cli' | 'web' | 'api';
export const IMPORT_CHANNELS: readonly ImportChannel[] = ['cli', 'web', 'api'];

/**
 * The message key of a problem for `channel`: the command line's is `importProblem.<code>`; a
 * problem whose remedy names a flag has a variant for the web page (`imports.problem.<code>`, the
 * words the page shows) and for the API (`importProblem.api.<code>`). Any other reads the same
 * everywhere. A file of fixed columns (balance sheets, a partner's report: its problems carry
 * `fixedColumns`) has no mapping on any channel, so its column problems have one wording of their
 * own (`importProblem.fixedColumns.<code>`). (Looked up in French, the reference: the catalogue's
 * test holds both languages to it.)
 */
function problemKey(code: string, channel: ImportChannel, params: ImportProblemParams): string {
  const fixed = `importProblem.fixedColumns.${code}`;
  if (params.fixedColumns !== undefined && hasMessage(fixed)) return fixed;
  return channelKey(channel, {
    cli: `importProblem.${code}`,
    web: `imports.problem.${code}`,
    api: `importProblem.api.${code}`,
  });
}

/** The key of `channel` when the catalogue has it, else the command line's. */
function channelKey(channel: ImportChannel, keys: Readonly<Record<ImportChannel, string>>): string {
  return hasMessage(keys[channel]) ? keys[channel] : keys.cli;
}

const ENTITY_NAMES_FR: Readonly<Record<string, string>> = {
  customers: 'les clients',
  invoices: 'les factures',
  'credit-notes': 'les avoirs',
  payments: 'les règlements',
  orders: 'les commandes',
};

/** A label inside a sentence: « de type facture », "of kind credit note". */
function lowerFirst(text: string, lang: Lang): string {
  return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
}

/** Params that name a list of headers: a JSON array from the importers (`headerListParam`). */
const HEADER_LIST_PARAMS: ReadonlySet<string> = new Set(['headers', 'columns']);

/** The headers of a list param, or null when it is no JSON array of strings (`columns` may be a count). */
function headerList(text: string): string[] | null {
  if (!text.startsWith('[')) return null;
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) && list.every((item) => typeof item === 'string') ? list : null;
  } catch {
    return null;
  }
}

/** « Code client », « N° client » in French; “Code client”, “N° client” in English, as the messages quote. */
function quotedHeaders(lang: Lang, headers: readonly string[]): string {
  return headers.map((header) => (lang === 'fr' ? `«\u00a0${header}\u00a0»` : `“${header}”`)).join(', ');
}

/**
 * The column of a problem as a reader of `lang` names it: the file's own header, or for a column
 * the file lacks its usual header, the English one in English (“Invoice number”, as the problem's
 * sentence says), on the command line and on the import page alike.
 */
export function problemColumn(
  lang: Lang,
  problem: { column: string | null; params?: Readonly<Record<string, string | number>> | undefined },
): string | null {
  const english = problem.params?.['englishLabel'];
  return lang === 'en' && typeof english === 'string' ? english : problem.column;
}

/** How one param reads in a sentence of `lang`; most are shown as they are. */
function showParam(lang: Lang, name: string, params: ImportProblemParams): string {
  const value = params[name] as string | number;
  const text = String(value);
  // A missing column by its usual header: its English one for a reader in English (“Amount”, not « Montant TTC »).
  if (name === 'label' && lang === 'en' && typeof params['englishLabel'] === 'string')
    return params['englishLabel'];
  const headers = HEADER_LIST_PARAMS.has(name) && typeof value === 'string' ? headerList(text) : null;
  if (headers) return quotedHeaders(lang, headers);
  if (name === 'separator') {
    if (text === '\t') return lang === 'fr' ? 'tabulation' : 'tab';
    return lang === 'fr' ? `«\u00a0${text}\u00a0»` : `"${text}"`;
  }
  if (name === 'kind') return lowerFirst(label(lang, 'documentKind', text), lang);
  if (name === 'entity' && lang === 'fr') return ENTITY_NAMES_FR[text] ?? text;
  if (name.endsWith('Minor') && typeof value === 'number' && typeof params.currency === 'string')
    return formatMoney(lang, value, params.currency);
  if (name.endsWith('Date') && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(lang, text);
  return text;
}

/** « Grande distribution » inside a list: « grande distribution »; « PME » stays as it is. */
function asWord(text: string, lang: Lang): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? lowerFirst(text, lang) : text;
}

/**
 * The values a coded field accepts, by their labels in `lang` (« grande distribution, grossiste,
 * PME… »): the importers give the label domain and the codes, never a list of their own words.
 */
function acceptedValues(lang: Lang, params: ImportProblemParams): string | null {
  const { domain, codes } = params;
  if (typeof domain !== 'string' || typeof codes !== 'string') return null;
  return codes
    .split(',')
    .map((code) => asWord(label(lang, domain, code), lang))
    .join(', ');
}

/**
 * The message of one problem in `lang` for a reader of `channel` (the command line's by default;
 * numbers such as line numbers stay as written; a `count` stays a number, for the message's
 * plural). A param the message names but the problem lacks stays visible as {name} rather than
 * silently blank.
 */
export function importProblemMessage(
  lang: Lang,
  code: string,
  params: ImportProblemParams = {},
  channel: ImportChannel = 'cli',
): string {
  const key = problemKey(code, channel, params);
  const shown: Record<string, string | number> = {};
  for (const name of placeholders(MESSAGES[lang].get(key) ?? '')) shown[name] = `{${name}}`;
  for (const [name, value] of Object.entries(params))
    shown[name] = name === 'count' && typeof value === 'number' ? value : showParam(lang, name, params);
  const accepted = acceptedValues(lang, params);
  if (accepted !== null) shown['accepted'] = accepted;
  return translator(lang)(key, shown);
}

/**
 * The message of one warning of an import in `lang` (`importWarning.<code>`), for a reader of
 * `channel` like a problem's: a notice whose remedy names a flag (`--date-order`) reads, for the
 * web page, as the page words it (`imports.notice.<code>`, its « Ordre des dates » choice) and,
 * for a program, with the request's parameter (`importWarning.api.<code>`). Params are shown like
 * a problem's, except counts, which stay numbers so that the message's plurals can choose.
 */
export function importWarningMessage(
  lang: Lang,
  code: string,
  params: ImportProblemParams = {},
  channel: ImportChannel = 'cli',
): string {
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params))
    shown[name] =
      typeof value === 'number' && !name.endsWith('Minor') ? value : showParam(lang, name, params);
  const key = channelKey(channel, {
    cli: `importWarning.${code}`,
    web: `imports.notice.${code}`,
    api: `importWarning.api.${code}`,
  });
  return translator(lang)(key, shown);
}

/** The arguments of a message: simple {name}s and the {count, plural, …} of counts. */
export function placeholders(template: string): string[] {
  return [
    ...new Set(
      [...template.matchAll(/\{(\w+)(?:\}|, *(?:plural|select|number))/g)].map((match) => match[1] as string),
    ),
  ];
}

/** The sentence of a rejected file (its problems are listed apart). */
export function importRejectionMessage(
  lang: Lang,
  fileName: string,
  problemCount: number,
  lineCount: number,
): string {
  // Numbers, so that the message pluralises and groups them (« 109 526 problèmes »).
  return translator(lang)('importProblem.rejected', {
    file: fileName,
    problems: problemCount,
    lines: lineCount,
  });
}
