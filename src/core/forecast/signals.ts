/**
 * Disputes, promises and reminders as terms of the prediction, not only as reasons. At a cut-off
 * each signal comes from the events dated on or before it, and its typical effect from the
 * history known then — by default the invoices paid by the cut-off, as the habits model learns
 * (counting the ones still unpaid as "not paid yet" is an option; it did worse in the back-test,
 * which can score only invoices paid later, see BENCHMARKS.md):
 * - an open dispute holds the payment until the segment's median resolution time has passed
 *   since it was raised (the company's, or a default, when the segment has too few disputes);
 * - a promise not yet due moves the median to the promised date, shifted by how late the customer
 *   paid its earlier promises (its promise-keeping record, broken promises counted), and is set
 *   aside when the customer has left most of them unpaid;
 * - a reminder holds the payment until the median time from a reminder of that level to payment.
 * The dates move as a whole (the shape of the distribution is kept), never to the cut-off or before.
 */
import { fromDayNumber, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { addInvoiceEvents, eventsByDocument, finishEventTerms, startEventFold } from './event-fold.ts';
import { medianAfter, type SurvivalCurve } from './survival.ts';
import type { InvoiceEvent, InvoiceRecord, InvoiceSignals, PredictionReason } from './types.ts';

export interface EventOptions {
  disputes: boolean;
  promises: boolean;
  reminders: boolean;
  /** Resolution time of a dispute when neither the segment nor the company has enough history. */
  defaultDisputeResolutionDays: number;
  /** Fewest disputes (or reminders of a level) a typical time is learned from. */
  minObservations: number;
  /** Reminders of this level and above share one typical time. */
  maxReminderLevel: number;
  /**
   * Count the histories still unpaid at the cut-off (Kaplan–Meier); otherwise only the paid ones,
   * like the habits model, which learns from the invoices paid by the cut-off.
   */
  countUnpaid: boolean;
  /** Take the median among the histories that lasted at least as long as this one has so far. */
  conditional: boolean;
}

/**
 * Reminders are a reason, not a floor: a reminder is sent because the invoice is late, so « time
 * from a reminder to the payment » measures lateness, not what the reminder does; as a floor it
 * moved every reminded invoice weeks later on the day a run sent one (525 of the demo's 1,138 open
 * invoices, up to 50 days), read as « reminding delays the payment ». Without it the demo's
 * back-test is the same (MAE 13.60 against 13.61 d, late accuracy 0.922 both: BENCHMARKS.md).
 */
export const DEFAULT_EVENT_OPTIONS: EventOptions = {
  disputes: true,
  promises: true,
  reminders: false,
  defaultDisputeResolutionDays: 30,
  minObservations: 10,
  maxReminderLevel: 3,
  countUnpaid: false,
  conditional: false,
};

export interface TypicalDays {
  /** Median days from the event to the payment. */
  days: number;
  observations: number;
  curve: SurvivalCurve;
}

/** What the history known at the cut-off says about the time from an event to the payment. */
export interface EventTerms {
  disputeBySegment: ReadonlyMap<string, TypicalDays>;
  disputeCompany: TypicalDays | null;
  /** By reminder level, 1 … maxReminderLevel. */
  reminderByLevel: ReadonlyMap<number, TypicalDays>;
  /** Each customer's record of keeping its promises. */
  promiseRecords: ReadonlyMap<string, PromiseRecord>;
}

export interface PromiseRecord {
  /**
   * Median days from the promised date to the payment (negative: paid before); null when more
   * than half of its promises are still unpaid: the customer does not keep them.
   */
  slipDays: number | null;
  promises: number;
}

/** The signals of every invoice named by an event dated on or before the cut-off. */
export function signalsAt(events: readonly InvoiceEvent[], cutoff: IsoDate): Map<number, InvoiceSignals> {
  const signals = new Map<number, InvoiceSignals>();
  for (const event of knownInOrder(events, cutoff)) {
    const entry = signals.get(event.documentId) ?? {};
    applyEvent(entry, event);
    signals.set(event.documentId, entry);
  }
  return signals;
}

/**
 * One invoice's signals at the cut-off from its own events (in the order the company's events
 * come): what `signalsAt` gives for it, without the other invoices' events.
 */
export function signalsOf(events: readonly InvoiceEvent[], cutoff: IsoDate): InvoiceSignals | undefined {
  const known = knownInOrder(events, cutoff);
  if (known.length === 0) return undefined;
  const entry: InvoiceSignals = {};
  for (const event of known) applyEvent(entry, event);
  return entry;
}

function knownInOrder(events: readonly InvoiceEvent[], cutoff: IsoDate): InvoiceEvent[] {
  return (
    events
      .filter((event) => event.date <= cutoff)
      // The same day, a dispute is raised before it is resolved.
      .sort((a, b) => a.date.localeCompare(b.date) || kindOrder(a.kind) - kindOrder(b.kind))
  );
}

function applyEvent(entry: InvoiceSignals, event: InvoiceEvent): void {
  if (event.kind === 'dispute_opened') entry.disputeOpenedOn ??= event.date;
  else if (event.kind === 'dispute_resolved') entry.disputeOpenedOn = undefined;
  else if (event.kind === 'promise') {
    entry.promiseMadeOn = event.date;
    entry.promisedDate = event.promisedDate;
  } else {
    entry.remindersSent = (entry.remindersSent ?? 0) + 1;
    entry.reminderLevel = Math.max(entry.reminderLevel ?? 0, event.level ?? entry.remindersSent);
    entry.lastReminderOn = event.date;
  }
}

function kindOrder(kind: InvoiceEvent['kind']): number {
  return kind === 'dispute_opened' ? 0 : kind === 'dispute_resolved' ? 1 : 2;
}

/**
 * The typical times known at the cut-off (event-fold.ts counts them): a history starts at the
 * event and ends with the payment settling the invoice by the cut-off, or is still running at the
 * cut-off; invoices a credit note or a write-off closed say nothing of a payment and are left out.
 */
export function learnEventTerms(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  cutoff: IsoDate,
  options: EventOptions = DEFAULT_EVENT_OPTIONS,
): EventTerms {
  // Only the invoices some event names: not a map of the whole history on every training.
  const byDocument = eventsByDocument(events);
  const fold = startEventFold([cutoff], options);
  for (const record of records) {
    const own = byDocument.get(record.documentId);
    if (own) addInvoiceEvents(fold, record, own);
  }
  return finishEventTerms(fold, cutoff);
}

export interface EventEffect {
  /** Days every candidate payment date moves by (negative: earlier). */
  shiftDays: number;
  reasons: PredictionReason[];
}

interface Term {
  reason: PredictionReason;
  /** The day the signal expects the payment on (a promise) or not before (a dispute, a reminder). */
  day: number | null;
}

type Inputs = {
  terms: EventTerms;
  options: EventOptions;
  record: Pick<InvoiceRecord, 'customerCode' | 'customerType'>;
  cutoffDay: number;
};

/**
 * Still open at the cut-off, the dispute is one of those that last: the median is taken among them.
 * When the habits model learned how much later disputed invoices are paid (`effectDays` ≠ 0), that
 * effect is already in the dates and the resolution time sets no floor: counted twice, it would
 * hold a fast payer's disputed invoice as long as the slowest (BENCHMARKS.md, IBM's sample).
 */
function disputeTerm(
  { terms, options, record, cutoffDay }: Inputs,
  openedOn: IsoDate,
  effectDays: number,
): Term {
  if (effectDays !== 0) {
    const extraDays = Math.round(effectDays * 10) / 10;
    return { reason: { code: 'dispute', figures: { openedOn, basis: 'effect', extraDays } }, day: null };
  }
  const segment = terms.disputeBySegment.get(record.customerType);
  const known = segment ?? terms.disputeCompany;
  const openedDay = toDayNumber(openedOn);
  const resolutionDays = known
    ? medianAfter(known.curve, options.conditional ? cutoffDay - openedDay : Number.NEGATIVE_INFINITY)
    : options.defaultDisputeResolutionDays;
  const day = options.disputes && resolutionDays !== null ? openedDay + resolutionDays : null;
  const basis = day === null ? 'off' : segment ? 'segment' : known ? 'company' : 'default';
  const figures = {
    openedOn,
    basis,
    resolutionDays: resolutionDays ?? 0,
    customerType: record.customerType,
    notBefore: day === null ? '' : fromDayNumber(day),
  };
  return { reason: { code: 'dispute', figures }, day };
}

function reminderTerm({ terms, options, cutoffDay }: Inputs, signals: InvoiceSignals): Term | null {
  if (!signals.remindersSent || signals.lastReminderOn === undefined) return null;
  const level = Math.min(options.maxReminderLevel, signals.reminderLevel ?? signals.remindersSent);
  const known = options.reminders ? terms.reminderByLevel.get(level) : undefined;
  const reminderDay = toDayNumber(signals.lastReminderOn);
  const typicalDays = known
    ? medianAfter(known.curve, options.conditional ? cutoffDay - reminderDay : Number.NEGATIVE_INFINITY)
    : null;
  const day = typicalDays === null ? null : reminderDay + typicalDays;
  const seen = { count: signals.remindersSent, level, lastReminderOn: signals.lastReminderOn };
  // Without a history of this level the reason says what was sent, and no figure it has not got.
  const figures =
    day === null
      ? { ...seen, basis: 'none' }
      : { ...seen, basis: 'history', typicalDays: typicalDays ?? 0, notBefore: fromDayNumber(day) };
  return { reason: { code: 'reminders_sent', figures }, day };
}

/** A promise still to come sets the median, unless the customer's promises are mostly broken. */
function promiseTerm({ terms, options, record, cutoffDay }: Inputs, promisedDate: IsoDate): Term {
  const pending = toDayNumber(promisedDate) > cutoffDay;
  const keeping = terms.promiseRecords.get(record.customerCode);
  const state = !pending
    ? 'past'
    : !options.promises
      ? 'off'
      : !keeping
        ? 'no_record'
        : keeping.slipDays === null
          ? 'broken_record'
          : 'record';
  const slipDays = keeping?.slipDays ?? 0;
  const day = state === 'record' || state === 'no_record' ? toDayNumber(promisedDate) + slipDays : null;
  const figures = {
    promisedDate,
    state,
    slipDays,
    promisesKnown: keeping?.promises ?? 0,
    expectedDate: day === null ? '' : fromDayNumber(day),
  };
  return { reason: { code: 'promise', figures }, day };
}

/** A dispute's or a reminder's figures once a promise replaced it: what happened, and 'replaced'. */
function replacedFigures(reason: PredictionReason): Record<string, number | string> {
  const f = reason.figures;
  if (reason.code === 'dispute') return { openedOn: f.openedOn ?? '', basis: 'replaced' };
  return {
    count: f.count ?? 0,
    level: f.level ?? 0,
    lastReminderOn: f.lastReminderOn ?? '',
    basis: 'replaced',
  };
}

/**
 * How the invoice's signals move its dates, given the median payment day predicted without them.
 * A promise still to come replaces the other signals (the customer has said when); otherwise the
 * latest of the dispute's and the reminder's "not before" days wins, when later than the median.
 * A signal switched off, or without a usable history, is still given as a reason, without a date.
 */
export function eventEffect(
  terms: EventTerms,
  options: EventOptions,
  record: Pick<InvoiceRecord, 'customerCode' | 'customerType'>,
  signals: InvoiceSignals,
  medianDay: number,
  cutoff: IsoDate,
  disputeEffectDays = 0,
): EventEffect {
  // Most open items have no signal: nothing to weigh (the same answer as below, sooner).
  if (
    signals.disputeOpenedOn === undefined &&
    signals.promisedDate === undefined &&
    (!signals.remindersSent || signals.lastReminderOn === undefined)
  )
    return { shiftDays: 0, reasons: [] };
  const inputs = { terms, options, record, cutoffDay: toDayNumber(cutoff) };
  const dispute =
    signals.disputeOpenedOn === undefined
      ? null
      : disputeTerm(inputs, signals.disputeOpenedOn, disputeEffectDays);
  const reminder = reminderTerm(inputs, signals);
  const promise = signals.promisedDate === undefined ? null : promiseTerm(inputs, signals.promisedDate);
  const reasons = [dispute, reminder, promise].flatMap((term) => (term ? [term.reason] : []));
  if (promise?.day != null) {
    // The promise replaces the other signals: their reasons say so instead of the shift they would make.
    const replaced = [dispute, reminder].flatMap((term) =>
      term ? [{ code: term.reason.code, figures: replacedFigures(term.reason) }] : [],
    );
    return { shiftDays: promise.day - medianDay, reasons: [...replaced, promise.reason] };
  }
  const floors = [dispute?.day, reminder?.day].filter((day): day is number => day != null);
  return { shiftDays: Math.max(0, ...floors.map((day) => day - medianDay)), reasons };
}
