/**
 * The first default points-of-risk method (2026-01), on past payments only: ENCADRE groups weighted
 * towards payment behaviour (what we see first-hand), then the balance sheet, the company itself
 * and its environment, with the Conan-Holder score and the Banque de France "cote de crédit" as
 * optional extras. The later defaults (default-scoring-method.ts) are built from it by moving
 * weights, so its criteria and scales are the ones every built-in method shares.
 */
import type { ScoringMethod, UpToScale } from './scoring-method.ts';
/** Days late bands shared by the past average and the predicted delay: the same days, the same points. */
export const DAYS_LATE_BANDS: UpToScale['bands'] = [
  { upTo: 0, points: 10 },
  { upTo: 5, points: 8 },
  { upTo: 15, points: 6 },
  { upTo: 30, points: 3 },
  { upTo: 60, points: 1 },
  { upTo: null, points: 0 },
];

/**
 * The first default, on past payments only. Kept so that a company can store it as its own version
 * (scores made with it name it) and so that the weights the current default moved stay on record.
 */
export const DEFAULT_SCORING_METHOD_2026_01: ScoringMethod = {
  version: 'default-2026-01',
  effectiveFrom: '2026-01-01',
  minCoverageBps: 5_000,
  classThresholds: { A: 80, B: 65, C: 50, D: 35 },
  criteria: [
    // ENvironnement
    {
      code: 'sector_risk',
      group: 'environment',
      weight: 8,
      scale: { kind: 'categories', points: { low: 10, medium: 7, high: 3, very_high: 0 } },
    },
    {
      // Customer's share of our sales: the more we depend on one customer, the more a default hurts.
      code: 'sales_share_bps',
      group: 'environment',
      weight: 7,
      scale: {
        kind: 'up_to',
        bands: [
          { upTo: 100, points: 10 },
          { upTo: 500, points: 7 },
          { upTo: 1_000, points: 4 },
          { upTo: null, points: 1 },
        ],
      },
    },
    // CApitaux
    {
      // Autonomie financière: equity / total assets.
      code: 'equity_ratio_bps',
      group: 'capital',
      weight: 10,
      scale: {
        kind: 'from',
        bands: [
          { from: 3_000, points: 10 },
          { from: 2_000, points: 8 },
          { from: 1_000, points: 5 },
          { from: 0, points: 2 },
          { from: null, points: 0 },
        ],
      },
    },
    {
      code: 'net_margin_bps',
      group: 'capital',
      weight: 8,
      scale: {
        kind: 'from',
        bands: [
          { from: 500, points: 10 },
          { from: 200, points: 7 },
          { from: 0, points: 4 },
          { from: null, points: 0 },
        ],
      },
    },
    {
      // EBE / total debts: capacity to repay out of operations (Conan-Holder R1).
      code: 'ebe_to_debts_bps',
      group: 'capital',
      weight: 7,
      scale: {
        kind: 'from',
        bands: [
          { from: 2_500, points: 10 },
          { from: 1_500, points: 7 },
          { from: 500, points: 4 },
          { from: null, points: 0 },
        ],
      },
    },
    // DiRigeants
    {
      // Most failures happen in the first three years.
      code: 'company_age_years',
      group: 'directors',
      weight: 6,
      scale: {
        kind: 'up_to',
        bands: [
          { upTo: 1, points: 0 },
          { upTo: 3, points: 3 },
          { upTo: 10, points: 7 },
          { upTo: null, points: 10 },
        ],
      },
    },
    {
      code: 'legal_form',
      group: 'directors',
      weight: 3,
      scale: {
        kind: 'categories',
        points: { public_body: 10, sa: 10, sas: 8, sarl: 7, snc: 6, sasu: 6, eurl: 5, ei: 3 },
        otherPoints: 4,
      },
    },
    {
      // Privileges registered, protested bills, past proceedings over the last three years.
      code: 'legal_incidents',
      group: 'directors',
      weight: 6,
      scale: {
        kind: 'up_to',
        bands: [
          { upTo: 0, points: 10 },
          { upTo: 1, points: 4 },
          { upTo: null, points: 0 },
        ],
      },
    },
    // REglements
    {
      code: 'average_days_late',
      group: 'payments',
      weight: 10,
      scale: { kind: 'up_to', bands: DAYS_LATE_BANDS },
    },
    {
      code: 'late_share_bps',
      group: 'payments',
      weight: 6,
      scale: {
        kind: 'up_to',
        bands: [
          { upTo: 1_000, points: 10 },
          { upTo: 2_500, points: 7 },
          { upTo: 5_000, points: 4 },
          { upTo: 7_500, points: 2 },
          { upTo: null, points: 0 },
        ],
      },
    },
    {
      code: 'payment_trend',
      group: 'payments',
      weight: 4,
      scale: { kind: 'categories', points: { improving: 10, stable: 7, worsening: 2 } },
    },
    {
      // Bounced cheques, returned direct debits and unpaid bills over twelve months.
      code: 'bounced_payments',
      group: 'payments',
      weight: 6,
      scale: {
        kind: 'up_to',
        bands: [
          { upTo: 0, points: 10 },
          { upTo: 1, points: 5 },
          { upTo: 2, points: 2 },
          { upTo: null, points: 0 },
        ],
      },
    },
    {
      code: 'open_disputes',
      group: 'payments',
      weight: 4,
      scale: {
        kind: 'up_to',
        bands: [
          { upTo: 0, points: 10 },
          { upTo: 1, points: 6 },
          { upTo: 3, points: 3 },
          { upTo: null, points: 0 },
        ],
      },
    },
    {
      // Exposure / credit limit.
      code: 'limit_usage_bps',
      group: 'payments',
      weight: 5,
      scale: {
        kind: 'up_to',
        bands: [
          { upTo: 5_000, points: 10 },
          { upTo: 8_000, points: 7 },
          { upTo: 10_000, points: 4 },
          { upTo: 12_000, points: 1 },
          { upTo: null, points: 0 },
        ],
      },
    },
    // Optional extras
    {
      // Conan-Holder Z, bands on the zones of `financial-ratios.ts` (16 / 9 / 4).
      code: 'conan_holder_z',
      group: 'conan_holder',
      weight: 5,
      scale: {
        kind: 'from',
        bands: [
          { from: 16, points: 10 },
          { from: 9, points: 6 },
          { from: 4, points: 3 },
          { from: null, points: 0 },
        ],
      },
    },
    {
      // Banque de France "cote de crédit" (3++ best … 9 / P worst; 0 = no adverse information).
      code: 'external_grade',
      group: 'external_grade',
      weight: 5,
      scale: {
        kind: 'categories',
        points: {
          '3++': 10,
          '3+': 10,
          '3': 9,
          '4+': 8,
          '4': 7,
          '5+': 6,
          '5': 4,
          '6': 3,
          '7': 2,
          '8': 1,
          '9': 0,
          P: 0,
          '0': 5,
        },
      },
    },
  ],
};
