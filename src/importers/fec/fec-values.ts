/**
 * FEC header and cell values: the columns of article A47 A-1 of the Livre des procédures
 * fiscales (18, or 22 for the BA/BNC variant), amounts with a decimal comma, optionally padded
 * with spaces or zeros and a sign position (" 000000000001437,12"), and dates YYYYMMDD.
 */
import { fromYmd, isValidIsoDate } from '../../core/calendar.ts';
import { FEC_REQUIRED_COLUMNS } from '../../core/fec/fec-format.ts';
import type { IsoDate } from '../../core/types.ts';

export { FEC_REQUIRED_COLUMNS };
export const FEC_OPTIONAL_COLUMNS = ['DateRglt', 'ModeRglt', 'NatOp', 'IdClient'] as const;

export type FecColumn = (typeof FEC_REQUIRED_COLUMNS)[number] | (typeof FEC_OPTIONAL_COLUMNS)[number];
export type FecSeparator = '\t' | '|';

const KNOWN_BY_KEY = new Map<string, FecColumn>(
  [...FEC_REQUIRED_COLUMNS, ...FEC_OPTIONAL_COLUMNS].map((name) => [normaliseHeader(name), name]),
);

function normaliseHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export interface FecHeader {
  separator: FecSeparator;
  /** Column index of every known column found. */
  indexOf: Partial<Record<FecColumn, number>>;
  /** Number of columns a data line must have (a trailing empty field is tolerated on top). */
  width: number;
  unknownColumns: string[];
  missingColumns: FecColumn[];
}

/** Tab or pipe, whichever the header line uses most. */
export function detectFecSeparator(headerText: string): FecSeparator {
  const tabs = headerText.split('\t').length;
  const pipes = headerText.split('|').length;
  return pipes > tabs ? '|' : '\t';
}

/** Splits a line, dropping one trailing separator (an empty last field beyond the header width). */
export function splitFecLine(text: string, separator: FecSeparator, width: number): string[] {
  const fields = text.split(separator);
  while (fields.length > width && fields[fields.length - 1]?.trim() === '') fields.pop();
  return fields;
}

export function readFecHeader(headerText: string): FecHeader {
  const separator = detectFecSeparator(headerText);
  const names = headerText.split(separator).map((name) => name.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const indexOf: Partial<Record<FecColumn, number>> = {};
  const unknownColumns: string[] = [];
  names.forEach((name, index) => {
    const column = KNOWN_BY_KEY.get(normaliseHeader(name));
    if (column && indexOf[column] === undefined) indexOf[column] = index;
    else unknownColumns.push(name);
  });
  const missingColumns = FEC_REQUIRED_COLUMNS.filter((column) => indexOf[column] === undefined);
  return { separator, indexOf, width: names.length, unknownColumns, missingColumns };
}

const AMOUNT = /^([+-]?)0*(\d*)(?:[,.](\d*))?$/;

/**
 * Parses a FEC amount into minor units (2 decimals), exactly. Returns null when it is not an
 * amount or carries a non-zero third decimal. An empty cell is 0 (some exports leave the unused
 * side blank).
 */
export function parseFecAmount(text: string): number | null {
  const simple = parsePlainAmount(text);
  if (simple !== null) return simple;
  const compact = text.includes(' ') || text.includes('\u00a0') ? text.replace(/[\s\u00a0]/g, '') : text;
  if (compact === '') return 0;
  const match = AMOUNT.exec(compact);
  if (!match) return null;
  const units = match[2] ?? '';
  const decimals = match[3] ?? '';
  if (units === '' && decimals === '' && !/0/.test(compact)) return null;
  if (/[1-9]/.test(decimals.slice(2))) return null;
  const minor = Number(units || '0') * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return match[1] === '-' && minor !== 0 ? -minor : minor;
}

/**
 * The shape nearly every cell has ("1437,12", "0,00", "12.3"): unsigned digits and at most two
 * decimals, read without a regular expression or intermediate strings. Anything else → null, and
 * the general parser decides.
 */
function parsePlainAmount(text: string): number | null {
  const length = text.length;
  if (length === 0 || length > 13) return null;
  let units = 0;
  let index = 0;
  for (; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) break;
    units = units * 10 + (code - 48);
  }
  if (index === 0) return null;
  if (index === length) return units * 100;
  const mark = text.charCodeAt(index);
  const decimals = length - index - 1;
  if ((mark !== 44 && mark !== 46) || decimals < 1 || decimals > 2) return null;
  const first = text.charCodeAt(index + 1) - 48;
  const second = decimals === 2 ? text.charCodeAt(index + 2) - 48 : 0;
  if (first < 0 || first > 9 || second < 0 || second > 9) return null;
  return units * 100 + first * 10 + second;
}

// A ledger has few distinct dates and millions of lines: each text is checked once.
const DATE_CACHE = new Map<string, IsoDate | null>();
const DATE_CACHE_LIMIT = 100_000;

/** YYYYMMDD (the decree's format); also YYYY-MM-DD and DD/MM/YYYY, which some exports write. */
export function parseFecDate(text: string): IsoDate | null {
  const cached = DATE_CACHE.get(text);
  if (cached !== undefined) return cached;
  const date = parseDateUncached(text);
  if (DATE_CACHE.size >= DATE_CACHE_LIMIT) DATE_CACHE.clear();
  DATE_CACHE.set(text, date);
  return date;
}

function parseDateUncached(text: string): IsoDate | null {
  let iso: string | null = null;
  if (/^\d{8}$/.test(text)) iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = text;
  else {
    const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
    if (match) iso = fromYmd(Number(match[3]), Number(match[2]), Number(match[1]));
  }
  return iso !== null && isValidIsoDate(iso) ? iso : null;
}
