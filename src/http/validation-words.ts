/**
 * Fastify's schema-validation errors (Ajv's list, `error.validation`) as a reader reads them: one
 * catalogue sentence per problem, in the request's language, and the raw list for programs.
 *
 * Ajv reports a value that matches no branch of an `anyOf` as one error per branch plus the
 * `anyOf` itself ("must be integer, must be null, must match a schema in anyOf"); those collapse
 * into one expectation: the types of the branches as one list (« un nombre entier ou vide »), the
 * constants as the allowed values, else the first branch's own expectation.
 *
 * A field of the body is named as the catalogue names it (field-words.ts: « montant (échéance 1) »
 * for `instalments[0].amountMinor`), and a bound on an amount in minor units reads as money.
 * A date written YYYY-MM-DD of a day the calendar lacks (« 2026-02-30 ») is said not to exist,
 * with its value, as an import says it; any other bad date is shown the format again.
 */
import { isValidIsoDate } from '#core/calendar';
import { type Lang, LOCALES, translator } from '#text/catalogue';
import { type WordedValue, worded } from '#text/error-words';
import { boundWords, fieldWords, pathSteps } from './field-words.ts';

/** One error of Ajv as Fastify hands it over. */
interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A request that failed its schema: Fastify's error with Ajv's list and the part that failed. */
export interface ValidationFailure {
  readonly validation: readonly AjvError[];
  readonly validationContext?: string;
}

/** One error of the raw list, for programs (the problem document's `errors`). */
export interface InvalidField {
  /** The part of the request: body, querystring, params or headers. */
  readonly in: string;
  /** The field as a path (`contacts[0].name`), '' for the whole part. */
  readonly field: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly instancePath: string;
  readonly schemaPath: string;
}

/** One problem to put in words: where, and what was expected (a worded expectation). */
interface Problem {
  readonly field: string;
  /** The field's name in the catalogue, when every step of its path has one. */
  readonly words: ((lang: Lang) => string) | null;
  readonly expectation: (lang: Lang) => string;
}

/** What the request says besides Ajv's list, to word its problems. */
export interface ValidationReading {
  /** The currency of the request's amounts (`currency` of the body, else the euro): for bounds on money. */
  readonly currency?: string;
  /** The request's parts as received, by Ajv's name of the part (body, querystring…): values to quote. */
  readonly input?: Readonly<Record<string, unknown>>;
}

/** The currency of bounds on money and the failed part's data, for each problem's expectation. */
interface Reading {
  readonly currency: string;
  readonly data: unknown;
}

export function isValidationFailure(error: unknown): error is ValidationFailure {
  return Array.isArray((error as { validation?: unknown } | null)?.validation);
}

/** The raw list, each error with the field it names. */
export function invalidFields(failure: ValidationFailure): InvalidField[] {
  const part = partOf(failure);
  return failure.validation.map((error) => ({
    in: part,
    field: fieldOf(error),
    keyword: error.keyword,
    params: error.params,
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
  }));
}

/**
 * What the reader is told: one sentence per problem, in `lang`. A field of the body is named in
 * words when the catalogue names it (« Le champ « frais de justice » ne peut pas être négatif »);
 * the address's parameters keep their names, which whoever writes the address needs.
 */
export function validationText(
  failure: ValidationFailure,
  lang: Lang,
  reading: ValidationReading = {},
): string {
  const part = partOf(failure);
  const t = translator(lang);
  const given = { currency: reading.currency ?? 'EUR', data: reading.input?.[part] };
  const sentences = problemsOf(failure.validation, given).map((problem) => {
    const expectation = problem.expectation(lang);
    if (part === 'body' && problem.words)
      return t('errors.http.invalid.named', { field: problem.words(lang), expectation });
    const params = { part, field: problem.field, expectation };
    return t(problem.field === '' ? 'errors.http.invalid.whole' : 'errors.http.invalid.field', params);
  });
  return sentences.join(lang === 'fr' ? '\u00a0; ' : '; ');
}

const partOf = (failure: ValidationFailure): string => failure.validationContext ?? 'body';

/** The problems of Ajv's list, each union's branches collapsed into the union, in Ajv's order. */
function problemsOf(errors: readonly AjvError[], reading: Reading): Problem[] {
  const isUnion = (error: AjvError) => error.keyword === 'anyOf' || error.keyword === 'oneOf';
  // The outermost union first: its branches take in the unions nested within them.
  const unions = errors.filter(isUnion).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  const consumed = new Set<AjvError>();
  const found: { at: number; problem: Problem }[] = [];
  for (const union of unions) {
    if (consumed.has(union)) continue;
    const branches = errors.filter((error) => error.schemaPath.startsWith(`${union.schemaPath}/`));
    for (const error of [union, ...branches]) consumed.add(error);
    const leaves = branches.filter((error) => !isUnion(error));
    found.push({ at: errors.indexOf(union), problem: unionProblem(union, leaves, reading) });
  }
  errors.forEach((error, at) => {
    if (!consumed.has(error)) found.push({ at, problem: problemOf(error, expected(error, reading)) });
  });
  return found.sort((a, b) => a.at - b.at).map(({ problem }) => problem);
}

/** A value that matched no branch: the branches' types, or their constants, or the first branch's rule. */
function unionProblem(union: AjvError, leaves: readonly AjvError[], reading: Reading): Problem {
  if (leaves.length > 0 && leaves.every((leaf) => leaf.keyword === 'type'))
    return problemOf(union, typesExpected(leaves.flatMap((leaf) => typesOf(leaf))));
  const isValue = (leaf: AjvError) => leaf.keyword === 'const' || leaf.keyword === 'enum';
  const isNull = (leaf: AjvError) =>
    leaf.keyword === 'type' && typesOf(leaf).every((type) => type === 'null');
  if (leaves.length > 0 && leaves.every((leaf) => isValue(leaf) || isNull(leaf))) {
    const values = leaves.flatMap((leaf) => (isNull(leaf) ? [null] : valuesOf(leaf)));
    return problemOf(union, valuesExpected(values));
  }
  const first = leaves.find((leaf) => !isNull(leaf));
  return first ? problemOf(first, expected(first, reading)) : problemOf(union, other);
}

function problemOf(error: AjvError, expectation: (lang: Lang) => string): Problem {
  const steps = pathSteps(error.instancePath, error.params);
  return { field: fieldOf(error), words: fieldWords(steps), expectation };
}

const other = worded('errors.http.invalid.other');

/** What one error of Ajv expected, in words. */
function expected(error: AjvError, reading: Reading): (lang: Lang) => string {
  const { keyword, params } = error;
  switch (keyword) {
    case 'required':
      return worded('errors.http.invalid.required');
    case 'additionalProperties':
      return worded('errors.http.invalid.unexpected');
    case 'type':
      return typesExpected(typesOf(error));
    case 'enum':
    case 'const':
      return valuesExpected(valuesOf(error));
    case 'format': {
      const format = String(params['format'] ?? '');
      const value = valueAt(reading.data, error.instancePath);
      if (format === 'date' && typeof value === 'string' && isMissingDay(value))
        return worded('errors.http.invalid.dateNotInCalendar', { value });
      // ICU selectors take no hyphen: date-time is dateTime in the message.
      const kind = format.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
      return worded('errors.http.invalid.format', { kind, format });
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return rangeExpected(error, reading.currency);
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return worded('errors.http.invalid.length', { bound: keyword, limit: numberParam(params['limit']) });
    case 'pattern':
      return worded('errors.http.invalid.pattern');
    case 'multipleOf':
      return worded('errors.http.invalid.multipleOf', { limit: numberParam(params['multipleOf']) });
    case 'uniqueItems':
      return worded('errors.http.invalid.unique');
    default:
      return other;
  }
}

/** A month of 1 to 12 and a day of 1 to 31, written YYYY-MM-DD: the shape of a day, real or not. */
const DAY_SHAPE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** « 2026-02-30 », « 2025-02-29 »: the expected format, of a day the calendar lacks. */
const isMissingDay = (value: string): boolean => DAY_SHAPE.test(value) && !isValidIsoDate(value);

/** The value at Ajv's instance path (`/sheets/0/fiscalYearEnd`) in `data`, or undefined. */
function valueAt(data: unknown, instancePath: string): unknown {
  return pathSteps(instancePath, {}).reduce<unknown>(
    (node, step) =>
      typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[step] : undefined,
    data,
  );
}

/** « ne peut pas être négatif », « doit valoir au moins 0,01 € »: a bound in the field's unit. */
function rangeExpected(error: AjvError, currency: string): (lang: Lang) => string {
  const { keyword, params } = error;
  const limit = params['limit'];
  if (typeof limit !== 'number')
    return worded('errors.http.invalid.range', { bound: keyword, limit: String(limit) });
  if (keyword === 'minimum' && limit === 0) return worded('errors.http.invalid.notNegative');
  const bound = boundWords(pathSteps(error.instancePath, params), limit, currency);
  return worded('errors.http.invalid.range', { bound: keyword, limit: bound });
}

/** « doit être un nombre entier ou vide »: the types as the reader's language lists alternatives. */
function typesExpected(types: readonly string[]): (lang: Lang) => string {
  // null last, and each type once: ['null', 'integer'] reads « un nombre entier ou vide ».
  const ordered = [...new Set(types)].sort((a, b) => Number(a === 'null') - Number(b === 'null'));
  return (lang) => {
    const names = ordered.map((type) => translator(lang)('errors.http.invalid.typeName', { type }));
    return worded('errors.http.invalid.type', { types: alternatives(lang, names) })(lang);
  };
}

function valuesExpected(values: readonly unknown[]): (lang: Lang) => string {
  const shown = [
    ...new Set(values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))),
  ];
  return worded('errors.http.invalid.values', { count: shown.length, values: shown.join(', ') });
}

const alternatives = (lang: Lang, items: readonly string[]): string =>
  new Intl.ListFormat(LOCALES[lang], { type: 'disjunction' }).format(items);

function typesOf(error: AjvError): string[] {
  const type = error.params['type'];
  return (Array.isArray(type) ? type : [type]).map(String);
}

function valuesOf(error: AjvError): unknown[] {
  const { allowedValues, allowedValue } = error.params;
  return Array.isArray(allowedValues) ? allowedValues : [allowedValue];
}

const numberParam = (value: unknown): WordedValue => (typeof value === 'number' ? value : String(value));

/**
 * The field an error names, as a path a developer reads (`contacts[0].name`); a missing or an
 * unexpected property is named itself, not the object that lacks or holds it.
 */
function fieldOf(error: AjvError): string {
  return pathSteps(error.instancePath, error.params).reduce((path, step) => {
    if (/^\d+$/.test(step)) return `${path}[${step}]`;
    return path === '' ? step : `${path}.${step}`;
  }, '');
}
