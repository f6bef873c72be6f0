/**
 * How far the collection of each customer has gone, as of a date, for the risk table's action:
 * the latest formal notice of ours that reached the customer (a sent action of that step whose
 * e-mail did not fail for good, as the dunning run reads it, `dunning-state.ts`) on an invoice
 * still open at the date, and the latest hand-over to a lawyer or an agency not withdrawn or
 * closed by then. Only customers with one or the other come back.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';
import { openItemsAsOf } from '../ledger/open-items.ts';

export interface CollectionStageRow {
  code: string;
  formalNoticeDate: string | null;
  handedOverOn: string | null;
}

export async function selectCollectionStages(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
): Promise<Map<string, CollectionStageRow>> {
  // Formal notices are few: read from the actions of that step, then kept when an invoice they
  // named is still open at the date (a notice whose invoices were paid is no current stage).
  const notices = await sql<{ code: string; date: string }>`
      with notices as (
        select a.customer_code, a.action_date, i.document_id
        from dunning_actions a
        join dunning_action_items i on i.company_id = a.company_id and i.action_id = a.action_id
        left join mail_outbox m on m.company_id = a.company_id and m.outbox_id = a.outbox_id
        where a.company_id = ${companyId} and a.status = 'sent' and a.action_date <= ${asOf}::date
          and i.step_kind = 'formal_notice'
          and (m.status is distinct from 'failed' or m.next_attempt_at is not null)
      )
      select n.customer_code as code, max(n.action_date)::text as date
      from notices n
      where exists (select 1 from (${openItemsAsOf({ companyId, asOf })}) o
                    where o.document_id = n.document_id and o.open_minor > 0)
      group by n.customer_code`.execute(db);
  const handovers = await sql<{ code: string; date: string }>`
      select f.customer_code as code, max(f.handed_over_on)::text as date
      from legal_files f
      where f.company_id = ${companyId} and f.handed_over_on <= ${asOf}::date
        and not exists (select 1 from legal_file_steps s where s.company_id = f.company_id
          and s.file_id = f.file_id and s.step_code in ('withdrawn', 'closed') and s.step_date <= ${asOf}::date)
      group by f.customer_code`.execute(db);
  const stages = new Map<string, CollectionStageRow>();
  const entry = (code: string) => {
    const known = stages.get(code) ?? { code, formalNoticeDate: null, handedOverOn: null };
    stages.set(code, known);
    return known;
  };
  for (const row of notices.rows) entry(row.code).formalNoticeDate = row.date;
  for (const row of handovers.rows) entry(row.code).handedOverOn = row.date;
  return stages;
}
