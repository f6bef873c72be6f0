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

export interface ImportedDisputes {
  opened: OpenedDispute[];
  /** Invoices said to be disputed, never disputed before, left alone because they are settled. */
  settledCount: number;
}

/**
 * Opens a dispute on each named invoice that has never had one, for its whole amount: a file read
 * again, or an invoice whose dispute was resolved since, opens nothing, so a re-import is
 * idempotent and does not undo a resolution. Invoices of zero amount cannot be disputed, and
 * settled ones (open amount zero when the file is imported, e.g. a history file) are not: such a
 * dispute would stay open with nothing left to collect or resolve.
 */
export async function openImportedDisputes(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  disputes: readonly DisputeToOpen[],
  detail: { reason: string; department: string; note: string },
): Promise<ImportedDisputes> {
  const found: ImportedDisputes = { opened: [], settledCount: 0 };
  for (const batch of batches(disputes, 5000)) {
    found.settledCount += await countSettled(trx, companyId, batch);
    found.opened.push(...(await openBatch(trx, companyId, actor, batch, detail)));
  }
  return found;
}

/** `wanted`: the file's disputed invoices, as a relation (source, external_ref, opened_on). */
function wantedOf(disputes: readonly DisputeToOpen[]) {
  const sources = disputes.map((dispute) => dispute.source);
  const refs = disputes.map((dispute) => dispute.externalRef);
  const dates = disputes.map((dispute) => dispute.openedOn);
  return sql`select * from unnest(${sources}::text[], ${refs}::text[], ${dates}::date[]) as w(source, external_ref, opened_on)`;
}

async function countSettled(
  trx: Kysely<Database>,
  companyId: string,
  disputes: readonly DisputeToOpen[],
): Promise<number> {
  const result = await sql<{ settledCount: number }>`
    with wanted as (${wantedOf(disputes)})
    select count(*)::int4 as "settledCount"
      from wanted w
      join documents d on d.company_id = ${companyId} and d.source = w.source
       and d.external_ref = w.external_ref and d.kind = 'invoice'
     where d.amount_minor > 0
       and exists (select 1 from settled_documents s where s.company_id = d.company_id and s.document_id = d.document_id)
       and not exists (select 1 from dunning_disputes x where x.company_id = d.company_id and x.document_id = d.document_id)`.execute(
    trx,
  );
  return result.rows[0]?.settledCount ?? 0;
}

async function openBatch(
  trx: Kysely<Database>,
  companyId: string,
  actor: string,
  disputes: readonly DisputeToOpen[],
  detail: { reason: string; department: string; note: string },
): Promise<OpenedDispute[]> {
  const result = await sql<OpenedDispute>`
    with wanted as (${wantedOf(disputes)})
    insert into dunning_disputes (company_id, customer_code, document_id, document_ref, reason, department,
                                  amount_minor, currency, note, opened_on, opened_by)
    select d.company_id, d.customer_code, d.document_id, d.external_ref, ${detail.reason}, ${detail.department},
           d.amount_minor, d.currency, ${detail.note}, w.opened_on, ${actor}
      from wanted w
      join documents d on d.company_id = ${companyId} and d.source = w.source
       and d.external_ref = w.external_ref and d.kind = 'invoice'
     where d.amount_minor > 0
       and not exists (select 1 from settled_documents s where s.company_id = d.company_id and s.document_id = d.document_id)
       and not exists (select 1 from dunning_disputes x where x.company_id = d.company_id and x.document_id = d.document_id)
    returning dispute_id::int8 as "disputeId", customer_code as "customerCode", document_ref as "documentRef",
              opened_on as "openedOn", amount_minor::int8 as "amountMinor"`.execute(trx);
  return result.rows;
}
