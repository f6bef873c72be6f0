import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateByWeights,
  assertSafeMinor,
  currencyExponent,
  formatMoney,
  isCurrencyCode,
  minorToDecimalString,
  parseAmountToMinor,
} from './money.ts';

const EUR = { exponent: 2 };
const JPY = { exponent: 0 };
const KWD = { exponent: 3 };

/** Intl separates thousands with narrow no-break spaces (U+202F) and the symbol with U+00A0. */
function normaliseSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('currencies', () => {
  it('knows exponents', () => {
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('jpy')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
  });

  it('guards the safe-integer range', () => {
    expect(assertSafeMinor(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => assertSafeMinor(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => assertSafeMinor(1.5)).toThrow(RangeError);
    expect(() => assertSafeMinor(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseAmountToMinor', () => {
  it.each([
    ['1234.56', 123456],
    ['1 234,56', 123456],
    ['1\u202f234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ["1'234.56", 123456],
    ['-12,5', -1250],
    ['12,50-', -1250],
    ['(12.50)', -1250],
    ['+3', 300],
    ['€ 12,00', 1200],
    ['12,00 EUR', 1200],
    ['1.234.567', 123456700],
    ['1,234,567.89', 123456789],
    ['1,234', 123400],
    ['1,005', 100500],
    ['0,5', 50],
    ['.5', 50],
    ['12,500', 1250000],
    ['0,10', 10],
    ['-0', 0],
    ['90071992547409.91', 9007199254740991],
    ['-90071992547409.91', -9007199254740991],
  ])('%j → %d (EUR)', (text, expected) => {
    expect(parseAmountToMinor(text, EUR)).toBe(expected);
  });

  it.each([
    '0,001',
    '1234,567',
    'abc',
    '',
    '-',
    '12a',
    '1.2.3',
    '12.34,56',
    '1,234,56',
    '90071992547409.92',
    '99999999999999999',
  ])('%j → null (EUR)', (text) => {
    expect(parseAmountToMinor(text, EUR)).toBeNull();
  });

  it('uses the currency exponent', () => {
    expect(parseAmountToMinor('1234', JPY)).toBe(1234);
    expect(parseAmountToMinor('1,234', JPY)).toBe(1234);
    expect(parseAmountToMinor('1.234.567', JPY)).toBe(1234567);
    expect(parseAmountToMinor('12,5', JPY)).toBeNull();
    expect(parseAmountToMinor('12.00', JPY)).toBe(12);
    expect(parseAmountToMinor('1,234', KWD)).toBe(1234);
    expect(parseAmountToMinor('1.234,567', KWD)).toBe(1234567);
  });

  it('honours a forced decimal separator', () => {
    expect(parseAmountToMinor('1,234', { exponent: 3, decimalSeparator: '.' })).toBe(1234000);
    expect(parseAmountToMinor('1.234', { exponent: 3, decimalSeparator: '.' })).toBe(1234);
    expect(parseAmountToMinor('1.234,5', { exponent: 2, decimalSeparator: ',' })).toBe(123450);
  });

  it('round trips minorToDecimalString exactly, even for large amounts', () => {
    const amountArb = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(amountArb, (amountMinor) => {
        expect(parseAmountToMinor(minorToDecimalString(amountMinor, 'EUR'), EUR)).toBe(amountMinor);
        expect(parseAmountToMinor(minorToDecimalString(amountMinor, 'JPY'), JPY)).toBe(amountMinor);
      }),
    );
  });
});

describe('minorToDecimalString', () => {
  it('places the decimal point by currency', () => {
    expect(minorToDecimalString(123450, 'EUR')).toBe('1234.50');
    expect(minorToDecimalString(-5, 'EUR')).toBe('-0.05');
    expect(minorToDecimalString(0, 'EUR')).toBe('0.00');
    expect(minorToDecimalString(1234, 'JPY')).toBe('1234');
    expect(minorToDecimalString(1234, 'KWD')).toBe('1.234');
    expect(minorToDecimalString(9007199254740991, 'EUR')).toBe('90071992547409.91');
  });

  it('refuses fractional or unsafe amounts', () => {
    expect(() => minorToDecimalString(1.5, 'EUR')).toThrow(RangeError);
    expect(() => minorToDecimalString(2 ** 53, 'EUR')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats in French by default', () => {
    expect(normaliseSpaces(formatMoney(123450, 'EUR'))).toBe('1 234,50 €');
    expect(normaliseSpaces(formatMoney(-5, 'EUR'))).toBe('-0,05 €');
    expect(normaliseSpaces(formatMoney(1234, 'JPY'))).toBe('1 234 JPY');
    expect(normaliseSpaces(formatMoney(9007199254740991, 'EUR'))).toBe('90 071 992 547 409,91 €');
  });

  it('follows other locales', () => {
    expect(formatMoney(123450, 'EUR', 'en-US')).toBe('€1,234.50');
    expect(formatMoney(123450, 'USD', 'en-US')).toBe('$1,234.50');
  });
});

describe('allocateByWeights', () => {
  it('splits with the largest remainder, ties to the earliest weight', () => {
    expect(allocateByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateByWeights(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocateByWeights(-1, [1, 1])).toEqual([-1, 0]);
    expect(allocateByWeights(10, [0, 1])).toEqual([0, 10]);
    expect(allocateByWeights(7, [0.1, 0.2, 0.3])).toEqual([1, 2, 4]);
  });

  it('is exact for tiny and huge weights', () => {
    expect(allocateByWeights(1e15, [4e-7, 1])).toEqual([399999840, 999999600000160]);
    expect(allocateByWeights(10, [1e-300, 1e300])).toEqual([0, 10]);
    expect(allocateByWeights(10, [1e-12, 1e-12])).toEqual([5, 5]);
    expect(allocateByWeights(10, [Number.MAX_VALUE, Number.MAX_VALUE])).toEqual([5, 5]);
  });

  it('rejects impossible splits', () => {
    expect(() => allocateByWeights(10, [])).toThrow(RangeError);
    expect(() => allocateByWeights(10, [0, 0])).toThrow(RangeError);
    expect(() => allocateByWeights(10, [-1, 2])).toThrow(RangeError);
    expect(() => allocateByWeights(10, [Number.NaN])).toThrow(RangeError);
    expect(() => allocateByWeights(10, [Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => allocateByWeights(1.5, [1])).toThrow(RangeError);
  });

  it('parts sum to the total and stay within 1 of their exact share', () => {
    const weightArb = fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: 0, max: 1e-6, noNaN: true }),
    );
    const weightsArb = fc
      .array(weightArb, { minLength: 1, maxLength: 12 })
      .filter((weights) => weights.some((weight) => weight > 0));
    const totalArb = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(totalArb, weightsArb, (totalMinor, weights) => {
        const parts = allocateByWeights(totalMinor, weights);
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(totalMinor);
        const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
        parts.forEach((part, index) => {
          expect(Number.isSafeInteger(part)).toBe(true);
          expect(Object.is(part, -0)).toBe(false);
          if (totalMinor !== 0) expect(Math.sign(part) * Math.sign(totalMinor)).toBeGreaterThanOrEqual(0);
          // Float shares are approximate on large totals; allow for their rounding error.
          const exactShare = (totalMinor * (weights[index] ?? 0)) / weightSum;
          expect(Math.abs(part - exactShare)).toBeLessThanOrEqual(1 + Math.abs(totalMinor) * 1e-12);
        });
      }),
    );
  });

  it('matches an exact rational share check with BigInt for integer weights', () => {
    const weightsArb = fc
      .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 })
      .filter((weights) => weights.some((weight) => weight > 0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), weightsArb, (totalMinor, weights) => {
        const parts = allocateByWeights(totalMinor, weights);
        const weightSum = BigInt(weights.reduce((sum, weight) => sum + weight, 0));
        parts.forEach((part, index) => {
          // |part − total·w/W| < 1  ⇔  |part·W − total·w| < W
          const difference = BigInt(part) * weightSum - BigInt(totalMinor) * BigInt(weights[index] ?? 0);
          expect(difference < weightSum && -difference < weightSum).toBe(true);
        });
      }),
    );
  });
});
