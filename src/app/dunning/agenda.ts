/**
 * The collector's agenda for a day: every customer needing attention (overdue, a broken promise,
 * a reminder due today, money soon due that the payment-date model expects late, a decision or a
 * dispute waiting — imported disputes included), ranked by the core's explained score, with the
 * day's planned reminders, open tasks and disputes, and each reason worded for the reader. A
 * salesperson gets only their own customers.
 */
import { addDays, daysBetween } from '#core/calendar';
import {
  type AgendaAction,
  type AgendaCustomerFacts,
  type AgendaFactor,
  buildAgenda,
} from '#core/dunning/agenda';
import { type AgendaScope, inAgendaScope } from '#core/dunning/agenda-scope';
import type { IsoDate } from '#core/types';
import { selectAgendaFacts, selectCustomerNames } from '#db/dunning/agenda-queries';
import { selectMarksHidingOn } from '#db/dunning/collector-queries';
import { selectDunningCustomers } from '#db/dunning/dunning-state';
import { selectTasks } from '#db/dunning/task-queries';
import { selectLatestForecastRun, selectStoredPredictions } from '#db/forecast/forecast-store';
import { type Lang, label, translator } from '#text/catalogue';
import { stepName } from '#text/dunning-step-name';
import { formatDays, formatMoney, onScreen } from '#text/format';
import type { AppContext } from '../context.ts';
import { MODEL_VERSION } from '../forecast/forecast-data.ts';
import { predictOpenInvoices } from '../forecast/predictions.ts';
import { type AgendaHeldOrder, type AgendaLimitRequest, pendingCreditByCustomer } from './agenda-credit.ts';
import { type AgendaDispute, agendaDisputeText, disputesWaitingByCustomer } from './agenda-disputes.ts';
import { type TargetProgress, targetProgress } from './collection-targets.ts';
import { agendaScopeOf, collectorUser, listCollectors } from './collectors.ts';
import { loadPolicies } from './plan-data.ts';
import { resolveRunDate } from './plan-run.ts';
import { planInSlices } from './plan-slices.ts';
import { assessPromises } from './promises.ts';
import { portfolioOf } from './queries.ts';

export interface AgendaEntryView {
  rank: number;
  customerCode: string;
  customerName: string;
  salesperson: string | null;
  /** The collector whose portfolio holds the customer; null when unassigned. */
  collector: string | null;
  scorePoints: number;
  overdueMinor: number;
  currency: string;
  factors: AgendaFactor[];
  /** One sentence per factor that scored, best first, in the reader's language. */
  reasons: string[];
  plannedActions: { step: string; stepKind: string; channel: string }[];
  openTasks: { taskId: number; kind: string; dueDate: string }[];
  /** Disputes waiting: the records and the imported ones still open, oldest first. */
  openDisputes: AgendaDispute[];
  heldOrders: AgendaHeldOrder[];
  limitRequests: AgendaLimitRequest[];
}

export interface AgendaView {
  asOf: IsoDate;
  /** Whose agenda this is: one collector's portfolio, every customer, or the unassigned ones. */
  scope: { kind: AgendaScope['kind']; collector: string | null };
  /** The collectors a manager may pick from, with the size of their portfolio. */
  collectors: { email: string; name: string; customers: number }[];
  /** Entries of the scope taken off today's list (done today, or snoozed). */
  hiddenCount: number;
  /** The month's collection target and progress of the scope's collector, or of every collector. */
  targets: TargetProgress[];
  entries: AgendaEntryView[];
}

/** One factor of an entry worded for a person (exported for its test). */
export function reasonOf(lang: Lang, factor: AgendaFactor, currency: string): string {
  const t = translator(lang);
  const value = (() => {
    switch (factor.factor) {
      case 'amount_overdue':
      case 'likely_late':
        return formatMoney(lang, Number(factor.input), currency);
      case 'days_late':
        return formatDays(lang, Number(factor.input));
      case 'trend': {
        // A sentence read on screen: the minus sign as the web's amounts take it.
        const change = Number(factor.input);
        return `${change > 0 ? '+' : ''}${onScreen(formatMoney(lang, change, currency), lang)}`;
      }
      case 'risk_class':
        return factor.input === null ? '—' : String(factor.input);
      default:
        return String(factor.input ?? 0);
    }
  })();
  return t(`dunningAgendaFactor.${factor.factor}`, { value });
}

/** Days ahead in which money falling due and predicted late earns a call before its due date. */
export const LIKELY_LATE_HORIZON_DAYS = 15;

/**
 * A stored forecast this many days old still ranks the agenda: the `forecast.snapshot` job stores
 * one a week, and retraining the model on every agenda request costs seconds on a large ledger.
 */
export const STORED_PREDICTIONS_MAX_AGE_DAYS = 7;

/** At least one half, in basis points: the likely-late threshold. */
const LIKELY_LATE_BP = 5_000;

/**
 * Per customer, the open amount of the invoices due within the horizon (not yet overdue) whose
 * predicted probability of being paid late is at least one half. The predictions come from the
 * latest stored run of the current model (at most a week old), for the invoices still open at the
 * date, with their open amount then; without such a run they are computed.
 */
async function likelyLateByCustomer(ctx: AppContext, asOf: IsoDate): Promise<Map<string, number>> {
  const horizon = addDays(asOf, LIKELY_LATE_HORIZON_DAYS);
  const amounts = new Map<string, number>();
  const add = (customerCode: string, openMinor: number) =>
    amounts.set(customerCode, (amounts.get(customerCode) ?? 0) + openMinor);
  const run = await selectLatestForecastRun(ctx.db, ctx.companyId, {
    asOf,
    notBefore: addDays(asOf, -STORED_PREDICTIONS_MAX_AGE_DAYS),
    modelVersion: MODEL_VERSION,
  });
  if (run) {
    // Invoices issued after the run have no stored prediction: with usual terms they fall due
    // beyond the horizon, and the next weekly run predicts them.
    const stored = await selectStoredPredictions(ctx.db, ctx.companyId, {
      runId: run.runId,
      asOf,
      dueFrom: asOf,
      dueTo: horizon,
    });
    for (const p of stored) if (p.probabilityLateBp >= LIKELY_LATE_BP) add(p.customerCode, p.openMinor);
    return amounts;
  }
  const { predictions } = await predictOpenInvoices(ctx, asOf);
  for (const p of predictions)
    if (p.dueDate >= asOf && p.dueDate <= horizon && p.probabilityLate >= 0.5)
      add(p.customerCode, p.openMinor);
  return amounts;
}

/** Whether some customer is in the collector's portfolio (a collector since disabled included). */
function holdsPortfolio(assignments: ReadonlyMap<string, string>, email: string): boolean {
  for (const collector of assignments.values()) if (collector.toLowerCase() === email) return true;
  return false;
}

export async function getAgenda(
  ctx: AppContext,
  input: { asOf?: string | undefined; lang?: Lang; collector?: string | undefined } = {},
): Promise<AgendaView> {
  const asOf = await resolveRunDate(ctx, input.asOf);
  const lang = input.lang ?? 'fr';
  const salesperson = portfolioOf(ctx);
  const { scope, assignments } = await agendaScopeOf(ctx, input.collector, lang);
  // An e-mail that names no collector is an error, not an empty day (a typo would read as "nothing to do").
  if (scope.kind === 'collector' && !holdsPortfolio(assignments, scope.email))
    await collectorUser(ctx, scope.email, lang);
  const hidden = new Set((await selectMarksHidingOn(ctx.db, ctx.companyId, asOf)).map((m) => m.customerCode));
  const collectors = salesperson === undefined ? await listCollectors(ctx) : [];
  let hiddenCount = 0;
  /** In the reader's scope and not taken off today's list; counts those taken off. */
  const shown = (code: string) => {
    if (!inAgendaScope(scope, assignments.get(code) ?? null)) return false;
    if (!hidden.has(code)) return true;
    hiddenCount += 1;
    return false;
  };
  const likelyLate = await likelyLateByCustomer(ctx, asOf);
  const pendingCredit = await pendingCreditByCustomer(ctx, lang);
  const targets =
    salesperson !== undefined
      ? []
      : (await targetProgress(ctx, asOf, collectors)).filter(
          (row) => scope.kind !== 'collector' || row.collector === scope.email,
        );
  return ctx.db.transaction().execute(async (trx) => {
    const facts = await selectAgendaFacts(trx, ctx.companyId, {
      asOf,
      previousAsOf: addDays(asOf, -30),
      salesperson,
    });
    // Planned a slice of customers at a time, keeping of each action only what the agenda shows:
    // memory follows the slice and the day's actions, not every open invoice of the company.
    const planned: AgendaAction[] = [];
    for await (const { plan } of planInSlices(trx, ctx.companyId, { asOf }))
      for (const a of plan.actions)
        planned.push({
          customerCode: a.customerCode,
          channel: a.channel,
          stepCode: a.stepCode,
          stepKind: a.stepKind,
        });
    const promises = await assessPromises(trx, ctx.companyId, asOf);
    const tasks = await selectTasks(trx, ctx.companyId, { status: 'open', salesperson });
    const disputes = await disputesWaitingByCustomer(trx, ctx.companyId, salesperson);
    const broken = new Map<string, number>();
    for (const p of promises)
      if (p.assessment.status === 'broken' || p.assessment.status === 'partially_kept')
        broken.set(p.customerCode, (broken.get(p.customerCode) ?? 0) + 1);
    const factsByCode = new Map(facts.map((f) => [f.customerCode, f]));
    const extraCodes = [
      ...new Set([
        ...broken.keys(),
        ...planned.map((a) => a.customerCode),
        ...likelyLate.keys(),
        ...pendingCredit.keys(),
        ...disputes.keys(),
      ]),
    ].filter((code) => !factsByCode.has(code));
    const extra = (await selectCustomerNames(trx, ctx.companyId, extraCodes)).filter(
      (c) => salesperson === undefined || c.salesperson === salesperson,
    );
    const codes = [...facts.map((f) => f.customerCode), ...extra.map((c) => c.code)].filter(shown);
    const classes = new Map(
      (await selectDunningCustomers(trx, ctx.companyId, asOf, codes)).map((c) => [c.code, c.riskClass]),
    );
    const coreFacts: AgendaCustomerFacts[] = codes.map((code) => {
      const f = factsByCode.get(code);
      return {
        customerCode: code,
        overdueMinor: f?.overdueMinor ?? 0,
        previousOverdueMinor: f?.previousOverdueMinor ?? 0,
        oldestDaysLate: f?.oldestDueDate ? daysBetween(f.oldestDueDate, asOf) : 0,
        riskClass: classes.get(code) ?? null,
        brokenPromises: broken.get(code) ?? 0,
        likelyLateMinor: likelyLate.get(code) ?? 0,
        pendingDecisions:
          (pendingCredit.get(code)?.heldOrders.length ?? 0) +
          (pendingCredit.get(code)?.limitRequests.length ?? 0),
        openDisputes: disputes.get(code)?.complaints ?? 0,
      };
    });
    const visible = new Set(codes);
    const actions = planned.filter((a) => visible.has(a.customerCode));
    const names = new Map<string, { name: string; salesperson: string | null }>([
      ...facts.map((f) => [f.customerCode, { name: f.customerName, salesperson: f.salesperson }] as const),
      ...extra.map((c) => [c.code, { name: c.name, salesperson: c.salesperson }] as const),
    ]);
    const currency = (await loadPolicies(trx, ctx.companyId))[0]?.currency ?? 'EUR';
    const tasksOf = Map.groupBy(tasks, (t) => t.customerCode);
    const entries = buildAgenda(coreFacts, actions).map((entry) => ({
      rank: entry.rank,
      customerCode: entry.customerCode,
      customerName: names.get(entry.customerCode)?.name ?? entry.customerCode,
      salesperson: names.get(entry.customerCode)?.salesperson ?? null,
      collector: assignments.get(entry.customerCode) ?? null,
      scorePoints: entry.scorePoints,
      overdueMinor: factsByCode.get(entry.customerCode)?.overdueMinor ?? 0,
      currency,
      factors: entry.factors,
      reasons: [...entry.factors]
        .filter((f) => f.points !== 0)
        .sort((a, b) => b.points - a.points)
        .map((f) => reasonOf(lang, f, currency)),
      plannedActions: entry.actions.map((a) => ({
        step: a.stepCode,
        stepKind: a.stepKind,
        channel: a.channel,
      })),
      openTasks: (tasksOf.get(entry.customerCode) ?? []).map((t) => ({
        taskId: t.taskId,
        kind: t.kind,
        dueDate: t.dueDate,
      })),
      openDisputes: disputes.get(entry.customerCode)?.disputes ?? [],
      heldOrders: pendingCredit.get(entry.customerCode)?.heldOrders ?? [],
      limitRequests: pendingCredit.get(entry.customerCode)?.limitRequests ?? [],
    }));
    return {
      asOf,
      scope: { kind: scope.kind, collector: scope.kind === 'collector' ? scope.email : null },
      collectors: collectors.map(({ email, name, customers }) => ({ email, name, customers })),
      hiddenCount,
      targets,
      entries,
    };
  });
}

/** The agenda's reason lines for a terminal or a test, e.g. « 1. C001 Alpha — Montant échu : … ». */
export function agendaLines(view: AgendaView, lang: Lang): string[] {
  return view.entries.map(
    (e) =>
      `${e.rank}. ${e.customerCode} ${e.customerName} (${e.scorePoints}) — ${[
        ...e.reasons,
        ...e.plannedActions.map((a) =>
          stepName(translator(lang), (domain, code) => label(lang, domain, code), a),
        ),
        ...e.openDisputes.map((d) => agendaDisputeText(lang, d)),
      ].join(translator(lang)('common.listSeparator'))}`,
  );
}
