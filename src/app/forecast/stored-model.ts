/**
 * The week's trained model: the `forecast snapshot` job keeps the model it trained (migration
 * 0035), and predictions made in the following days reuse it. Reusing it reads only the invoices
 * open at the date and the events known then, never the settled history, and trains nothing; at
 * the model's own training date it predicts exactly what a fresh training would (tested).
 */

import type { Kysely } from 'kysely';
import { addDays } from '#core/calendar';
import type { Forecaster } from '#core/forecast/forecaster';
import {
  type RestoredForecaster,
  restoreForecaster,
  STORED_MODEL_LAYOUT,
  type StoredForecaster,
  storeForecaster,
} from '#core/forecast/stored-model';
import type { IsoDate } from '#core/types';
import {
  deleteForecastModelsBefore,
  insertForecastModel,
  selectForecastModelParameters,
  selectLatestForecastModel,
} from '#db/forecast/forecast-models';
import type { Database } from '#db/infra/schema';
import type { AppContext } from '../context.ts';
import { MODEL_VERSION } from './forecast-data.ts';

/** A model trained at most this many days before the date serves it (the job runs weekly). */
export const STORED_MODEL_MAX_AGE_DAYS = 7;

export interface StoredPredictor {
  modelId: number;
  trainedAsOf: IsoDate;
  currency: string;
  restored: RestoredForecaster;
}

/**
 * Keeps the trained predictor (inside the caller's transaction); returns the model's id. The
 * retention rule: the models trained more than `STORED_MODEL_MAX_AGE_DAYS` before it, and those of
 * another version, are deleted — a date at or after the new model's reads it or a later one, so
 * they would serve only predictions made more than a week in the past, which train afresh. A
 * weekly job thus holds two models (this week's and last week's) per company; a backfill keeps
 * only its last date's.
 */
export async function keepForecaster(
  db: Kysely<Database>,
  ctx: Pick<AppContext, 'companyId' | 'actor'>,
  forecaster: Forecaster,
  currency: string,
): Promise<number> {
  await deleteForecastModelsBefore(db, ctx.companyId, {
    trainedBefore: addDays(forecaster.cutoff, -STORED_MODEL_MAX_AGE_DAYS),
    keptVersion: MODEL_VERSION,
  });
  return insertForecastModel(db, {
    companyId: ctx.companyId,
    modelVersion: MODEL_VERSION,
    trainedAsOf: forecaster.cutoff,
    currency,
    parameters: storeForecaster(forecaster),
    createdBy: ctx.actor,
  });
}

/**
 * The latest kept model of the current version trained on or before the date and at most a week
 * before it, in the company's currency; null without one (the caller trains).
 */
export async function findStoredPredictor(
  ctx: AppContext,
  asOf: IsoDate,
  currency: string,
): Promise<StoredPredictor | null> {
  const row = await selectLatestForecastModel(ctx.db, ctx.companyId, {
    asOf,
    notBefore: addDays(asOf, -STORED_MODEL_MAX_AGE_DAYS),
    modelVersion: MODEL_VERSION,
  });
  if (!row || row.currency !== currency) return null;
  const restored = await restoredModel(ctx, row.modelId);
  return restored ? { modelId: row.modelId, trainedAsOf: row.trainedAsOf, currency, restored } : null;
}

/**
 * The models restored lately, by database handle and then company and model id. A kept model is
 * never changed (a new training writes a new row), so its restored form serves every call until it
 * is replaced: reading and restoring it took most of a customer file's predictions (the whole
 * model, every customer's habits, for one customer's invoices). Each handle keeps the last few.
 */
const restoredByDatabase = new WeakMap<object, Map<string, RestoredForecaster>>();
const RESTORED_KEPT = 4;

async function restoredModel(ctx: AppContext, modelId: number): Promise<RestoredForecaster | null> {
  let kept = restoredByDatabase.get(ctx.db);
  if (!kept) {
    kept = new Map();
    restoredByDatabase.set(ctx.db, kept);
  }
  const key = `${ctx.companyId}\u0000${modelId}`;
  const known = kept.get(key);
  if (known) return known;
  const parameters = (await selectForecastModelParameters(
    ctx.db,
    ctx.companyId,
    modelId,
  )) as StoredForecaster | null;
  if (!parameters || parameters.layout !== STORED_MODEL_LAYOUT) return null;
  const restored = restoreForecaster(parameters);
  kept.set(key, restored);
  // The oldest restored first out (a Map keeps its insertion order).
  for (const oldest of kept.keys()) {
    if (kept.size <= RESTORED_KEPT) break;
    kept.delete(oldest);
  }
  return restored;
}
