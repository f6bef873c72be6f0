/**
 * French B2B payment terms: parsing of canonical specs and everyday wordings, due-date
 * computation and the L441-10 maximum-term check. Their wording for people is in src/text.
 *
 * Canonical specs (stored as text):
 *   net:N            N days after the issue date (net:0 = on receipt)
 *   eom:N            "N jours fin de mois", method A: end of the month in which issue + N days falls
 *   eom_b:N          method B: end of the month of issue, then + N days
 *   eom_plus:N:M     end of the month of (issue + N days), then + M days ("30 jours fin de mois le 10")
 *   net_day:N:D      issue + N days, then the next day-of-month D on or after it ("60 jours nets le 15")
 */
import { addDays, assertIsoDate, daysInMonth, endOfMonth, fromYmd, maxDate, splitDate } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

export type PaymentTerms =
  | { kind: 'net'; days: number }
  | { kind: 'eom'; days: number; method: 'A' | 'B' }
  | { kind: 'eom_plus'; days: number; plusDays: number }
  | { kind: 'net_day'; days: number; dayOfMonth: number };

/** Upper bound of any day count we accept: a three-digit number, far beyond any real contract. */
export const MAX_TERM_DAYS = 999;
/** "fin de mois le D" means end of month + D days only while D exists in every month. */
export const MAX_EOM_DAY_OF_MONTH = 28;

/** Legal maxima of French L441-10 I: 60 days after issue, or 45 days end of month. */
export const LEGAL_MAX_NET_DAYS = 60;
export const LEGAL_MAX_EOM_DAYS = 45;

function isDayCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_TERM_DAYS;
}

function isDayOfMonth(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 31;
}

export function isValidPaymentTerms(terms: PaymentTerms): boolean {
  switch (terms.kind) {
    case 'net':
      return isDayCount(terms.days);
    case 'eom':
      return isDayCount(terms.days) && (terms.method === 'A' || terms.method === 'B');
    case 'eom_plus':
      return isDayCount(terms.days) && isDayCount(terms.plusDays);
    case 'net_day':
      return isDayCount(terms.days) && isDayOfMonth(terms.dayOfMonth);
    default:
      return false;
  }
}

function checked(terms: PaymentTerms): PaymentTerms | null {
  return isValidPaymentTerms(terms) ? terms : null;
}

// ---------------------------------------------------------------------------------------------
// Parsing

const CANONICAL_RULES: ReadonlyArray<{ pattern: RegExp; build: (numbers: number[]) => PaymentTerms }> = [
  { pattern: /^net:(\d+)$/, build: ([days = -1]) => ({ kind: 'net', days }) },
  { pattern: /^eom:(\d+)$/, build: ([days = -1]) => ({ kind: 'eom', days, method: 'A' }) },
  { pattern: /^eom_b:(\d+)$/, build: ([days = -1]) => ({ kind: 'eom', days, method: 'B' }) },
  {
    pattern: /^eom_plus:(\d+):(\d+)$/,
    build: ([days = -1, plusDays = -1]) => ({ kind: 'eom_plus', days, plusDays }),
  },
  {
    pattern: /^net_day:(\d+):(\d+)$/,
    build: ([days = -1, dayOfMonth = -1]) => ({ kind: 'net_day', days, dayOfMonth }),
  },
];

// Building blocks of the wording grammar, applied to normalised text (lower case, no accents,
// no punctuation, single spaces, digits split from letters: "30J" → "30 j").
const NUMBER = '(\\d{1,3})';
const DAYS = '(?:jours?|j|days?|d)';
const NET = '(?:nets?)';
const EOM = '(?:fin de mois|fin du mois|fin mois|fdm|end of month|end of the month|eom)';
const PREFIX = '(?:(?:paiement|reglement|payable|payment|terms) )?(?:a )?';
const FROM_INVOICE =
  '(?: (?:a compter de (?:la )?|de la )?date (?:de (?:la )?facture|de facturation|d emission|facture)' +
  '| (?:from|after) (?:the )?(?:invoice date|date of invoice))?';
const ORDINAL = '(?: ?(?:st|nd|rd|th|er|e))?';
const DAY_OF_MONTH = `(?:le|on the|on) (\\d{1,2})${ORDINAL}(?: du mois(?: suivant)?| of the (?:following )?month)?`;
const METHOD = '(?: (?:methode|method) ([ab]))?';
const PLUS = '(?:\\+|plus)';

type WordingRule = {
  pattern: RegExp;
  build: (groups: ReadonlyArray<string | undefined>) => PaymentTerms | null;
};

function rule(source: string, build: WordingRule['build']): WordingRule {
  return { pattern: new RegExp(`^${source}$`), build };
}

/** Parses a captured number; a missing optional group means `fallback`. */
function num(group: string | undefined, fallback = Number.NaN): number {
  return group === undefined ? fallback : Number(group);
}

const ON_RECEIPT: PaymentTerms = { kind: 'net', days: 0 };

const WORDING_RULES: readonly WordingRule[] = [
  rule(
    '(?:(?:paiement|reglement|payable|payment|due|paid) )?(?:a |on |upon |at )?(?:reception|receipt)' +
      '(?: (?:de (?:la )?facture|of (?:the )?invoice))?',
    () => ON_RECEIPT,
  ),
  rule('(?:(?:paiement|reglement|payable) )?(?:au )?comptant', () => ON_RECEIPT),
  rule('(?:paiement |reglement )?immediat|immediate(?: payment)?', () => ON_RECEIPT),
  // "net 30", "Net 30 days", "net 30 jours date de facture"
  rule(`${PREFIX}net ${NUMBER}(?: ${DAYS})?(?: net)?${FROM_INVOICE}`, (g) => ({
    kind: 'net',
    days: num(g[1]),
  })),
  // "30 jours nets", "30 j nets", "30J", "30 days net", "60 jours date de facture", "30 nets"
  rule(`${PREFIX}${NUMBER}(?: ${DAYS}(?: ${NET})?| ${NET})${FROM_INVOICE}`, (g) => ({
    kind: 'net',
    days: num(g[1]),
  })),
  // "60 jours nets le 15", "net 60 days on the 15th"
  rule(`${PREFIX}(?:net ${NUMBER}(?: ${DAYS})?|${NUMBER} ${DAYS}(?: ${NET})?) ${DAY_OF_MONTH}`, (g) => ({
    kind: 'net_day',
    days: num(g[1] ?? g[2]),
    dayOfMonth: num(g[3]),
  })),
  // "45 jours fin de mois", "45 j fdm", "45 days end of month", "45 jours fin de mois méthode B"
  rule(`${PREFIX}${NUMBER}(?: ${DAYS})? ${EOM}${FROM_INVOICE}${METHOD}`, (g) => ({
    kind: 'eom',
    days: num(g[1]),
    method: g[2] === 'b' ? 'B' : 'A',
  })),
  // "fin de mois puis 45 jours", "end of month then 45 days": method B spelled out
  rule(`${PREFIX}${EOM} (?:puis|then) ${NUMBER}(?: ${DAYS})?`, (g) => ({
    kind: 'eom',
    days: num(g[1]),
    method: 'B',
  })),
  // "30 jours fin de mois + 10 jours", "fin de mois + 10", "end of month + 10 days"
  rule(`${PREFIX}(?:${NUMBER}(?: ${DAYS})? )?${EOM} ${PLUS} ${NUMBER}(?: ${DAYS})?`, (g) => ({
    kind: 'eom_plus',
    days: num(g[1], 0),
    plusDays: num(g[2]),
  })),
  // "30 jours fin de mois le 10", "fin de mois le 10": the 10th of the following month
  rule(`${PREFIX}(?:${NUMBER}(?: ${DAYS})? )?${EOM} ${DAY_OF_MONTH}`, (g) => {
    const dayOfMonth = num(g[2]);
    if (!(dayOfMonth >= 1 && dayOfMonth <= MAX_EOM_DAY_OF_MONTH)) return null;
    return { kind: 'eom_plus', days: num(g[1], 0), plusDays: dayOfMonth };
  }),
  rule(`${PREFIX}${EOM}`, () => ({ kind: 'eom', days: 0, method: 'A' })),
];

function normaliseWording(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`´]/g, ' ')
    .replace(/[(),;:.!]/g, ' ')
    .replace(/\+/g, ' + ')
    .replace(/([a-z])-(?=[a-z])/g, '$1 ')
    .replace(/(\d)(?=[a-z])/g, '$1 ')
    .replace(/([a-z])(?=\d)/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Parses a canonical spec ("eom:45") or a common French/English wording ("45 jours fin de mois",
 * "net 30", "à réception"). Returns null when the text is not understood: a wrong guess would
 * silently move every due date of the customer.
 */
export function parsePaymentTerms(text: string): PaymentTerms | null {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  for (const { pattern, build } of CANONICAL_RULES) {
    const match = pattern.exec(compact);
    if (match) return checked(build(match.slice(1).map(Number)));
  }
  const wording = normaliseWording(text);
  for (const { pattern, build } of WORDING_RULES) {
    const match = pattern.exec(wording);
    if (!match) continue;
    const terms = build(match);
    return terms ? checked(terms) : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Formatting

function assertValid(terms: PaymentTerms): PaymentTerms {
  if (!isValidPaymentTerms(terms)) throw new RangeError(`invalid payment terms: ${JSON.stringify(terms)}`);
  return terms;
}

export function formatPaymentTermsSpec(terms: PaymentTerms): string {
  assertValid(terms);
  switch (terms.kind) {
    case 'net':
      return `net:${terms.days}`;
    case 'eom':
      return terms.method === 'A' ? `eom:${terms.days}` : `eom_b:${terms.days}`;
    case 'eom_plus':
      return `eom_plus:${terms.days}:${terms.plusDays}`;
    case 'net_day':
      return `net_day:${terms.days}:${terms.dayOfMonth}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Due dates

/** The first date on or after `date` whose day is `dayOfMonth`, clamped to short months. */
function nextDayOfMonth(date: IsoDate, dayOfMonth: number): IsoDate {
  const { year, month, day } = splitDate(date);
  const targetThisMonth = Math.min(dayOfMonth, daysInMonth(year, month));
  if (day <= targetThisMonth) return fromYmd(year, month, targetThisMonth);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return fromYmd(nextYear, nextMonth, Math.min(dayOfMonth, daysInMonth(nextYear, nextMonth)));
}

export function computeDueDate(issueDate: IsoDate, terms: PaymentTerms | string): IsoDate {
  assertIsoDate(issueDate);
  const parsed = typeof terms === 'string' ? parsePaymentTerms(terms) : assertValid(terms);
  if (!parsed) throw new RangeError(`unknown payment terms: ${JSON.stringify(terms)}`);
  switch (parsed.kind) {
    case 'net':
      return addDays(issueDate, parsed.days);
    case 'eom':
      return parsed.method === 'A'
        ? endOfMonth(addDays(issueDate, parsed.days))
        : addDays(endOfMonth(issueDate), parsed.days);
    case 'eom_plus':
      return addDays(endOfMonth(addDays(issueDate, parsed.days)), parsed.plusDays);
    case 'net_day':
      return nextDayOfMonth(addDays(issueDate, parsed.days), parsed.dayOfMonth);
  }
}

export interface LegalTermsCheck {
  ok: boolean;
  /** Latest due date the law allows: the later of issue + 60 days and 45 days end of month (A). */
  limitDate: IsoDate;
}

/**
 * French L441-10 I: an agreed term may not exceed 60 days after the issue date or, if so
 * stipulated, 45 days end of month. The contract is not known here, so either bound is accepted.
 */
export function maxLegalTermsCheck(issueDate: IsoDate, dueDate: IsoDate): LegalTermsCheck {
  assertIsoDate(issueDate);
  assertIsoDate(dueDate);
  const netLimit = addDays(issueDate, LEGAL_MAX_NET_DAYS);
  const endOfMonthLimit = endOfMonth(addDays(issueDate, LEGAL_MAX_EOM_DAYS));
  const limitDate = maxDate(netLimit, endOfMonthLimit);
  return { ok: dueDate <= limitDate, limitDate };
}
