import { describe, expect, it } from 'vitest';
import { rateGapLines, semesterRunWords, semesterWords } from './rate-gaps.ts';

describe('rate gaps in words', () => {
  it('names a half-year in words, never by its key', () => {
    expect(semesterWords('fr', '2026H2')).toBe('2nd semestre 2026');
    expect(semesterWords('fr', '2027H1')).toBe('1er semestre 2027');
    expect(semesterWords('en', '2026H2')).toBe('second half of 2026');
  });

  it('says one sentence per run of missing half-years', () => {
    const gaps = { missingEcb: ['2014H2', '2015H1', '2015H2', '2026H2'], missingLegal: ['2023H1', '2023H2'] };
    expect(rateGapLines('fr', gaps).map((line) => line.text)).toEqual([
      'Taux BCE manquants du 2nd semestre 2014 au 2nd semestre 2015 (3 semestres)',
      'Taux BCE du 2nd semestre 2026 manquant',
      'Taux d’intérêt légal manquant du 1er semestre 2023 au 2nd semestre 2023 (2 semestres)',
    ]);
    expect(rateGapLines('en', { missingEcb: ['2026H2'], missingLegal: [] })[0]?.text).toBe(
      'ECB rate of the second half of 2026 missing',
    );
  });

  it('names a run of half-years for the table’s row, without the sentence', () => {
    expect(semesterRunWords('fr', { from: '2026H2', to: '2026H2', count: 1 })).toBe('2nd semestre 2026');
    expect(semesterRunWords('fr', { from: '2019H1', to: '2020H2', count: 4 })).toBe(
      '1er semestre 2019 – 2nd semestre 2020 (4 semestres)',
    );
    expect(semesterRunWords('en', { from: '2019H1', to: '2020H2', count: 4 })).toBe(
      'first half of 2019 – second half of 2020 (4 half-years)',
    );
  });
});
