import { describe, expect, it } from 'vitest';
import { salesVolumeError, VOLUME_HISTORY_WEEKS } from './sales-volume.ts';

describe('salesVolumeError', () => {
  const twoYears = (thisYear: (week: number) => number, yearBefore: (week: number) => number) =>
    Array.from({ length: VOLUME_HISTORY_WEEKS }, (_, week) =>
      week < 52 ? thisYear(week) : yearBefore(week),
    );

  it('is 0 when each year invoices the same', () => {
    expect(
      salesVolumeError(
        twoYears(
          () => 1_000,
          () => 1_000,
        ),
      ),
    ).toBe(0);
  });

  it('counts a steady growth as the error it makes, since the future sales repeat last year', () => {
    expect(
      salesVolumeError(
        twoYears(
          () => 1_100,
          () => 1_000,
        ),
      ),
    ).toBeCloseTo(0.1, 10);
  });

  it('reads four-week sums: a week moved to the next cancels within most windows', () => {
    // Every other week invoices double and the next nothing: weekly errors of ±100 %.
    const error = salesVolumeError(
      twoYears(
        (week) => (week % 2 === 0 ? 2_000 : 0),
        () => 1_000,
      ),
    );
    expect(error).toBe(0);
  });

  it('says nothing without a year before to compare with', () => {
    expect(
      salesVolumeError(
        twoYears(
          () => 1_000,
          () => 0,
        ),
      ),
    ).toBe(0);
    // Ten windows of four weeks have a year before (weeks 52–64): under the thirteen needed.
    expect(
      salesVolumeError(
        twoYears(
          () => 1_000,
          (week) => (week < 65 ? 500 : 0),
        ),
      ),
    ).toBe(0);
  });
});
