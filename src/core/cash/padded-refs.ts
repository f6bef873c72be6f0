/**
 * Invoice references written with more zeros before one of their numbers than the invoice has
 * (« FC26-00412 » for « FC26-412 » or « FC26-0412 »), whatever letters the company puts before
 * its numbers. No list of words says which letters an invoice's are: the reader keeps, from a bank
 * text, each word shaped as a reference (letters, then numbers joined by separators) with a number
 * that starts with a zero — the only way to write one wider — and the company's own references
 * decide what it names: an invoice whose reference has the same letters and the same numbers, one
 * of them with fewer zeros, found by the digits it would have (references.ts digitsKey). An amount,
 * a date, a phone number or an IBAN has no such letters glued before its digits (« EUR 412,00 »,
 * « 06.12.34.56.78 », « FR76 3000 6000 … ») or runs over the eight digits of a number
 * (« FR7630006000011234567890189 »); one that does names nothing unless the company's own
 * reference is it with fewer zeros, and the reading then counts only when it names exactly one
 * open invoice (year-number-hits.ts corroboratedHits).
 */
import type { RefHit } from './identify.ts';
import { refKey } from './references.ts';

/** Letters, then numbers of one to eight digits joined by a separator, alone as a word. */
const SHAPED = /(?<![A-Z0-9])[A-Z]{1,6}[/_.-]?\d{1,8}(?:[/_.-]\d{1,8})*(?![A-Z0-9]|[/_.,-]\d)/g;
const SHAPE = /^([A-Z]{1,6})[/_.-]?(\d{1,8}(?:[/_.-]\d{1,8})*)$/;
/** Digit keys shorter than this name nothing (references.ts digitsKey). */
const MIN_KEY_DIGITS = 5;

interface Shape {
  letters: string;
  numbers: string[];
}

function shapeOf(text: string): Shape | null {
  const match = SHAPE.exec(text.trim().toUpperCase());
  if (!match) return null;
  const [, letters = '', numbers = ''] = match;
  return { letters, numbers: numbers.split(/[/_.-]/) };
}

/** A number written with zeros that may be more than the invoice's own: « 00412 », not « 0 » or « 000 ». */
const mayBeWider = (number: string) => /^0+[1-9]/.test(number);

/**
 * The words of a bank text that may be a reference written wider (upper case, accents dropped),
 * once each, in the order written.
 */
export function readPaddedRefs(text: string): string[] {
  const upper = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase();
  const words = new Set<string>();
  for (const [word] of upper.matchAll(SHAPED)) if (shapeOf(word)?.numbers.some(mayBeWider)) words.add(word);
  return [...words];
}

/**
 * The digit keys (no leading zeros) of the references the word may write wider: each of its
 * numbers that starts with a zero, written with one zero less, two…, down to none.
 */
export function paddedRefDigits(written: string): string[] {
  const shape = shapeOf(written);
  if (!shape) return [];
  const keys = new Set<string>();
  shape.numbers.forEach((number, at) => {
    for (let zeros = 1; mayBeWider(number.slice(zeros - 1)); zeros++) {
      const numbers = shape.numbers.with(at, number.slice(zeros));
      const digits = numbers.join('').replace(/^0+/, '');
      if (digits.length >= MIN_KEY_DIGITS) keys.add(digits);
    }
  });
  return [...keys];
}

/**
 * The word is this reference with more zeros before one of its numbers: the same letters, as many
 * numbers, all written alike but that one, whose value is the same (the separators may differ).
 */
export function padsRef(written: string, ref: string): boolean {
  const typed = shapeOf(written);
  const own = shapeOf(ref);
  if (typed === null || own === null || typed.letters !== own.letters) return false;
  if (typed.numbers.length !== own.numbers.length) return false;
  const differing = typed.numbers.flatMap((number, at) => (number === own.numbers[at] ? [] : [at]));
  if (differing.length !== 1) return false;
  const at = differing[0] as number;
  const wide = typed.numbers[at] as string;
  const narrow = own.numbers[at] as string;
  return (
    wide.length > narrow.length &&
    /^0+$/.test(wide.slice(0, wide.length - narrow.length)) &&
    wide.endsWith(narrow)
  );
}

/**
 * The documents the words write wider, typed as written (`padded`), without those the text names
 * already. A word that is itself a reference the text names (its letters and digits) is that
 * document's, and names no other.
 */
export function paddedRefHits(
  words: readonly string[],
  found: (written: string) => readonly { documentId: number; customerCode: string; externalRef: string }[],
  named: readonly RefHit[],
): RefHit[] {
  const seen = new Set(named.map((hit) => hit.documentId));
  const namedKeys = new Set(named.map((hit) => refKey(hit.ref)));
  const hits: RefHit[] = [];
  for (const written of words) {
    if (namedKeys.has(refKey(written))) continue;
    for (const document of found(written)) {
      if (seen.has(document.documentId) || !padsRef(written, document.externalRef)) continue;
      seen.add(document.documentId);
      hits.push({
        customerCode: document.customerCode,
        documentId: document.documentId,
        ref: document.externalRef,
        viaDigits: false,
        typed: written,
        padded: true,
      });
    }
  }
  return hits;
}
