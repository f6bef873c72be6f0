/**
 * The trained predictor as plain data, so that the weekly `forecast snapshot` job can keep it and
 * later predictions reuse it instead of reading the whole history and training again. Everything a
 * prediction reads from the training is here (habits, residual quantiles, event terms, the
 * recalibration maps, the options); the signals are not: they are read at the prediction's date.
 * Numbers go through JSON as they are (JSON keeps every double exactly), so a predictor restored at
 * its own training date predicts exactly what it predicted when it was trained.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { AgeRecord, AgeTerms } from './age-terms.ts';
import type { BandLevels } from './band-levels.ts';
import type { DueDayRoll, PaymentDays } from './bank-days.ts';
import type { ProbabilityCalibration } from './calibration.ts';
import type { Forecaster } from './forecaster.ts';
import type { CustomerHabit, ElectronicShares, ModelOptions, TrainedModel } from './model.ts';
import type { SeasonTerms } from './season-terms.ts';
import type { EventOptions, EventTerms, PromiseRecord, TypicalDays } from './signals.ts';
import type { InvoiceSignals } from './types.ts';

/** Bumped when the layout below changes: an older layout is not read, the model is trained again. */
export const STORED_MODEL_LAYOUT = 3;

/** Customers column by column: one array per field keeps the JSON compact at 100,000 customers. */
interface StoredCustomers {
  codes: string[];
  /** Index into `segmentNames`. */
  segments: number[];
  settledInvoices: number[];
  ownDelayDays: number[];
  recentDelayDays: (number | null)[];
  meanAmountMinor: number[];
  ownWeight: number[];
  delayDays: number[];
  spreadDays: number[];
  /**
   * Each customer's electronic share (model.ts ElectronicShares); present only when one is not 0,
   * absent from the models kept before it was (read as 0: an unknown channel counted as paper).
   */
  electronicShare?: number[];
  /**
   * Each customer's trend (model.ts CustomerHabit `trendDays`, `trendDaysPerDay`); present only when
   * one is not 0, absent from the models kept before the trend was learned (read as 0: no trend).
   */
  trendDays?: number[];
  trendDaysPerDay?: number[];
}

export interface StoredForecaster {
  layout: number;
  trainedAsOf: IsoDate;
  modelOptions: ModelOptions;
  eventOptions: EventOptions;
  globalDelayDays: number;
  priorStrength: number;
  pooledSpreadDays: number;
  disputeDelayDays: number;
  /** Absent from the models kept before the channel was learned (delay-shrinkage-3): read as 0. */
  electronicDelayDays?: number;
  /** The electronic shares of the segments and the company; absent from older models (read as 0). */
  electronicShares?: { company: number; segments: [string, number][] };
  /** Absent from the models kept before it was learned (delay-shrinkage-7 and before): calendar days. */
  paymentDays?: PaymentDays;
  /** Absent from the models kept before it was learned (delay-shrinkage-8 and before): forward. */
  dueDayRoll?: DueDayRoll;
  /** Absent from the models kept before it was learned (delay-shrinkage-9 and before): 0. */
  portfolioTrendDaysPerDay?: number;
  residualQuantiles: number[];
  segmentNames: string[];
  segments: [string, { delayDays: number; settledInvoices: number }][];
  customers: StoredCustomers;
  events: {
    disputeBySegment: [string, TypicalDays][];
    disputeCompany: TypicalDays | null;
    reminderByLevel: [number, TypicalDays][];
    promiseRecords: [string, PromiseRecord][];
  };
  calibration: ProbabilityCalibration | null;
  /** The record of invoices already very late (layout 3); null when the predictor had none. */
  age: { company: (AgeRecord | null)[]; segments: [string, (AgeRecord | null)[]][] } | null;
  /** The payments' season (season-terms.ts); absent from the models kept before it was learned: none. */
  season?: SeasonTerms | null;
  /** Which of the days are shown as P10 and P90 (band-levels.ts); absent from older models: the nominal. */
  band?: BandLevels | null;
}

function storeCustomers(
  customers: ReadonlyMap<string, CustomerHabit>,
  segmentIndex: Map<string, number>,
  shares: ReadonlyMap<string, number>,
) {
  const stored: StoredCustomers = {
    codes: [],
    segments: [],
    settledInvoices: [],
    ownDelayDays: [],
    recentDelayDays: [],
    meanAmountMinor: [],
    ownWeight: [],
    delayDays: [],
    spreadDays: [],
  };
  let trending = false;
  for (const [code, habit] of customers) {
    let segment = segmentIndex.get(habit.segment);
    if (segment === undefined) {
      segment = segmentIndex.size;
      segmentIndex.set(habit.segment, segment);
    }
    stored.codes.push(code);
    stored.segments.push(segment);
    stored.settledInvoices.push(habit.settledInvoices);
    stored.ownDelayDays.push(habit.ownDelayDays);
    stored.recentDelayDays.push(habit.recentDelayDays);
    stored.meanAmountMinor.push(habit.meanAmountMinor);
    stored.ownWeight.push(habit.ownWeight);
    stored.delayDays.push(habit.delayDays);
    stored.spreadDays.push(habit.spreadDays);
    if (habit.trendDaysPerDay !== 0) trending = true;
  }
  if (trending) {
    stored.trendDays = [...customers.values()].map((habit) => habit.trendDays);
    stored.trendDaysPerDay = [...customers.values()].map((habit) => habit.trendDaysPerDay);
  }
  if (shares.size > 0) stored.electronicShare = stored.codes.map((code) => shares.get(code) ?? 0);
  return stored;
}

/** The predictor's trained part as plain data (no signals: they belong to the prediction's date). */
export function storeForecaster(forecaster: Forecaster): StoredForecaster {
  const { model, eventTerms, terms } = forecaster;
  const segmentIndex = new Map<string, number>();
  const shares = model.electronicShares;
  const customers = storeCustomers(model.customers, segmentIndex, shares.customers);
  return {
    layout: STORED_MODEL_LAYOUT,
    trainedAsOf: model.cutoff,
    modelOptions: model.options,
    eventOptions: terms.eventOptions,
    globalDelayDays: model.globalDelayDays,
    priorStrength: model.priorStrength,
    pooledSpreadDays: model.pooledSpreadDays,
    disputeDelayDays: model.disputeDelayDays,
    electronicDelayDays: model.electronicDelayDays,
    electronicShares: { company: shares.company, segments: [...shares.segments] },
    paymentDays: model.paymentDays,
    dueDayRoll: model.dueDayRoll,
    portfolioTrendDaysPerDay: model.portfolioTrendDaysPerDay,
    residualQuantiles: [...model.residualQuantiles],
    segmentNames: [...segmentIndex.keys()],
    segments: [...model.segments],
    customers,
    events: {
      disputeBySegment: [...eventTerms.disputeBySegment],
      disputeCompany: eventTerms.disputeCompany,
      reminderByLevel: [...eventTerms.reminderByLevel],
      promiseRecords: [...eventTerms.promiseRecords],
    },
    calibration: terms.calibration,
    age: terms.age ? { company: terms.age.company, segments: [...terms.age.segments] } : null,
    season: terms.season ?? null,
    band: terms.band ?? null,
  };
}

function restoreCustomers(stored: StoredForecaster): Map<string, CustomerHabit> {
  const c = stored.customers;
  const customers = new Map<string, CustomerHabit>();
  for (let index = 0; index < c.codes.length; index += 1)
    customers.set(c.codes[index] as string, {
      segment: stored.segmentNames[c.segments[index] as number] as string,
      settledInvoices: c.settledInvoices[index] as number,
      ownDelayDays: c.ownDelayDays[index] as number,
      recentDelayDays: c.recentDelayDays[index] ?? null,
      meanAmountMinor: c.meanAmountMinor[index] as number,
      ownWeight: c.ownWeight[index] as number,
      delayDays: c.delayDays[index] as number,
      spreadDays: c.spreadDays[index] as number,
      trendDays: c.trendDays?.[index] ?? 0,
      trendDaysPerDay: c.trendDaysPerDay?.[index] ?? 0,
    });
  return customers;
}

function restoreShares(stored: StoredForecaster): ElectronicShares {
  const customers = new Map<string, number>();
  const column = stored.customers.electronicShare;
  if (column)
    column.forEach((share, index) => {
      if (share !== 0) customers.set(stored.customers.codes[index] as string, share);
    });
  return {
    company: stored.electronicShares?.company ?? 0,
    segments: new Map(stored.electronicShares?.segments ?? []),
    customers,
  };
}

/** A restored predictor: its trained part, read again. `predictAt` sets the date it predicts at. */
export interface RestoredForecaster {
  trainedAsOf: IsoDate;
  model: TrainedModel;
  eventTerms: EventTerms;
  eventOptions: EventOptions;
  calibration: ProbabilityCalibration | null;
  age: AgeTerms | null;
  season: SeasonTerms | null;
  band: BandLevels | null;
}

export function restoreForecaster(stored: StoredForecaster): RestoredForecaster {
  if (stored.layout !== STORED_MODEL_LAYOUT) throw new Error(`stored model layout ${stored.layout}`);
  const model: TrainedModel = {
    cutoff: stored.trainedAsOf,
    // A model kept before the option existed learned no channel effect.
    options: { ...stored.modelOptions, channelAdjusted: stored.modelOptions.channelAdjusted ?? false },
    globalDelayDays: stored.globalDelayDays,
    segments: new Map(stored.segments),
    customers: restoreCustomers(stored),
    priorStrength: stored.priorStrength,
    // The trends start from the training date (and reach as far as the options said then).
    trendOriginDay: toDayNumber(stored.trainedAsOf),
    trendHorizonDays: stored.modelOptions.trendHorizonDays ?? 0,
    portfolioTrendDaysPerDay: stored.portfolioTrendDaysPerDay ?? 0,
    pooledSpreadDays: stored.pooledSpreadDays,
    disputeDelayDays: stored.disputeDelayDays,
    electronicDelayDays: stored.electronicDelayDays ?? 0,
    electronicShares: restoreShares(stored),
    paymentDays: stored.paymentDays ?? 'calendar',
    dueDayRoll: stored.dueDayRoll ?? 'forward',
    residualQuantiles: stored.residualQuantiles,
  };
  const eventTerms: EventTerms = {
    disputeBySegment: new Map(stored.events.disputeBySegment),
    disputeCompany: stored.events.disputeCompany,
    reminderByLevel: new Map(stored.events.reminderByLevel),
    promiseRecords: new Map(stored.events.promiseRecords),
  };
  return {
    trainedAsOf: stored.trainedAsOf,
    model,
    eventTerms,
    eventOptions: stored.eventOptions,
    calibration: stored.calibration,
    age: stored.age ? { company: stored.age.company, segments: new Map(stored.age.segments) } : null,
    season: stored.season ?? null,
    band: stored.band ?? null,
  };
}

/**
 * The restored predictor at a date on or after its training date: an invoice open then cannot
 * have been paid before it, and the disputes, promises and reminders are the ones known then. At
 * its own training date it is the predictor that was trained.
 */
export function predictAt(
  restored: RestoredForecaster,
  asOf: IsoDate,
  signals: ReadonlyMap<number, InvoiceSignals>,
): Forecaster {
  if (asOf < restored.trainedAsOf)
    throw new RangeError(`a model trained at ${restored.trainedAsOf} cannot predict at ${asOf}`);
  return {
    cutoff: asOf,
    model: { ...restored.model, cutoff: asOf },
    eventTerms: restored.eventTerms,
    signals,
    terms: {
      events: restored.eventTerms,
      eventOptions: restored.eventOptions,
      calibration: restored.calibration,
      age: restored.age,
      season: restored.season,
      band: restored.band,
    },
  };
}
