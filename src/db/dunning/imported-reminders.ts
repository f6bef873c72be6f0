/**
 * The reminders of the customers' imported story (`customer_events` of kind 'reminder'), which
 * the planner counts for the invoices' levels (`core/dunning/imported-reminders.ts`).
 */
import { type Kysely, sql } from 'kysely';
import { isImportedFormalNotice } from '#core/dunning/imported-reminders';
import type { Database } from '../infra/schema.ts';

export interface ImportedReminderRow {
  customerCode: string;
  date: string;
  /** One of the day's lines says it was a formal notice by registered letter. */
  formalNotice: boolean;
}

/**
 * The days, on or before `asOf`, on which the story of one of the customers tells of a reminder
 * that Encours did not send. Encours writes a story line with every action it records (a run's or
 * a manual one), for the action's customer and on the action's date; a line with no action of its
 * customer that day came from elsewhere (the history imported with the customers). The codes are
 * those of the customers with open invoices (a slice's), each an equality on the story's index by
 * customer and date. Without codes (a policy replay), every customer's. A day whose line says it was
 * a formal notice by registered letter is marked so (`isImportedFormalNotice`).
 */
export async function selectImportedReminders(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  customerCodes?: readonly string[],
): Promise<ImportedReminderRow[]> {
  if (customerCodes?.length === 0) return [];
  const only = customerCodes ? sql`and e.customer_code = any (${[...customerCodes]}::text[])` : sql``;
  // The words of the day's lines that may tell of a notice, for the core to read (the others stay here).
  const result = await sql<{ customerCode: string; date: string; details: string[] | null }>`
    select e.customer_code as "customerCode", e.event_date as date,
      array_agg(e.detail) filter (where e.detail ~* '(demeure|formal notice|letter before action)') as details
    from customer_events e
    where e.company_id = ${companyId} ${only}
      and e.kind = 'reminder' and e.event_date <= ${asOf}::date
      and not exists (select 1 from dunning_actions a where a.company_id = e.company_id
        and a.customer_code = e.customer_code and a.action_date = e.event_date)
    group by 1, 2
    order by 1, 2`.execute(db);
  return result.rows.map(({ details, ...row }) => ({
    ...row,
    formalNotice: (details ?? []).some(isImportedFormalNotice),
  }));
}
