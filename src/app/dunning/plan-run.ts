/**
 * Planning a dunning run as of a date: which reminders are due, for which invoices, with what
 * interest and indemnity, and why every other invoice is left out. A preview writes nothing.
 */

import type { Kysely } from 'kysely';
import { isValidIsoDate, maxDate } from '#core/calendar';
import type { DunningPlan, PlannedAction, RaiseReason } from '#core/dunning/planner';
import { likelyLateFirst } from '#core/dunning/pre-due';
import { type RunCurrencyTotals, runClaimTotals } from '#core/dunning/run-totals';
import type { IsoDate } from '#core/types';
import { selectLastRunDate } from '#db/dunning/action-queries';
import { selectKnownCustomerCodes } from '#db/dunning/collector-queries';
import type { Database } from '#db/infra/schema';
import { wordedDate } from '#text/error-words';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { notADate } from './error-params.ts';
import type { PlanData } from './plan-data.ts';
import { type LatenessSourceView, type PlanNotice, planNotices } from './plan-lateness.ts';
import { PLAN_SLICE_CUSTOMERS, planInSlices } from './plan-slices.ts';
import type { BatchFileView } from './print-batch.ts';
import { type CustomerCreditsView, deductedCreditViews } from './run-credits.ts';
import type { ProposalView } from './run-proposals.ts';

export interface ActionItemView {
  documentRef: string;
  dueDate: string;
  openMinor: number;
  daysLate: number;
  fromLevel: number;
  level: number;
  /** null when the step does not claim interest (or a half-year rate is missing: see interestStatus). */
  interestMinor: number | null;
  interestStatus: 'claimed' | 'not_claimed' | 'rate_missing';
  indemnityMinor: number;
  /** Past the step after its last one: the account's formal notice or a catch-up (planned only). */
  raisedBy?: RaiseReason;
}

export interface ActionView {
  actionId: number | null;
  status: 'planned' | 'sent' | 'cancelled';
  customerCode: string;
  customerName: string;
  step: string;
  stepKind: string;
  level: number;
  channel: string;
  currency: string;
  items: ActionItemView[];
  openTotalMinor: number;
  interestMinor: number;
  indemnityMinor: number;
  creditsMinor: number;
  totalDueMinor: number;
  interestIncomplete: boolean;
  outboxId: number | null;
  letterId: number | null;
  /** The letter's download path (HTTP API), once rendered. */
  documentPath: string | null;
  /** A pre-due reminder: the highest predicted probability of lateness of its items (basis points). */
  lateProbabilityBp?: number;
}

export interface SkippedView {
  customerCode: string;
  customerName: string | null;
  documentRef: string;
  reason: string;
  level: number | null;
  /** For an invoice paused on its own ('paused'): until when and why. */
  pausedUntil?: string;
  pauseReason?: string;
  pauseId?: number;
  /** 'likely_on_time': the invoice's predicted probability of lateness and the step's minimum (bp). */
  lateProbabilityBp?: number;
  minimumLateProbabilityBp?: number;
}

export interface DunningRunView {
  asOf: IsoDate;
  runId: number | null;
  actions: ActionView[];
  skipped: SkippedView[];
  /** Per customer, once, the unallocated credits its actions deduct (their `creditsMinor`). */
  deductedCredits: CustomerCreditsView[];
  /** What the run claims per currency, and apart what its call tasks and courtesy e-mails hold. */
  totals: RunCurrencyTotals[];
  tasksCreated: number;
  /** The print batch's first part, and its path (kept for the callers of one batch). */
  batchLetterId: number | null;
  batchPath: string | null;
  /** The print batch's parts in print order, each a PDF of at most `PRINT_BATCH_LETTERS` letters. */
  batchFiles: BatchFileView[];
  /** Where the pre-due steps' probabilities came from; absent when no policy uses them. */
  lateProbabilitySource?: LatenessSourceView;
  /** What the person should know about the plan (codes, worded by `dunningPlanNotice`). */
  notices?: PlanNotice[];
  /**
   * Present only when a run was asked for while the company reviews before sending: nothing was
   * sent, the run was stored as this pending proposal (null: nothing was due on the date).
   */
  proposal?: ProposalView | null;
}

export const letterPath = (letterId: number | null) =>
  letterId === null ? null : `/api/dunning/letters/${letterId}`;

export function actionView(
  action: PlannedAction,
  data: PlanData,
  delivery: {
    actionId: number | null;
    status: ActionView['status'];
    channel?: string;
    outboxId: number | null;
    letterId: number | null;
  },
): ActionView {
  return {
    actionId: delivery.actionId,
    status: delivery.status,
    customerCode: action.customerCode,
    customerName: data.customerRows.get(action.customerCode)?.name ?? action.customerCode,
    step: action.stepCode,
    stepKind: action.stepKind,
    level: action.level,
    channel: delivery.channel ?? action.channel,
    currency: action.currency,
    items: action.items.map((item) => ({
      documentRef: data.invoiceRows.get(item.invoiceId)?.documentRef ?? item.invoiceId,
      dueDate: item.dueDate,
      openMinor: item.openMinor,
      daysLate: item.daysLate,
      fromLevel: item.fromLevel,
      level: item.level,
      interestMinor: item.interest.status === 'claimed' ? item.interest.interestMinor : null,
      interestStatus: item.interest.status,
      indemnityMinor: item.indemnityMinor,
      ...(item.raisedBy ? { raisedBy: item.raisedBy } : {}),
    })),
    openTotalMinor: action.openTotalMinor,
    interestMinor: action.interestTotalMinor,
    indemnityMinor: action.indemnityTotalMinor,
    creditsMinor: action.creditsMinor,
    totalDueMinor: action.totalDueMinor,
    interestIncomplete: action.interestIncomplete,
    outboxId: delivery.outboxId,
    letterId: delivery.letterId,
    documentPath: letterPath(delivery.letterId),
    ...(action.lateProbabilityBp === undefined ? {} : { lateProbabilityBp: action.lateProbabilityBp }),
  };
}

export function skippedViews(plan: DunningPlan, data: PlanData): SkippedView[] {
  return plan.skipped.map((s) => {
    const row = data.invoiceRows.get(s.invoiceId);
    const view: SkippedView = {
      customerCode: s.customerCode,
      customerName: data.customerRows.get(s.customerCode)?.name ?? null,
      documentRef: row?.documentRef ?? s.invoiceId,
      reason: s.reason,
      level: s.level,
    };
    if (s.reason === 'paused' && row?.pausedUntil && row.pauseReason !== null && row.pauseId !== null) {
      view.pausedUntil = row.pausedUntil;
      view.pauseReason = row.pauseReason;
      view.pauseId = Number(row.pauseId);
    }
    if (s.lateProbabilityBp !== undefined) view.lateProbabilityBp = s.lateProbabilityBp;
    if (s.minimumLateProbabilityBp !== undefined) view.minimumLateProbabilityBp = s.minimumLateProbabilityBp;
    return view;
  });
}

export interface PlanRunInput {
  asOf?: string | undefined;
  riskClasses?: Readonly<Record<string, string>> | undefined;
  customerCodes?: readonly string[] | undefined;
}

export async function resolveRunDate(ctx: AppContext, asOf: string | undefined): Promise<IsoDate> {
  if (asOf === undefined) return defaultAsOf(ctx);
  if (!isValidIsoDate(asOf)) throw notADate('asOf', asOf);
  return asOf;
}

/**
 * A run that sends (or a proposal to send) is dated today at the latest: a letter dated ahead would
 * claim interest not yet due. A company frozen at a reference date (the demo) has that date as its
 * today. A preview, which sends nothing, may read any date.
 */
export async function checkNotAhead(ctx: AppContext, asOf: IsoDate): Promise<void> {
  const today = maxDate(ctx.clock.today(), await defaultAsOf(ctx));
  if (asOf > today)
    throw new DomainError(
      'invalid_input',
      { key: 'errors.dunning.runAfterToday', params: { date: wordedDate(asOf), today: wordedDate(today) } },
      { today },
    );
}

/**
 * Nor is it dated before the company's last run: its letters would be dated in the past, claim as
 * due what was paid since and escalate again what that run already reminded. Read in the run's
 * transaction, under the dunning lock, so that two runs cannot pass it together.
 */
export async function checkNotBehind(ctx: AppContext, db: Kysely<Database>, asOf: IsoDate): Promise<void> {
  const last = await selectLastRunDate(db, ctx.companyId);
  if (last !== null && asOf < last)
    throw new DomainError(
      'invalid_input',
      { key: 'errors.dunning.runBeforeLastRun', params: { date: wordedDate(asOf), last: wordedDate(last) } },
      { lastRunAsOf: last },
    );
}

/**
 * A reviewed selection names customers of the company: a code that is not one is a mistake the
 * person must see, not a run that quietly does nothing.
 */
export async function checkChosenCustomers(
  ctx: AppContext,
  codes: readonly string[] | undefined,
): Promise<void> {
  if (codes === undefined || codes.length === 0) return;
  const known = await selectKnownCustomerCodes(ctx.db, ctx.companyId, codes);
  const unknown = [...new Set(codes)].filter((code) => !known.has(code));
  if (unknown.length > 0)
    throw new DomainError(
      'not_found',
      { key: 'errors.dunning.unknownCustomers', params: { codes: unknown.join(', ') } },
      { unknown },
    );
}

/** The run a date would make, without sending or recording anything; planned slice by slice. */
export async function previewDunningRun(
  ctx: AppContext,
  input: PlanRunInput = {},
  sliceCustomers: number = PLAN_SLICE_CUSTOMERS,
): Promise<DunningRunView> {
  const asOf = await resolveRunDate(ctx, input.asOf);
  await checkChosenCustomers(ctx, input.customerCodes);
  return ctx.db.transaction().execute(async (trx) => {
    const actions: ActionView[] = [];
    const skipped: SkippedView[] = [];
    const deductedCredits: CustomerCreditsView[] = [];
    let lateness: PlanData['settings']['lateness'] = null;
    const slices = planInSlices(
      trx,
      ctx.companyId,
      { asOf, riskClasses: input.riskClasses, customerCodes: input.customerCodes },
      sliceCustomers,
    );
    for await (const { data, plan } of slices) {
      lateness = data.settings.lateness;
      for (const action of plan.actions)
        actions.push(
          actionView(action, data, { actionId: null, status: 'planned', outboxId: null, letterId: null }),
        );
      skipped.push(...skippedViews(plan, data));
      deductedCredits.push(...deductedCreditViews(plan.actions, data));
    }
    return {
      asOf,
      runId: null,
      // The pre-due reminders likeliest late first; the others stay in the plan's order.
      actions: likelyLateFirst(actions),
      skipped,
      deductedCredits,
      totals: runClaimTotals(actions),
      tasksCreated: 0,
      batchLetterId: null,
      batchPath: null,
      batchFiles: [],
      ...latenessReport(lateness),
    };
  });
}

/** The run's word on its probabilities of lateness, when some policy uses them. */
export function latenessReport(
  lateness: PlanData['settings']['lateness'],
): Pick<DunningRunView, 'lateProbabilitySource' | 'notices'> {
  if (!lateness) return {};
  return { lateProbabilitySource: lateness.view, notices: planNotices(lateness) };
}
