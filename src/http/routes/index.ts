/** Every route module of the API. Each area adds its own `register…Routes` call here. */
import type { ApiServer } from '../api-types.ts';
import { closeRequestBodies } from '../closed-schemas.ts';
import { problemResponses } from '../schemas/problem.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerAuditSignalRoutes } from './audit-signals.ts';
import { registerAuthRoutes } from './auth.ts';
import { registerCashRoutes } from './cash.ts';
import { registerCompanyRoutes } from './company.ts';
import { registerCreditRoutes } from './credit.ts';
import { registerCreditFileRoutes } from './credit-risk.ts';
import { registerCreditWebhookRoutes } from './credit-webhook.ts';
import { registerCustomerFileRoutes } from './customer-file.ts';
import { registerCustomerRoutes } from './customers.ts';
import { registerDunningRoutes } from './dunning.ts';
import { registerDunningCaseRoutes } from './dunning-cases.ts';
import { registerDunningDeliveryRoutes } from './dunning-delivery.ts';
import { registerDunningTemplateRoutes } from './dunning-templates.ts';
import { registerFactoringRoutes } from './factoring.ts';
import { registerFecRoutes } from './fec.ts';
import { registerForecastRoutes } from './forecast.ts';
import { registerForecastCostRoutes } from './forecast-cost.ts';
import { registerForecastHistoryRoutes } from './forecast-history.ts';
import { registerImportRoutes } from './imports.ts';
import { registerInsuranceClaimRoutes } from './insurance-claims.ts';
import { registerJobRoutes } from './jobs.ts';
import { registerLegalRoutes } from './legal.ts';
import { registerLegalHandoverRoutes } from './legal-handover.ts';
import { registerOutboxRoutes } from './outbox.ts';
import { registerOutsourcingRoutes } from './outsourcing.ts';
import { registerProcedureRoutes } from './procedure.ts';
import { registerProcedureDiagramRoutes } from './procedure-diagram.ts';
import { registerProcedureReportRoutes } from './procedure-reports.ts';
import { registerPromotionRoutes } from './promotions.ts';
import { registerReportRoutes } from './reports.ts';
import { registerUserRoutes } from './users.ts';
import { registerWriteOffRoutes } from './write-offs.ts';

export async function registerAllRoutes(api: ApiServer): Promise<void> {
  documentProblems(api);
  closeRequestBodies(api);
  registerCustomerRoutes(api);
  registerCustomerFileRoutes(api);
  registerAuthRoutes(api);
  registerUserRoutes(api);
  registerCompanyRoutes(api);
  registerAuditRoutes(api);
  registerAuditSignalRoutes(api);
  registerOutboxRoutes(api);
  registerDunningRoutes(api);
  registerDunningDeliveryRoutes(api);
  registerDunningCaseRoutes(api);
  registerDunningTemplateRoutes(api);
  registerJobRoutes(api);
  registerCreditRoutes(api);
  await registerCreditWebhookRoutes(api);
  await registerCreditFileRoutes(api);
  registerForecastRoutes(api);
  registerForecastCostRoutes(api);
  registerForecastHistoryRoutes(api);
  registerOutsourcingRoutes(api);
  registerLegalRoutes(api);
  await registerLegalHandoverRoutes(api);
  registerInsuranceClaimRoutes(api);
  registerWriteOffRoutes(api);
  await registerFactoringRoutes(api);
  registerPromotionRoutes(api);
  await registerFecRoutes(api);
  await registerCashRoutes(api);
  await registerImportRoutes(api);
  await registerReportRoutes(api);
  registerProcedureDiagramRoutes(api);
  registerProcedureRoutes(api);
  registerProcedureReportRoutes(api);
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
