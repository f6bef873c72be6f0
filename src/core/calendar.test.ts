import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  assertIsoDate,
  daysBetween,
  daysInMonth,
  endOfMonth,
  fromDayNumber,
  fromYmd,
  isoWeekday,
  isValidIsoDate,
  maxDate,
  minDate,
  monthKey,
  splitDate,
  startOfMonth,
  toDayNumber,
} from './calendar.ts';

// Run under a zone with daylight saving so that any accidental local-time arithmetic would show.
const originalTimeZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  if (originalTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalTimeZone;
});

const dateArb = fc
  .integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') })
  .map(fromDayNumber);

describe('validation', () => {
  it('accepts real dates only', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
    expect(isValidIsoDate('2025-04-31')).toBe(false);
    expect(isValidIsoDate('2025-13-01')).toBe(false);
    expect(isValidIsoDate('2025-00-10')).toBe(false);
    expect(isValidIsoDate('2025-01-00')).toBe(false);
    expect(isValidIsoDate('2025-1-5')).toBe(false);
    expect(isValidIsoDate('2025-01-05T00:00:00Z')).toBe(false);
    expect(isValidIsoDate('')).toBe(false);
  });

  it('takes years below 100 literally', () => {
    // Date.UTC would read year 0 as 1900, which is not a leap year.
    expect(isValidIsoDate('0000-02-29')).toBe(true);
    expect(isValidIsoDate('0100-02-29')).toBe(false);
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(fromDayNumber(toDayNumber('0050-06-15'))).toBe('0050-06-15');
  });

  it('converts day numbers exactly as the Date arithmetic it replaced, years 0–9999', () => {
    const viaDate = (dayNumber: number) => {
      const date = new Date(dayNumber * 86_400_000);
      return `${String(date.getUTCFullYear()).padStart(4, '0')}-${date.toISOString().slice(5, 10)}`;
    };
    const first = toDayNumber('0000-01-01');
    const last = toDayNumber('9999-12-31');
    expect([first, last]).toEqual([-719_528, 2_932_896]);
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (dayNumber) => {
        const date = fromDayNumber(dayNumber);
        expect(date).toBe(viaDate(dayNumber));
        expect(toDayNumber(date)).toBe(dayNumber);
      }),
      { numRuns: 5_000 },
    );
    // Days and months past their end roll over as Date rolls them.
    expect(toDayNumber('2025-02-30')).toBe(toDayNumber('2025-03-02'));
    expect(toDayNumber('2024-02-30')).toBe(toDayNumber('2024-03-01'));
    expect(toDayNumber('2025-13-01')).toBe(toDayNumber('2026-01-01'));
    expect(toDayNumber('2025-01-00')).toBe(toDayNumber('2024-12-31'));
  });

  it('assertIsoDate throws a RangeError', () => {
    expect(assertIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(() => assertIsoDate('2023-02-29')).toThrow(RangeError);
  });
});

describe('day numbers', () => {
  it('counts days since the epoch', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(() => toDayNumber('2024/02/29')).toThrow(RangeError);
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });

  it('round trips every date', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(fromDayNumber(toDayNumber(date))).toBe(date);
      }),
    );
  });
});

describe('leap years and month lengths', () => {
  it('knows February', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
    expect(daysInMonth(2025, 12)).toBe(31);
  });

  it('computes month boundaries', () => {
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2023-02-10')).toBe('2023-02-28');
    expect(endOfMonth('2025-12-31')).toBe('2025-12-31');
    expect(startOfMonth('2025-12-31')).toBe('2025-12-01');
    expect(monthKey('2025-12-31')).toBe('2025-12');
    expect(splitDate('2025-07-04')).toEqual({ year: 2025, month: 7, day: 4 });
    expect(fromYmd(25, 7, 4)).toBe('0025-07-04');
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });
});

describe('addMonths', () => {
  it('clamps to the length of the target month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('crosses years in both directions', () => {
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-01-15', -25)).toBe('2022-12-15');
    expect(addMonths('2025-06-15', 0)).toBe('2025-06-15');
  });

  it('keeps the day when it exists and moves the month exactly', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -240, max: 240 }), (date, months) => {
        const result = addMonths(date, months);
        const before = splitDate(date);
        const after = splitDate(result);
        expect(after.year * 12 + after.month - (before.year * 12 + before.month)).toBe(months);
        expect(after.day).toBe(Math.min(before.day, daysInMonth(after.year, after.month)));
      }),
    );
  });
});

describe('daysBetween', () => {
  it('is not affected by daylight-saving changes', () => {
    // Europe/Paris: clocks go forward on 2025-03-30 and back on 2025-10-26.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-03-30', '2025-03-31')).toBe(1);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
    expect(daysBetween('2025-10-26', '2025-10-27')).toBe(1);
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-10-27', -2)).toBe('2025-10-25');
  });

  it('is signed and consistent with addDays', () => {
    expect(daysBetween('2025-03-31', '2025-03-29')).toBe(-2);
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
        expect(Number.isInteger(daysBetween(date, addDays(date, days)))).toBe(true);
      }),
    );
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2025-01-06')).toBe(1); // Monday
    expect(isoWeekday('2025-01-11')).toBe(6);
    expect(isoWeekday('2025-01-12')).toBe(7); // Sunday
    expect(isoWeekday('1970-01-01')).toBe(4); // Thursday
    expect(isoWeekday('2024-02-29')).toBe(4);
    expect(isoWeekday('2025-03-30')).toBe(7); // DST change day in Paris
  });

  it('advances by one each day', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(isoWeekday(addDays(date, 1))).toBe((isoWeekday(date) % 7) + 1);
      }),
    );
  });
});

describe('minDate / maxDate', () => {
  it('compares ISO strings', () => {
    expect(minDate('2025-01-02', '2024-12-31')).toBe('2024-12-31');
    expect(maxDate('2025-01-02', '2024-12-31')).toBe('2025-01-02');
  });
});
