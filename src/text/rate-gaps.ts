/**
 * The half-year keys of the rate table in words (« 2nd semestre 2026 », never « 2026H2 ») and what
 * the table lacks as sentences, one per run of consecutive half-years, for the rates page, the run
 * page and `encours dunning rates`.
 */
import { semesterRuns } from '#core/dunning/rate-gaps';
import { type Lang, translator } from './catalogue.ts';

const KEY = /^(\d{4})H([12])$/;

/** « 2nd semestre 2026 »; anything not a half-year key stays as it is. */
export function semesterWords(lang: Lang, semester: string): string {
  const match = KEY.exec(semester);
  if (!match) return semester;
  return translator(lang)('dunningRates.semester', { half: match[2] ?? '', year: match[1] ?? '' });
}

/**
 * A run of half-years as the rates table's first column names it: « 2nd semestre 2026 », or
 * « 1er semestre 2019 – 2nd semestre 2020 (4 semestres) » — the row in the table's order, while the
 * sentence saying it is missing stands once, above the table (`rateGapLines`).
 */
export function semesterRunWords(lang: Lang, run: { from: string; to: string; count: number }): string {
  if (run.count === 1) return semesterWords(lang, run.from);
  return translator(lang)('dunningRates.semesterRun', {
    from: semesterWords(lang, run.from),
    to: semesterWords(lang, run.to),
    count: run.count,
  });
}

/** « Taux BCE du 2nd semestre 2026 manquant », « Taux BCE manquants du … au … (17 semestres) », then the legal rates. */
export function rateGapLines(
  lang: Lang,
  gaps: { missingEcb: readonly string[]; missingLegal: readonly string[] },
): { kind: 'ecb' | 'legal'; from: string; text: string }[] {
  const t = translator(lang);
  const lines = (kind: 'ecb' | 'legal', semesters: readonly string[]) =>
    semesterRuns(semesters).map((run) => ({
      kind,
      from: run.from,
      text: t(kind === 'ecb' ? 'dunningRates.missingEcb' : 'dunningRates.missingLegal', {
        count: run.count,
        from: semesterWords(lang, run.from),
        to: semesterWords(lang, run.to),
      }),
    }));
  return [...lines('ecb', gaps.missingEcb), ...lines('legal', gaps.missingLegal)];
}
