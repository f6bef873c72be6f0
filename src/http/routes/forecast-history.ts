/**
 * Stored forecasts over HTTP: `GET /api/forecast/accuracy` (forecast vs actual by week),
 * `GET /api/forecast/runs`. Storing a forecast (`forecast.snapshot`) and the back-test
 * (`forecast.backtest`, result shaped as BacktestSchema) are jobs started through `POST /api/jobs`.
 */
import { Type } from '@fastify/type-provider-typebox';
import { forecastAccuracy } from '#app/forecast/accuracy';
import { listForecastRuns } from '#app/forecast/snapshot';
import type { ApiServer } from '../api-types.ts';
import { STAFF } from '../auth-roles.ts';
import { ForecastAccuracySchema, ForecastRunsSchema } from '../schemas/forecast.ts';

export function registerForecastHistoryRoutes(app: ApiServer): void {
  app.get(
    '/api/forecast/accuracy',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Each elapsed week (Monday start) with the receipts that came in and the forecast for it made by the latest stored run dated before the week began; WAPE, bias and weeks inside the band; the same figures by horizon (byHorizon: each week set against the latest run made that many weeks ahead).',
        querystring: Type.Object({
          asOf: Type.Optional(Type.String({ format: 'date' })),
          weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 104, default: 26 })),
        }),
        response: { 200: ForecastAccuracySchema },
      },
    },
    async (request) =>
      forecastAccuracy(await app.contextOf(request), {
        asOf: request.query.asOf,
        weeks: request.query.weeks,
      }),
  );
  app.get(
    '/api/forecast/runs',
    {
      config: { access: STAFF },
      schema: {
        description: 'The stored forecast runs, latest first (as-of date, model version, open invoices).',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
        response: { 200: ForecastRunsSchema },
      },
    },
    async (request) => ({ items: await listForecastRuns(await app.contextOf(request), request.query.limit) }),
  );
}
