/**
 * References in bank text: the payer types an invoice number as they like ("FACT F2024-00123",
 * "F 2024 00123", "202400123"), a structured creditor reference wraps it (RF18 …). Both sides are
 * reduced to keys — letters and digits only, and the digits alone — that meet in an index.
 */
import { normalizeText } from './names.ts';

/** Letters and digits of a reference, upper case: "f2024-00123" → "F202400123". */
export function refKey(ref: string): string {
  return normalizeText(ref).replace(/ /g, '');
}

/** The digits of a reference without leading zeros, when there are enough of them to mean something. */
export function digitsKey(ref: string): string | null {
  const digits = ref.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length >= 5 ? digits : null;
}

/** ISO 11649 "RF" creditor reference → the reference it carries ("RF18539007547034" → "539007547034"). */
export function unwrapCreditorReference(text: string): string | null {
  const compact = text.replace(/\s/g, '').toUpperCase();
  return /^RF\d{2}[A-Z0-9]{1,21}$/.test(compact) ? compact.slice(4) : null;
}

/**
 * Keys a text may contain: each word, each pair and triple of neighbouring words run together
 * (a reference split by spaces), and their digits; short or purely alphabetic words are left out
 * (they are names, not references).
 */
export function referenceKeysOf(text: string): string[] {
  const words = normalizeText(text).split(' ').filter(Boolean);
  const keys = new Set<string>();
  const add = (candidate: string) => {
    if (candidate.length >= 4 && /\d/.test(candidate)) keys.add(candidate);
    const digits = digitsKey(candidate);
    if (digits) keys.add(`#${digits}`);
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    add(word);
    const unwrapped = unwrapCreditorReference(word);
    if (unwrapped) add(unwrapped);
    if (index + 1 < words.length) add(word + (words[index + 1] ?? ''));
    if (index + 2 < words.length) add(word + (words[index + 1] ?? '') + (words[index + 2] ?? ''));
  }
  return [...keys];
}

/** The keys under which a document reference is indexed (the digits key prefixed with '#'). */
export function indexKeysOfRef(ref: string): string[] {
  const digits = digitsKey(ref);
  return digits ? [refKey(ref), `#${digits}`] : [refKey(ref)];
}
