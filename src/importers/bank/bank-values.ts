/** Exact amounts, dates and account identifiers of bank files. */
import { isValidIsoDate } from '#core/calendar';
import { validIban } from '#core/iban';
import { currencyExponent, isCurrencyCode } from '#core/money';

/**
 * A decimal amount as banks write it ("8.85", "18.150", "200000", "3,1") to minor units of the
 * currency, exactly. Extra decimals are accepted only when they are zeros ("18.150" is 18.15 €);
 * a significant digit below the currency's unit is refused (null) rather than rounded: a bank
 * statement that rounds would no longer add up, and guessing would hide it.
 */
export function decimalToMinor(text: string, currency: string): number | null {
  const match = /^\s*([+-]?)(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const fraction = match[3] ?? '';
  if (/[1-9]/.test(fraction.slice(exponent))) return null;
  const digits = `${match[2]}${fraction.slice(0, exponent).padEnd(exponent, '0')}`;
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return match[1] === '-' ? -value : value;
}

/** The currency code of an attribute or element, upper case, or null when it is not one. */
export function currencyOf(text: string | null | undefined): string | null {
  const code = (text ?? '').trim().toUpperCase();
  return isCurrencyCode(code) ? code : null;
}

/** 'YYYY-MM-DD' from an ISO date or date-time as written (the date the bank wrote, not shifted to UTC). */
export function isoDatePart(text: string | null | undefined): string | null {
  const date = (text ?? '').trim().slice(0, 10);
  return isValidIsoDate(date) ? date : null;
}

/** 'DDMMYY' (CFONB) to 'YYYY-MM-DD'; years 00–69 are 20xx, 70–99 19xx. */
export function ddmmyyToIso(text: string): string | null {
  if (!/^\d{6}$/.test(text)) return null;
  const year = Number(text.slice(4, 6));
  const date = `${year < 70 ? 2000 + year : 1900 + year}-${text.slice(2, 4)}-${text.slice(0, 2)}`;
  return isValidIsoDate(date) ? date : null;
}

const RIB_LETTERS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ['AJ', '1'],
    ['BKS', '2'],
    ['CLT', '3'],
    ['DMU', '4'],
    ['ENV', '5'],
    ['FOW', '6'],
    ['GPX', '7'],
    ['HQY', '8'],
    ['IRZ', '9'],
  ].flatMap(([letters, digit]) => [...(letters ?? '')].map((letter) => [letter, digit ?? '0'])),
);

function mod97(digits: string): number {
  let rest = 0;
  for (const char of digits) rest = (rest * 10 + Number(char)) % 97;
  return rest;
}

/**
 * The IBAN of a French account from its RIB (bank 5, branch 5, account 11), the RIB key computed
 * when not given: CFONB and French OFX files name the account that way, and the same account
 * must be recognised whichever format the bank sent.
 */
export function ibanFromFrenchRib(
  bank: string,
  branch: string,
  account: string,
  key?: string,
): string | null {
  const accountDigits = account.toUpperCase().replace(/[A-Z]/g, (letter) => RIB_LETTERS[letter] ?? '0');
  if (!/^\d{5}$/.test(bank) || !/^\d{5}$/.test(branch) || !/^\d{11}$/.test(accountDigits)) return null;
  const ribKey =
    key && /^\d{2}$/.test(key)
      ? key
      : String(97 - mod97(`${bank}${branch}${accountDigits}00`)).padStart(2, '0');
  const bban = `${bank}${branch}${account.toUpperCase()}${ribKey}`;
  const numeric = `${bban}FR00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  const check = String(98 - mod97(numeric)).padStart(2, '0');
  return validIban(`FR${check}${bban}`);
}

/** Text with runs of spaces collapsed, trimmed; null when nothing is left. */
export function cleanText(text: string | null | undefined): string | null {
  const cleaned = (text ?? '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}
