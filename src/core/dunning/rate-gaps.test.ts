import { describe, expect, it } from 'vitest';
import { rateGaps, semesterRuns } from './rate-gaps.ts';

/** The shipped table (migration 0008): 2014H1, then 2023H1 to 2026H1; no legal rate for 2023. */
const SHIPPED = [
  { semester: '2014H1', legalInterestRateBps: 4 },
  { semester: '2023H1', legalInterestRateBps: null },
  { semester: '2023H2', legalInterestRateBps: null },
  { semester: '2024H1', legalInterestRateBps: 507 },
  { semester: '2024H2', legalInterestRateBps: 492 },
  { semester: '2025H1', legalInterestRateBps: 371 },
  { semester: '2025H2', legalInterestRateBps: 276 },
  { semester: '2026H1', legalInterestRateBps: 262 },
];

describe('rate table gaps', () => {
  it('finds the half-years missing from the first row to the current one, and the rows without a legal rate', () => {
    const gaps = rateGaps(SHIPPED, '2026-12-06');
    expect(gaps.through).toBe('2026H2');
    expect(gaps.missingEcb).toEqual([
      '2014H2',
      ...['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022'].flatMap((y) => [
        `${y}H1`,
        `${y}H2`,
      ]),
      '2026H2',
    ]);
    expect(gaps.missingLegal).toEqual(['2023H1', '2023H2']);
  });

  it('has nothing to say of a table that reaches the current half-year without a hole', () => {
    const rows = SHIPPED.slice(3);
    expect(rateGaps(rows, '2026-06-30')).toEqual({ through: '2026H1', missingEcb: [], missingLegal: [] });
    // A half-year entered ahead is no hole, nor asked for its legal rate yet.
    expect(
      rateGaps([...rows, { semester: '2027H1', legalInterestRateBps: null }], '2026-06-30').missingLegal,
    ).toEqual([]);
  });

  it('asks for the current half-year of an empty table', () => {
    expect(rateGaps([], '2026-07-01').missingEcb).toEqual(['2026H2']);
  });

  it('groups consecutive half-years into runs', () => {
    expect(semesterRuns(['2026H2', '2014H2', '2015H1', '2015H2', '2016H1'])).toEqual([
      { from: '2014H2', to: '2016H1', count: 4 },
      { from: '2026H2', to: '2026H2', count: 1 },
    ]);
  });
});
