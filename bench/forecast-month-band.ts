/**
 * How often a whole month's receipts fall inside the collection forecast's month band, beside the
 * weeks' (issue 14). The record of past forecasts is kept by week and widens the weeks' bands
 * (core/forecast/past-errors.ts); the months keep the model's. This replays the forecast as it was
 * made on each Sunday of a range, by month and by week (a past date trains on what was known then:
 * forecastCollections trains at the date when no model was kept that week), and sets each whole
 * month and week ended by `--known` against what came in. Run it on a demo whose weeks were
 * backfilled first (`forecast snapshot --backfill-weeks 52`); on a copy without stored forecasts
 * it measures the model's own weekly bands, for comparison.
 *
 *   node bench/forecast-month-band.ts --data-dir DIR --from 2026-01-04 --to 2026-05-31
 *     [--known 2026-06-30] [--json]
 */
import { parseArgs } from 'node:util';
import { forecastCollections } from '#app/forecast/collections';
import { openRuntime } from '#app/runtime';
import { addDays, endOfMonth } from '#core/calendar';
import { horizonOf } from '#core/forecast/accuracy';
import type { IsoDate } from '#core/types';
import { selectReceiptsByWeek } from '#db/forecast/forecast-store';
import { resolveDatabaseConfig } from '#db/infra/connect';

interface Tally {
  periods: number;
  inside: number;
  below: number;
  above: number;
  relativeWidthSum: number;
}

const emptyTally = (): Tally => ({ periods: 0, inside: 0, below: 0, above: 0, relativeWidthSum: 0 });

function count(
  tally: Tally,
  band: { lowMinor: number; highMinor: number; totalMinor: number },
  actual: number,
) {
  tally.periods += 1;
  if (actual < band.lowMinor) tally.below += 1;
  else if (actual > band.highMinor) tally.above += 1;
  else tally.inside += 1;
  if (band.totalMinor > 0) tally.relativeWidthSum += (band.highMinor - band.lowMinor) / band.totalMinor;
}

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    known: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
if (!values['data-dir'] || !values.from || !values.to) throw new Error('--data-dir, --from and --to');
const known = (values.known ?? values.to) as IsoDate;

const runtime = await openRuntime(resolveDatabaseConfig(process.env, { dataDir: values['data-dir'] }));
const ctx = await runtime.contextFor(undefined, 'cli');
const months = emptyTally();
const weeks = emptyTally();
/** The weeks by horizon (1: the week after the forecast's Sunday). */
const weeksAhead = new Map<number, Tally>();
const totalOf = (p: { fromOpenItemsMinor: number; fromFutureSalesMinor: number }) =>
  p.fromOpenItemsMinor + p.fromFutureSalesMinor;
const receiptsBetween = async (currency: string, from: IsoDate, to: IsoDate) => {
  const byWeek = await selectReceiptsByWeek(ctx.db, ctx.companyId, currency, from, to);
  return [...byWeek.values()].reduce((sum, amount) => sum + amount, 0);
};
for (let asOf = values.from as IsoDate; asOf <= values.to; asOf = addDays(asOf, 7)) {
  const forecast = await forecastCollections(ctx, { asOf, weeks: 13, by: ['month'] });
  for (const month of forecast.months ?? []) {
    const last = endOfMonth(month.periodStart);
    if (month.partial || last > known) continue;
    count(
      months,
      { ...month, totalMinor: totalOf(month) },
      await receiptsBetween(forecast.currency, month.periodStart, last),
    );
  }
  for (const week of forecast.weeks) {
    const last = addDays(week.weekStart, 6);
    if (week.partial || last > known) continue;
    const band = { ...week, totalMinor: totalOf(week) };
    const actual = await receiptsBetween(forecast.currency, week.weekStart, last);
    count(weeks, band, actual);
    const horizon = horizonOf({ asOf, weekStart: week.weekStart });
    const ahead = weeksAhead.get(horizon) ?? emptyTally();
    count(ahead, band, actual);
    weeksAhead.set(horizon, ahead);
  }
  process.stderr.write(`${asOf} `);
}
await runtime.close();
const summary = (tally: Tally) => ({
  ...tally,
  insideShare: tally.periods ? Math.round((1000 * tally.inside) / tally.periods) / 10 : null,
  meanRelativeWidth: tally.periods ? Math.round((100 * tally.relativeWidthSum) / tally.periods) / 100 : null,
});
const byHorizon = [...weeksAhead.entries()]
  .sort(([a], [b]) => a - b)
  .map(([horizon, tally]) => ({ horizon, ...summary(tally) }));
const result = {
  from: values.from,
  to: values.to,
  known,
  months: summary(months),
  weeks: summary(weeks),
  weeksByHorizon: byHorizon,
};
if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
else
  process.stdout.write(
    `\nmonths inside the band: ${months.inside}/${months.periods} (${result.months.insideShare} %), below ${months.below}, above ${months.above}, mean (high − low) / total ${result.months.meanRelativeWidth}\n` +
      `weeks inside the band:  ${weeks.inside}/${weeks.periods} (${result.weeks.insideShare} %), below ${weeks.below}, above ${weeks.above}, mean (high − low) / total ${result.weeks.meanRelativeWidth}\n` +
      `by weeks ahead: ${byHorizon.map((h) => `${h.horizon}: ${h.inside}/${h.periods}`).join(', ')}\n`,
  );
