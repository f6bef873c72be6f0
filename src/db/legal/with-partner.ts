/**
 * Whether a document was with a lawyer or an agency at a date: in a legal file handed over on or
 * before that day and not withdrawn by then (as the dunning run's `handed` reads it). Its recovery
 * is the partner's work now, so the agenda neither counts nor chases it, and a hand-over task whose
 * invoices are all there is done.
 */
import { type Expression, sql } from 'kysely';

export function withPartnerAt(companyId: string, documentId: Expression<unknown>, asOf: string) {
  return sql<boolean>`exists (select 1 from legal_file_invoices i
      join legal_files f on f.company_id = i.company_id and f.file_id = i.file_id
      where i.company_id = ${companyId} and i.document_id = ${documentId}
        and f.handed_over_on <= ${asOf}::date
        and not exists (select 1 from legal_file_steps s where s.company_id = i.company_id
          and s.file_id = i.file_id and s.step_code = 'withdrawn' and s.step_date <= ${asOf}::date))`;
}
