/**
 * Digests of what a dunning preview answers and of what a run stored: the same plan and the same
 * stored rows before and after a change of the code (ids and instants left out, rows in a stable
 * order).
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { carryOutDunningRun } from '#app/dunning/execute-run';
import type { previewDunningRun } from '#app/dunning/plan-run';

export type Company = Parameters<typeof carryOutDunningRun>[0];

/** A digest of everything a preview answers: the same plan before and after a change of the code. */
export function previewDigest(view: Awaited<ReturnType<typeof previewDunningRun>>): string {
  const hash = createHash('sha256');
  for (const action of view.actions) hash.update(JSON.stringify(action));
  for (const skipped of view.skipped) hash.update(JSON.stringify(skipped));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A digest of what the run stored (its actions with their items, letters, e-mails and attachments,
 * the customers' story lines, tasks and counts), ids and instants left out and rows taken in a
 * stable order: the same run before and after a change of the code.
 */
export async function runDigest(company: Company, runId: number, asOf: string) {
  const result = await sql<{
    digest: string;
    actions: string | null;
    events: string | null;
    tasks: string | null;
    run: string | null;
  }>`
    with actions as (
      select md5(concat_ws('|', a.customer_code, a.action_date, a.policy_code, a.policy_version,
        a.step_code, a.step_kind, a.level, a.channel, a.lang, a.currency, a.open_total_minor,
        a.interest_total_minor, a.indemnity_total_minor, a.credits_minor, a.total_due_minor,
        a.interest_incomplete, a.status, a.origin, a.sms_text, l.filename, l.render_job::text,
        m.idempotency_key, m.category, m.from_address, m.to_addresses::text, m.reply_to, m.subject,
        m.text_body, m.html_body, m.customer_code, m.document_ref, m.status,
        (select string_agg(concat_ws('|', t.position, t.filename, t.content_type, t.render_job::text),
            ';' order by t.position)
          from mail_outbox_attachments t where t.company_id = m.company_id and t.outbox_id = m.outbox_id),
        (select string_agg(concat_ws('|', i.document_id, i.document_ref, i.due_date, i.open_minor,
            i.days_late, i.from_level, i.level, i.step_code, i.step_kind, i.interest_status,
            i.interest_minor, i.indemnity_minor), ';' order by i.document_id)
          from dunning_action_items i where i.company_id = a.company_id and i.action_id = a.action_id),
        (select string_agg(concat_ws('|', k.kind, k.due_date, k.status), ';' order by k.task_id)
          from dunning_call_tasks k where k.company_id = a.company_id and k.action_id = a.action_id)
      )) as line
      from dunning_actions a
      left join dunning_letters l on l.company_id = a.company_id and l.letter_id = a.letter_id
      left join mail_outbox m on m.company_id = a.company_id and m.outbox_id = a.outbox_id
      where a.company_id = ${company.companyId} and a.run_id = ${runId}
    ), events as (
      select md5(concat_ws('|', e.customer_code, e.kind, e.event_date, e.document_ref, e.detail)) as line
      from customer_events e
      where e.company_id = ${company.companyId} and e.event_date = ${asOf}::date and e.kind = 'reminder'
    ), tasks as (
      select md5(concat_ws('|', k.customer_code, k.kind, k.due_date, k.status)) as line
      from dunning_call_tasks k where k.company_id = ${company.companyId} and k.action_id is null
    ), run as (
      select md5(concat_ws('|', r.as_of, r.planned_actions, r.sent_actions, r.skipped_items,
        r.tasks_created, l.filename, l.render_job::text)) as line
      from dunning_runs r
      left join dunning_letters l on l.company_id = r.company_id and l.letter_id = r.batch_letter_id
      where r.company_id = ${company.companyId} and r.run_id = ${runId}
    )
    select md5(concat_ws('#',
      (select string_agg(line, ',' order by line) from actions),
      (select string_agg(line, ',' order by line) from events),
      (select string_agg(line, ',' order by line) from tasks),
      (select line from run))) as digest,
      md5((select string_agg(line, ',' order by line) from actions)) as actions,
      md5((select string_agg(line, ',' order by line) from events)) as events,
      md5((select string_agg(line, ',' order by line) from tasks)) as tasks,
      (select line from run) as run`.execute(company.db);
  const row = result.rows[0];
  const short = (text: string | null | undefined) => (text ?? '').slice(0, 16);
  // The parts too: a change of the print batch (the run line) leaves the actions' digest as it was.
  return {
    digest: short(row?.digest),
    parts: {
      actions: short(row?.actions),
      events: short(row?.events),
      tasks: short(row?.tasks),
      run: short(row?.run),
    },
  };
}
