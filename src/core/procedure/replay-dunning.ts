/**
 * The dunning of a replayed day: the core's planner on the invoices open that day, with the levels
 * each side reached by its own earlier replayed steps (started from the log recorded before the
 * period), so a stricter policy escalates on its own history, not on the one recorded. The
 * reminders of the imported story (sent before Encours) raise the levels as they do in a live run.
 */

import { toDayNumber } from '../calendar.ts';
import { applyImportedReminders } from '../dunning/imported-reminders.ts';
import type { DunningCustomer, DunningInvoice, PlannedAction } from '../dunning/plan-types.ts';
import { planDunning } from '../dunning/planner.ts';
import type { DunningPolicy } from '../dunning/policy.ts';
import type { IsoDate } from '../types.ts';
import { type LedgerIndex, mayBeOpen, openAsOf } from './replay-ledger.ts';
import { remindersUpTo } from './replay-reminders.ts';
import { type SideScores, scoreOn } from './replay-scoring.ts';
import type { RecordedDunningItem, ReplayCustomer, ReplayDocument, ReplaySnapshot } from './replay-types.ts';

export interface InvoiceDunningState {
  level: number;
  lastStepDate: IsoDate | null;
  formalNoticeDate: IsoDate | null;
}

export type DunningState = Map<string, InvoiceDunningState>;

const INSOLVENCY = new Set(['safeguard', 'receivership', 'liquidation']);

/** Moves the state by steps of the log, oldest first: the levels a live run reads after them. */
export function applyRecordedSteps(state: DunningState, items: readonly RecordedDunningItem[]): void {
  for (const item of items) {
    const held = state.get(item.invoiceId);
    state.set(item.invoiceId, {
      level: Math.max(held?.level ?? 0, item.level),
      lastStepDate: item.date,
      formalNoticeDate: item.stepKind === 'formal_notice' ? item.date : (held?.formalNoticeDate ?? null),
    });
  }
}

/** Levels reached by the steps recorded before the period. */
export function initialDunningState(snapshot: ReplaySnapshot, from: IsoDate): DunningState {
  const state: DunningState = new Map();
  const before = snapshot.recordedDunning
    .filter((item) => item.date < from)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  applyRecordedSteps(state, before);
  return state;
}

export interface DunningDayInput {
  snapshot: ReplaySnapshot;
  index: LedgerIndex;
  /** Invoices open on the day (the caller keeps this list as days go by). */
  invoices: readonly ReplayDocument[];
  customers: readonly ReplayCustomer[];
  /** The classes the side reads: the policy chosen by risk class follows them. */
  scores: SideScores;
}

/** Per level, the earliest offset of the next step among the policies (null: no further step). */
export function nextStepOffsets(policies: readonly DunningPolicy[]): (number | null)[] {
  const longest = Math.max(0, ...policies.map((p) => p.steps.length));
  const offsets: (number | null)[] = [];
  for (let level = 0; level < longest; level++) {
    const candidates = policies.flatMap((p) => {
      const step = p.steps[level];
      return step ? [step.offsetDays] : [];
    });
    offsets.push(candidates.length === 0 ? null : Math.min(...candidates));
  }
  return offsets;
}

function promiseOf(input: DunningDayInput, invoice: ReplayDocument, day: IsoDate): DunningInvoice['promise'] {
  let chosen: { madeOn: IsoDate; date: IsoDate; amountMinor: number } | null = null;
  for (const p of input.snapshot.promises) {
    if (p.customerCode !== invoice.customerCode || p.madeOn > day) continue;
    if (p.invoiceIds.length > 0 && !p.invoiceIds.includes(invoice.id)) continue;
    if (!chosen || p.madeOn >= chosen.madeOn)
      chosen = { madeOn: p.madeOn, date: p.lastDueOn, amountMinor: p.totalMinor };
  }
  return chosen ? { date: chosen.date, amountMinor: chosen.amountMinor } : null;
}

function isDisputed(input: DunningDayInput, invoiceId: string, day: IsoDate): boolean {
  return input.snapshot.disputes.some(
    (d) => d.invoiceId === invoiceId && d.from <= day && (d.until === null || day <= d.until),
  );
}

/**
 * The open invoices of the customers that have one reaching a new step today. A customer with none
 * gets no action whatever its other invoices, so the planner sees only these customers — with all
 * their open invoices, since its net-balance rule weighs every one.
 */
function dunningInvoices(
  input: DunningDayInput,
  state: DunningState,
  day: IsoDate,
  offsets: readonly (number | null)[],
): DunningInvoice[] {
  const dayNumber = toDayNumber(day);
  const open: { invoice: ReplayDocument; openMinor: number }[] = [];
  const due = new Set<string>();
  for (const invoice of input.invoices) {
    const openMinor = openAsOf(invoice, day);
    if (openMinor <= 0) continue;
    open.push({ invoice, openMinor });
    const held = state.get(invoice.id);
    const offset = offsets[held?.level ?? 0];
    if (offset === null || offset === undefined || (held?.lastStepDate ?? '') >= day) continue;
    if (toDayNumber(invoice.dueDate) + offset <= dayNumber) due.add(invoice.customerCode);
  }
  const result: DunningInvoice[] = [];
  for (const { invoice, openMinor } of open) {
    if (!due.has(invoice.customerCode)) continue;
    const held = state.get(invoice.id);
    result.push({
      id: invoice.id,
      customerCode: invoice.customerCode,
      dueDate: invoice.dueDate,
      openMinor,
      currency: invoice.currency,
      level: held?.level ?? 0,
      lastStepDate: held?.lastStepDate ?? null,
      formalNoticeDate: held?.formalNoticeDate ?? null,
      disputed: isDisputed(input, invoice.id, day),
      promise: promiseOf(input, invoice, day),
      pausedUntil: null,
      interestBasis: {
        amountMinor: invoice.amountMinor,
        settlements: invoice.settlements
          .filter((s) => s.date <= day)
          .map((s) => ({ date: s.date, amountMinor: s.amountMinor })),
      },
    });
  }
  return result;
}

function dunningCustomers(input: DunningDayInput, day: IsoDate, codes: Set<string>): DunningCustomer[] {
  return input.customers
    .filter((c) => codes.has(c.code))
    .map((c) => {
      const creditsByCurrency = new Map<string, number>();
      for (const doc of input.index.creditsByCustomer.get(c.code) ?? []) {
        if (!mayBeOpen(input.index, doc, day)) continue;
        const openMinor = openAsOf(doc, day);
        if (openMinor < 0)
          creditsByCurrency.set(doc.currency, (creditsByCurrency.get(doc.currency) ?? 0) - openMinor);
      }
      return {
        customerCode: c.code,
        customerType: c.customerType,
        riskClass: scoreOn(input.scores.get(c.code), day).riskClass,
        inInsolvency: INSOLVENCY.has(c.status),
        pausedUntil: c.pausedUntil,
        interestClause: c.interestClause,
        openCredits: [...creditsByCurrency].map(([currency, amountMinor]) => ({ currency, amountMinor })),
      };
    });
}

/** What a run of the day would send from this state, which it leaves as it is. */
export function planDunningDay(
  input: DunningDayInput,
  policies: readonly DunningPolicy[],
  state: DunningState,
  day: IsoDate,
  offsets: readonly (number | null)[] = nextStepOffsets(policies),
): PlannedAction[] {
  const found = dunningInvoices(input, state, day, offsets);
  if (found.length === 0) return [];
  const codes = new Set(found.map((i) => i.customerCode));
  const customers = dunningCustomers(input, day, codes);
  const settings = { asOf: day, policies, rates: input.snapshot.rates, rateMode: input.snapshot.rateMode };
  const reminders = remindersUpTo(input.snapshot.importedReminders, codes, day);
  const invoices = applyImportedReminders(customers, found, reminders, settings);
  return planDunning(customers, invoices, settings).actions;
}

/** Plans the day for one side and moves its state as if the plan had been sent. */
export function dunningDay(
  input: DunningDayInput,
  policies: readonly DunningPolicy[],
  state: DunningState,
  day: IsoDate,
  offsets: readonly (number | null)[] = nextStepOffsets(policies),
): PlannedAction[] {
  const actions = planDunningDay(input, policies, state, day, offsets);
  for (const action of actions)
    for (const item of action.items) {
      const held = state.get(item.invoiceId);
      state.set(item.invoiceId, {
        level: item.level,
        lastStepDate: day,
        formalNoticeDate: item.stepKind === 'formal_notice' ? day : (held?.formalNoticeDate ?? null),
      });
    }
  return actions;
}
