/**
 * The back-test's figures on the invoices paid later: errors, late/on-time accuracy, calibration
 * bins and Brier score. With no invoice to score every figure is null, not 0: a 0 would read as a
 * perfect error or a nil accuracy.
 */

export type MethodName = 'model' | 'dueDate' | 'customerMeanDelay' | 'forest';

export interface MethodScore {
  method: MethodName;
  maeDays: number | null;
  lateAccuracy: number | null;
  /**
   * The mean of the share of late invoices called late and of on-time ones called on time: when
   * most invoices are paid late, « always late » scores a high accuracy but only 0.5 here.
   */
  balancedAccuracy: number | null;
}

export interface CalibrationBin {
  fromProbability: number;
  toProbability: number;
  invoices: number;
  meanPredicted: number | null;
  observedLateRate: number | null;
}

export interface ScoredPair {
  predicted: number;
  late: boolean;
}

export interface Tally {
  absoluteError: number;
  correct: number;
  /** Late invoices called late, on-time ones called on time (the balanced accuracy's parts). */
  lateCalledLate: number;
  onTimeCalledOnTime: number;
}

export const emptyTally = (): Tally => ({
  absoluteError: 0,
  correct: 0,
  lateCalledLate: 0,
  onTimeCalledOnTime: 0,
});

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const meanOrNull = (values: readonly number[]) =>
  values.length ? round3(values.reduce((a, b) => a + b, 0) / values.length) : null;

export function calibrationOf(pairs: readonly ScoredPair[]): CalibrationBin[] {
  return Array.from({ length: 10 }, (_, bin) => {
    const from = bin / 10;
    const to = (bin + 1) / 10;
    const inBin = pairs.filter(
      (p) => p.predicted >= from && (bin === 9 ? p.predicted <= to : p.predicted < to),
    );
    return {
      fromProbability: from,
      toProbability: to,
      invoices: inBin.length,
      meanPredicted: meanOrNull(inBin.map((p) => p.predicted)),
      observedLateRate: meanOrNull(inBin.map((p) => (p.late ? 1 : 0))),
    };
  });
}

export function brierOf(pairs: readonly ScoredPair[]): number | null {
  return meanOrNull(pairs.map((p) => (p.predicted - (p.late ? 1 : 0)) ** 2));
}

export function accuracyOf(pairs: readonly ScoredPair[]): number | null {
  return meanOrNull(pairs.map((p) => (p.predicted >= 0.5 === p.late ? 1 : 0)));
}

export function scoreOf(
  method: MethodName,
  tally: Tally,
  invoices: number,
  lateInvoices: number,
): MethodScore {
  const onTime = invoices - lateInvoices;
  // With only one class scored, the balanced accuracy is that class's recall.
  const recalls = [
    ...(lateInvoices > 0 ? [tally.lateCalledLate / lateInvoices] : []),
    ...(onTime > 0 ? [tally.onTimeCalledOnTime / onTime] : []),
  ];
  return {
    method,
    maeDays: invoices ? Math.round((tally.absoluteError / invoices) * 100) / 100 : null,
    lateAccuracy: invoices ? round3(tally.correct / invoices) : null,
    balancedAccuracy: meanOrNull(recalls),
  };
}

/** Below this balanced accuracy the report says the model tells late from on-time little better than a constant. */
export const WEAK_BALANCED_ACCURACY = 0.6;

/** How the model's balanced accuracy reads against a constant answer (0.5); null when nothing was scored. */
export function distinction(balanced: number | null | undefined): 'none' | 'weak' | 'good' | null {
  if (balanced === null || balanced === undefined) return null;
  if (balanced <= 0.5) return 'none';
  return balanced < WEAK_BALANCED_ACCURACY ? 'weak' : 'good';
}
