/**
 * French company identifiers: SIREN (9 digits) and SIRET (14 digits) end with a Luhn key; the
 * intra-community VAT number is derived from the SIREN.
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

/** "FR" + key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatNumber(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}
