/**
 * The weekly job's training without holding the history: the invoices read in document order, each
 * with its own events, are folded into the habits model's sums (model-fold.ts) and the event terms'
 * counts (event-fold.ts) at the cut-off and at the month ends its recalibration replays, and only
 * what a later step reads is kept — last year's invoices of the forecast weeks (future sales), kept
 * by the caller, and the recalibration's sample of the invoices open at each month end with their
 * signals then, kept here. Neither the events nor the invoices they name are held. That
 * sample is the one `thinOut` draws from the full list (every n-th, n from how many were open
 * then): with that count known before reading, only the sampled invoices are held, at most
 * `maxInvoicesPerCutoff` per month end, whatever the open items. The trained predictor is the one
 * `trainForecaster` gives on the whole history.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { type AgeFold, addToAgeFold, finishAgeTerms, startAgeFold } from './age-terms.ts';
import { earlierMonthEnds } from './calibration.ts';
import {
  addInvoiceEvents,
  type EventFold,
  finishEventTerms,
  type RankedEvent,
  startEventFold,
} from './event-fold.ts';
import {
  DEFAULT_FORECAST_OPTIONS,
  type Forecaster,
  type ForecastOptions,
  trainFromParts,
} from './forecaster.ts';
import { SAME_WEEKDAY_LAST_YEAR_DAYS } from './future-sales.ts';
import { firstDisputeDate } from './model.ts';
import { finishModel } from './model-finish.ts';
import { addToModelFold, startModelFold } from './model-fold.ts';
import type { ModelFold } from './model-fold-sums.ts';
import { addToSeasonFold, finishSeasonTerms, type SeasonFold, startSeasonFold } from './season-terms.ts';
import { signalsOf } from './signals.ts';
import type { InvoiceRecord, InvoiceSignals } from './types.ts';

/** The invoices open at one month end, thinned as they are read (`thinOut` of the whole list). */
export interface MonthEndSample {
  end: IsoDate;
  /** How many invoices of the history are open at the month end (counted before reading). */
  open: number;
  /** Open ones read so far, and the index in the sample of the next one to keep. */
  seen: number;
  next: number;
  records: InvoiceRecord[];
  /** The sampled invoices' signals at the month end (those some event dated by then names). */
  signals: Map<number, InvoiceSignals>;
}

export interface HistoryFold {
  cutoff: IsoDate;
  options: ForecastOptions;
  monthEnds: IsoDate[];
  samples: MonthEndSample[];
  model: ModelFold;
  events: EventFold;
  /** The record of invoices already very late, at the same cut-offs (age-terms.ts). */
  age: AgeFold;
  /** The payments' season, at the same cut-offs (season-terms.ts). */
  season: SeasonFold;
  /** Issue days (excluded, included] whose invoices future sales repeat. */
  salesAfterDay: number;
  salesUpToDay: number;
  /** What was read, as it was (the bench describes the history with it). */
  invoices: number;
  settled: number;
  /** Events given with the invoices folded. */
  eventsRead: number;
  firstIssueDate: IsoDate | null;
}

/** The month ends whose open invoices the recalibration samples (latest first): count them before folding. */
export function recalibrationMonthEnds(
  cutoff: IsoDate,
  options: ForecastOptions = DEFAULT_FORECAST_OPTIONS,
): IsoDate[] {
  return options.calibration.earlierMonths > 0
    ? earlierMonthEnds(cutoff, options.calibration.earlierMonths)
    : [];
}

/** Whether the invoice is open at the month end, as the recalibration's sample reads it (`openAt`). */
export function openAtMonthEnd(record: InvoiceRecord, end: IsoDate): boolean {
  return record.issueDate <= end && (record.settledOn === null || record.settledOn > end);
}

/**
 * `salesWeeks`: the forecast weeks whose future sales will be asked for (0: none); `openAtMonthEnds`:
 * how many of the invoices to be folded are open at each of `recalibrationMonthEnds` (same order).
 */
export function startHistoryFold(
  cutoff: IsoDate,
  salesWeeks: number,
  openAtMonthEnds: readonly number[],
  options: ForecastOptions = DEFAULT_FORECAST_OPTIONS,
): HistoryFold {
  const monthEnds = recalibrationMonthEnds(cutoff, options);
  if (openAtMonthEnds.length !== monthEnds.length)
    throw new RangeError(`${openAtMonthEnds.length} open counts for ${monthEnds.length} month ends`);
  const cutoffDay = toDayNumber(cutoff);
  return {
    cutoff,
    options,
    monthEnds,
    samples: monthEnds.map((end, k) => ({
      end,
      open: openAtMonthEnds[k] ?? 0,
      seen: 0,
      next: 0,
      records: [],
      signals: new Map(),
    })),
    model: startModelFold([cutoff, ...monthEnds], options.model),
    events: startEventFold([cutoff, ...monthEnds], options.events),
    age: startAgeFold([cutoff, ...monthEnds]),
    season: startSeasonFold([cutoff, ...monthEnds]),
    salesAfterDay: cutoffDay - SAME_WEEKDAY_LAST_YEAR_DAYS,
    salesUpToDay:
      salesWeeks > 0
        ? cutoffDay + salesWeeks * 7 + 7 - SAME_WEEKDAY_LAST_YEAR_DAYS
        : cutoffDay - SAME_WEEKDAY_LAST_YEAR_DAYS,
    invoices: 0,
    settled: 0,
    eventsRead: 0,
    firstIssueDate: null,
  };
}

/**
 * Folds one invoice (issued by the cut-off, in document order) and its events (ranked, in rank
 * order) into the sums, and into the month ends' samples when drawn (`copy` gives what a sample
 * holds: the caller's record may be a row it does not want held); true when the future sales read
 * the invoice itself, so the caller keeps it (in the order read).
 */
export function foldInvoice(
  fold: HistoryFold,
  record: InvoiceRecord,
  copy: () => InvoiceRecord = () => record,
  events: readonly RankedEvent[] = [],
): boolean {
  fold.invoices += 1;
  fold.eventsRead += events.length;
  if (fold.firstIssueDate === null || record.issueDate < fold.firstIssueDate)
    fold.firstIssueDate = record.issueDate;
  if (record.settledOn !== null && record.settledOn <= fold.cutoff) fold.settled += 1;
  addToModelFold(fold.model, record, events.length > 0 ? firstDisputeDate(events) : null);
  addToAgeFold(fold.age, record);
  addToSeasonFold(fold.season, record);
  if (events.length > 0) addInvoiceEvents(fold.events, record, events);
  for (const sample of fold.samples)
    if (openAtMonthEnd(record, sample.end) && isNextPick(fold, sample)) {
      sample.records.push(copy());
      sample.next += 1;
      const signals = events.length > 0 ? signalsOf(events, sample.end) : undefined;
      if (signals) sample.signals.set(record.documentId, signals);
    }
  const issueDay = toDayNumber(record.issueDate);
  return issueDay > fold.salesAfterDay && issueDay <= fold.salesUpToDay;
}

/**
 * `thinOut(open, max)` drawn in one pass: counts one more open invoice, and says whether it is the
 * sample's next pick (every one when at most `max` are open, else the one at ⌊next × open / max⌋).
 */
function isNextPick(fold: HistoryFold, sample: MonthEndSample): boolean {
  const max = fold.options.calibration.maxInvoicesPerCutoff;
  const position = sample.seen;
  sample.seen += 1;
  if (sample.next >= Math.min(max, sample.open)) return false;
  const pick = sample.open <= max ? sample.next : Math.floor(sample.next * (sample.open / max));
  return position === pick;
}

/**
 * The recalibrated predictor at the fold's cut-off. `signals`: those of the invoices to be predicted
 * from the predictor's own map (none when each invoice's events are read with it).
 */
export function trainFromFold(
  fold: HistoryFold,
  signals: ReadonlyMap<number, InvoiceSignals> = new Map(),
): Forecaster {
  for (const sample of fold.samples)
    if (sample.seen !== sample.open)
      throw new Error(`${sample.seen} invoices open at ${sample.end} were read, ${sample.open} counted`);
  const samples = new Map(fold.samples.map((sample) => [sample.end, sample]));
  const parts = {
    habitsAt: (cutoff: IsoDate) => finishModel(fold.model, cutoff),
    termsAt: (cutoff: IsoDate) => finishEventTerms(fold.events, cutoff),
    ageAt: (cutoff: IsoDate) => finishAgeTerms(fold.age, cutoff),
    seasonAt: (cutoff: IsoDate) => finishSeasonTerms(fold.season, cutoff),
    sampleAt: (monthEnd: IsoDate) => samples.get(monthEnd) ?? { records: [], signals: new Map() },
  };
  return trainFromParts(parts, fold.cutoff, fold.options, signals);
}
