/** Every route module of the API. Each area adds its own `register…Routes` call here. */
import type { ApiServer } from '../api-types.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerAuthRoutes } from './auth.ts';
import { registerCustomerRoutes } from './customers.ts';
import { registerUserRoutes } from './users.ts';

export async function registerAllRoutes(api: ApiServer): Promise<void> {
  registerCustomerRoutes(api);
  registerAuthRoutes(api);
  registerUserRoutes(api);
  registerAuditRoutes(api);
  await (await import('./fec.ts')).registerFecRoutes(api);
  await (await import('./reports.ts')).registerReportRoutes(api);
}
