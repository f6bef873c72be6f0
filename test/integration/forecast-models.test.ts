/**
 * The retention of kept models (migration 0040): keeping the week's model deletes those trained
 * more than a week before it and those of another version; the runs they made keep their
 * predictions and version, with a null model id. The models left still serve their week.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_VERSION } from '#app/forecast/forecast-data';
import { findStoredPredictor, keepForecaster } from '#app/forecast/stored-model';
import { trainForecaster } from '#core/forecast/forecaster';
import { insertForecastModel } from '#db/forecast/forecast-models';
import { insertForecastRunHeader } from '#db/forecast/forecast-store';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await openDemoTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

async function keptModels() {
  const rows = await database
    .context('CB2C')
    .db.selectFrom('forecast_models')
    .where('company_id', '=', 'CB2C')
    .select(['model_id as modelId', 'trained_as_of as trainedAsOf', 'model_version as version'])
    .orderBy('model_id')
    .execute();
  return rows;
}

describe('kept forecast models', () => {
  it('keeps the models of the last week before the newest, deletes the older and other versions', async () => {
    const ctx = database.context('CB2C', '2026-06-30');
    // A small training is enough: retention reads only the dates and versions.
    const keep = (asOf: string) => keepForecaster(ctx.db, ctx, trainForecaster([], [], asOf), 'EUR');
    const first = await keep('2026-06-07');
    const runId = await insertForecastRunHeader(ctx.db, {
      company_id: 'CB2C',
      as_of: '2026-06-07',
      model_version: MODEL_VERSION,
      currency: 'EUR',
      open_invoices: 0,
      created_by: 'test',
      model_id: first,
    });
    const older = await insertForecastModel(ctx.db, {
      companyId: 'CB2C',
      modelVersion: 'delay-shrinkage-1',
      trainedAsOf: '2026-06-13',
      currency: 'EUR',
      parameters: {},
      createdBy: 'test',
    });
    const second = await keep('2026-06-14');
    // 2026-06-07 is exactly a week before: it still serves the dates up to 2026-06-13.
    expect((await keptModels()).map((m) => m.modelId)).toEqual([first, second]);
    expect(older).toBeGreaterThan(first);
    const third = await keep('2026-06-21');
    expect(await keptModels()).toEqual([
      { modelId: second, trainedAsOf: '2026-06-14', version: MODEL_VERSION },
      { modelId: third, trainedAsOf: '2026-06-21', version: MODEL_VERSION },
    ]);
    const run = await ctx.db
      .selectFrom('forecast_runs')
      .where('company_id', '=', 'CB2C')
      .where('run_id', '=', runId)
      .select(['model_id', 'model_version'])
      .executeTakeFirstOrThrow();
    expect(run).toEqual({ model_id: null, model_version: MODEL_VERSION });
    expect((await findStoredPredictor(ctx, '2026-06-20', 'EUR'))?.modelId).toBe(second);
    expect((await findStoredPredictor(ctx, '2026-06-28', 'EUR'))?.modelId).toBe(third);
    expect(await findStoredPredictor(ctx, '2026-06-10', 'EUR')).toBeNull();
    // A model kept for a past date leaves the later ones alone.
    const past = await keep('2026-06-15');
    expect((await keptModels()).map((m) => m.modelId)).toEqual([second, third, past]);
  });
});
