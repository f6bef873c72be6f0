/**
 * The production predictor at a cut-off: the habits model, the event terms and the signals known
 * then, and the recalibration map fitted on the predictions the same predictor made at the month
 * ends before the cut-off, set against the outcomes known at the cut-off. Everything it reads is
 * dated on or before the cut-off: a later payment or event never moves a prediction.
 */
import type { IsoDate } from '../types.ts';
import {
  type CalibrationOptions,
  DEFAULT_CALIBRATION_OPTIONS,
  earlierMonthEnds,
  fitCalibration,
  type PastPrediction,
  thinOut,
} from './calibration.ts';
import { DEFAULT_MODEL_OPTIONS, type ModelOptions, type TrainedModel, trainModel } from './model.ts';
import { openAt, type PredictionTerms, predictInvoice } from './predict.ts';
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

/** The predictor at the cut-off before recalibration. */
export function trainUncalibrated(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  cutoff: IsoDate,
  options: ForecastOptions = DEFAULT_FORECAST_OPTIONS,
  habitsAt: HabitsAt = (at) => trainModel(records, at, options.model),
): Forecaster {
  const model = habitsAt(cutoff);
  const eventTerms = learnEventTerms(records, events, cutoff, options.events);
  return {
    cutoff,
    model,
    eventTerms,
    signals: signalsAt(events, cutoff),
    terms: { events: eventTerms, eventOptions: options.events, calibration: null },
  };
}

export function predictWith(
  forecaster: Forecaster,
  record: InvoiceRecord,
  openMinor: number,
): InvoicePrediction {
  const signals = forecaster.signals.get(record.documentId) ?? {};
  return predictInvoice(forecaster.model, record, openMinor, signals, forecaster.terms);
}

/** The sample of the invoices open at a past month end that the recalibration predicts, in document order. */
export type SampleAt = (monthEnd: IsoDate) => readonly InvoiceRecord[];

/**
 * The uncalibrated predictions of (a sample of) the invoices open at a past month end. `records`
 * must hold every invoice an event names and, unless `sampleAt` gives the sample already drawn
 * (history-fold.ts), every invoice open then, in document order.
 */
export function pastPredictions(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  monthEnd: IsoDate,
  options: ForecastOptions = DEFAULT_FORECAST_OPTIONS,
  habitsAt?: HabitsAt,
  sampleAt?: SampleAt,
): PastPrediction[] {
  const open = sampleAt
    ? sampleAt(monthEnd)
    : thinOut(openAt(records, monthEnd), options.calibration.maxInvoicesPerCutoff);
  if (open.length === 0) return [];
  const forecaster = trainUncalibrated(records, events, monthEnd, options, habitsAt);
  return open.map((record) => {
    const p = predictWith(forecaster, record, record.amountMinor);
    return {
      record,
      probabilityLate: p.probabilityLate,
      probabilityOver30: p.probabilityOver30,
      probabilityOver60: p.probabilityOver60,
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

/**
 * `trainForecaster` with the habits model given at each cut-off (a fold of the history) and the
 * past month ends' samples already drawn: `records` need hold only the invoices the event terms
 * read (history-fold.ts).
 */
export function trainWith(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  cutoff: IsoDate,
  options: ForecastOptions,
  habitsAt: HabitsAt,
  sampleAt: SampleAt,
): Forecaster {
  const forecaster = trainUncalibrated(records, events, cutoff, options, habitsAt);
  return recalibrated(forecaster, options, (monthEnd) =>
    pastPredictions(records, events, monthEnd, options, habitsAt, sampleAt),
  );
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
  return { ...forecaster, terms: { ...forecaster.terms, calibration } };
}
