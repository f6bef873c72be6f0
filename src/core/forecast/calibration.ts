/**
 * Recalibration of the probabilities of paying late (after the due date, more than 30 and more
 * than 60 days after it). The raw model is under-confident in the middle (BENCHMARKS.md): at the
 * month ends before the cut-off it predicted invoices whose outcome the cut-off now knows, and an
 * isotonic map from what it said to what happened corrects the levels without reordering them.
 * Only outcomes known at the cut-off are used: an invoice counts for a threshold once the
 * threshold date has passed by the cut-off (paid by then, or still open and so late), which
 * depends on its due date alone, never on how quickly it was paid.
 */
import { addMonths, endOfMonth, toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { applyIsotonic, type CalibrationPoint, fitIsotonic, type IsotonicMap } from './isotonic.ts';
import type { InvoiceRecord } from './types.ts';

export interface CalibrationOptions {
  /** Month ends before the cut-off whose predictions fit the map; 0 leaves the probabilities raw. */
  earlierMonths: number;
  /** At most this many invoices per earlier month end (every n-th): bounds the work at scale. */
  maxInvoicesPerCutoff: number;
  /** Fewer invoices with a known outcome than this and the probability is left raw. */
  minInvoices: number;
}

export const DEFAULT_CALIBRATION_OPTIONS: CalibrationOptions = {
  earlierMonths: 3,
  maxInvoicesPerCutoff: 20_000,
  minInvoices: 200,
};

export interface LateProbabilities {
  probabilityLate: number;
  probabilityOver30: number;
  probabilityOver60: number;
}

/** A raw prediction made at an earlier month end, with its invoice (whose outcome we may know now). */
export interface PastPrediction extends LateProbabilities {
  record: InvoiceRecord;
  /** Its payment days, sorted, and the day it was made on: the band's levels learn from them (band-levels.ts). */
  days?: ArrayLike<number>;
  madeOnDay?: number;
}

export interface ProbabilityCalibration {
  late: IsotonicMap | null;
  over30: IsotonicMap | null;
  over60: IsotonicMap | null;
}

const THRESHOLDS = [
  { key: 'late', days: 0, probability: 'probabilityLate' },
  { key: 'over30', days: 30, probability: 'probabilityOver30' },
  { key: 'over60', days: 60, probability: 'probabilityOver60' },
] as const;

/** The month ends strictly before the cut-off, latest first. */
export function earlierMonthEnds(cutoff: IsoDate, months: number): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let back = 0; ends.length < months; back += 1) {
    const end = endOfMonth(addMonths(cutoff, -back));
    if (end < cutoff) ends.push(end);
  }
  return ends;
}

/** Every n-th item, so that at most `max` remain (deterministic: the same data, the same sample). */
export function thinOut<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const step = items.length / max;
  return Array.from({ length: max }, (_, index) => items[Math.floor(index * step)] as T);
}

/**
 * Whether the invoice was paid more than `days` after its due date, as known at the cut-off; null
 * when the cut-off cannot tell yet, or when a credit note or a write-off closed it.
 */
export function knownLate(record: InvoiceRecord, days: number, cutoff: IsoDate): 0 | 1 | null {
  const limitDay = toDayNumber(record.dueDate) + days;
  if (limitDay >= toDayNumber(cutoff)) return null;
  const settled = record.settledOn !== null && record.settledOn <= cutoff;
  if (!settled) return 1;
  if (!record.settledByPayment) return null;
  return toDayNumber(record.settledOn as IsoDate) > limitDay ? 1 : 0;
}

export function fitCalibration(
  past: readonly PastPrediction[],
  cutoff: IsoDate,
  options: CalibrationOptions = DEFAULT_CALIBRATION_OPTIONS,
): ProbabilityCalibration {
  const fit = (threshold: (typeof THRESHOLDS)[number]): IsotonicMap | null => {
    const points: CalibrationPoint[] = [];
    for (const prediction of past) {
      const observed = knownLate(prediction.record, threshold.days, cutoff);
      if (observed !== null) points.push({ predicted: prediction[threshold.probability], observed });
    }
    return points.length >= options.minInvoices ? fitIsotonic(points) : null;
  };
  const [late, over30, over60] = THRESHOLDS.map(fit);
  return { late: late ?? null, over30: over30 ?? null, over60: over60 ?? null };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The recalibrated probabilities, kept ordered: P(late) ≥ P(> 30 days) ≥ P(> 60 days). */
export function calibrate(calibration: ProbabilityCalibration, raw: LateProbabilities): LateProbabilities {
  const map = (fitted: IsotonicMap | null, value: number) => (fitted ? applyIsotonic(fitted, value) : value);
  const late = map(calibration.late, raw.probabilityLate);
  const over30 = Math.min(late, map(calibration.over30, raw.probabilityOver30));
  const over60 = Math.min(over30, map(calibration.over60, raw.probabilityOver60));
  return {
    probabilityLate: round3(late),
    probabilityOver30: round3(over30),
    probabilityOver60: round3(over60),
  };
}
