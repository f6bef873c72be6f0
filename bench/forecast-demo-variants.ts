/**
 * The demo's back-test under variants of the forecast options (issue 14's audit: very late
 * invoices, reminders as a floor or a reason), in one process on one copy of the history, so
 * that the variants differ only by their options:
 *
 *   node bench/forecast-demo-variants.ts --data-dir DIR [--from D --to D]
 */
import { parseArgs } from 'node:util';
import { loadForecastData } from '#app/forecast/forecast-data';
import { openRuntime } from '#app/runtime';
import { toDayNumber } from '#core/calendar';
import { runBacktest } from '#core/forecast/backtest';
import {
  DEFAULT_FORECAST_OPTIONS,
  type ForecastOptions,
  predictWith,
  trainUncalibrated,
} from '#core/forecast/forecaster';
import { openAt } from '#core/forecast/predict';
import type { InvoiceEvent, InvoiceRecord } from '#core/forecast/types';
import { resolveDatabaseConfig } from '#db/infra/connect';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    from: { type: 'string', default: '2025-07-01' },
    to: { type: 'string', default: '2026-06-30' },
  },
});

const base = DEFAULT_FORECAST_OPTIONS;
const variants: [string, ForecastOptions][] = [
  ['product', base],
  ['no age record', { ...base, ageRecord: false }],
  [
    'no age record, reminders as a floor (delay-shrinkage-5)',
    { ...base, ageRecord: false, events: { ...base.events, reminders: true } },
  ],
];

/**
 * The very late invoices (more than 180 days past due at a cut-off), paid or not: the share of
 * each one's dates within 13 weeks of the cut-off against whether a payment came in them, at the
 * cut-offs whose 13 weeks are known. The back-test's MAE scores only the invoices paid later,
 * which hides the ones never paid.
 */
function veryLate(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  forecast: ForecastOptions,
) {
  let invoices = 0;
  let expected = 0;
  let paid = 0;
  let brier = 0;
  for (const cutoff of ['2025-09-30', '2025-12-31', '2026-03-31']) {
    const forecaster = trainUncalibrated(records, events, cutoff, forecast);
    const cutoffDay = toDayNumber(cutoff);
    for (const record of openAt(records, cutoff)) {
      if (cutoffDay - toDayNumber(record.dueDate) <= 180) continue;
      const p = predictWith(forecaster, record, record.amountMinor);
      const within = p.candidateDays.filter((day) => day <= cutoffDay + 91).length / p.candidateDays.length;
      const came =
        record.settledByPayment &&
        record.settledOn !== null &&
        toDayNumber(record.settledOn) <= cutoffDay + 91;
      invoices += 1;
      expected += within;
      paid += came ? 1 : 0;
      brier += (within - (came ? 1 : 0)) ** 2;
    }
  }
  return `very late: ${invoices} invoice-cut-offs, expected paid within 13 weeks ${expected.toFixed(1)}, paid ${paid}, brier ${(brier / Math.max(1, invoices)).toFixed(3)}`;
}

const runtime = await openRuntime(resolveDatabaseConfig(process.env, { dataDir: values['data-dir'] }));
try {
  const ctx = await runtime.contextFor(undefined, 'cli');
  const data = await loadForecastData(ctx, values.to as string, false);
  for (const [name, forecast] of variants) {
    const result = runBacktest(data.invoices, values.from as string, values.to as string, {
      events: data.events,
      forecast,
    });
    const methods = result.methods.map(
      (m) => `${m.method} ${m.maeDays} d ${m.lateAccuracy}/${m.balancedAccuracy}`,
    );
    process.stdout.write(
      `${name}: ${result.invoices} invoices, late base rate ${result.lateBaseRate}, brier ${result.brierScore}; ${methods.join('; ')}\n  ${veryLate(data.invoices, data.events, forecast)}\n`,
    );
  }
} finally {
  await runtime.close();
}
