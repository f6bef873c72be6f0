/**
 * Scoring use cases: one customer, or every customer of the company in one set-based pass (one
 * query for the payment inputs of all, one for the profiles, one for the balance sheets, batch
 * inserts of the scores). A class downgrade raises an alert: an event in the customer's story, an
 * audit entry and a notification to the credit managers and the salesperson.
 */
import type { Kysely } from 'kysely';
import { arrearsInputs, trendWithArrears } from '#core/credit/arrears-scoring';
import { financialScoringInputs } from '#core/credit/financial-ratios';
import {
  companyAgeYears,
  proceedingsOf,
  type ScoreResult,
  type ScoringInputs,
  scoreCustomer,
  withProceedingsOverride,
} from '#core/credit/scoring';
import { classChange, type RiskClass, type ScoringMethod } from '#core/credit/scoring-method';
import type { IsoDate } from '#core/types';
import { type PredictionInputsRow, predictionInputs } from '#db/credit/prediction-inputs';
import { insertScores, latestScores, type NewScore, type ScoreRow } from '#db/credit/score-queries';
import {
  type BalanceSheetRow,
  type PaymentInputsRow,
  type ProfileRow,
  paymentInputs,
  selectLatestBalanceSheets,
  selectProfiles,
} from '#db/credit/scoring-inputs';
import type { Database } from '#db/infra/schema';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { raiseDowngradeAlerts } from './alerts.ts';
import { creditConfig } from './configuration.ts';

/** A trend moves by at least this many days of average delay (last 3 months vs the 9 before). */
export const TREND_THRESHOLD_DAYS = 5;

/** The trend of the invoices paid; the scoring caps it while old debts stay unpaid (`trendWithArrears`). */
export function paymentTrend(recentDays: number | null, previousDays: number | null): string | null {
  if (recentDays === null || previousDays === null) return null;
  if (recentDays <= previousDays - TREND_THRESHOLD_DAYS) return 'improving';
  if (recentDays >= previousDays + TREND_THRESHOLD_DAYS) return 'worsening';
  return 'stable';
}

/**
 * Stored predictions this many days older than the scoring date still describe the payer: the
 * forecast job stores a run a week, and a missed week should not drop the criterion at once.
 */
export const SCORING_PREDICTIONS_MAX_AGE_DAYS = 14;

/**
 * Every input of the scoring method for one customer, from the ledger figures (past payments and
 * the current arrears), its financial data and the stored predictions of its open invoices (none:
 * `predicted_days_late` and `no_payment_expected_share_bps` are missing). The predicted delay is
 * that of the invoices with a payment expected (missing when none is); the amount with none is an
 * input of its own, with its share, and `no_payment_expected_minor` keeps the amount for the risk
 * panel (no built-in criterion reads it).
 */
export function scoringInputsOf(
  row: PaymentInputsRow,
  profile: ProfileRow | undefined,
  sheet: BalanceSheetRow | undefined,
  asOf: IsoDate,
  prediction?: PredictionInputsRow | undefined,
): ScoringInputs {
  const paid = row.paidMinor > 0;
  return {
    sector_risk: profile?.sectorRisk ?? null,
    sales_share_bps: row.salesShareBps,
    company_age_years: profile?.creationDate ? companyAgeYears(profile.creationDate, asOf) : null,
    legal_form: profile?.legalForm ?? null,
    legal_incidents: profile?.legalIncidents ?? null,
    average_days_late: paid ? row.averageDaysLate : null,
    late_share_bps: paid ? row.lateShareBps : null,
    payment_trend: trendWithArrears(
      paymentTrend(row.recentAverageDaysLate, row.previousAverageDaysLate),
      row.oldestOverdueDays,
    ),
    predicted_days_late: prediction?.predictedDaysLate ?? null,
    no_payment_expected_share_bps: prediction?.noPaymentExpectedShareBps ?? null,
    no_payment_expected_minor: prediction?.noPaymentExpectedMinor ?? null,
    ...arrearsInputs({
      openDebitsMinor: row.openDebitsMinor,
      arrearsMinor: row.arrearsMinor,
      oldestOverdueDays: row.oldestOverdueDays,
      invoicedRecently: row.salesMinor > 0,
    }),
    bounced_payments: row.bouncedPayments,
    open_disputes: row.openDisputes,
    limit_usage_bps: row.limitUsageBps,
    external_grade: profile?.externalGrade ?? null,
    ...(sheet ? financialScoringInputs(sheet) : {}),
  };
}

export interface CustomerScore {
  customerCode: string;
  asOf: IsoDate;
  result: ScoreResult;
  inputs: ScoringInputs;
}

/** What the scoring reads, as of a date: one set of rows per source. */
export interface ScoringData {
  rows: readonly PaymentInputsRow[];
  profiles: readonly ProfileRow[];
  sheets: readonly BalanceSheetRow[];
  predictions: readonly PredictionInputsRow[];
}

/** Scores from rows already read (pure): the preview of a method uses it without writing. */
export function scoreRows(method: ScoringMethod, asOf: IsoDate, data: ScoringData): CustomerScore[] {
  const profileOf = new Map(data.profiles.map((p) => [p.customerCode, p]));
  const sheetOf = new Map(data.sheets.map((s) => [s.customerCode, s]));
  const predictionOf = new Map(data.predictions.map((p) => [p.customerCode, p]));
  return data.rows.map((row) => {
    const code = row.customerCode;
    const inputs = scoringInputsOf(row, profileOf.get(code), sheetOf.get(code), asOf, predictionOf.get(code));
    const procedure = proceedingsOf(row.status, row.insolvencyEventDate);
    const result = withProceedingsOverride(scoreCustomer(method, inputs), procedure);
    return { customerCode: code, asOf, result, inputs };
  });
}

/** Reads the inputs of all customers (or one) as of a date. */
export async function readScoringData(
  db: Kysely<Database>,
  companyId: string,
  asOf: IsoDate,
  customerCode?: string,
): Promise<ScoringData> {
  const [rows, profiles, sheets, predictions] = await Promise.all([
    paymentInputs(db, companyId, asOf, customerCode),
    selectProfiles(db, companyId, customerCode),
    selectLatestBalanceSheets(db, companyId, asOf, customerCode),
    predictionInputs(db, companyId, { asOf, maxAgeDays: SCORING_PREDICTIONS_MAX_AGE_DAYS, customerCode }),
  ]);
  return { rows, profiles, sheets, predictions };
}

export interface Downgrade {
  customerCode: string;
  from: RiskClass;
  to: RiskClass;
  scoreBefore: number | null;
  scoreAfter: number | null;
}

export interface RescoreSummary {
  asOf: IsoDate;
  methodVersion: string;
  customers: number;
  scored: number;
  insufficientData: number;
  downgrades: Downgrade[];
  scores: CustomerScore[];
}

function toNewScore(score: CustomerScore): NewScore {
  const { result } = score;
  return {
    customerCode: score.customerCode,
    asOf: score.asOf,
    status: result.status,
    score: result.score,
    riskClass: result.riskClass,
    methodVersion: result.methodVersion,
    explanation: {
      criteria: result.criteria,
      missing: result.missing,
      invalid: result.invalid,
      coverageBps: result.coverageBps,
      reweighted: result.reweighted,
      ...(result.override ? { override: result.override } : {}),
      inputs: score.inputs,
    },
  };
}

function downgradesOf(scores: readonly CustomerScore[], previous: Map<string, ScoreRow>): Downgrade[] {
  const downgrades: Downgrade[] = [];
  for (const { customerCode, result } of scores) {
    const before = previous.get(customerCode);
    if (!before?.riskClass || !result.riskClass) continue;
    if (classChange(before.riskClass as RiskClass, result.riskClass) <= 0) continue;
    downgrades.push({
      customerCode,
      from: before.riskClass as RiskClass,
      to: result.riskClass,
      scoreBefore: before.score,
      scoreAfter: result.score,
    });
  }
  return downgrades;
}

/**
 * Scores every customer (or one) as of a date and stores the scores, in one transaction; a
 * downgrade against the previous score raises an alert.
 */
export async function rescoreCustomers(
  ctx: AppContext,
  input: { asOf?: IsoDate | undefined; customerCode?: string | undefined } = {},
): Promise<RescoreSummary> {
  const asOf = input.asOf ?? (await defaultAsOf(ctx));
  return ctx.db.transaction().execute(async (trx) => {
    const config = await creditConfig(ctx, asOf, trx);
    const data = await readScoringData(trx, ctx.companyId, asOf, input.customerCode);
    if (input.customerCode !== undefined && data.rows.length === 0)
      throw new DomainError('not_found', {
        key: 'errors.credit.unknownCustomer',
        params: { customer: input.customerCode },
      });
    const scores = scoreRows(config.scoring_method, asOf, data);
    const previous = await latestScores(
      trx,
      ctx.companyId,
      input.customerCode === undefined ? undefined : [input.customerCode],
    );
    await insertScores(trx, ctx.companyId, ctx.actor, scores.map(toNewScore), ctx.clock.now());
    const downgrades = downgradesOf(scores, previous);
    await raiseDowngradeAlerts(ctx, trx, asOf, downgrades, config.message_templates);
    const scored = scores.filter((s) => s.result.status === 'scored').length;
    return {
      asOf,
      methodVersion: config.scoring_method.version,
      customers: scores.length,
      scored,
      insufficientData: scores.length - scored,
      downgrades,
      scores,
    };
  });
}

/** Scores one customer and returns its score (the risk panel's "recompute"). */
export async function scoreOneCustomer(
  ctx: AppContext,
  customerCode: string,
  asOf?: IsoDate,
): Promise<CustomerScore & { downgrade: Downgrade | null }> {
  const summary = await rescoreCustomers(ctx, { asOf, customerCode });
  const score = summary.scores[0];
  if (!score)
    throw new DomainError('not_found', {
      key: 'errors.credit.unknownCustomer',
      params: { customer: customerCode },
    });
  return { ...score, downgrade: summary.downgrades[0] ?? null };
}
