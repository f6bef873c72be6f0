/** The salesperson names the customers file holds: a salesperson user's scope must be one of them. */
import type { Kysely } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** Every distinct salesperson name of the company's customers, in alphabetical order. */
export async function selectSalespeople(db: Kysely<Database>, companyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('customers')
    .select('salesperson')
    .distinct()
    .where('company_id', '=', companyId)
    .where('salesperson', 'is not', null)
    .orderBy('salesperson')
    .execute();
  return rows.flatMap((row) => (row.salesperson ? [row.salesperson] : []));
}
