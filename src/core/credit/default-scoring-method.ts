/**
 * The default points-of-risk method, the starting point a French credit manager would recognise:
 * ENCADRE groups weighted towards payment behaviour (what we see first-hand), then the balance
 * sheet, the company itself and its environment, with the Conan-Holder score and the Banque de
 * France "cote de crédit" as optional extras. The method in force gives the payment group 59 %,
 * 36 of it to the current arrears (`arrears-scoring.ts`); the earlier versions stay on record
 * (the first, on past payments only, in `default-scoring-method-2026-01.ts`).
 * The weights add up to 100, so a weight reads as the criterion's share of the score when every
 * input is known. Each scale gives 0–10 points.
 */
import { CURRENT_ARREARS_CRITERIA } from './arrears-scoring.ts';
import { DAYS_LATE_BANDS, DEFAULT_SCORING_METHOD_2026_01 } from './default-scoring-method-2026-01.ts';
import type { ScoringCriterion, ScoringMethod } from './scoring-method.ts';

/**
 * The payer profile as the payment-date model sees it: the expected days late of the customer's
 * open amount (amount-weighted, from the stored predictions of the scoring date). With the current
 * arrears it sees invoices not paid yet, so a customer who stopped paying — whose past average
 * has no payment to measure — is judged on what it owes. The input is read over the invoices with
 * a payment expected (for every version: the others' dates are no forecast); from the 2026-06-30
 * method the share of the amount with none earns the lowest points.
 */
const PREDICTED_DAYS_LATE: ScoringCriterion = {
  code: 'predicted_days_late',
  group: 'payments',
  weight: 5,
  scale: { kind: 'up_to', bands: DAYS_LATE_BANDS },
};

/**
 * Weights moved to the predicted delay: it is learnt from the same payments as the past average
 * and share paid late, so they give it 5 of their 16 points and the group keeps its 35 %.
 */
const REWEIGHTED: Readonly<Record<string, number>> = { average_days_late: 7, late_share_bps: 4 };

/**
 * The 2026-06 default: the 2026-01 method with the predicted days late in the payment group.
 * Without stored predictions the criterion is missing and the score is taken over the rest.
 */
export const DEFAULT_SCORING_METHOD_2026_06: ScoringMethod = {
  ...DEFAULT_SCORING_METHOD_2026_01,
  version: 'default-2026-06',
  // Dated so that scores re-made for a date before it keep the 2026-01 method they were made with.
  effectiveFrom: '2026-06-01',
  criteria: DEFAULT_SCORING_METHOD_2026_01.criteria.flatMap((criterion) => {
    const weight = REWEIGHTED[criterion.code] ?? criterion.weight;
    const kept = { ...criterion, weight };
    return criterion.code === 'payment_trend' ? [kept, PREDICTED_DAYS_LATE] : [kept];
  }),
};

/**
 * Weights of the 2026-06 criteria in the 2026-06-15 method: the current arrears take 36 of 100 and
 * every other criterion keeps about 64 % of its weight (rounded to a whole weight).
 * 36 is more than the 35 points between a perfect score and class B's floor (65), and a missing
 * criterion only raises the arrears' share: a customer that earns nothing on both arrears criteria
 * — more than 15 % of what it owes over 60 days past due and its oldest debit over 90 — cannot be
 * class A or B, whatever its other inputs.
 */
const ARREARS_REWEIGHTED: Readonly<Record<string, number>> = {
  sector_risk: 5,
  sales_share_bps: 4,
  equity_ratio_bps: 6,
  net_margin_bps: 5,
  ebe_to_debts_bps: 5,
  company_age_years: 4,
  legal_form: 2,
  legal_incidents: 4,
  average_days_late: 5,
  late_share_bps: 3,
  payment_trend: 2,
  predicted_days_late: 4,
  bounced_payments: 4,
  open_disputes: 2,
  limit_usage_bps: 3,
  conan_holder_z: 3,
  external_grade: 3,
};

/**
 * The 2026-06-15 default: the 2026-06 method with the current arrears after the predicted delay,
 * the payment trend read as « stable » at best while old debts stay unpaid (`trendWithArrears`).
 */
export const DEFAULT_SCORING_METHOD_2026_06_15: ScoringMethod = {
  ...DEFAULT_SCORING_METHOD_2026_06,
  version: 'default-2026-06-15',
  // Before the demo company's reference date (2026-06-30), so that its scores read the arrears;
  // scores re-made for an earlier date keep the method they were made with.
  effectiveFrom: '2026-06-15',
  criteria: DEFAULT_SCORING_METHOD_2026_06.criteria.flatMap((criterion) => {
    const kept = { ...criterion, weight: ARREARS_REWEIGHTED[criterion.code] ?? criterion.weight };
    return criterion.code === 'predicted_days_late' ? [kept, ...CURRENT_ARREARS_CRITERIA] : [kept];
  }),
};

/**
 * The predicted delay with the share of the predicted open amount that has no ordinary payment
 * expected scored as the worst case: claims from before an insolvency judgment and invoices so old
 * that most as old stayed unpaid a year on have no payment date (a very old invoice's is the horizon,
 * a year after the run), so the delay is read over the others and the criterion's weight is split by
 * amount — the share with a payment expected earns the points of its delay, the share with none the
 * scale's lowest (`worstShare`). Without such invoices nothing changes; with only such invoices the
 * criterion earns nothing, never missing.
 */
export const DEFAULT_SCORING_METHOD_2026_06_30: ScoringMethod = {
  ...DEFAULT_SCORING_METHOD_2026_06_15,
  version: 'default-2026-06-30',
  // On the demo company's reference date, so that its scores read the share; scores re-made for an
  // earlier date keep the method they were made with.
  effectiveFrom: '2026-06-30',
  criteria: DEFAULT_SCORING_METHOD_2026_06_15.criteria.map((criterion) =>
    criterion.code === 'predicted_days_late'
      ? { ...criterion, worstShare: 'no_payment_expected_share_bps' }
      : criterion,
  ),
};

/** The default in force (`methodInForce` of the built-in methods at the latest date). */
export const DEFAULT_SCORING_METHOD: ScoringMethod = DEFAULT_SCORING_METHOD_2026_06_30;

/** The built-in methods, oldest first: the one in force at a date scores it (`methodInForce`). */
export const DEFAULT_SCORING_METHODS: readonly ScoringMethod[] = [
  DEFAULT_SCORING_METHOD_2026_01,
  DEFAULT_SCORING_METHOD_2026_06,
  DEFAULT_SCORING_METHOD_2026_06_15,
  DEFAULT_SCORING_METHOD_2026_06_30,
];
