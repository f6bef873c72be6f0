/**
 * Trained payment-date models kept by the weekly forecast job (migration 0035): written once, read
 * by the predictions of the following days, deleted once superseded (migration 0040).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface NewForecastModel {
  companyId: string;
  modelVersion: string;
  trainedAsOf: string;
  currency: string;
  /** The fitted parameters as plain data; stored as JSON text. */
  parameters: unknown;
  createdBy: string;
}

export async function insertForecastModel(db: Kysely<Database>, model: NewForecastModel): Promise<number> {
  const { model_id: modelId } = await db
    .insertInto('forecast_models')
    .values({
      company_id: model.companyId,
      model_version: model.modelVersion,
      trained_as_of: model.trainedAsOf,
      currency: model.currency,
      parameters: JSON.stringify(model.parameters),
      created_by: model.createdBy,
    })
    .returning('model_id')
    .executeTakeFirstOrThrow();
  return modelId;
}

export interface StoredForecastModel {
  modelId: number;
  trainedAsOf: string;
  currency: string;
  parameters: unknown;
}

/**
 * The latest model of the version trained on or before `asOf` and not before `notBefore` (the
 * latest written when several share a date); its parameters come back parsed.
 */
export async function selectLatestForecastModel(
  db: Kysely<Database>,
  companyId: string,
  input: { asOf: string; notBefore: string; modelVersion: string },
): Promise<Omit<StoredForecastModel, 'parameters'> | null> {
  const row = await db
    .selectFrom('forecast_models')
    .where('company_id', '=', companyId)
    .where('model_version', '=', input.modelVersion)
    .where('trained_as_of', '<=', input.asOf)
    .where('trained_as_of', '>=', input.notBefore)
    .select(['model_id as modelId', 'trained_as_of as trainedAsOf', 'currency'])
    .orderBy('trained_as_of', 'desc')
    .orderBy('model_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/** A kept model's parameters (read apart: they are the bulk of the row), or null once deleted. */
export async function selectForecastModelParameters(
  db: Kysely<Database>,
  companyId: string,
  modelId: number,
): Promise<unknown> {
  const row = await db
    .selectFrom('forecast_models')
    .where('company_id', '=', companyId)
    .where('model_id', '=', modelId)
    .select('parameters')
    .executeTakeFirst();
  return row?.parameters ?? null;
}

/**
 * Deletes the company's models trained before `trainedBefore` and those of another version than
 * `keptVersion` (runs made with them keep a null model id); returns how many were deleted.
 */
export async function deleteForecastModelsBefore(
  db: Kysely<Database>,
  companyId: string,
  input: { trainedBefore: string; keptVersion: string },
): Promise<number> {
  const result = await db
    .deleteFrom('forecast_models')
    .where('company_id', '=', companyId)
    .where((eb) =>
      eb.or([eb('trained_as_of', '<', input.trainedBefore), eb('model_version', '<>', input.keptVersion)]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
