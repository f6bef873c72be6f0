/** Every route module of the API. Each area adds its own `register…Routes` call here. */
import type { ApiServer } from '../api-types.ts';
import { registerCustomerRoutes } from './customers.ts';

export async function registerAllRoutes(api: ApiServer): Promise<void> {
  registerCustomerRoutes(api);
}
