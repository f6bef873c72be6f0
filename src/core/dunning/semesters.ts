/**
 * Calendar half-years and the table of their rates. C. com. L441-10 fixes the late-payment rate
 * on 1 January for the first half-year and on 1 July for the second, so the half-year is the unit
 * every rate is looked up by. The table is data entered by an admin, never fetched nor hard-coded.
 */
import { fromYmd, isValidIsoDate, splitDate } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

/** 'YYYYH1' (1 January–30 June) or 'YYYYH2' (1 July–31 December), as in the reference tables. */
export type SemesterKey = string;

const SEMESTER_KEY = /^(\d{4})H([12])$/;

export function isSemesterKey(text: string): boolean {
  return SEMESTER_KEY.test(text);
}

/** Year first (« 2026S2 », « 2026 H2 », « 2026-S2 ») or half first (« S2 2026 », « H2/2026 »). */
const YEAR_FIRST = /^(\d{4})[-/]?[HS]([12])$/;
const HALF_FIRST = /^[HS]([12])[-/]?(\d{4})$/;

/**
 * A half-year as a person types it, as its key: French writes « S2 2026 » or « 2026S2 » (semestre),
 * the reference tables « 2026H2 »; case and spaces do not count. Null when it is none of these.
 */
export function parseSemester(text: string): SemesterKey | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  const yearFirst = YEAR_FIRST.exec(compact);
  if (yearFirst) return `${yearFirst[1]}H${yearFirst[2]}`;
  const halfFirst = HALF_FIRST.exec(compact);
  return halfFirst ? `${halfFirst[2]}H${halfFirst[1]}` : null;
}

export function semesterOf(date: IsoDate): SemesterKey {
  const { year, month } = splitDate(date);
  return `${String(year).padStart(4, '0')}H${month <= 6 ? 1 : 2}`;
}

export function semesterStart(semester: SemesterKey): IsoDate {
  const match = SEMESTER_KEY.exec(semester);
  if (!match) throw new RangeError(`not a half-year key (YYYYH1|YYYYH2): ${JSON.stringify(semester)}`);
  return fromYmd(Number(match[1]), match[2] === '1' ? 1 : 7, 1);
}

/** First day of the half-year after the one `date` falls in. */
export function nextSemesterStart(date: IsoDate): IsoDate {
  const { year, month } = splitDate(date);
  return month <= 6 ? fromYmd(year, 7, 1) : fromYmd(year + 1, 1, 1);
}

/**
 * The latest half-year whose rate can be known on `today`: the next one. Its rate is the ECB rate
 * in force on its first day, decided at most a few weeks before; a later half-year's is not known.
 */
export function latestKnowableSemester(today: IsoDate): SemesterKey {
  return semesterOf(nextSemesterStart(today));
}

/** Whether a half-year's rate can be entered on `today`: it starts no later than the next one. */
export function isKnowableSemester(semester: SemesterKey, today: IsoDate): boolean {
  return semesterStart(semester) <= nextSemesterStart(today);
}

/** One half-year of the rate table. */
export interface SemesterRateRow {
  semester: SemesterKey;
  /** ECB main refinancing operations rate in force on the half-year's first day. */
  ecbMainRefinancingRateBps: number;
  /** Taux d'intérêt légal (professional creditors) of the half-year; null when not entered. */
  legalInterestRateBps: number | null;
}

export type RateTableProblemCode = 'invalid_semester' | 'duplicate_semester' | 'invalid_rate';

export interface RateTableProblem {
  code: RateTableProblemCode;
  semester: string;
}

/** Rates are whole basis points; the ECB rate was negative only for the deposit facility, never the MRO. */
function isValidRateBps(rateBps: number): boolean {
  return Number.isSafeInteger(rateBps) && rateBps >= 0 && rateBps <= 100_000;
}

export function validateRateTable(rows: readonly SemesterRateRow[]): RateTableProblem[] {
  const problems: RateTableProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (!isSemesterKey(row.semester) || !isValidIsoDate(`${row.semester.slice(0, 4)}-01-01`)) {
      problems.push({ code: 'invalid_semester', semester: row.semester });
      continue;
    }
    if (seen.has(row.semester)) problems.push({ code: 'duplicate_semester', semester: row.semester });
    seen.add(row.semester);
    const legalOk = row.legalInterestRateBps === null || isValidRateBps(row.legalInterestRateBps);
    if (!isValidRateBps(row.ecbMainRefinancingRateBps) || !legalOk) {
      problems.push({ code: 'invalid_rate', semester: row.semester });
    }
  }
  return problems;
}

export function findSemesterRate(
  rows: readonly SemesterRateRow[],
  semester: SemesterKey,
): SemesterRateRow | undefined {
  return rows.find((row) => row.semester === semester);
}
