/** Reads behind the demo statement offered on the cash page (app/cash/demo-statement.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../infra/schema.ts';

/** How many bank statements the company has imported, from any file. */
export async function countBankStatements(db: Kysely<Database>, companyId: string): Promise<number> {
  const row = await db
    .selectFrom('bank_statements')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('company_id', '=', companyId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many of `refs` are invoices of the company written under `source` (each ref counted once). */
export async function countInvoicesOfSource(
  db: Kysely<Database>,
  companyId: string,
  source: string,
  refs: readonly string[],
): Promise<number> {
  if (refs.length === 0) return 0;
  const row = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.count<number>('external_ref').distinct().as('count'))
    .where('company_id', '=', companyId)
    .where('source', '=', source)
    .where('kind', '=', 'invoice')
    .where('external_ref', 'in', refs)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
