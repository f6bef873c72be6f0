/**
 * How a company numbers its invoices, learned from its own references: the year and a sequence
 * number ("F2026-001331": the year first, the number zero-padded to six digits; "FA-1331/2026":
 * the number first). Payers often write only the number and the year (« facture 1331 du 2026 »),
 * which the references' keys (references.ts) cannot meet; with the numbering, such a reading gives
 * the digits the invoice's reference has (core/cash/year-number.ts reads them in the text), and a
 * document found by them is checked to be numbered so.
 */

export interface Numbering {
  /** The year comes before the number ("F2026-001331"), or after it ("FA-1331/2026"). */
  yearFirst: boolean;
  /** The year as four digits ("2026") or two ("26"). */
  yearDigits: 2 | 4;
  /** The widths the number may be zero-padded to, 0 for not padded, most likely first. */
  numberWidths: readonly number[];
  /** The share of the references read that follow it (0–1). */
  share: number;
}

/** A reference's year (four digits) and sequence number, as its numbering reads them. */
export interface NumberedRef {
  year: number;
  number: number;
}

interface Shape extends NumberedRef {
  /** The letters before the numbers (« F », « FA »), upper case; empty when there are none. */
  prefix: string;
  yearFirst: boolean;
  yearDigits: 2 | 4;
  /** The number as written, its zeros included. */
  numberText: string;
}

const SEPARATOR = String.raw`[\s/_.-]`;
const YEAR_FIRST = new RegExp(String.raw`^([A-Z]{0,6})${SEPARATOR}?(\d{4}|\d{2})(${SEPARATOR}?)(\d{1,8})$`);
const NUMBER_FIRST = new RegExp(String.raw`^([A-Z]{0,6})${SEPARATOR}?(\d{1,8})${SEPARATOR}(\d{4}|\d{2})$`);
/** A numbering worth trying is followed by this share of the references at least. */
const MIN_SHARE = 0.1;
const MIN_REFS = 3;

/** A four-digit year an invoice of today may carry. */
export const plausibleYear = (year: number) => year >= 1990 && year <= 2099;

function yearOf(text: string): number | null {
  const value = Number(text);
  if (text.length === 2) return 2000 + value;
  return plausibleYear(value) ? value : null;
}

function yearFirstShape(text: string): Shape | null {
  const match = YEAR_FIRST.exec(text);
  if (!match) return null;
  const [, prefix = '', yearText = '', between = '', numberText = ''] = match;
  const year = yearOf(yearText);
  // Digits alone ("2026001331") or a two-digit year run into its number say nothing sure.
  const told = yearText.length === 4 ? prefix !== '' || between !== '' : between !== '';
  if (year === null || !told || Number(numberText) <= 0) return null;
  return {
    prefix,
    yearFirst: true,
    yearDigits: yearText.length === 4 ? 4 : 2,
    year,
    number: Number(numberText),
    numberText,
  };
}

function numberFirstShape(text: string): Shape | null {
  const match = NUMBER_FIRST.exec(text);
  if (!match) return null;
  const [, prefix = '', numberText = '', yearText = ''] = match;
  const year = yearOf(yearText);
  if (year === null || Number(numberText) <= 0) return null;
  return {
    prefix,
    yearFirst: false,
    yearDigits: yearText.length === 4 ? 4 : 2,
    year,
    number: Number(numberText),
    numberText,
  };
}

/** The reference's shape; a four-digit year is surer than two digits ("FA-98/2025": 98 of 2025). */
function shapeOf(ref: string): Shape | null {
  const text = ref.trim().toUpperCase();
  const shapes = [yearFirstShape(text), numberFirstShape(text)].filter((shape) => shape !== null);
  return shapes.find((shape) => shape.yearDigits === 4) ?? shapes[0] ?? null;
}

/** The year and number of a reference numbered as a company numbers its invoices, else null. */
export function numberedRef(ref: string): NumberedRef | null {
  const shape = shapeOf(ref);
  return shape ? { year: shape.year, number: shape.number } : null;
}

/**
 * The reference as a payer wrote it is this one with more zeros before its number (« F2026-0001564 »
 * for « F2026-001564 »): the same letters, year and number, in the same order, the number written
 * wider. Its digits are not the reference's, so only the numbering finds it (numberedDigits).
 */
export function writtenWider(written: string, ref: string): boolean {
  const typed = shapeOf(written);
  const own = shapeOf(ref);
  return (
    typed !== null &&
    own !== null &&
    typed.prefix !== '' &&
    typed.prefix === own.prefix &&
    typed.yearFirst === own.yearFirst &&
    typed.yearDigits === own.yearDigits &&
    typed.year === own.year &&
    typed.number === own.number &&
    typed.numberText.length > own.numberText.length
  );
}

/**
 * The numberings a set of the company's invoice references follow, most followed first: each
 * followed by a tenth of them at least. A number written with leading zeros tells its width; when
 * none is, numbers all of one length may still be padded to it, so both are tried.
 */
export function learnNumberings(refs: Iterable<string>): Numbering[] {
  let total = 0;
  const byShape = new Map<
    string,
    { yearFirst: boolean; yearDigits: 2 | 4; lengths: Map<number, number>; padded: boolean; count: number }
  >();
  for (const ref of refs) {
    total++;
    const shape = shapeOf(ref);
    if (!shape) continue;
    const key = `${shape.yearFirst}|${shape.yearDigits}`;
    const entry = byShape.get(key) ?? {
      yearFirst: shape.yearFirst,
      yearDigits: shape.yearDigits,
      lengths: new Map<number, number>(),
      padded: false,
      count: 0,
    };
    entry.count++;
    entry.lengths.set(shape.numberText.length, (entry.lengths.get(shape.numberText.length) ?? 0) + 1);
    if (shape.numberText.startsWith('0')) entry.padded = true;
    byShape.set(key, entry);
  }
  return [...byShape.values()]
    .filter((entry) => entry.count >= MIN_REFS && entry.count >= MIN_SHARE * total)
    .sort((a, b) => b.count - a.count)
    .map((entry) => {
      const [width = 0] = [...entry.lengths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [];
      const numberWidths = entry.padded ? [width] : entry.lengths.size === 1 ? [0, width] : [0];
      return {
        yearFirst: entry.yearFirst,
        yearDigits: entry.yearDigits,
        numberWidths,
        share: entry.count / total,
      };
    });
}

/**
 * The digits (no leading zeros) the reference of the invoice of this year and number has under
 * each numbering: the keys the documents' digits are indexed by (references.ts digitsKey).
 */
export function numberedDigits(numbered: NumberedRef, numberings: readonly Numbering[]): string[] {
  const keys = new Set<string>();
  for (const numbering of numberings) {
    const year = String(numbering.yearDigits === 4 ? numbered.year : numbered.year % 100).padStart(
      numbering.yearDigits,
      '0',
    );
    const number = String(numbered.number);
    for (const width of numbering.numberWidths) {
      if (width > 0 && number.length > width) continue;
      const padded = number.padStart(width, '0');
      const digits = (numbering.yearFirst ? year + padded : padded + year).replace(/^0+/, '');
      if (digits.length >= 5) keys.add(digits);
    }
  }
  return [...keys];
}
