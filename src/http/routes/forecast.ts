/**
 * Payment-date predictions and the collection forecast: `GET /api/predictions`,
 * `GET /api/customers/{code}/predictions`, `GET /api/forecast/collections`.
 */
import { Type } from '@fastify/type-provider-typebox';
import { forecastCollections, MAX_FORECAST_WEEKS } from '#app/forecast/collections';
import { predictPayments } from '#app/forecast/predictions';
import { type ApiServer, Problem } from '../api-types.ts';
import { ALL_ROLES, STAFF } from '../auth-roles.ts';
import { readerLang } from '../reader-lang.ts';
import { CollectionsSchema, PredictionsSchema } from '../schemas/forecast.ts';

const PredictionQuery = Type.Object({
  asOf: Type.Optional(Type.String({ format: 'date' })),
  lang: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
});

export function registerForecastRoutes(app: ApiServer): void {
  app.get(
    '/api/predictions',
    {
      config: { access: ALL_ROLES },
      schema: {
        description:
          'Every invoice open at the date with its predicted payment date (median), P10/P90, probabilities of being late and more than 30/60 days late, and the reasons. A salesperson sees their own customers.',
        querystring: PredictionQuery,
        response: { 200: PredictionsSchema },
      },
    },
    async (request) =>
      predictPayments(await app.contextOf(request), {
        asOf: request.query.asOf,
        lang: readerLang(request),
      }),
  );

  app.get(
    '/api/customers/:code/predictions',
    {
      config: { access: ALL_ROLES },
      schema: {
        description: 'The predictions of one customer’s open invoices.',
        params: Type.Object({ code: Type.String() }),
        querystring: PredictionQuery,
        response: { 200: PredictionsSchema, 404: Problem },
      },
    },
    async (request) =>
      predictPayments(await app.contextOf(request), {
        asOf: request.query.asOf,
        customerCode: request.params.code,
        lang: readerLang(request),
      }),
  );

  app.get(
    '/api/forecast/collections',
    {
      config: { access: STAFF },
      schema: {
        description:
          'Expected receipts by week (weeks start on Monday) from the open items and from future sales (last year’s same weeks), with a low/high band of about 90 %.',
        querystring: Type.Object({
          asOf: Type.Optional(Type.String({ format: 'date' })),
          weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_FORECAST_WEEKS, default: 13 })),
          by: Type.Optional(
            Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')], {
              description:
                'also by day or by calendar month over the same horizon (the weeks are always given)',
            }),
          ),
        }),
        response: { 200: CollectionsSchema },
      },
    },
    async (request) =>
      forecastCollections(await app.contextOf(request), {
        asOf: request.query.asOf,
        weeks: request.query.weeks,
        by: request.query.by === undefined || request.query.by === 'week' ? [] : [request.query.by],
      }),
  );
}
