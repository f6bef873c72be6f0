/** The disputes an invoices file says are open, written in the import's transaction. */
import { type Kysely, sql } from 'kysely';
import { batches } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';

export interface DisputeToOpen {
  source: string;
  externalRef: string;
  openedOn: string;
}

export interface OpenedDispute {
  disputeId: number;
  customerCode: string;
  documentRef: string;
  openedOn: string;
  amountMinor: number;
}

/**
 * Opens a dispute on each named invoice that has never had one, for its whole amount: a file read
 * again, or an invoice whose dispute was resolved since, opens nothing, so a re-import is
 * idempotent and does not undo a resolution. Invoices of zero amount cannot be disputed.
 */
export async function openImportedDisputes(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  disputes: readonly DisputeToOpen[],
  detail: { reason: string; department: string; note: string },
): Promise<OpenedDispute[]> {
  const opened: OpenedDispute[] = [];
  for (const batch of batches(disputes, 5000))
    opened.push(...(await openBatch(trx, companyId, actor, batch, detail)));
  return opened;
}

async function openBatch(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  disputes: readonly DisputeToOpen[],
  detail: { reason: string; department: string; note: string },
): Promise<OpenedDispute[]> {
  const sources = disputes.map((dispute) => dispute.source);
  const refs = disputes.map((dispute) => dispute.externalRef);
  const dates = disputes.map((dispute) => dispute.openedOn);
  const result = await sql<OpenedDispute>`
    with wanted as (
      select * from unnest(${sources}::text[], ${refs}::text[], ${dates}::date[]) as w(source, external_ref, opened_on)
    )
    insert into dunning_disputes (company_id, customer_code, document_id, document_ref, reason, department,
                                  amount_minor, currency, note, opened_on, opened_by)
    select d.company_id, d.customer_code, d.document_id, d.external_ref, ${detail.reason}, ${detail.department},
           d.amount_minor, d.currency, ${detail.note}, w.opened_on, ${actor}
      from wanted w
      join documents d on d.company_id = ${companyId} and d.source = w.source
       and d.external_ref = w.external_ref and d.kind = 'invoice'
     where d.amount_minor > 0
       and not exists (select 1 from dunning_disputes x where x.company_id = d.company_id and x.document_id = d.document_id)
    returning dispute_id::int8 as "disputeId", customer_code as "customerCode", document_ref as "documentRef",
              opened_on as "openedOn", amount_minor::int8 as "amountMinor"`.execute(trx);
  return result.rows;
}
