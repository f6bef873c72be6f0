/**
 * The last dunning step Encours sent for chosen invoices, for the customer file's open items: read
 * from the log of sent actions, as `dunning-state.ts` derives the level, but naming the step.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface SentStepRow {
  documentId: number;
  /** The action's date: the day the step was sent. */
  sentOn: string;
  level: number;
  stepCode: string;
  stepKind: string;
  /** The action's channel (an invoice behind in a letter rides in it at its own step). */
  channel: string;
}

/**
 * The latest step sent on or before `asOf` for each of the invoices that has one: the latest
 * action date, then the highest level (two steps the same day: the later one of the policy).
 * Read by document through the items' index, as the dunning state does.
 */
export async function selectLastSentSteps(
  db: Kysely<Database>,
  companyId: string,
  asOf: string,
  documentIds: readonly number[],
): Promise<SentStepRow[]> {
  if (documentIds.length === 0) return [];
  const result = await sql<SentStepRow>`
    select distinct on (i.document_id) i.document_id::int8 as "documentId", a.action_date as "sentOn",
      i.level, i.step_code as "stepCode", i.step_kind as "stepKind", a.channel
    from dunning_action_items i
    join dunning_actions a on a.company_id = i.company_id and a.action_id = i.action_id
    where i.company_id = ${companyId} and i.document_id = any (${[...documentIds]}::int8[])
      and a.status = 'sent' and a.action_date <= ${asOf}::date
    order by i.document_id, a.action_date desc, i.level desc, a.action_id desc`.execute(db);
  return result.rows;
}
