/**
 * The production predictor at a cut-off: the habits model, the event terms and the signals known
 * then, and the recalibration map fitted on the predictions the same predictor made at the month
 * ends before the cut-off, set against the outcomes known at the cut-off. Everything it reads is
 * dated on or before the cut-off: a later payment or event never moves a prediction.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { type AgeTerms, learnAgeTerms } from './age-terms.ts';
import { fitBandLevels } from './band-levels.ts';
import {
  type CalibrationOptions,
  DEFAULT_CALIBRATION_OPTIONS,
  earlierMonthEnds,
  fitCalibration,
  type PastPrediction,
  thinOut,
} from './calibration.ts';
import type { DateVariant } from './dated-levels.ts';
import {
  DEFAULT_MODEL_OPTIONS,
  firstDisputes,
  type ModelOptions,
  type TrainedModel,
  trainModel,
} from './model.ts';
import { openAt, type PredictionTerms, predictInvoice } from './predict.ts';
import { learnSeasonTerms, type SeasonTerms } from './season-terms.ts';
import {
  DEFAULT_EVENT_OPTIONS,
  type EventOptions,
  type EventTerms,
  learnEventTerms,
  signalsAt,
} from './signals.ts';
import type { InvoiceEvent, InvoicePrediction, InvoiceRecord, InvoiceSignals } from './types.ts';

export interface ForecastOptions {
  model: ModelOptions;
  events: EventOptions;
  calibration: CalibrationOptions;
  /** false: a very late invoice's dates are laid from the day after the cut-off (age-terms.ts). */
  ageRecord?: boolean;
  /** How the record and the recalibration enter the dates (dated-levels.ts); absent: the product's. */
  dates?: DateVariant;
  /** false: no month moves a payment (season-terms.ts), for measuring what the season brings. */
  season?: boolean;
  /** false: the band is read at the 10th and 90th of the days (band-levels.ts), for measuring. */
  band?: boolean;
}

export const DEFAULT_FORECAST_OPTIONS: ForecastOptions = {
  model: DEFAULT_MODEL_OPTIONS,
  events: DEFAULT_EVENT_OPTIONS,
  calibration: DEFAULT_CALIBRATION_OPTIONS,
};

export interface Forecaster {
  cutoff: IsoDate;
  model: TrainedModel;
  eventTerms: EventTerms;
  signals: ReadonlyMap<number, InvoiceSignals>;
  terms: PredictionTerms;
}

/** The habits model at a cut-off: trained on a list of invoices, or finished from a fold of the history. */
export type HabitsAt = (cutoff: IsoDate) => TrainedModel;

/** The habits model trained on the lists, each invoice with the disputes raised on it. */
function listHabits(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  options: ModelOptions,
): HabitsAt {
  const disputedOn = firstDisputes(events);
  return (at) => trainModel(records, at, options, disputedOn);
}

/** The predictor at the cut-off before recalibration. */
export function trainUncalibrated(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  cutoff: IsoDate,
  options: ForecastOptions = DEFAULT_FORECAST_OPTIONS,
  habitsAt: HabitsAt = listHabits(records, events, options.model),
): Forecaster {
  const model = habitsAt(cutoff);
  const eventTerms = learnEventTerms(records, events, cutoff, options.events);
  const age = options.ageRecord === false ? null : learnAgeTerms(records, cutoff);
  const season = options.season === false ? null : learnSeasonTerms(records, cutoff);
  return {
    cutoff,
    model,
    eventTerms,
    signals: signalsAt(events, cutoff),
    terms: {
      events: eventTerms,
      eventOptions: options.events,
      calibration: null,
      age,
      season,
      ...(options.dates ? { dates: options.dates } : {}),
    },
  };
}

/** `signals`: the invoice's, when the caller read them with it (else the forecaster's, if any). */
export function predictWith(
  forecaster: Forecaster,
  record: InvoiceRecord,
  openMinor: number,
  signals: InvoiceSignals = forecaster.signals.get(record.documentId) ?? {},
): InvoicePrediction {
  return predictInvoice(forecaster.model, record, openMinor, signals, forecaster.terms);
}

/**
 * The uncalibrated predictions of (a sample of) the invoices open at a past month end. `records`
 * must hold every invoice an event names and every invoice open then, in document order.
 */
export function pastPredictions(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  monthEnd: IsoDate,
  options: ForecastOptions = DEFAULT_FORECAST_OPTIONS,
): PastPrediction[] {
  const open = thinOut(openAt(records, monthEnd), options.calibration.maxInvoicesPerCutoff);
  if (open.length === 0) return [];
  return predictPast(trainUncalibrated(records, events, monthEnd, options), open);
}

function predictPast(forecaster: Forecaster, open: readonly InvoiceRecord[]): PastPrediction[] {
  const madeOnDay = toDayNumber(forecaster.cutoff);
  return open.map((record) => {
    const p = predictWith(forecaster, record, record.amountMinor);
    return {
      record,
      probabilityLate: p.probabilityLate,
      probabilityOver30: p.probabilityOver30,
      probabilityOver60: p.probabilityOver60,
      // Kept compact: the recalibration holds three month ends of them at once.
      days: Int32Array.from(p.candidateDays),
      madeOnDay,
    };
  });
}

/**
 * The predictor at the cut-off, recalibrated. `pastAt` gives the uncalibrated predictions at a
 * past month end (the back-test passes a cache: the same month end serves several cut-offs).
 */
export function trainForecaster(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  cutoff: IsoDate,
  options: ForecastOptions = DEFAULT_FORECAST_OPTIONS,
  pastAt: (monthEnd: IsoDate) => readonly PastPrediction[] = (monthEnd) =>
    pastPredictions(records, events, monthEnd, options),
): Forecaster {
  return recalibrated(trainUncalibrated(records, events, cutoff, options), options, pastAt);
}

/** What a fold of the history gives at each cut-off (history-fold.ts), instead of the lists. */
export interface FoldedTraining {
  habitsAt: HabitsAt;
  termsAt: (cutoff: IsoDate) => EventTerms;
  ageAt?: (cutoff: IsoDate) => AgeTerms;
  seasonAt?: (cutoff: IsoDate) => SeasonTerms;
  /** The recalibration's sample of the invoices open at a past month end, with their signals then. */
  sampleAt: (monthEnd: IsoDate) => {
    records: readonly InvoiceRecord[];
    signals: ReadonlyMap<number, InvoiceSignals>;
  };
}

/**
 * `trainForecaster` from a fold of the history: neither the invoices nor the events are held.
 * `signals`: those of the invoices the caller will predict from the forecaster's own map (none
 * when it reads each invoice's events with the invoice, as the open invoices' stream does).
 */
export function trainFromParts(
  parts: FoldedTraining,
  cutoff: IsoDate,
  options: ForecastOptions,
  signals: ReadonlyMap<number, InvoiceSignals> = new Map(),
): Forecaster {
  const at = (date: IsoDate, known: ReadonlyMap<number, InvoiceSignals>): Forecaster => {
    const eventTerms = parts.termsAt(date);
    const age = options.ageRecord === false ? null : (parts.ageAt?.(date) ?? null);
    const season = options.season === false ? null : (parts.seasonAt?.(date) ?? null);
    return {
      cutoff: date,
      model: parts.habitsAt(date),
      eventTerms,
      signals: known,
      terms: {
        events: eventTerms,
        eventOptions: options.events,
        calibration: null,
        age,
        season,
        ...(options.dates ? { dates: options.dates } : {}),
      },
    };
  };
  return recalibrated(at(cutoff, signals), options, (monthEnd) => {
    const sample = parts.sampleAt(monthEnd);
    return sample.records.length === 0 ? [] : predictPast(at(monthEnd, sample.signals), sample.records);
  });
}

function recalibrated(
  forecaster: Forecaster,
  options: ForecastOptions,
  pastAt: (monthEnd: IsoDate) => readonly PastPrediction[],
): Forecaster {
  if (options.calibration.earlierMonths <= 0) return forecaster;
  const { cutoff } = forecaster;
  const past = earlierMonthEnds(cutoff, options.calibration.earlierMonths).flatMap((end) => pastAt(end));
  const calibration = fitCalibration(past, cutoff, options.calibration);
  const band = options.band === false ? null : fitBandLevels(past, cutoff, options.calibration.minInvoices);
  return { ...forecaster, terms: { ...forecaster.terms, calibration, band } };
}
