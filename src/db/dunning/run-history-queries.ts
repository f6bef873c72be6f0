/**
 * The history of a company's dunning runs, newest first, one page at a time: who ran each, when,
 * what it sent by channel (its actions still sent, not those cancelled since) and the amount its
 * reminders claim per currency, as `core/dunning/run-totals.ts` counts it: neither a courtesy e-mail
 * (not yet due) nor a call task claims, and each action deducts all its customer's credits in its
 * currency, so they are deducted once per customer. One statement per page; each run's actions are
 * read by the run's index (`dunning_actions_run`).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface RunHistoryRow {
  runId: number;
  asOf: string;
  createdAt: Date;
  createdBy: string;
  customers: number;
  emails: number;
  letters: number;
  registeredLetters: number;
  sms: number;
  callTasks: number;
  /** Every call task the run raised (its call steps, claims to declare, broken promises). */
  tasksCreated: number;
  cancelled: number;
  skippedItems: number;
  /** The print batch's parts, in print order (none without letters). */
  batchLetterIds: number[];
  /** What the run claims (its reminders, notices, written hand-overs), per currency. */
  totals: { currency: string; totalDueMinor: number }[];
}

export async function selectRunHistory(
  db: Kysely<Database>,
  companyId: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: RunHistoryRow[] }> {
  const { rows } = await sql<RunHistoryRow & { total: number }>`
    select r.run_id::int as "runId", to_char(r.as_of, 'YYYY-MM-DD') as "asOf",
      r.created_at as "createdAt", r.created_by as "createdBy",
      r.tasks_created as "tasksCreated", r.skipped_items as "skippedItems",
      coalesce(r.batch_letter_ids, '{}')::int8[] as "batchLetterIds",
      coalesce(counts.customers, 0)::int as customers,
      coalesce(counts.emails, 0)::int as emails,
      coalesce(counts.letters, 0)::int as letters,
      coalesce(counts.registered, 0)::int as "registeredLetters",
      coalesce(counts.sms, 0)::int as sms,
      coalesce(counts.calls, 0)::int as "callTasks",
      coalesce(counts.cancelled, 0)::int as cancelled,
      coalesce(totals.list, '[]'::json) as totals,
      (select count(*) from dunning_runs t where t.company_id = ${companyId})::int8 as total
    from dunning_runs r
    left join lateral (
      select count(distinct a.customer_code) filter (where a.status = 'sent') as customers,
        count(*) filter (where a.status = 'sent' and a.channel = 'email') as emails,
        count(*) filter (where a.status = 'sent' and a.channel = 'letter') as letters,
        count(*) filter (where a.status = 'sent' and a.channel = 'registered_letter') as registered,
        count(*) filter (where a.status = 'sent' and a.channel = 'sms') as sms,
        count(*) filter (where a.status = 'sent' and a.channel = 'call_task') as calls,
        count(*) filter (where a.status = 'cancelled') as cancelled
      from dunning_actions a
      where a.company_id = r.company_id and a.run_id = r.run_id) counts on true
    left join lateral (
      select json_agg(json_build_object('currency', s.currency, 'totalDueMinor', s.due)
          order by s.currency) as list
      from (select c.currency, sum(c.due)::int8 as due
        from (select a.currency, sum(a.total_due_minor + a.credits_minor) - max(a.credits_minor) as due
          from dunning_actions a
          where a.company_id = r.company_id and a.run_id = r.run_id and a.status = 'sent'
            and a.step_kind <> 'courtesy' and a.channel <> 'call_task'
          group by a.currency, a.customer_code) c
        group by c.currency) s) totals on true
    where r.company_id = ${companyId}
    order by r.run_id desc
    limit ${page.limit} offset ${page.offset}`.execute(db);
  const total = rows[0]?.total ?? (page.offset === 0 ? 0 : await countRuns(db, companyId));
  const items = rows.map(({ total: _total, ...row }) => ({
    ...row,
    // An int8[] comes back as text: the driver's int8 parser does not reach array elements.
    batchLetterIds: row.batchLetterIds.map(Number),
    totals: row.totals.map((line) => ({
      currency: line.currency,
      totalDueMinor: Number(line.totalDueMinor),
    })),
  }));
  return { total: Number(total), items };
}

/** How many runs the company made (a page past the last one still says it). */
async function countRuns(db: Kysely<Database>, companyId: string): Promise<number> {
  const row = await db
    .selectFrom('dunning_runs')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('company_id', '=', companyId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
