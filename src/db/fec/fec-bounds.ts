/** What the amount bounds of an import look at once a FEC's documents are written. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface DocumentAmountExtremes {
  /** Exact decimal strings: the sum of int8 is numeric and may pass 2^53. */
  largestAbsMinor: string;
  largestRef: string | null;
  totalAbsMinor: string;
}

/** The company's largest document (in absolute value) and the sum of all its documents' absolute amounts. */
export async function documentAmountExtremes(
  trx: Kysely<Database>,
  companyId: string,
): Promise<DocumentAmountExtremes> {
  const result = await sql<DocumentAmountExtremes>`
    select
      coalesce((select abs(amount_minor)::text from documents where company_id = ${companyId}
        order by abs(amount_minor) desc limit 1), '0') as "largestAbsMinor",
      (select external_ref from documents where company_id = ${companyId}
        order by abs(amount_minor) desc limit 1) as "largestRef",
      coalesce((select sum(abs(amount_minor)) from documents where company_id = ${companyId}), 0)::text
        as "totalAbsMinor"`.execute(trx);
  return result.rows[0] ?? { largestAbsMinor: '0', largestRef: null, totalAbsMinor: '0' };
}
