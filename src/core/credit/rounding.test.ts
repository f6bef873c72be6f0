import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratioBps, roundDiv, roundedCombination } from './rounding.ts';

describe('exact rounding', () => {
  it('rounds half away from zero, on both signs', () => {
    expect([
      roundDiv(5n, 2n),
      roundDiv(-5n, 2n),
      roundDiv(5n, -2n),
      roundDiv(7n, 3n),
      roundDiv(-8n, 3n),
    ]).toEqual([3n, -3n, -3n, 2n, -3n]);
    expect(() => roundDiv(1n, 0n)).toThrow(RangeError);
  });

  it('gives ratios in basis points and null on a zero denominator', () => {
    expect([ratioBps(1, 3), ratioBps(2, 3), ratioBps(-1, 3), ratioBps(120, 670), ratioBps(5, 0)]).toEqual([
      3_333,
      6_667,
      -3_333,
      1_791,
      null,
    ]);
  });

  it('rounds a combination once, not term by term', () => {
    // 1/3 + 1/3 + 1/3 = 1 exactly; rounding each third to 0.33 first would give 0.99.
    const third = { coefficient: 1, numerator: 1, denominator: 3 };
    expect(roundedCombination([third, third, third], 100)).toBe(100);
    // 0.125 = 1/8 → 0.13 at two decimals (half away from zero), where float rounding of 0.125×100 is exact too.
    expect(roundedCombination([{ coefficient: 1, numerator: 1, denominator: 8 }], 100)).toBe(13);
    expect(roundedCombination([{ coefficient: 1, numerator: 1, denominator: 0 }], 100)).toBeNull();
  });

  it('is within half a unit of the exact quotient (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n),
        (numerator, denominator) => {
          const quotient = roundDiv(numerator, denominator);
          const error = quotient * denominator - numerator;
          const absError = error < 0n ? -error : error;
          const absDenominator = denominator < 0n ? -denominator : denominator;
          expect(absError * 2n <= absDenominator).toBe(true);
        },
      ),
    );
  });
});
