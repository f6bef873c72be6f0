/**
 * The cost of the predicted days late (`GET /api/forecast/late-cost`) and the company's financing
 * rate it is priced at (`GET/PUT /api/company/financing-rate`).
 */
import { getFinancingRate, setFinancingRate } from '#app/companies/financing-rate';
import { forecastLateCost } from '#app/forecast/late-cost';
import { type ApiServer, Problem } from '../api-types.ts';
import { CREDIT_DEPARTMENT, STAFF } from '../auth-roles.ts';
import {
  FinancingRateChangeSchema,
  FinancingRateSchema,
  LateCostQuery,
  LateCostSchema,
} from '../schemas/forecast-cost.ts';

export function registerForecastCostRoutes(app: ApiServer): void {
  app.get(
    '/api/forecast/late-cost',
    {
      config: { access: STAFF },
      schema: {
        description:
          'The cost of the predicted days late as of the date: each open invoice × max(0, median predicted date − due date) days × the annual financing rate / 365, by customer (highest first) and for the company, with the amount-weighted expected days late. Claims from before an insolvency judgment are counted apart.',
        querystring: LateCostQuery,
        response: { 200: LateCostSchema, 404: Problem },
      },
    },
    async (request) =>
      forecastLateCost(await app.contextOf(request), {
        asOf: request.query.asOf,
        rateBps: request.query.rateBps,
        customerCode: request.query.customer,
        limit: request.query.limit,
      }),
  );

  app.get(
    '/api/company/financing-rate',
    {
      config: { access: STAFF },
      schema: {
        description:
          'The company’s annual short-term financing rate, or the default (500 bp) when none is set.',
        response: { 200: FinancingRateSchema },
      },
    },
    async (request) => getFinancingRate(await app.contextOf(request)),
  );

  app.put(
    '/api/company/financing-rate',
    {
      config: { access: CREDIT_DEPARTMENT },
      schema: {
        description: 'Sets the company’s annual financing rate (audited, before and after).',
        body: FinancingRateChangeSchema,
        response: { 200: FinancingRateSchema, 400: Problem },
      },
    },
    async (request) => setFinancingRate(await app.contextOf(request), request.body.rateBps),
  );
}
