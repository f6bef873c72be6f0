/**
 * Alternative late/not-late decisions for bench/forecast-ibm-variants.ts that need no data the
 * product lacks (besides the classifier's channel and country options): a learned classifier, the
 * back-test's random forest, the customer's late share by kind, segments from the sample's columns,
 * and the habits model learning from the overdue open invoices too. Each reads only what was known
 * at the cut-off.
 */
import { toDayNumber } from '#core/calendar';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from '#core/forecast/forecaster';
import { DEFAULT_FOREST_OPTIONS, predictWithForest, trainForest } from '#core/forecast/forest';
import { type LateClassifierOptions, lateClassifierAt } from './forecast-ibm-classifier.ts';
import type { CutoffContext, SampleRow, Variant } from './forecast-ibm-sample.ts';

/**
 * A late/not-late classifier trained on the history before the cut-off; the model's date is kept
 * when both agree, moved to the due date (not late) or the day after it (late) when they do not.
 */
export function classifierVariant(options: Partial<LateClassifierOptions>): Variant {
  return (ctx) => {
    const late = lateClassifierAt(ctx, options);
    return (p, row) => {
      const day = toDayNumber(p.predictedDate);
      const due = toDayNumber(p.dueDate);
      if (due <= toDayNumber(ctx.cutoff)) return day;
      const says = late(row, p);
      if (says === null) return day;
      if (says && day <= due) return due + 1;
      if (!says && day > due) return due;
      return day;
    };
  };
}

/**
 * The back-test's learned challenger (forest.ts: a random forest of days to payment, trained on
 * the invoices open at month ends 3–8 months before the cut-off and paid by it) deciding the
 * not-yet-due invoices' dates; the model's date stays for the overdue ones.
 */
export const forestVariant: Variant = (ctx) => {
  const trained = trainForest(
    ctx.known.map((row) => row.record),
    ctx.cutoff,
    DEFAULT_FOREST_OPTIONS,
  );
  return (p, row) => {
    if (p.dueDate <= ctx.cutoff) return toDayNumber(p.predictedDate);
    return predictWithForest(trained, [{ ...row.record, settledOn: null }])[0] as number;
  };
};

/**
 * The customer's segment (customerType, the shrinkage target and the no-history fallback) taken
 * from the sample: its country, or its channel at the cut-off (electronic once its latest invoice
 * issued by then was). Every customer of the sample has history by the first cut-off, so the
 * segment only moves the shrinkage.
 */
export function segmentVariant(segmentOf: (row: SampleRow, ctx: CutoffContext) => string): Variant {
  return (ctx) => {
    const typed = ctx.known.map((row) => ({
      ...row,
      record: { ...row.record, customerType: segmentOf(row, ctx) },
    }));
    const forecaster = trainForecaster(
      typed.map((row) => row.record),
      ctx.events,
      ctx.cutoff,
    );
    const typeOf = new Map(typed.map((row) => [row.record.customerCode, row.record.customerType]));
    return (_p, row) => {
      const record = {
        ...row.record,
        settledOn: null,
        customerType: typeOf.get(row.record.customerCode) ?? 'other',
      };
      return toDayNumber(predictWith(forecaster, record, 0).predictedDate);
    };
  };
}

/** The channel of the customer's latest invoice issued by the cut-off. */
export function channelAtCutoff(ctx: CutoffContext): Map<string, string> {
  const latest = new Map<string, SampleRow>();
  for (const row of ctx.known) {
    const seen = latest.get(row.record.customerCode);
    if (!seen || seen.record.issueDate <= row.record.issueDate) latest.set(row.record.customerCode, row);
  }
  return new Map([...latest].map(([code, row]) => [code, row.electronic ? 'electronic' : 'paper']));
}

/** The habits model also learning from the invoices open and overdue at the cut-off (censored delays). */
export const censoredVariant: Variant = (ctx) => {
  const options = {
    ...DEFAULT_FORECAST_OPTIONS,
    model: { ...DEFAULT_FORECAST_OPTIONS.model, censoredOverdue: true },
  };
  const forecaster = trainForecaster(
    ctx.known.map((row) => row.record),
    ctx.events,
    ctx.cutoff,
    options,
  );
  return (_p, row) =>
    toDayNumber(predictWith(forecaster, { ...row.record, settledOn: null }, 0).predictedDate);
};

/**
 * The late share of the customer's invoices of the same channel and dispute state paid by the
 * cut-off, shrunk toward the company's share for that kind with `k` pseudo-invoices, decides
 * the not-yet-due invoices (the date moved to the due date or the day after it when it disagrees).
 */
export function cellShareVariant(k: number): Variant {
  return (ctx) => {
    const paid = ctx.known.filter((row) => row.record.settledOn !== null);
    const kindOf = (row: SampleRow) => `${row.electronic} ${row.disputed}`;
    const lateOf = (row: SampleRow) => (row.record.settledOn as string) > row.record.dueDate;
    const share = (rows: readonly SampleRow[]) => rows.filter(lateOf).length / Math.max(1, rows.length);
    const company = new Map([...Map.groupBy(paid, kindOf)].map(([kind, rows]) => [kind, share(rows)]));
    const cells = Map.groupBy(paid, (row) => `${row.record.customerCode} ${kindOf(row)}`);
    return (p, row) => {
      const day = toDayNumber(p.predictedDate);
      const due = toDayNumber(p.dueDate);
      if (p.dueDate <= ctx.cutoff) return day;
      const own = cells.get(`${row.record.customerCode} ${kindOf(row)}`) ?? [];
      const prior = company.get(kindOf(row)) ?? 0.5;
      const late = (own.filter(lateOf).length + k * prior) / (own.length + k) >= 0.5;
      if (late && day <= due) return due + 1;
      if (!late && day > due) return due;
      return day;
    };
  };
}
