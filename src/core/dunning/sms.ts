/**
 * SMS-ready text: the GSM 03.38 7-bit alphabet, so that a reminder fits one 160-character SMS
 * without switching the phone network to UCS-2 (70 characters). French typography outside the
 * alphabet (apostrophes, no-break spaces, circumflex accents, ç) is mapped to its nearest letter.
 */

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters sent as an escape and a code: two septets each. */
const EXTENSION = '^{}\\[~]|€\f';

const REPLACEMENTS: Record<string, string> = {
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '’': "'",
  '‘': "'",
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  â: 'a',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  ô: 'o',
  û: 'u',
  ç: 'Ç',
  À: 'A',
  Â: 'A',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ï: 'I',
  Ô: 'O',
  Ù: 'U',
  Û: 'U',
  œ: 'oe',
  Œ: 'OE',
};

/** The text in the GSM 7-bit alphabet; what has no equivalent becomes '?'. */
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text) {
    const mapped = REPLACEMENTS[char] ?? char;
    for (const c of mapped) out += BASIC.includes(c) || EXTENSION.includes(c) ? c : '?';
  }
  return out;
}

/** Septets the text takes (an extension character counts two). */
export function gsm7Length(text: string): number {
  let length = 0;
  for (const char of text) length += EXTENSION.includes(char) ? 2 : 1;
  return length;
}

export const SMS_MAX_SEPTETS = 160;
