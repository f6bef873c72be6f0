/**
 * French company identifiers for generated customers: SIREN (9 digits, Luhn key), SIRET (SIREN + 5
 * digits, Luhn over all 14) and the intra-community VAT number derived from the SIREN.
 * Identifiers are derived from the customer index through a bijection, so they never collide.
 */

import { frenchVatNumber, isLuhnValid, luhnCheckDigit } from '../core/company-ids.ts';

export { frenchVatNumber, isLuhnValid, luhnCheckDigit };

const SCRAMBLE_MODULUS = 10_000_000;
// Odd and not a multiple of 5, hence coprime with 10^7: index → body is a bijection.
const SCRAMBLE_MULTIPLIER = 7_919_737;
const PRIVATE_LEADING_DIGITS = ['3', '4', '5', '7', '8'] as const;

/**
 * SIREN for the customer at `index` (< 10^7). Public bodies start with 2 like French local
 * authorities; companies start with one of the digits common for private firms.
 */
export function sirenForIndex(index: number, isPublicBody: boolean, salt = 0): string {
  if (!Number.isSafeInteger(index) || index < 0 || index >= SCRAMBLE_MODULUS) {
    throw new RangeError(`customer index out of range for SIREN generation: ${index}`);
  }
  const scrambled = (index * SCRAMBLE_MULTIPLIER + 1_234_567 + salt) % SCRAMBLE_MODULUS;
  const leading = isPublicBody ? '2' : PRIVATE_LEADING_DIGITS[index % PRIVATE_LEADING_DIGITS.length];
  const body = `${leading}${String(scrambled).padStart(7, '0')}`;
  return body + String(luhnCheckDigit(body));
}

/** SIRET of establishment number `establishment` (1 = head office) of a SIREN. */
export function siretFor(siren: string, establishment: number): string {
  const body = siren + String(establishment).padStart(4, '0');
  return body + String(luhnCheckDigit(body));
}

/** Customer code "C00001" from a 1-based number. */
export function customerCodeFor(number: number): string {
  return `C${String(number).padStart(5, '0')}`;
}
