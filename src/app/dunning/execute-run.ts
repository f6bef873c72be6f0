/**
 * Executing a dunning run as of a date, in one transaction under the company's dunning lock:
 * plan, carry out each action (e-mails into the outbox, letters rendered and archived, call
 * tasks), log them as sent, raise the day's tasks (claim declarations for customers in insolvency
 * proceedings, broken promises), make the print batch of the letters and audit the run. The plan
 * reads the log, so running the same day twice sends nothing new, and a run after missed days
 * sends each reminder once, at the step each invoice has reached.
 */

import type { Kysely } from 'kysely';
import type { DunningPlan } from '#core/dunning/planner';
import { planDunning } from '#core/dunning/planner';
import { selectCompany } from '#db/companies/company-queries';
import { insertLetter, insertRun, updateRunCounts } from '#db/dunning/action-queries';
import { insertTask } from '#db/dunning/case-queries';
import { selectLatestTemplates } from '#db/dunning/config-queries';
import { lockDunning } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import { type LetterModel, renderLetters } from '#render/letters';
import { translator } from '#text/catalogue';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { mailOf } from '../mail/mail-port.ts';
import { deliverAction } from './deliver.ts';
import { loadPlanData, type PlanData } from './plan-data.ts';
import {
  actionView,
  type DunningRunView,
  letterPath,
  type PlanRunInput,
  resolveRunDate,
  skippedViews,
} from './plan-run.ts';
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

/** The print batch: registered letters first (they go to the post office), then by customer. */
async function printBatch(ctx: AppContext, db: Kysely<Database>, letters: LetterModel[], asOf: string) {
  if (letters.length === 0) return null;
  const ordered = [...letters].sort(
    (a, b) =>
      Number(b.registered) - Number(a.registered) ||
      a.recipient.customerCode.localeCompare(b.recipient.customerCode),
  );
  const filename = translator('fr')('dunning.letter.batchFilename', { date: asOf });
  return insertLetter(db, ctx.companyId, filename, await renderLetters(ordered));
}

export async function executeDunningRun(ctx: AppContext, input: PlanRunInput = {}): Promise<DunningRunView> {
  if (ctx.user && !RUNNERS.has(ctx.user.role))
    throw new DomainError('forbidden', `the role ${ctx.user.role} may not send reminders`);
  const asOf = await resolveRunDate(ctx, input.asOf);
  const mail = mailOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    await lockDunning(trx, ctx.companyId);
    const data: PlanData = await loadPlanData(trx, ctx.companyId, { asOf, riskClasses: input.riskClasses });
    const plan = planDunning(data.customers, data.invoices, data.settings);
    const chosen = input.customerCodes ? new Set(input.customerCodes) : null;
    const actions = chosen ? plan.actions.filter((a) => chosen.has(a.customerCode)) : plan.actions;
    const runId = await insertRun(trx, ctx.companyId, ctx.actor, asOf);
    const company = await selectCompany(trx, ctx.companyId);
    const scope = {
      ctx,
      trx,
      mail,
      data,
      asOf,
      runId,
      sender: senderOf(await readSettings(trx, ctx.companyId), company, ctx.companyId),
      edited: await selectLatestTemplates(trx, ctx.companyId),
      origin: 'run' as const,
    };
    const views = [];
    const letters: LetterModel[] = [];
    for (const action of actions) {
      const delivered = await deliverAction(scope, action);
      if (delivered.letter) letters.push(delivered.letter);
      views.push(actionView(action, data, { ...delivered, status: 'sent' }));
    }
    const tasksCreated =
      (await raiseClaimTasks(ctx, trx, plan, asOf)) + (await raiseBrokenPromiseTasks(ctx, trx, asOf));
    const batchLetterId = await printBatch(ctx, trx, letters, asOf);
    const skipped = skippedViews(plan, data);
    const counts = {
      plannedActions: plan.actions.length,
      sentActions: views.length,
      skippedItems: skipped.length,
      tasksCreated,
      batchLetterId,
    };
    await updateRunCounts(trx, ctx.companyId, runId, counts);
    await recordAudit(ctx, trx, {
      action: 'dunning.run',
      entity: 'dunning_run',
      entityKey: String(runId),
      before: null,
      after: { asOf, ...counts },
    });
    ctx.log.info('dunning run', { companyId: ctx.companyId, runId, asOf, sent: views.length });
    return {
      asOf,
      runId,
      actions: views,
      skipped,
      tasksCreated,
      batchLetterId,
      batchPath: letterPath(batchLetterId),
    };
  });
}
