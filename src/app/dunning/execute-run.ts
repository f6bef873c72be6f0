/**
 * Executing a dunning run as of a date, in one transaction under the company's dunning lock:
 * plan a slice of customers at a time, carry out each action (e-mails into the outbox, letters
 * archived to be laid out when printed, call tasks), log them as sent, raise the day's tasks (claim declarations for customers in insolvency
 * proceedings, broken promises), make the print batch of the letters and audit the run. The plan
 * reads the log, so running the same day twice sends nothing new, and a run after missed days
 * takes each invoice one step further (the step after its last one), never straight to a later one.
 * A run is dated today at the latest, and never before the company's last run.
 */

import type { Kysely } from 'kysely';
import type { DunningPlan } from '#core/dunning/planner';
import { likelyLateFirst } from '#core/dunning/pre-due';
import { runClaimTotals } from '#core/dunning/run-totals';
import { selectCompany } from '#db/companies/company-queries';
import { insertTasks } from '#db/dunning/action-batches';
import { insertRun, updateRunCounts } from '#db/dunning/action-queries';
import { selectLatestTemplates } from '#db/dunning/config-queries';
import { lockDunning, withSnapshotReads } from '#db/dunning/run-slices';
import type { Database } from '#db/infra/schema';
import { wordedLabel } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type ClaimDeadline, listClaimDeadlines } from '../legal/claims.ts';
import { mailOf } from '../mail/mail-port.ts';
import { type DeliveryScope, type Prepared, prepareActions } from './compose-actions.ts';
import { storePrepared } from './deliver.ts';
import type { PlanData } from './plan-data.ts';
import {
  type ActionView,
  actionView,
  checkChosenCustomers,
  checkNotAhead,
  checkNotBehind,
  type DunningRunView,
  latenessReport,
  letterPath,
  type PlanRunInput,
  resolveRunDate,
  type SkippedView,
  skippedViews,
} from './plan-run.ts';
import { planInSlices, readingAhead } from './plan-slices.ts';
import { type BatchFileView, storePrintBatch } from './print-batch.ts';
import { raiseBrokenPromiseTasks } from './promises.ts';
import { type CustomerCreditsView, deductedCreditViews } from './run-credits.ts';
import { proposedRun } from './run-proposals.ts';
import { readSettings, senderOf } from './settings.ts';

const RUNNERS = new Set(['admin', 'credit_manager', 'collector']);

function checkRunner(ctx: AppContext): void {
  if (ctx.user && !RUNNERS.has(ctx.user.role))
    throw new DomainError('forbidden', {
      key: 'errors.dunning.roleMayNotSend',
      params: { role: wordedLabel('role', ctx.user.role) },
    });
}

/**
 * One claim declaration task per customer in insolvency proceedings with invoices still open
 * (among the chosen customers of a reviewed selection), due on the claim's deadline as the
 * proceedings page shows it (two months from the judgment's publication, R622-24 C. com.; counted
 * from the judgment the story gives when the publication is not known); none when the claim is
 * already declared or cancelled. A customer whose procedure only its status tells gets a task due
 * today: its deadline is to be found out by a person.
 */
async function raiseClaimTasks(
  ctx: AppContext,
  db: Kysely<Database>,
  plan: DunningPlan,
  asOf: string,
  claims: () => Promise<readonly ClaimDeadline[]>,
  chosen: ReadonlySet<string> | null,
): Promise<number> {
  const codes = new Set(
    plan.skipped
      .filter((s) => s.reason === 'insolvency_proceedings' && (!chosen || chosen.has(s.customerCode)))
      .map((s) => s.customerCode),
  );
  if (codes.size === 0) return 0;
  const latestClaim = new Map<string, ClaimDeadline>();
  for (const claim of await claims())
    if (
      codes.has(claim.customerCode) &&
      (claim.judgmentDate ?? '') >= (latestClaim.get(claim.customerCode)?.judgmentDate ?? '')
    )
      latestClaim.set(claim.customerCode, claim);
  const tasks = [...codes].sort().flatMap((customerCode) => {
    const claim = latestClaim.get(customerCode);
    if (claim && claim.status !== 'to_declare') return [];
    return [{ customerCode, kind: 'declare_claim', actionId: null, dueDate: claim?.deadline ?? asOf }];
  });
  return insertTasks(db, ctx.companyId, ctx.actor, tasks);
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
  /** Every task the run raised: call steps' tasks, claim declarations, broken promises. */
  tasksCreated: number;
  /** The print batch's first part (null without letters). */
  batchLetterId: number | null;
  /** The print batch's parts, in print order. */
  batchFiles: BatchFileView[];
}

export interface RunSliceViews {
  actions: ActionView[];
  skipped: SkippedView[];
  /** The credits the slice's actions sent deduct, per customer. */
  deductedCredits: CustomerCreditsView[];
  /** Where the slice's probabilities of lateness came from (null: no policy in force uses them). */
  lateness: PlanData['settings']['lateness'];
}

export interface RunOptions {
  /** Customers planned and carried out at a time (memory follows it, not the company). */
  sliceCustomers?: number | undefined;
  /** Given each slice's views as it is done; none: no view is built. */
  onSlice?: ((views: RunSliceViews) => void) | undefined;
  /** Letters per file of the print batch (default `PRINT_BATCH_LETTERS`). */
  batchLetters?: number | undefined;
  /**
   * Called in the run's transaction once it holds the dunning lock, before anything is sent: an
   * approved proposal records the run there, and a throw (a proposal decided meanwhile) undoes it.
   */
  withinRun?: ((trx: Kysely<Database>, runId: number) => Promise<void>) | undefined;
}

type RunCounts = Omit<DunningRunSummary, 'asOf' | 'runId' | 'batchLetterId' | 'batchFiles'>;

/**
 * Plans the company a slice of customers at a time and carries each slice's actions out. The
 * whole company is planned (the plan of one customer does not depend on another's), and only the
 * chosen customers' actions are carried out, as a run for them alone always did.
 * Each slice is composed while the one before is stored and the next one read: this process and
 * the database work at the same time. The writes stay in the one transaction (they queue on its
 * connection in the order they are made, so they land slice after slice); on a server the reads
 * go to a second connection under the same snapshot (`withSnapshotReads`), so the server reads
 * the next slice while it stores the one before.
 */
async function carryOutSlices(
  shared: Omit<DeliveryScope, 'data'>,
  input: PlanRunInput,
  options: RunOptions,
  counts: RunCounts,
): Promise<void> {
  const { ctx, trx, asOf } = shared;
  const chosen = input.customerCodes ? new Set(input.customerCodes) : null;
  // The company's claims' deadlines are read once, by the first slice holding a customer in proceedings.
  let claimsRead: Promise<ClaimDeadline[]> | null = null;
  const claims = () => {
    claimsRead ??= listClaimDeadlines({ ...ctx, db: trx }, asOf);
    return claimsRead;
  };
  const storeSlice = async (scope: DeliveryScope, plan: DunningPlan, prepared: readonly Prepared[]) => {
    const { delivered, tasksCreated } = await storePrepared(scope, prepared);
    counts.tasksCreated += tasksCreated;
    const views: ActionView[] = [];
    for (const [index, p] of prepared.entries()) {
      const done = delivered[index];
      if (!done) continue;
      counts.sentActions += 1;
      if (done.letterId !== null) counts.letters += 1;
      if (done.outboxId !== null) counts.emails += 1;
      if (options.onSlice) views.push(actionView(p.action, scope.data, { ...done, status: 'sent' }));
    }
    counts.plannedActions += plan.actions.length;
    counts.skippedItems += plan.skipped.length;
    counts.tasksCreated += await raiseClaimTasks(ctx, trx, plan, asOf, claims, chosen);
    // A reviewed selection reports what was left out of its own customers only.
    const skipped = skippedViews(plan, scope.data).filter((s) => !chosen || chosen.has(s.customerCode));
    options.onSlice?.({
      actions: views,
      skipped,
      deductedCredits: deductedCreditViews(views, scope.data),
      lateness: scope.data.settings.lateness,
    });
  };
  let storing: Promise<void> = Promise.resolve();
  await withSnapshotReads(trx, async (reader) => {
    const slices = planInSlices(
      reader,
      ctx.companyId,
      { asOf, riskClasses: input.riskClasses },
      options.sliceCustomers,
    );
    try {
      for await (const { data, plan } of readingAhead(slices)) {
        const scope: DeliveryScope = { ...shared, data };
        const actions = chosen ? plan.actions.filter((a) => chosen.has(a.customerCode)) : plan.actions;
        const prepared = await prepareActions(scope, actions);
        await storing;
        storing = storeSlice(scope, plan, prepared);
        // Awaited at the next slice or after the last; a failure is never left unheard meanwhile.
        storing.catch(() => {});
      }
      await storing;
    } catch (error) {
      // The transaction rolls back only once nothing of it is still on its way.
      await storing.catch(() => {});
      throw error;
    }
  });
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
  checkRunner(ctx);
  const asOf = await resolveRunDate(ctx, input.asOf);
  await checkNotAhead(ctx, asOf);
  await checkChosenCustomers(ctx, input.customerCodes);
  const mail = mailOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    await lockDunning(trx, ctx.companyId);
    await checkNotBehind(ctx, trx, asOf);
    // The customers it is limited to, for the policy replay's check of what it sent.
    const runId = await insertRun(trx, ctx.companyId, ctx.actor, asOf, input.customerCodes ?? null);
    await options.withinRun?.(trx, runId);
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
    const counts = {
      plannedActions: 0,
      sentActions: 0,
      letters: 0,
      emails: 0,
      skippedItems: 0,
      tasksCreated: 0,
    };
    await carryOutSlices(shared, input, options, counts);
    counts.tasksCreated += await raiseBrokenPromiseTasks(ctx, trx, asOf);
    const batchFiles = await storePrintBatch(
      trx,
      ctx.companyId,
      { runId, asOf, letters: counts.letters },
      options.batchLetters,
    );
    const batchLetterIds = batchFiles.map((file) => file.letterId);
    const batchLetterId = batchLetterIds[0] ?? null;
    const { letters: _letters, emails: _emails, ...stored } = counts;
    await updateRunCounts(trx, ctx.companyId, runId, { ...stored, batchLetterIds });
    await recordAudit(ctx, trx, {
      action: 'dunning.run',
      entity: 'dunning_run',
      entityKey: String(runId),
      before: null,
      after: { asOf, ...stored, batchLetterId, batchLetterIds },
    });
    ctx.log.info('dunning run', { companyId: ctx.companyId, runId, asOf, sent: counts.sentActions });
    return { asOf, runId, ...counts, batchLetterId, batchFiles };
  });
}

/**
 * A run with the view of every action sent and invoice skipped (the API's and the CLI's answer).
 * A company that reviews before sending gets a pending proposal instead, whoever asks: otherwise
 * a person who may not approve would send by asking for a run rather than waiting for the approval.
 */
export async function executeDunningRun(
  ctx: AppContext,
  input: PlanRunInput = {},
  sliceCustomers?: number,
  batchLetters?: number,
): Promise<DunningRunView> {
  checkRunner(ctx);
  if ((await readSettings(ctx.db, ctx.companyId)).reviewBeforeSending) return proposedRun(ctx, input);
  const actions: ActionView[] = [];
  const skipped: SkippedView[] = [];
  const deductedCredits: CustomerCreditsView[] = [];
  let lateness: PlanData['settings']['lateness'] = null;
  const summary = await carryOutDunningRun(ctx, input, {
    sliceCustomers,
    batchLetters,
    onSlice: (views) => {
      actions.push(...views.actions);
      skipped.push(...views.skipped);
      deductedCredits.push(...views.deductedCredits);
      lateness = views.lateness;
    },
  });
  return {
    asOf: summary.asOf,
    runId: summary.runId,
    // As the preview lists them: the pre-due reminders likeliest late first, the others in order.
    actions: likelyLateFirst(actions),
    skipped,
    deductedCredits,
    totals: runClaimTotals(actions),
    ...latenessReport(lateness),
    tasksCreated: summary.tasksCreated,
    batchLetterId: summary.batchLetterId,
    batchPath: letterPath(summary.batchLetterId),
    batchFiles: summary.batchFiles,
  };
}
