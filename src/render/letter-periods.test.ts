import { describe, expect, it } from 'vitest';
import { type LetterInterestPeriod, printedPeriods } from './letter-model.ts';

const period = (from: string, to: string, days: number, openMinor: number, rateBps: number) => ({
  from,
  to,
  days,
  openMinor,
  rateBps,
});
/** The sum the interest is computed from (open × rate × days, rounded once): merging must keep it. */
const numerator = (periods: readonly LetterInterestPeriod[]) =>
  periods.reduce((sum, p) => sum + p.openMinor * p.rateBps * p.days, 0);

describe('the interest periods a letter prints', () => {
  it('reads one line across a half-year boundary where the rate did not change', () => {
    const periods = [
      period('2025-11-15', '2025-12-31', 47, 100_000, 1_215),
      period('2026-01-01', '2026-03-31', 90, 100_000, 1_215),
    ];
    const printed = printedPeriods(periods);
    expect(printed).toEqual([period('2025-11-15', '2026-03-31', 137, 100_000, 1_215)]);
    expect(numerator(printed)).toBe(numerator(periods));
  });

  it('keeps a line per rate, per open amount and across a gap', () => {
    const periods = [
      period('2025-05-01', '2025-06-30', 61, 100_000, 1_240),
      period('2025-07-01', '2025-09-10', 72, 100_000, 1_215),
      period('2025-09-11', '2025-12-31', 112, 60_000, 1_215),
      period('2026-01-05', '2026-01-31', 27, 60_000, 1_215),
    ];
    expect(printedPeriods(periods)).toEqual(periods);
  });
});
