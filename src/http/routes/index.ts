/** Every route module of the API. Each area adds its own `register…Routes` call here. */
import type { ApiServer } from '../api-types.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerAuthRoutes } from './auth.ts';
import { registerCustomerRoutes } from './customers.ts';
import { registerFecRoutes } from './fec.ts';
import { registerImportRoutes } from './imports.ts';
import { registerReportRoutes } from './reports.ts';
import { registerUserRoutes } from './users.ts';

export async function registerAllRoutes(api: ApiServer): Promise<void> {
  registerCustomerRoutes(api);
  registerAuthRoutes(api);
  registerUserRoutes(api);
  registerAuditRoutes(api);
  await registerFecRoutes(api);
  await registerImportRoutes(api);
  await registerReportRoutes(api);
}
