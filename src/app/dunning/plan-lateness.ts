/**
 * Where a dunning plan's probabilities of lateness come from, for the pre-due steps that set a
 * minimum (issue 14, "remind the likely-late first"): the predictions the weekly
 * `forecast.snapshot` job stored, from its latest run dated at most a week before the plan's date;
 * else the model that job kept (same age), predicting only the invoices in the pre-due window;
 * else none, and the plan reminds every invoice alike and says why. Nothing dated after the
 * plan's date is read. Per slice of a run, one query by primary key reads the slice's window.
 */
import type { Kysely } from 'kysely';
import { addDays } from '#core/calendar';
import type { DunningInvoice } from '#core/dunning/planner';
import { type DunningPolicy, policiesInForce } from '#core/dunning/policy';
import { inPreDueWindow, preDueWindowDays } from '#core/dunning/pre-due';
import { type Forecaster, predictWith } from '#core/forecast/forecaster';
import {
  predictAt,
  restoreForecaster,
  STORED_MODEL_LAYOUT,
  type StoredForecaster,
} from '#core/forecast/stored-model';
import type { InvoiceRecord } from '#core/forecast/types';
import type { IsoDate } from '#core/types';
import type { DunningInvoiceRow } from '#db/dunning/dunning-state';
import { selectLateProbabilities } from '#db/dunning/prediction-queries';
import { selectForecastModelParameters, selectLatestForecastModel } from '#db/forecast/forecast-models';
import { selectLatestForecastRun } from '#db/forecast/forecast-store';
import type { Database } from '#db/infra/schema';
import { MODEL_VERSION } from '../forecast/forecast-data.ts';

/** Stored predictions or a kept model this many days older than the plan's date still serve it. */
export const PLAN_PREDICTIONS_MAX_AGE_DAYS = 7;

/** What the plan used, as the preview and the run report it. */
export type LatenessSourceView =
  | { kind: 'stored_predictions'; asOf: IsoDate }
  | { kind: 'stored_model'; trainedAsOf: IsoDate }
  | { kind: 'none' };

/** Codes of the plan's notices (worded by the catalogue, `dunningPlanNotice.<code>`). */
export type PlanNotice = 'late_probability_unavailable';

interface KeptModel {
  trainedAsOf: IsoDate;
  currency: string;
  forecaster: Forecaster;
}

export interface Lateness {
  /** Invoices due from the plan's date to this one may be held back by a minimum. */
  windowEnd: IsoDate;
  view: LatenessSourceView;
  runId: number | null;
  /** The kept model, read once when first needed (invoices the stored run did not predict). */
  model: () => Promise<KeptModel | null>;
}

async function readKeptModel(
  db: Kysely<Database>,
  companyId: string,
  asOf: IsoDate,
): Promise<KeptModel | null> {
  const row = await selectLatestForecastModel(db, companyId, {
    asOf,
    notBefore: addDays(asOf, -PLAN_PREDICTIONS_MAX_AGE_DAYS),
    modelVersion: MODEL_VERSION,
  });
  if (!row) return null;
  const parameters = (await selectForecastModelParameters(
    db,
    companyId,
    row.modelId,
  )) as StoredForecaster | null;
  if (parameters?.layout !== STORED_MODEL_LAYOUT) return null;
  // No signals (disputes, promises, reminders) read: a disputed or promised invoice is not
  // reminded anyway, and an invoice not yet due has rarely any.
  const forecaster = predictAt(restoreForecaster(parameters), asOf, new Map());
  return { trainedAsOf: row.trainedAsOf, currency: row.currency, forecaster };
}

/**
 * The plan's source of probabilities, or null when no policy in force at the date sets a minimum
 * on a pre-due step (nothing is read then: the plan is what it was before the option).
 */
export async function loadLateness(
  db: Kysely<Database>,
  companyId: string,
  asOf: IsoDate,
  policies: readonly DunningPolicy[],
): Promise<Lateness | null> {
  const windowDays = preDueWindowDays(policiesInForce(policies, asOf));
  if (windowDays === 0) return null;
  const windowEnd = addDays(asOf, windowDays);
  let kept: Promise<KeptModel | null> | null = null;
  const model = () => {
    kept ??= readKeptModel(db, companyId, asOf);
    return kept;
  };
  const run = await selectLatestForecastRun(db, companyId, {
    asOf,
    notBefore: addDays(asOf, -PLAN_PREDICTIONS_MAX_AGE_DAYS),
    modelVersion: MODEL_VERSION,
  });
  if (run)
    return { windowEnd, runId: run.runId, model, view: { kind: 'stored_predictions', asOf: run.asOf } };
  const found = await model();
  const view: LatenessSourceView = found
    ? { kind: 'stored_model', trainedAsOf: found.trainedAsOf }
    : { kind: 'none' };
  return { windowEnd, runId: null, model, view };
}

export function planNotices(lateness: Lateness | null): PlanNotice[] {
  return lateness?.view.kind === 'none' ? ['late_probability_unavailable'] : [];
}

/**
 * The probability of lateness (basis points) of the slice's invoices in the pre-due window, by
 * document id: the stored run's, then the kept model's for those the run did not predict (issued
 * since). An invoice in neither is absent: its pre-due reminder is not held back.
 */
export async function lateProbabilities(
  db: Kysely<Database>,
  companyId: string,
  lateness: Lateness | null,
  asOf: IsoDate,
  rows: readonly DunningInvoiceRow[],
  customerTypes: ReadonlyMap<string, string>,
): Promise<Map<number, number>> {
  if (!lateness || lateness.view.kind === 'none') return new Map();
  const window = rows.filter(
    (row) => row.openMinor > 0 && inPreDueWindow(row.dueDate, asOf, lateness.windowEnd),
  );
  if (window.length === 0) return new Map();
  const found =
    lateness.runId === null
      ? new Map<number, number>()
      : await selectLateProbabilities(
          db,
          companyId,
          lateness.runId,
          window.map((row) => row.documentId),
        );
  const missing = window.filter((row) => !found.has(row.documentId));
  if (missing.length === 0) return found;
  const model = await lateness.model();
  if (!model) return found;
  for (const row of missing) {
    if (row.currency !== model.currency) continue;
    const record: InvoiceRecord = {
      documentId: row.documentId,
      customerCode: row.customerCode,
      customerType: customerTypes.get(row.customerCode) ?? '',
      documentRef: row.documentRef,
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      amountMinor: row.amountMinor,
      currency: row.currency,
      settledOn: null,
      settledByPayment: false,
      electronic: null,
    };
    const prediction = predictWith(model.forecaster, record, row.openMinor);
    found.set(row.documentId, Math.round(prediction.probabilityLate * 10_000));
  }
  return found;
}

/** The invoices with their probability set where one is known. */
export function withLateProbabilities(
  invoices: readonly DunningInvoice[],
  probabilities: ReadonlyMap<number, number>,
): DunningInvoice[] {
  if (probabilities.size === 0) return [...invoices];
  return invoices.map((invoice) => {
    const bp = probabilities.get(Number(invoice.id));
    return bp === undefined ? invoice : { ...invoice, lateProbabilityBp: bp };
  });
}
