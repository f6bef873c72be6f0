/**
 * Money as integer minor units. Amounts are JavaScript numbers guarded to the safe-integer
 * range; conversion from text is exact string arithmetic, never through floats.
 */
import type { CurrencyCode } from './types.ts';

/** ISO 4217 exponents that differ from 2. */
const CURRENCY_EXPONENTS: Record<string, number> = {
  JPY: 0,
  KRW: 0,
  CLP: 0,
  ISK: 0,
  XOF: 0,
  XAF: 0,
  XPF: 0,
  VND: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  TND: 3,
  JOD: 3,
  IQD: 3,
  LYD: 3,
};

export function currencyExponent(currency: CurrencyCode): number {
  return CURRENCY_EXPONENTS[currency.toUpperCase()] ?? 2;
}

export function isCurrencyCode(text: string): boolean {
  return /^[A-Z]{3}$/.test(text);
}

export function assertSafeMinor(amountMinor: number): number {
  if (!Number.isSafeInteger(amountMinor))
    throw new RangeError(`amount out of the safe integer range: ${amountMinor}`);
  return amountMinor;
}

export interface ParseAmountOptions {
  /** Number of decimals of the currency (2 for EUR). */
  exponent: number;
  /** Force the decimal separator; by default the last '.' or ',' followed by 1–3 digits… see below. */
  decimalSeparator?: '.' | ',';
}

/**
 * Parses a human-written decimal amount into minor units, exactly.
 * Accepts "1234.56", "1 234,56", "1.234,56", "1,234.56", "-12,5", "12,50-", "(12.50)", "+3", "€ 12,00".
 * With no forced separator, the last '.' or ',' is the decimal separator when it is followed by
 * at most `exponent` digits and the other separator does not follow it; a lone separator followed
 * by exactly three digits with other groups before it ("1.234.567") is a thousands separator.
 * Returns null when the text is not an amount or has more decimals than the currency allows.
 */
export function parseAmountToMinor(text: string, options: ParseAmountOptions): number | null {
  let cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f']/g, '')
    .replace(/[€$£]|EUR|USD|GBP|CHF/gi, '');
  let negative = false;
  if (/^\(.*\)$/.test(cleaned)) {
    negative = true;
    cleaned = cleaned.slice(1, -1);
  }
  if (cleaned.endsWith('-')) {
    negative = !negative;
    cleaned = cleaned.slice(0, -1);
  }
  if (cleaned.startsWith('-')) {
    negative = !negative;
    cleaned = cleaned.slice(1);
  } else if (cleaned.startsWith('+')) {
    cleaned = cleaned.slice(1);
  }
  if (!/^[0-9.,]+$/.test(cleaned) || !/[0-9]/.test(cleaned)) return null;
  const separator = options.decimalSeparator ?? guessDecimalSeparator(cleaned, options.exponent);
  let integerPart = cleaned;
  let fractionPart = '';
  if (separator) {
    const at = cleaned.lastIndexOf(separator);
    if (at >= 0) {
      integerPart = cleaned.slice(0, at);
      fractionPart = cleaned.slice(at + 1);
    }
  }
  if (/[.,]/.test(fractionPart) || !hasValidGrouping(integerPart)) return null;
  integerPart = integerPart.replace(/[.,]/g, '');
  fractionPart = fractionPart.replace(/0+$/, '');
  if (fractionPart.length > options.exponent) return null;
  const digits = (integerPart || '0') + fractionPart.padEnd(options.exponent, '0');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return null;
  return negative && value !== 0 ? -value : value;
}

function guessDecimalSeparator(text: string, exponent: number): '.' | ',' | null {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot < 0 && lastComma < 0) return null;
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const separator = lastDot >= 0 ? '.' : ',';
  const occurrences = text.split(separator).length - 1;
  const decimals = text.length - text.lastIndexOf(separator) - 1;
  // "1.234.567" or "1,234" with several groups of three: thousands separators.
  if (occurrences > 1) return null;
  // "1,234" is a thousand; "0,001" or "1234,567" cannot be a thousands grouping, so the separator
  // stays decimal and the amount is rejected for having too many decimals instead of misread.
  if (decimals === 3 && exponent < 3 && /^[1-9]\d{0,2}$/.test(text.slice(0, text.indexOf(separator)))) {
    return null;
  }
  return separator;
}

/**
 * The integer part may only keep thousands separators in well-formed groups of three, all the
 * same, so that "1.2.3" or "12.34,56" are rejected rather than read as 123 or 1234.56.
 */
function hasValidGrouping(integerPart: string): boolean {
  if (!/[.,]/.test(integerPart)) return true;
  return /^[1-9]\d{0,2}(\.\d{3})+$/.test(integerPart) || /^[1-9]\d{0,2}(,\d{3})+$/.test(integerPart);
}

/** Minor units → decimal string with '.' ("-1234.50"), for JSON-free text and CSV exports. */
export function minorToDecimalString(amountMinor: number, currency: CurrencyCode): string {
  // A fractional "minor" amount would print as garbage such as "0.1.5".
  assertSafeMinor(amountMinor);
  const exponent = currencyExponent(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Formats for humans with the locale's conventions ("1 234,50 €" in French). */
export function formatMoney(amountMinor: number, currency: CurrencyCode, locale = 'fr-FR'): string {
  const exponent = currencyExponent(currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl accepts decimal strings, which keeps large amounts exact.
  return formatter.format(minorToDecimalString(amountMinor, currency) as unknown as number);
}

/**
 * Splits `totalMinor` in proportion to `weights` with the largest-remainder method, so the parts
 * always add up to the total exactly and each part is within one minor unit of its exact share.
 * Ties go to the earliest weight.
 */
export function allocateByWeights(totalMinor: number, weights: readonly number[]): number[] {
  assertSafeMinor(totalMinor);
  if (weights.length === 0) throw new RangeError('no weights to allocate to');
  if (weights.some((weight) => weight < 0 || !Number.isFinite(weight)))
    throw new RangeError('weights must be ≥ 0');
  if (weights.every((weight) => weight === 0)) throw new RangeError('weights sum to zero');
  const sign = totalMinor < 0 ? -1 : 1;
  const absoluteTotal = BigInt(Math.abs(totalMinor));
  // Exact integer images of the weights: rounding them (e.g. to 1e-6) would let tiny weights
  // drift from their share on large totals, or even make the sum zero.
  const scaledWeights = exactScaledWeights(weights);
  const scaledSum = scaledWeights.reduce((sum, weight) => sum + weight, 0n);
  const parts = scaledWeights.map((weight) => (absoluteTotal * weight) / scaledSum);
  const remainders = scaledWeights.map((weight, index) => ({
    index,
    remainder: (absoluteTotal * weight) % scaledSum,
  }));
  let leftover = absoluteTotal - parts.reduce((sum, part) => sum + part, 0n);
  remainders.sort((a, b) =>
    b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index,
  );
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  // `part === 0n` avoids returning -0 for a negative total.
  return parts.map((part) => (part === 0n ? 0 : sign * Number(part)));
}

/** Every finite double is mantissa × 2^exponent exactly; bring all weights to a common exponent. */
function exactScaledWeights(weights: readonly number[]): bigint[] {
  const decomposed = weights.map(decomposeDouble);
  const nonZero = decomposed.filter((entry) => entry.mantissa !== 0n);
  const minExponent = Math.min(...nonZero.map((entry) => entry.exponent));
  return decomposed.map((entry) =>
    entry.mantissa === 0n ? 0n : entry.mantissa << BigInt(entry.exponent - minExponent),
  );
}

function decomposeDouble(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // Subnormals have no implicit leading 1 and a fixed exponent.
  if (biasedExponent === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biasedExponent - 1075 };
}
