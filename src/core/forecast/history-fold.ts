/**
 * The weekly job's training without holding the history: the invoices read in document order are
 * folded into the habits model's sums at the cut-off and at the month ends its recalibration
 * replays (model-fold.ts), and only the invoices a later step reads are kept — those some event
 * names (event terms), those open at one of those month ends (the recalibration's sample of past
 * predictions) and last year's invoices of the forecast weeks (future sales). The trained
 * predictor is the one `trainForecaster` gives on the whole history.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { earlierMonthEnds } from './calibration.ts';
import { SAME_WEEKDAY_LAST_YEAR_DAYS } from './collections.ts';
import { DEFAULT_FORECAST_OPTIONS, type Forecaster, type ForecastOptions, trainWith } from './forecaster.ts';
import { finishModel } from './model-finish.ts';
import { addToModelFold, type ModelFold, startModelFold } from './model-fold.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

export interface HistoryFold {
  cutoff: IsoDate;
  options: ForecastOptions;
  monthEnds: IsoDate[];
  model: ModelFold;
  named: Set<number>;
  /** Issue days (excluded, included] whose invoices future sales repeat. */
  salesAfterDay: number;
  salesUpToDay: number;
  /** What was read, as it was (the bench describes the history with it). */
  invoices: number;
  settled: number;
  firstIssueDate: IsoDate | null;
}

/** `salesWeeks`: the forecast weeks whose future sales will be asked for (0: none). */
export function startHistoryFold(
  events: readonly InvoiceEvent[],
  cutoff: IsoDate,
  salesWeeks: number,
  options: ForecastOptions = DEFAULT_FORECAST_OPTIONS,
): HistoryFold {
  const monthEnds =
    options.calibration.earlierMonths > 0 ? earlierMonthEnds(cutoff, options.calibration.earlierMonths) : [];
  const cutoffDay = toDayNumber(cutoff);
  return {
    cutoff,
    options,
    monthEnds,
    model: startModelFold([cutoff, ...monthEnds], options.model),
    named: new Set(events.map((event) => event.documentId)),
    salesAfterDay: cutoffDay - SAME_WEEKDAY_LAST_YEAR_DAYS,
    salesUpToDay:
      salesWeeks > 0
        ? cutoffDay + salesWeeks * 7 + 7 - SAME_WEEKDAY_LAST_YEAR_DAYS
        : cutoffDay - SAME_WEEKDAY_LAST_YEAR_DAYS,
    invoices: 0,
    settled: 0,
    firstIssueDate: null,
  };
}

/**
 * Folds one invoice (issued by the cut-off, in document order) into the sums; true when a later
 * step reads the invoice itself, so the caller keeps it (in the order read).
 */
export function foldInvoice(fold: HistoryFold, record: InvoiceRecord): boolean {
  fold.invoices += 1;
  if (fold.firstIssueDate === null || record.issueDate < fold.firstIssueDate)
    fold.firstIssueDate = record.issueDate;
  if (record.settledOn !== null && record.settledOn <= fold.cutoff) fold.settled += 1;
  addToModelFold(fold.model, record);
  if (fold.named.has(record.documentId)) return true;
  const issueDay = toDayNumber(record.issueDate);
  if (issueDay > fold.salesAfterDay && issueDay <= fold.salesUpToDay) return true;
  return fold.monthEnds.some(
    (end) => record.issueDate <= end && (record.settledOn === null || record.settledOn > end),
  );
}

/** The recalibrated predictor at the fold's cut-off; `kept`: the invoices `foldInvoice` asked to keep. */
export function trainFromFold(
  fold: HistoryFold,
  kept: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
): Forecaster {
  return trainWith(kept, events, fold.cutoff, fold.options, (cutoff) => finishModel(fold.model, cutoff));
}
