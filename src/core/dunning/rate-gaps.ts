/**
 * The holes of the half-year rate table: the half-years from the first one entered up to the
 * current one that have no row (no ECB rate: the late-payment interest of their days cannot be
 * computed), and the rows without the legal interest rate (the floor of a contractual rate is
 * unknown: contractual interest of that half-year cannot be computed). The table is data an admin
 * enters; this only says what is missing, so that the rates page can ask for it before a run does.
 */
import type { IsoDate } from '../types.ts';
import { nextSemesterStart, type SemesterKey, semesterOf, semesterStart } from './semesters.ts';

export interface RateGaps {
  /** The current half-year: the table should reach it. */
  through: SemesterKey;
  /** Half-years from the first row to `through` with no row, in order. */
  missingEcb: SemesterKey[];
  /** Half-years up to `through` whose row has no legal interest rate, in order. */
  missingLegal: SemesterKey[];
}

export function rateGaps(
  rows: readonly { semester: SemesterKey; legalInterestRateBps: number | null }[],
  today: IsoDate,
): RateGaps {
  const through = semesterOf(today);
  const known = new Set(rows.map((row) => row.semester));
  const first = [...known].sort()[0] ?? through;
  const missingEcb: SemesterKey[] = [];
  for (let day = semesterStart(first); semesterOf(day) <= through; day = nextSemesterStart(day))
    if (!known.has(semesterOf(day))) missingEcb.push(semesterOf(day));
  const missingLegal = rows
    .filter((row) => row.legalInterestRateBps === null && row.semester <= through)
    .map((row) => row.semester)
    .sort();
  return { through, missingEcb, missingLegal };
}

/** Consecutive half-years grouped into runs (« du 2nd semestre 2014 au 2nd semestre 2022 »). */
export function semesterRuns(
  semesters: readonly SemesterKey[],
): { from: SemesterKey; to: SemesterKey; count: number }[] {
  const runs: { from: SemesterKey; to: SemesterKey; count: number }[] = [];
  for (const semester of [...semesters].sort()) {
    const last = runs.at(-1);
    if (last && semesterOf(nextSemesterStart(semesterStart(last.to))) === semester) {
      last.to = semester;
      last.count += 1;
    } else runs.push({ from: semester, to: semester, count: 1 });
  }
  return runs;
}
