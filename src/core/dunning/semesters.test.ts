import { describe, expect, it } from 'vitest';
import {
  isKnowableSemester,
  latestKnowableSemester,
  nextSemesterStart,
  parseSemester,
  semesterOf,
  semesterStart,
  validateRateTable,
} from './semesters.ts';

describe('half-years', () => {
  it('runs 1 January–30 June and 1 July–31 December', () => {
    expect(['2025-01-01', '2025-06-30', '2025-07-01', '2025-12-31'].map(semesterOf)).toEqual([
      '2025H1',
      '2025H1',
      '2025H2',
      '2025H2',
    ]);
    expect([
      nextSemesterStart('2025-06-30'),
      nextSemesterStart('2025-07-01'),
      semesterStart('2026H2'),
    ]).toEqual(['2025-07-01', '2026-01-01', '2026-07-01']);
    expect(() => semesterStart('2026-H2')).toThrow(RangeError);
  });

  it('reads a half-year as French and the reference tables write it, as its key', () => {
    for (const text of [
      '2026H2',
      '2026h2',
      'S2 2026',
      's2 2026',
      '2026S2',
      '2026 S2',
      ' S2-2026 ',
      'H2 2026',
    ])
      expect(parseSemester(text)).toBe('2026H2');
    expect(parseSemester('S1 2027')).toBe('2027H1');
    for (const text of ['', '2026', 'S3 2026', '2026H3', '26S2', 'S2 2026 S1', '2026-07', 'second 2026'])
      expect(parseSemester(text)).toBeNull();
  });

  it('knows a half-year’s rate up to the next half-year, never later', () => {
    // The ECB rate in force on 1 July 2026 is decided by then; the one of 1 January 2027 is not.
    expect(latestKnowableSemester('2026-06-30')).toBe('2026H2');
    expect(latestKnowableSemester('2026-07-01')).toBe('2027H1');
    expect(
      ['2014H1', '2026H1', '2026H2', '2027H1', '2027H2'].map((s) => isKnowableSemester(s, '2026-06-30')),
    ).toEqual([true, true, true, false, false]);
    expect(isKnowableSemester('2027H1', '2026-12-31')).toBe(true);
  });

  it('validates the rate table an admin enters', () => {
    const problems = validateRateTable([
      { semester: '2025H1', ecbMainRefinancingRateBps: 315, legalInterestRateBps: 371 },
      { semester: '2025H1', ecbMainRefinancingRateBps: 315, legalInterestRateBps: null },
      { semester: '2025H3', ecbMainRefinancingRateBps: 215, legalInterestRateBps: null },
      { semester: '2025H2', ecbMainRefinancingRateBps: 2.15, legalInterestRateBps: -1 },
    ]);
    expect(problems).toEqual([
      { code: 'duplicate_semester', semester: '2025H1' },
      { code: 'invalid_semester', semester: '2025H3' },
      { code: 'invalid_rate', semester: '2025H2' },
    ]);
  });
});
