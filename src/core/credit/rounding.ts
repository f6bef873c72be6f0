/**
 * Exact rounding for ratios and scores. Inputs are integers (minor units, weights, points), so a
 * ratio or a weighted sum is a rational number: computing it on bigints and rounding once, half
 * away from zero, gives the same figure on every machine and never an off-by-one-cent surprise
 * from binary floating point (15.975 must not print as 15.97).
 */

/** numerator / denominator rounded half away from zero; denominator must not be 0. */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const absNumerator = numerator < 0n ? -numerator : numerator;
  const absDenominator = denominator < 0n ? -denominator : denominator;
  const quotient = (absNumerator * 2n + absDenominator) / (absDenominator * 2n);
  return negative ? -quotient : quotient;
}

/** A term `coefficient × numerator / denominator` of an exact linear combination. */
export interface RationalTerm {
  coefficient: number;
  numerator: number;
  denominator: number;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function toBigInt(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer: ${value}`);
  return BigInt(value);
}

/**
 * round(scale × Σ coefficient·numerator/denominator), computed exactly; null when a denominator
 * is 0 (the combination is undefined, which callers report as such rather than as zero).
 */
export function roundedCombination(terms: readonly RationalTerm[], scale: number): number | null {
  if (terms.some((term) => term.denominator === 0)) return null;
  let common = 1n;
  for (const term of terms) {
    const denominator = toBigInt(term.denominator, 'denominator');
    common = (common * denominator) / gcd(common, denominator);
  }
  let numerator = 0n;
  for (const term of terms) {
    numerator +=
      toBigInt(term.coefficient, 'coefficient') *
      toBigInt(term.numerator, 'numerator') *
      (common / BigInt(term.denominator));
  }
  const rounded = roundDiv(numerator * toBigInt(scale, 'scale'), common);
  return Number(rounded);
}

/** numerator / denominator in basis points, rounded half away from zero; null when denominator is 0. */
export function ratioBps(numerator: number, denominator: number): number | null {
  return roundedCombination([{ coefficient: 1, numerator, denominator }], 10_000);
}
