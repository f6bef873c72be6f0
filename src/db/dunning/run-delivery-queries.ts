/**
 * What a run sends, read for its delivery: the run, its registered letters with their
 * recipients (the post office's deposit list), and where its e-mails stand in the outbox.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '#db/infra/schema';

export interface RunDeliveryRow {
  runId: number;
  asOf: string;
  createdAt: Date;
  createdBy: string;
  batchLetterIds: number[];
  letters: number;
}

export interface RegisteredLetterRow {
  actionId: number;
  letterId: number | null;
  customerCode: string;
  customerName: string;
  addressLine1: string | null;
  addressLine2: string | null;
  postalCode: string | null;
  city: string | null;
  country: string;
  totalDueMinor: number;
  currency: string;
}

export async function selectRunDelivery(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
): Promise<RunDeliveryRow | undefined> {
  const { rows } = await sql<RunDeliveryRow>`
    select r.run_id::int as "runId", to_char(r.as_of, 'YYYY-MM-DD') as "asOf",
      r.created_at as "createdAt", r.created_by as "createdBy",
      coalesce(r.batch_letter_ids, '{}')::int[] as "batchLetterIds",
      (select count(*)::int from dunning_actions a
        where a.company_id = r.company_id and a.run_id = r.run_id and a.status = 'sent'
          and a.channel in ('letter', 'registered_letter')) as letters
    from dunning_runs r
    where r.company_id = ${companyId} and r.run_id = ${runId}`.execute(db);
  return rows[0];
}

/** The run's registered letters (not cancelled), in the print batch's order: they come first in it. */
export async function selectRegisteredLetters(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
): Promise<RegisteredLetterRow[]> {
  const { rows } = await sql<RegisteredLetterRow>`
    select a.action_id::int as "actionId", a.letter_id::int as "letterId",
      a.customer_code as "customerCode", c.name as "customerName",
      c.address_line1 as "addressLine1", c.address_line2 as "addressLine2",
      c.postal_code as "postalCode", c.city, c.country,
      a.total_due_minor::bigint as "totalDueMinor", a.currency
    from dunning_actions a
    join customers c on c.company_id = a.company_id and c.code = a.customer_code
    where a.company_id = ${companyId} and a.run_id = ${runId} and a.status = 'sent'
      and a.channel = 'registered_letter'
    order by a.customer_code collate "C", a.action_id`.execute(db);
  return rows.map((row) => ({ ...row, totalDueMinor: Number(row.totalDueMinor) }));
}

/** The run's e-mails by outbox status ('pending', 'sending', 'sent', 'failed', 'held'). */
export async function countRunEmails(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
): Promise<Record<string, number>> {
  const { rows } = await sql<{ status: string; count: number }>`
    select m.status, count(*)::int as count
    from dunning_actions a
    join mail_outbox m on m.company_id = a.company_id and m.outbox_id = a.outbox_id
    where a.company_id = ${companyId} and a.run_id = ${runId} and a.status = 'sent'
    group by m.status`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

/** The figures of a run's actions (not cancelled) that its totals add up (core/dunning/run-totals.ts). */
export interface RunActionFiguresRow {
  customerCode: string;
  currency: string;
  stepKind: string;
  channel: string;
  openTotalMinor: number;
  interestMinor: number;
  indemnityMinor: number;
  creditsMinor: number;
}

export async function selectRunActionFigures(
  db: Kysely<Database>,
  companyId: string,
  runId: number,
): Promise<RunActionFiguresRow[]> {
  const { rows } = await sql<RunActionFiguresRow>`
    select a.customer_code as "customerCode", a.currency, a.step_kind as "stepKind", a.channel,
      a.open_total_minor::bigint as "openTotalMinor", a.interest_total_minor::bigint as "interestMinor",
      a.indemnity_total_minor::bigint as "indemnityMinor", a.credits_minor::bigint as "creditsMinor"
    from dunning_actions a
    where a.company_id = ${companyId} and a.run_id = ${runId} and a.status <> 'cancelled'`.execute(db);
  return rows.map((row) => ({
    ...row,
    openTotalMinor: Number(row.openTotalMinor),
    interestMinor: Number(row.interestMinor),
    indemnityMinor: Number(row.indemnityMinor),
    creditsMinor: Number(row.creditsMinor),
  }));
}
