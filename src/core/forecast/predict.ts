/**
 * One open invoice's payment-date distribution as of the model's cut-off: the customer's expected
 * delay plus each residual quantile, kept only where the date falls after the cut-off (an invoice
 * still open then cannot have been paid before it), moved by the invoice's channel, the season of its
 * expected payment, disputes, promises and reminders, its probabilities recalibrated, with the reasons as codes and figures.
 */
import { fromDayNumber, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import {
  type AgeCandidates,
  type AgeTerms,
  BEYOND_HISTORY_DAYS,
  PAYMENT_EXPECTED_MIN_SHARE,
  sharedAgeCandidates,
} from './age-terms.ts';
import { type BandLevels, bandLevelFor } from './band-levels.ts';
import { onPaymentDays } from './bank-days.ts';
import { calibrate, type ProbabilityCalibration } from './calibration.ts';
import {
  agreeingWithMedian,
  type DateVariant,
  DEFAULT_DATE_VARIANT,
  mixDays,
  recalibratedDays,
  recordWeight,
} from './dated-levels.ts';
import { electronicShareOf, expectedDelayDays, type TrainedModel, trendDaysAt } from './model.ts';
import { allReasons, noPaymentExpected, reasonsOf } from './predict-reasons.ts';
import { type SeasonTerms, seasonOf } from './season-terms.ts';
import { DEFAULT_EVENT_OPTIONS, type EventOptions, type EventTerms, eventEffect } from './signals.ts';
import type { InvoicePrediction, InvoiceRecord, InvoiceSignals, PredictionReason } from './types.ts';

/** What a prediction adds to the habits model: the event terms and the recalibration map. */
export interface PredictionTerms {
  events: EventTerms;
  eventOptions: EventOptions;
  calibration: ProbabilityCalibration | null;
  /**
   * The record of invoices already very late (age-terms.ts): an invoice older than almost all its
   * customer's payments gets its dates from it. Absent: laid from the day after the cut-off.
   */
  age?: AgeTerms | null;
  /** How the record and the recalibration enter the dates (dated-levels.ts); absent: the product's. */
  dates?: DateVariant;
  /** Days added by the month the payment is expected in (season-terms.ts); absent: none. */
  season?: SeasonTerms | null;
  /** Which of the days are shown as P10 and P90 (band-levels.ts); absent: the 10th and the 90th. */
  band?: BandLevels | null;
}

/** Signals given as reasons only, probabilities raw: the habits model alone. */
export const NO_TERMS: PredictionTerms = {
  events: {
    disputeBySegment: new Map(),
    disputeCompany: null,
    reminderByLevel: new Map(),
    promiseRecords: new Map(),
  },
  eventOptions: { ...DEFAULT_EVENT_OPTIONS, disputes: false, promises: false, reminders: false },
  calibration: null,
};

/** Fewer surviving candidates than this and the distribution falls back to the residuals' tail. */
const MIN_CANDIDATES = 10;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Candidate payment days after the cut-off. A long-overdue invoice leaves few or none of the
 * unconditional candidates: then the upper tail (the slowest 10 % of residuals) is laid from the
 * day after the cut-off, since the customer has shown that this invoice is one of its slow ones
 * (`predictInvoice` looks first for the record of invoices that old: age-terms.ts).
 */
export function candidateDays(
  model: TrainedModel,
  dueDay: number,
  delayDays: number,
  cutoffDay: number,
  spreadDays = 1,
): number[] {
  return habitDays(model, dueDay, delayDays, cutoffDay, spreadDays) ?? tailDays(model, cutoffDay, spreadDays);
}

/** The unconditional candidates after the cut-off, or null when fewer than MIN_CANDIDATES are left. */
function habitDays(
  model: TrainedModel,
  dueDay: number,
  delayDays: number,
  cutoffDay: number,
  spreadDays: number,
): number[] | null {
  // The quantiles ascend and the spread is positive, so the days come out in ascending order:
  // callers take quantiles of them without sorting. Counted in a scratch list first: most open
  // items of an old ledger are long overdue and keep fewer than MIN_CANDIDATES, then nothing is
  // allocated for them.
  let count = 0;
  for (const r of model.residualQuantiles) {
    const day = Math.round(dueDay + delayDays + spreadDays * r);
    if (day > cutoffDay) {
      scratchDays[count] = day;
      count += 1;
    }
  }
  return count >= MIN_CANDIDATES ? scratchDays.slice(0, count) : null;
}

/** `habitDays`' working list, reused (one prediction at a time; never handed out). */
const scratchDays: number[] = [];

function tailDays(model: TrainedModel, cutoffDay: number, spreadDays: number): number[] {
  const tail = model.residualQuantiles.slice(90);
  const start = tail[0] ?? 0;
  return tail.map((r) => cutoffDay + 1 + Math.round(spreadDays * (r - start)));
}

/**
 * The dates of day numbers already written, shared: three per open item, on a few thousand days in
 * all, so each is built once (bounded, should a caller range over centuries).
 */
const datesByDay = new Map<number, IsoDate>();
function dateOfDay(day: number): IsoDate {
  let date = datesByDay.get(day);
  if (date === undefined) {
    date = fromDayNumber(day);
    if (datesByDay.size < 100_000) datesByDay.set(day, date);
  }
  return date;
}

function quantileOf(sortedDays: readonly number[], q: number): number {
  const index = Math.min(sortedDays.length - 1, Math.max(0, Math.round(q * (sortedDays.length - 1))));
  return sortedDays[index] ?? 0;
}

/** Share of the days after `limitDay` (counted, not filtered: this runs for every open item). */
function shareAfter(days: readonly number[], limitDay: number): number {
  if (days.length === 0) return 0;
  let count = 0;
  for (const day of days) if (day > limitDay) count += 1;
  return count / days.length;
}

export function predictInvoice(
  model: TrainedModel,
  record: InvoiceRecord,
  openMinor: number,
  signals: InvoiceSignals = {},
  terms: PredictionTerms = NO_TERMS,
): InvoicePrediction {
  const dueDay = toDayNumber(record.dueDate);
  const cutoffDay = toDayNumber(model.cutoff);
  // Looked up once: this runs for every open item, and each lookup hashes the customer's code.
  const habit = model.customers.get(record.customerCode);
  // A dispute open at the cut-off adds what disputes added to the payments before (model.ts),
  // unless disputes are switched off in the event options.
  const disputeKnown = terms.eventOptions.disputes && signals.disputeOpenedOn !== undefined;
  const inDispute = disputeKnown ? model.disputeDelayDays : 0;
  // An electronic invoice adds the channel's effect, one of unknown channel its customer's share of
  // it (0 without channel data: the same delay).
  const share = electronicShareOf(model, record, habit !== undefined);
  const channel = share === 0 ? 0 : share * model.electronicDelayDays;
  // A habit's delay at the invoice's due date: its trend included (model.ts `trendDaysAt`).
  const trendDays = habit ? trendDaysAt(model, habit, dueDay) : 0;
  const expected = habit
    ? habit.delayDays + trendDays
    : expectedDelayDays(model, record.customerCode, record.customerType, dueDay);
  const usual = expected + inDispute + channel;
  const season = seasonAt(terms.season, dueDay + Math.round(usual), cutoffDay);
  const delay = usual + (season?.days ?? 0);
  const spread = habit?.spreadDays ?? model.pooledSpreadDays;
  const variant = terms.dates ?? DEFAULT_DATE_VARIANT;
  const overdue = cutoffDay - dueDay;
  const weight = terms.age ? recordWeight(variant, overdue) : 0;
  const found =
    terms.age && weight > 0
      ? sharedAgeCandidates(terms.age, record.customerType, overdue, cutoffDay, variant.ageFromDays)
      : null;
  // Beyond its habits (too few days left after the cut-off) the invoice takes the record's days
  // whole, else the habits' tail; within them, the record's days are blended in by its weight.
  const habits = habitDays(model, dueDay, delay, cutoffDay, spread);
  let raw: readonly number[];
  let used: AgeCandidates | null = null;
  if (habits === null) {
    raw = found ? found.days : tailDays(model, cutoffDay, spread);
    used = found;
  } else {
    raw = habits;
    if (found) {
      raw = mixDays(habits, found.days, weight);
      if (raw !== habits) used = found;
    }
  }
  const effect = eventEffect(
    terms.events,
    terms.eventOptions,
    record,
    signals,
    quantileOf(raw, 0.5),
    model.cutoff,
    inDispute,
  );
  // Moving every date by the same amount keeps them sorted; none may fall on the cut-off or before.
  const moved =
    effect.shiftDays === 0 ? raw : raw.map((day) => Math.max(cutoffDay + 1, day + effect.shiftDays));
  // Money that comes in on weekdays only comes in on the Monday after a Saturday: the dates and the
  // probabilities read from them are those of the days payments land on (bank-days.ts).
  // Moved in place unless the list is the age record's, which other invoices share.
  const owned = moved !== raw || used === null || raw !== used.days;
  const shifted = onPaymentDays(model.paymentDays, moved, owned ? (moved as number[]) : undefined, {
    day: dueDay,
    roll: model.dueDayRoll,
  });
  const sharesOf = (of: readonly number[]) => ({
    probabilityLate: round3(shareAfter(of, dueDay)),
    probabilityOver30: round3(shareAfter(of, dueDay + 30)),
    probabilityOver60: round3(shareAfter(of, dueDay + 60)),
  });
  const rawShares = sharesOf(shifted);
  // The map moves the days' levels and the probabilities are read back from the days (dated-levels.ts),
  // unless the variant keeps the map on the probabilities alone.
  const datesMoved = terms.calibration !== null && variant.calibration === 'dates';
  const days = datesMoved
    ? recalibratedDays(shifted, dueDay, calibrate(terms.calibration as ProbabilityCalibration, rawShares))
    : shifted;
  const shares = datesMoved ? sharesOf(days) : rawShares;
  const calibrated = terms.calibration && !datesMoved ? calibrate(terms.calibration, shares) : shares;
  const probabilities =
    variant.calibration === 'agree'
      ? agreeingWithMedian(calibrated, quantileOf(days, 0.5), dueDay)
      : calibrated;
  const promised = effect.reasons.some((r) => r.code === 'promise' && r.figures.expectedDate !== '');
  const unexpected = noPaymentExpectedFrom(used, promised, quantileOf(days, 0.5), cutoffDay);
  // The trend and the season move the habits' days only: dates from the record or the tail
  // (too few habit days left after the cut-off) owe them nothing, and their reasons are left out.
  const fromHabits = habits !== null;
  const band = bandLevelFor(terms.band, dueDay, cutoffDay);
  const p90Day = quantileOf(days, band.p90);
  const reasons = allReasons(
    reasonsOf(
      model,
      record,
      habit,
      share,
      overdue,
      fromHabits ? trendDays : 0,
      fromHabits ? season?.reason : null,
    ),
    used?.reason ?? null,
    effect.reasons,
  );
  return {
    documentId: record.documentId,
    customerCode: record.customerCode,
    documentRef: record.documentRef,
    dueDate: record.dueDate,
    openMinor,
    currency: record.currency,
    predictedDate: dateOfDay(quantileOf(days, 0.5)),
    p10Date: dateOfDay(quantileOf(days, band.p10)),
    p90Date: dateOfDay(p90Day),
    ...probabilities,
    expectedDelayDays: round1(delay),
    reasons: unexpected ? [noPaymentExpected(used as AgeCandidates), ...reasons] : reasons,
    candidateDays: days,
    // Where the share never seen paid is laid (age-terms.ts) the calculation stops: no end of a range.
    ...(p90Day >= cutoffDay + BEYOND_HISTORY_DAYS ? { p90AtHorizon: true } : {}),
    ...(unexpected ? { paymentExpected: false } : {}),
  };
}

/**
 * Whether no payment is expected: the record of invoices as old says most of them stayed unpaid a
 * year on, or the median falls where the record lays the share never seen paid (a year after the
 * cut-off), which is no date (shown as one, it told the user « payée le 30/06/2027 »). A promise
 * still to come that sets the date says otherwise.
 */
export function noPaymentExpectedFrom(
  used: Pick<AgeCandidates, 'paidWithinYear'> | null,
  promised: boolean,
  medianDay: number,
  cutoffDay: number,
): boolean {
  if (used === null || promised) return false;
  return used.paidWithinYear < PAYMENT_EXPECTED_MIN_SHARE || medianDay >= cutoffDay + BEYOND_HISTORY_DAYS;
}

/**
 * The season's days for a payment expected on `expectedDay`, or on the day after the cut-off when that
 * has passed (the payment, still to come, falls then at the earliest), and its reason (an effect is
 * at least MIN_SEASON_DAYS, season-terms.ts: every date it moves says so); null without one that month.
 */
export function seasonAt(terms: SeasonTerms | null | undefined, expectedDay: number, cutoffDay: number) {
  if (!terms) return null;
  const month = Number(dateOfDay(Math.max(expectedDay, cutoffDay + 1)).slice(5, 7));
  const { days, years } = seasonOf(terms, month);
  if (days === 0) return null;
  const reason: PredictionReason = {
    code: 'seasonality',
    figures: { month, extraDays: round1(days), years },
  };
  return { days, reason };
}

/** Invoices issued by the cut-off and not yet settled then (whatever settled them later). */
export function openAt(records: readonly InvoiceRecord[], cutoff: string): InvoiceRecord[] {
  return records.filter((r) => r.issueDate <= cutoff && (r.settledOn === null || r.settledOn > cutoff));
}
