/**
 * The customers in insolvency proceedings at a date, for the payment-date predictions: a claim
 * from before the opening judgment is paid only under the court's plan (C. com. L622-7), never as
 * an ordinary payment, so its invoices get no predicted date and stay out of the collection
 * forecast. Read-only, from the same facts the legal watch and the dunning planner use.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

/**
 * The judgments that speak of a procedure's life: one of them known for a customer makes BODACC,
 * not the customer's status, the source (an announcement of another kind says nothing of it).
 */
const LIFE_OF_PROCEDURE = ['opening', 'conversion', 'plan', 'closing'];

/** An instant as a business date in the companies' zone (they are all French for now). */
const dayOf = (instant: RawBuilder<unknown>) => sql`(${instant} at time zone 'Europe/Paris')::date`;

export interface ProceedingsRow {
  customerCode: string;
  /** 'safeguard' | 'receivership' | 'liquidation'. */
  procedure: string;
  /**
   * The opening judgment's date (BODACC; without one known, its earliest conversion or plan), else the first story line of kind 'insolvency' (its
   * publication, a few days after the judgment); null when only the customer's status says so:
   * then every invoice issued by the date counts as before the judgment (the status-change record
   * says when Encours learned of it, not when the judgment was given).
   */
  since: string | null;
}

/**
 * `statuses`: the customer statuses that mean a procedure (the dunning planner's).
 * A customer is in proceedings at `asOf` when its latest opening judgment known then (else its
 * earliest conversion or plan) has no closing after it, or — without any BODACC announcement of a
 * procedure's life — when its status is a procedure and its
 * story does not date the procedure after `asOf` (a forecast replayed before the judgment must
 * not know of it). Without a story line either, the status is dated by when Encours learned it:
 * the audit record of the change into a procedure status (an edit of the customer file, the legal
 * watch or an import), else the customer's creation (imported with that status). A backfilled
 * snapshot or a replay before that day must not know of the procedure.
 */
export async function selectCustomersInProceedings(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  statuses: readonly string[],
): Promise<ProceedingsRow[]> {
  const procedures = sql`any (${[...statuses]}::text[])`;
  const result = await sql<ProceedingsRow>`
    with judged as (
      -- A judgment BODACC does not date is dated by its publication, a few days later.
      select customer_code, procedure, judgment_kind, coalesce(judgment_date, publication_date) as judged_on
        from legal_announcements
       where company_id = ${companyId} and judgment_kind = any (${[...LIFE_OF_PROCEDURE]}::text[])
    ), announced as (
      -- The opening, else the earliest conversion or plan: the watch reads a few months back, so a
      -- procedure opened before it may show only by its conversion into a liquidation or its plan.
      select customer_code,
             coalesce(max(judged_on) filter (where judgment_kind = 'opening'),
                      min(judged_on) filter (where judgment_kind in ('conversion', 'plan'))) as opened_on,
             max(judged_on) filter (where judgment_kind = 'closing') as closed_on,
             (array_agg(procedure order by judged_on desc)
               filter (where procedure is not null and judgment_kind <> 'closing'))[1] as procedure
        from judged
       where judged_on <= ${asOf}::date
       group by customer_code
    ), storied as (
      select customer_code, min(event_date) as since
        from customer_events
       where company_id = ${companyId} and kind = 'insolvency'
       group by customer_code
    ), candidates as (
      select c.code, c.status, c.created_at, c.updated_at
        from customers c
       where c.company_id = ${companyId} and c.status = ${procedures}
         and not exists (select 1 from judged j where j.customer_code = c.code)
    ), status_changes as (
      select a.entity_key as customer_code, a.at, a.after->>'status' = ${procedures} as into_procedure
        from audit_log a
        join candidates k on k.code = a.entity_key
       where a.company_id = ${companyId} and a.entity = 'customer'
         and a.action in ('customer.update', 'import.update') and a.after->>'status' is not null
    ), left_last as (
      select customer_code, max(at) filter (where not into_procedure) as left_on
        from status_changes
       group by customer_code
    ), entered as (
      -- The first move into a procedure since the customer last left one: a safeguard turned
      -- into a receivership is a procedure from the first of the two days.
      select x.customer_code, l.left_on,
             min(x.at) filter (where x.into_procedure and (l.left_on is null or x.at > l.left_on)) as entered_at
        from status_changes x
        join left_last l on l.customer_code = x.customer_code
       group by x.customer_code, l.left_on
    )
    select a.customer_code as "customerCode", a.procedure, a.opened_on::text as since
      from announced a
     where a.opened_on is not null and a.procedure is not null
       and (a.closed_on is null or a.closed_on < a.opened_on)
    union all
    select c.code, c.status, s.since::text
      from candidates c
      left join storied s on s.customer_code = c.code
      left join entered e on e.customer_code = c.code
     where s.since <= ${asOf}::date
        or (s.since is null
            -- No recorded move into the procedure: since the creation, or — when a move out of one
            -- is recorded and the move back in is not — since the file last changed.
            and ${dayOf(sql`coalesce(e.entered_at, case when e.left_on is null then c.created_at else c.updated_at end)`)}
                <= ${asOf}::date)`.execute(db);
  return result.rows.map((row) => ({ ...row, since: row.since === null ? null : String(row.since) }));
}
