import { describe, expect, it } from 'vitest';
import { nextSemesterStart, semesterOf, semesterStart, validateRateTable } from './semesters.ts';

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
