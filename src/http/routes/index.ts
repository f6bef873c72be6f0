/** Every route module of the API. Each area adds its own `register…Routes` call here. */
import type { ApiServer } from '../api-types.ts';
import { problemResponses } from '../schemas/problem.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerAuthRoutes } from './auth.ts';
import { registerCashRoutes } from './cash.ts';
import { registerCreditRoutes } from './credit.ts';
import { registerCustomerFileRoutes } from './customer-file.ts';
import { registerCustomerRoutes } from './customers.ts';
import { registerDunningRoutes } from './dunning.ts';
import { registerFecRoutes } from './fec.ts';
import { registerForecastRoutes } from './forecast.ts';
import { registerImportRoutes } from './imports.ts';
import { registerJobRoutes } from './jobs.ts';
import { registerLegalRoutes } from './legal.ts';
import { registerOutboxRoutes } from './outbox.ts';
import { registerReportRoutes } from './reports.ts';
import { registerUserRoutes } from './users.ts';

export async function registerAllRoutes(api: ApiServer): Promise<void> {
  documentProblems(api);
  registerCustomerRoutes(api);
  registerCustomerFileRoutes(api);
  registerAuthRoutes(api);
  registerUserRoutes(api);
  registerAuditRoutes(api);
  registerOutboxRoutes(api);
  registerDunningRoutes(api);
  registerJobRoutes(api);
  registerCreditRoutes(api);
  registerForecastRoutes(api);
  registerLegalRoutes(api);
  await registerFecRoutes(api);
  await registerCashRoutes(api);
  await registerImportRoutes(api);
  await registerReportRoutes(api);
}

/**
 * Every error of the API is a problem document (server.ts's error handler), so every route states
 * it once here instead of each route listing 401, 403, 400…: `4xx` and `5xx` answer with the
 * problem schema unless the route names its own for those ranges. A route's exact statuses
 * (404: Problem, 422: RejectedProblem) still come first. Must run before any route is added.
 */
function documentProblems(api: ApiServer): void {
  api.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.schema?.hide) return;
    route.schema ??= {};
    const response = (route.schema.response ?? {}) as Record<string, unknown>;
    route.schema.response = { ...problemResponses, ...response };
  });
}
