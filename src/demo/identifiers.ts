/**
 * French company identifiers for generated customers: SIREN (9 digits, Luhn key), SIRET (SIREN + 5
 * digits, Luhn over all 14) and the intra-community VAT number derived from the SIREN.
 * Identifiers are derived from the customer index through a bijection, so they never collide.
 */

/** The digit that makes `digits + key` pass the Luhn check. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Walking from the right, the key will sit at position 0, so the doubled digits are the odd ones here.
  for (let offset = 0; offset < digits.length; offset++) {
    let digit = Number(digits[digits.length - 1 - offset]);
    if (offset % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits[digits.length - 1]);
}

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

/** "FR" + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatNumber(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

/** Customer code "C00001" from a 1-based number. */
export function customerCodeFor(number: number): string {
  return `C${String(number).padStart(5, '0')}`;
}
