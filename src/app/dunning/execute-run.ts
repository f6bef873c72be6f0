/**
 * Executing a dunning run as of a date, in one transaction under the company's dunning lock:
 * plan a slice of customers at a time, carry out each action (e-mails into the outbox, letters
 * archived to be laid out when printed, call tasks), log them as sent, raise the day's tasks (claim declarations for customers in insolvency
 * proceedings, broken promises), make the print batch of the letters and audit the run. The plan
 * reads the log, so running the same day twice sends nothing new, and a run after missed days
 * sends each reminder once, at the step each invoice has reached.
 */

import type { Kysely } from 'kysely';
import type { DunningPlan } from '#core/dunning/planner';
import { selectCompany } from '#db/companies/company-queries';
import { insertLetter, insertRun, updateRunCounts } from '#db/dunning/action-queries';
import { insertTask } from '#db/dunning/case-queries';
import { selectLatestTemplates } from '#db/dunning/config-queries';
import { lockDunning } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import { translator } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { mailOf } from '../mail/mail-port.ts';
import { type DeliveryScope, deliverActions } from './deliver.ts';
import { runBatchJob } from './letter-content.ts';
import {
  type ActionView,
  actionView,
  type DunningRunView,
  letterPath,
  type PlanRunInput,
  resolveRunDate,
  type SkippedView,
  skippedViews,
} from './plan-run.ts';
import { planInSlices } from './plan-slices.ts';
import { raiseBrokenPromiseTasks } from './promises.ts';
import { readSettings, senderOf } from './settings.ts';

const RUNNERS = new Set(['admin', 'credit_manager', 'collector']);

/** One claim declaration task per customer in insolvency proceedings with invoices still open. */
async function raiseClaimTasks(
  ctx: AppContext,
  db: Kysely<Database>,
  plan: DunningPlan,
  asOf: string,
): Promise<number> {
  let created = 0;
  const codes = new Set(
    plan.skipped.filter((s) => s.reason === 'insolvency_proceedings').map((s) => s.customerCode),
  );
  for (const customerCode of [...codes].sort()) {
    const taskId = await insertTask(db, ctx.companyId, ctx.actor, {
      customerCode,
      kind: 'declare_claim',
      actionId: null,
      promiseId: null,
      dueDate: asOf,
      assignedTo: null,
      note: '',
    });
    if (taskId !== null) created += 1;
  }
  return created;
}

/** What a run did, without its actions: all a job or a run at scale needs to report. */
export interface DunningRunSummary {
  asOf: string;
  runId: number;
  plannedActions: number;
  sentActions: number;
  /** Letters and registered letters among them: the print batch's letters. */
  letters: number;
  /** E-mails among them, enqueued in the outbox. */
  emails: number;
  skippedItems: number;
  tasksCreated: number;
  batchLetterId: number | null;
}

export interface RunSliceViews {
  actions: ActionView[];
  skipped: SkippedView[];
}

export interface RunOptions {
  /** Customers planned and carried out at a time (memory follows it, not the company). */
  sliceCustomers?: number | undefined;
  /** Given each slice's views as it is done; none: no view is built. */
  onSlice?: ((views: RunSliceViews) => void) | undefined;
}

/**
 * Carries a run out in one transaction under the company's dunning lock, a slice of customers
 * at a time: plan the slice, deliver its actions (e-mails into the outbox, letters stored to be
 * laid out when printed, call tasks, SMS texts), raise its claim tasks, drop it. Then the broken
 * promises' tasks, the print batch (the run's letters, rendered when downloaded) and the audit.
 */
export async function carryOutDunningRun(
  ctx: AppContext,
  input: PlanRunInput = {},
  options: RunOptions = {},
): Promise<DunningRunSummary> {
  if (ctx.user && !RUNNERS.has(ctx.user.role))
    throw new DomainError('forbidden', `the role ${ctx.user.role} may not send reminders`);
  const asOf = await resolveRunDate(ctx, input.asOf);
  const mail = mailOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    await lockDunning(trx, ctx.companyId);
    const runId = await insertRun(trx, ctx.companyId, ctx.actor, asOf);
    const company = await selectCompany(trx, ctx.companyId);
    const shared = {
      ctx,
      trx,
      mail,
      asOf,
      runId,
      sender: senderOf(await readSettings(trx, ctx.companyId), company, ctx.companyId),
      edited: await selectLatestTemplates(trx, ctx.companyId),
      origin: 'run' as const,
    };
    const chosen = input.customerCodes ? new Set(input.customerCodes) : null;
    const counts = {
      plannedActions: 0,
      sentActions: 0,
      letters: 0,
      emails: 0,
      skippedItems: 0,
      tasksCreated: 0,
    };
    // The whole company is planned (the plan of one customer does not depend on another's), and
    // only the chosen customers' actions are carried out, as a run for them alone always did.
    const slices = planInSlices(
      trx,
      ctx.companyId,
      { asOf, riskClasses: input.riskClasses },
      options.sliceCustomers,
    );
    for await (const { data, plan } of slices) {
      const scope: DeliveryScope = { ...shared, data };
      const actions = chosen ? plan.actions.filter((a) => chosen.has(a.customerCode)) : plan.actions;
      const delivered = await deliverActions(scope, actions);
      const views: ActionView[] = [];
      for (const [index, action] of actions.entries()) {
        const done = delivered[index];
        if (!done) continue;
        counts.sentActions += 1;
        if (done.letterId !== null) counts.letters += 1;
        if (done.outboxId !== null) counts.emails += 1;
        if (options.onSlice) views.push(actionView(action, data, { ...done, status: 'sent' }));
      }
      counts.plannedActions += plan.actions.length;
      counts.skippedItems += plan.skipped.length;
      counts.tasksCreated += await raiseClaimTasks(ctx, trx, plan, asOf);
      options.onSlice?.({ actions: views, skipped: skippedViews(plan, data) });
    }
    counts.tasksCreated += await raiseBrokenPromiseTasks(ctx, trx, asOf);
    const batchLetterId =
      counts.letters === 0
        ? null
        : await insertLetter(
            trx,
            ctx.companyId,
            translator('fr')('dunning.letter.batchFilename', { date: asOf }),
            {
              renderJob: runBatchJob(runId),
            },
          );
    const { letters: _letters, emails: _emails, ...stored } = counts;
    await updateRunCounts(trx, ctx.companyId, runId, { ...stored, batchLetterId });
    await recordAudit(ctx, trx, {
      action: 'dunning.run',
      entity: 'dunning_run',
      entityKey: String(runId),
      before: null,
      after: { asOf, ...stored, batchLetterId },
    });
    ctx.log.info('dunning run', { companyId: ctx.companyId, runId, asOf, sent: counts.sentActions });
    return { asOf, runId, ...counts, batchLetterId };
  });
}

/** A run with the view of every action sent and invoice skipped (the API's and the CLI's answer). */
export async function executeDunningRun(
  ctx: AppContext,
  input: PlanRunInput = {},
  sliceCustomers?: number,
): Promise<DunningRunView> {
  const actions: ActionView[] = [];
  const skipped: SkippedView[] = [];
  const summary = await carryOutDunningRun(ctx, input, {
    sliceCustomers,
    onSlice: (views) => {
      actions.push(...views.actions);
      skipped.push(...views.skipped);
    },
  });
  return {
    asOf: summary.asOf,
    runId: summary.runId,
    actions,
    skipped,
    tasksCreated: summary.tasksCreated,
    batchLetterId: summary.batchLetterId,
    batchPath: letterPath(summary.batchLetterId),
  };
}
