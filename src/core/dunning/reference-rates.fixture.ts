/**
 * The half-year rates of `shared/docs/reference/french-payment-rules.md` §3 (ECB MRO rate in force
 * on the first day) and §5 (taux d'intérêt légal for professionals, legifiscal.fr), for tests only.
 * 2014H1: ECB 0.25 % and legal rate 0.04 % from the lexing.law example of §2.
 */
import type { SemesterRateRow } from './semesters.ts';

export const REFERENCE_RATES: readonly SemesterRateRow[] = [
  { semester: '2014H1', ecbMainRefinancingRateBps: 25, legalInterestRateBps: 4 },
  { semester: '2023H1', ecbMainRefinancingRateBps: 250, legalInterestRateBps: null },
  { semester: '2023H2', ecbMainRefinancingRateBps: 400, legalInterestRateBps: null },
  { semester: '2024H1', ecbMainRefinancingRateBps: 450, legalInterestRateBps: 507 },
  { semester: '2024H2', ecbMainRefinancingRateBps: 425, legalInterestRateBps: 492 },
  { semester: '2025H1', ecbMainRefinancingRateBps: 315, legalInterestRateBps: 371 },
  { semester: '2025H2', ecbMainRefinancingRateBps: 215, legalInterestRateBps: 276 },
  { semester: '2026H1', ecbMainRefinancingRateBps: 215, legalInterestRateBps: 262 },
];
