import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreeingWithMedian, mixDays, recalibratedDays, recordWeight } from './dated-levels.ts';

const sortedDays = fc
  .array(fc.integer({ min: 0, max: 400 }), { minLength: 10, maxLength: 100 })
  .map((days) => [...days].sort((a, b) => a - b));
/** Three probabilities P(late) ≥ P(> 30) ≥ P(> 60), rounded like calibrate's. */
const levels = fc
  .array(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 })
  .map((values) => [...values].sort((a, b) => b - a).map((v) => v / 1000))
  .map(([late, over30, over60]) => ({
    probabilityLate: late as number,
    probabilityOver30: over30 as number,
    probabilityOver60: over60 as number,
  }));

const shareAfter = (days: readonly number[], limit: number) =>
  days.filter((d) => d > limit).length / days.length;
const median = (days: readonly number[]) => days[Math.round(0.5 * (days.length - 1))] as number;

describe('the days a recalibration moves', () => {
  it('keeps them sorted and of the days given, and the median after the due date exactly when P(late) ≥ 0.5', () => {
    fc.assert(
      fc.property(sortedDays, fc.integer({ min: 0, max: 400 }), levels, (days, due, target) => {
        const moved = recalibratedDays(days, due, target);
        expect(moved).toHaveLength(days.length);
        expect(moved).toEqual([...moved].sort((a, b) => a - b));
        for (const day of moved) expect(days).toContain(day);
        for (const limit of [due, due + 30, due + 60])
          expect(shareAfter(moved, limit) >= 0.5).toBe(median(moved) > limit);
      }),
    );
  });

  it('lands on the recalibrated shares when the days leave room for them', () => {
    // One candidate a day from day 1 to day 100, due on day 40: raw P(late) 0.6, target 0.3.
    const days = Array.from({ length: 100 }, (_, i) => i + 1);
    const moved = recalibratedDays(days, 40, {
      probabilityLate: 0.3,
      probabilityOver30: 0.1,
      probabilityOver60: 0,
    });
    expect(shareAfter(moved, 40)).toBeCloseTo(0.3, 2);
    expect(shareAfter(moved, 70)).toBeCloseTo(0.1, 2);
    expect(shareAfter(moved, 100)).toBe(0);
  });
});

describe('the probabilities held on the median’s side', () => {
  it('say late (≥ 0.5) exactly when the median is after the due date, at 0, 30 and 60 days, in order', () => {
    fc.assert(
      fc.property(levels, fc.integer({ min: -100, max: 200 }), (raw, medianAfterDue) => {
        const p = agreeingWithMedian(raw, 1000 + medianAfterDue, 1000);
        expect(p.probabilityLate >= 0.5).toBe(medianAfterDue > 0);
        expect(p.probabilityOver30 >= 0.5).toBe(medianAfterDue > 30);
        expect(p.probabilityOver60 >= 0.5).toBe(medianAfterDue > 60);
        expect(p.probabilityLate).toBeGreaterThanOrEqual(p.probabilityOver30);
        expect(p.probabilityOver30).toBeGreaterThanOrEqual(p.probabilityOver60);
      }),
    );
  });
});

describe('the record mixed into the habits', () => {
  it('weighs the record from 0 at the first age to 1 at the full one, whole when replacing', () => {
    const blend = { ageFromDays: 30, ageMode: 'blend', fullAgeDays: 180, calibration: 'dates' } as const;
    expect(recordWeight(blend, 29)).toBe(0);
    expect(recordWeight(blend, 105)).toBe(0.5);
    expect(recordWeight(blend, 400)).toBe(1);
    expect(recordWeight({ ...blend, ageMode: 'replace' }, 30)).toBe(1);
  });

  it('gives sorted days, the record’s share of them from the record', () => {
    fc.assert(
      fc.property(
        sortedDays,
        sortedDays,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (habits, record, weight) => {
          const mixed = mixDays(habits, record, weight);
          expect(mixed).toEqual([...mixed].sort((a, b) => a - b));
          const fromRecord = Math.round(weight * 100);
          if (fromRecord > 0 && fromRecord < 100) expect(mixed).toHaveLength(100);
        },
      ),
    );
  });
});
