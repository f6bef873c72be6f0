/**
 * Issue 14's acceptance check replayed in process, for comparing late/not-late decisions quickly:
 * at each cut-off the production predictor (`trainForecaster` + `predictWith`, what `predict
 * payments` runs) is trained on the sample's invoices as records (disputes opened on their invoice
 * date, as `bench/ar-sample.ts --disputes` imports them), and every invoice open at the cut-off is
 * scored like ar-sample.ts scores it (late = predicted date after the due date). The figures of the
 * current model must equal the CLI replay's. Variants (each from what was known at the cut-off):
 * see `VARIANTS` below; each prints a per-cut-off table, its minimum and how many cut-offs reach 0.85.
 *
 *   node bench/forecast-ibm-variants.ts /tmp/ibm/ibm.csv [--cutoffs D,…] [--variants a,b] [--no-disputes] [--json]
 */
import { parseArgs } from 'node:util';
import { fromDayNumber, toDayNumber } from '#core/calendar';
import { customerMeans } from '#core/forecast/backtest';
import { DEFAULT_FORECAST_OPTIONS, predictWith, trainForecaster } from '#core/forecast/forecaster';
import { openAt } from '#core/forecast/predict';
import {
  cellShareVariant,
  censoredVariant,
  channelAtCutoff,
  classifierVariant,
  forestVariant,
  segmentVariant,
} from './forecast-ibm-alternatives.ts';
import {
  type CutoffContext,
  companyWideEffects,
  type Decide,
  disputesOf,
  knownAt,
  readSample,
  type SampleRow,
  type Variant,
  withinCustomerEffects,
} from './forecast-ibm-sample.ts';

const modelDate: Decide = (p) => toDayNumber(p.predictedDate);

/**
 * The invoice channel (paper or electronic) learned like the dispute effect: the habits trained on
 * delays net of the channel's effect, an electronic invoice given it back; prototyped on the
 * records since the product has no channel field (a candidate for an import and model change).
 * The effect: electronic minus paper delays of the invoices paid by the cut-off, within customers
 * (customer and dispute effects taken out) or company-wide (`companyWide`, plain or weighted like
 * the model's dispute effect). A paid invoice's due date is moved by its effects (its delay becomes
 * a plain undisputed paper one's) and an open one's moved back. `disputes`: 'model' leaves them to
 * the model (its company-wide effect), 'withinCustomer' learns them with the channel, customers
 * taken out, the model then seeing no dispute event.
 */
function shiftedEffects(how: {
  channel: boolean;
  disputes: 'model' | 'withinCustomer';
  companyWide?: 'plain' | 'weighted';
}): Variant {
  return (ctx) => {
    const effects = how.companyWide
      ? companyWideEffects(ctx.known, ctx.cutoff, how.companyWide === 'weighted')
      : withinCustomerEffects(ctx.known);
    const channel = how.channel ? Math.round(effects.electronic) : 0;
    const dispute = how.disputes === 'withinCustomer' ? Math.round(Math.max(0, effects.disputed)) : 0;
    const shiftOf = (row: SampleRow) => (row.electronic ? channel : 0) + (row.disputed ? dispute : 0);
    // The paid invoices' due dates moved by their effects: their delays become plain ones.
    const moved = ctx.known.map((row) =>
      row.record.settledOn !== null && shiftOf(row) !== 0
        ? {
            ...row,
            record: { ...row.record, dueDate: fromDayNumber(toDayNumber(row.record.dueDate) + shiftOf(row)) },
          }
        : row,
    );
    const events = how.disputes === 'model' ? ctx.events : [];
    const forecaster = trainForecaster(
      moved.map((row) => row.record),
      events,
      ctx.cutoff,
    );
    return (_p, row) => {
      const due = fromDayNumber(toDayNumber(row.record.dueDate) + shiftOf(row));
      return toDayNumber(
        predictWith(forecaster, { ...row.record, dueDate: due, settledOn: null }, 0).predictedDate,
      );
    };
  };
}

/**
 * The product's own channel effect (delay-shrinkage-5, model-effects.ts: fitted jointly with the
 * dispute effect): the records carry the invoice's channel, as `documents.channel` gives it to the
 * predictor once the invoices import fills it; `current` is the same model without channel data
 * (the figures of the CLI replay).
 */
const productChannel: Variant = (ctx) => {
  const withChannel = (row: SampleRow) => ({ ...row.record, electronic: row.electronic });
  const forecaster = trainForecaster(ctx.known.map(withChannel), ctx.events, ctx.cutoff);
  return (_p, row) =>
    toDayNumber(predictWith(forecaster, { ...withChannel(row), settledOn: null }, 0).predictedDate);
};

/** The product's channel model with the portfolio's trend as every customer's base line. */
const pooledTrendChannel: Variant = (ctx) => {
  const withChannel = (row: SampleRow) => ({ ...row.record, electronic: row.electronic });
  const options = {
    ...DEFAULT_FORECAST_OPTIONS,
    model: { ...DEFAULT_FORECAST_OPTIONS.model, pooledTrend: true },
  };
  const forecaster = trainForecaster(ctx.known.map(withChannel), ctx.events, ctx.cutoff, options);
  return (_p, row) =>
    toDayNumber(predictWith(forecaster, { ...withChannel(row), settledOn: null }, 0).predictedDate);
};

/** In the order printed; the default replays them all (about 2 minutes, the forest most of it). */
const VARIANTS: Record<string, Variant> = {
  current: () => modelDate,
  'channel (product)': productChannel,
  'pooled trend': pooledTrendChannel,
  // (1) learned late/not-late decisions, trained at each cut-off on the history before it.
  logistic: classifierVariant({}),
  'logistic+segment': classifierVariant({ segmentFeatures: true }),
  'logistic+channel': classifierVariant({ channelFeature: true }),
  'logistic+both': classifierVariant({ segmentFeatures: true, channelFeature: true }),
  'logistic+overdue': classifierVariant({ overdueFeatures: true }),
  forest: forestVariant,
  'cell late share k=1': cellShareVariant(1),
  'cell late share k=4': cellShareVariant(4),
  // (2) segments and the invoice channel.
  'country as segment': segmentVariant((row) => row.country),
  'channel at cut-off as segment': (ctx) => {
    const channels = channelAtCutoff(ctx);
    return segmentVariant((row) => channels.get(row.record.customerCode) ?? 'paper')(ctx);
  },
  'channel within customer': shiftedEffects({ channel: true, disputes: 'model' }),
  'channel company-wide': shiftedEffects({ channel: true, disputes: 'model', companyWide: 'plain' }),
  'channel company-wide weighted': shiftedEffects({
    channel: true,
    disputes: 'model',
    companyWide: 'weighted',
  }),
  'dispute within customer': shiftedEffects({ channel: false, disputes: 'withinCustomer' }),
  'channel + dispute within customer': shiftedEffects({ channel: true, disputes: 'withinCustomer' }),
  // (3) the open invoices' own position.
  'censored overdue': censoredVariant,
};

interface Tally {
  n: number;
  abs: number;
  right: number;
  dueAbs: number;
  dueRight: number;
  meanAbs: number;
  meanRight: number;
}

function scoreCutoff(ctx: CutoffContext, decide: Decide): Tally {
  const cutoffDay = toDayNumber(ctx.cutoff);
  const records = ctx.rows.map((row) => row.record);
  const { byCustomer, all } = customerMeans(records, ctx.cutoff);
  const byId = new Map(ctx.rows.map((row) => [row.record.documentId, row]));
  const tally: Tally = { n: 0, abs: 0, right: 0, dueAbs: 0, dueRight: 0, meanAbs: 0, meanRight: 0 };
  for (const record of openAt(records, ctx.cutoff)) {
    const row = byId.get(record.documentId) as SampleRow;
    const known = { ...record, settledOn: null };
    const prediction = predictWith(ctx.forecaster, known, record.amountMinor);
    const day = decide(prediction, row);
    const actual = toDayNumber(record.settledOn as string);
    const due = toDayNumber(record.dueDate);
    const late = actual > due;
    const meanDelay = byCustomer.get(record.customerCode) ?? all;
    tally.n += 1;
    tally.abs += Math.abs(day - actual);
    tally.right += day > due === late ? 1 : 0;
    tally.dueAbs += Math.abs(due - actual);
    tally.dueRight += late ? 0 : 1;
    tally.meanAbs += Math.abs(Math.round(due + meanDelay) - actual);
    tally.meanRight += meanDelay > 0 === late ? 1 : 0;
    if (day <= cutoffDay) throw new Error(`${fromDayNumber(day)} not after ${ctx.cutoff}`);
  }
  return tally;
}

const MONTH_STARTS = Array.from({ length: 18 }, (_, i) => {
  const month = 6 + i;
  return `${2012 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
});

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      cutoffs: { type: 'string' },
      variants: { type: 'string' },
      json: { type: 'boolean' },
      'no-disputes': { type: 'boolean' },
    },
  });
  const path = positionals[0];
  if (!path) throw new Error('usage: node bench/forecast-ibm-variants.ts SAMPLE.csv [--cutoffs D,…]');
  // Without disputes: the invoices and payments only (ar-sample.ts without --disputes).
  const rows = (await readSample(path)).map((row) =>
    values['no-disputes'] ? { ...row, disputed: false } : row,
  );
  const cutoffs = values.cutoffs ? values.cutoffs.split(',') : MONTH_STARTS;
  const names = values.variants ? values.variants.split(',') : Object.keys(VARIANTS);
  const results = new Map<string, Tally[]>(names.map((name) => [name, []]));
  for (const cutoff of cutoffs) {
    const known = knownAt(rows, cutoff);
    const events = disputesOf(known);
    const forecaster = trainForecaster(
      known.map((row) => row.record),
      events,
      cutoff,
    );
    const ctx: CutoffContext = { cutoff, rows, known, events, forecaster };
    for (const name of names) {
      const variant = VARIANTS[name];
      if (!variant) throw new Error(`unknown variant ${name}`);
      results.get(name)?.push(scoreCutoff(ctx, variant(ctx)));
    }
  }
  printTables(cutoffs, results, values.json === true);
}

function printTables(cutoffs: readonly string[], results: Map<string, Tally[]>, json: boolean): void {
  const f2 = (v: number) => v.toFixed(2);
  const f3 = (v: number) => v.toFixed(3);
  const summary = [...results].map(([name, tallies]) => {
    const sum = (key: keyof Tally) => tallies.reduce((s, t) => s + t[key], 0);
    const acc = tallies.map((t) => t.right / t.n);
    return {
      name,
      pooled: { mae: sum('abs') / sum('n'), late: sum('right') / sum('n') },
      minLate: Math.min(...acc),
      reached: acc.filter((a) => a >= 0.85).length,
      maxMae: Math.max(...tallies.map((t) => t.abs / t.n)),
      perCutoff: tallies.map((t, i) => ({
        cutoff: cutoffs[i],
        open: t.n,
        mae: t.abs / t.n,
        late: t.right / t.n,
        dueDate: { mae: t.dueAbs / t.n, late: t.dueRight / t.n },
        meanDelay: { mae: t.meanAbs / t.n, late: t.meanRight / t.n },
      })),
    };
  });
  if (json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  console.log('| variant | pooled MAE | pooled late | min late | cut-offs ≥ 0.85 | max MAE |');
  console.log('|---|--:|--:|--:|--:|--:|');
  for (const s of summary)
    console.log(
      `| ${s.name} | ${f2(s.pooled.mae)} | ${f3(s.pooled.late)} | ${f3(s.minLate)} | ${s.reached} of ${cutoffs.length} | ${f2(s.maxMae)} |`,
    );
  for (const s of summary) {
    console.log(
      `\n${s.name}: cut-off | open | MAE model / due date / mean delay | late model / due date / mean delay`,
    );
    for (const c of s.perCutoff)
      console.log(
        `| ${c.cutoff} | ${c.open} | ${f2(c.mae)} / ${f2(c.dueDate.mae)} / ${f2(c.meanDelay.mae)} | ${f3(c.late)} / ${f3(c.dueDate.late)} / ${f3(c.meanDelay.late)} |`,
      );
  }
}

if (import.meta.main) await main();
