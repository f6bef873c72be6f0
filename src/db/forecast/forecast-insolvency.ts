/**
 * The customers in insolvency proceedings at a date, for the payment-date predictions: a claim
 * from before the opening judgment is paid only under the court's plan (C. com. L622-7), never as
 * an ordinary payment, so its invoices get no predicted date and stay out of the collection
 * forecast. Read-only, from the same facts the legal watch and the dunning planner use.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface ProceedingsRow {
  customerCode: string;
  /** 'safeguard' | 'receivership' | 'liquidation'. */
  procedure: string;
  /**
   * The opening judgment's date (BODACC), else the first story line of kind 'insolvency' (its
   * publication, a few days after the judgment); null when the customer's status says so and
   * nothing dates it: then every invoice issued by the date counts as before the judgment.
   */
  since: string | null;
}

/**
 * `statuses`: the customer statuses that mean a procedure (the dunning planner's).
 * A customer is in proceedings at `asOf` when its latest opening judgment known then has no
 * closing after it, or — without any BODACC announcement — when its status is a procedure and its
 * story does not date the procedure after `asOf` (a forecast replayed before the judgment must
 * not know of it).
 */
export async function selectCustomersInProceedings(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  statuses: readonly string[],
): Promise<ProceedingsRow[]> {
  const result = await sql<ProceedingsRow>`
    with announced as (
      select customer_code,
             max(judgment_date) filter (where judgment_kind = 'opening') as opened_on,
             max(judgment_date) filter (where judgment_kind = 'closing') as closed_on,
             (array_agg(procedure order by judgment_date desc)
               filter (where procedure is not null and judgment_kind <> 'closing'))[1] as procedure
        from legal_announcements
       where company_id = ${companyId} and judgment_date <= ${asOf}::date
       group by customer_code
    ), storied as (
      select customer_code, min(event_date) as since
        from customer_events
       where company_id = ${companyId} and kind = 'insolvency'
       group by customer_code
    )
    select a.customer_code as "customerCode", a.procedure, a.opened_on::text as since
      from announced a
     where a.opened_on is not null and a.procedure is not null
       and (a.closed_on is null or a.closed_on < a.opened_on)
    union all
    select c.code, c.status, s.since::text
      from customers c
      left join storied s on s.customer_code = c.code
     where c.company_id = ${companyId}
       and c.status = any (${[...statuses]}::text[])
       and not exists (select 1 from legal_announcements l
                        where l.company_id = c.company_id and l.customer_code = c.code)
       and (s.since is null or s.since <= ${asOf}::date)`.execute(db);
  return result.rows.map((row) => ({ ...row, since: row.since === null ? null : String(row.since) }));
}
