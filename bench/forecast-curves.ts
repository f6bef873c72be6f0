/**
 * The collection curves' history read (db/forecast/collection-history.ts) at scale, A/B in one
 * window: the quarter of cut-offs known through the whole horizon (13 cut-offs 13–25 weeks back,
 * the read before 6 Dec) against the newest cut-offs per week (`recentCurveCutoffs`: 25 cut-offs
 * 1–25 weeks back), alternated run by run on the same database. Prints each read's seconds, the
 * medians and the load average. Never a timed test.
 * `node bench/forecast-curves.ts --url postgres://…/NAME [--company SCALE] [--as-of 2026-06-30]
 * [--runs 3] [--only quarter|recent]`
 */

import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fixedClock, silentLogger } from '#app/context';
import { openRuntime } from '#app/runtime';
import { fromDayNumber, toDayNumber } from '#core/calendar';
import { AGE_BUCKET_STARTS, CURVE_CUTOFFS, curveCutoffs } from '#core/forecast/collection-curve';
import { emptyWeekSums } from '#core/forecast/week-sums';
import { selectCollectionHistory } from '#db/forecast/collection-history';
import { inReportSnapshot } from '#db/reports/report-session';

const WEEKS = 13;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    company: { type: 'string', default: 'SCALE' },
    'as-of': { type: 'string', default: '2026-06-30' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
if (!values.url) throw new Error('--url postgres://… is required');
const asOf = values['as-of'];
const runtime = await openRuntime({ url: values.url }, { clock: fixedClock(asOf), log: silentLogger });
try {
  const company = await runtime.handle.db
    .selectFrom('companies')
    .where('company_id', '=', values.company)
    .select('currency')
    .executeTakeFirstOrThrow();
  const sums = emptyWeekSums(asOf, WEEKS);
  const horizonDays = sums.firstDay + 7 * WEEKS - 1 - toDayNumber(asOf);
  const variants = {
    quarter: curveCutoffs(asOf, 7 * WEEKS),
    // As `recentCurveCutoffs` (written out, so that this file runs on a worktree of the code before).
    recent: Array.from(
      { length: WEEKS + CURVE_CUTOFFS - 1 },
      (_, index) => toDayNumber(asOf) - 7 * (index + 1),
    ),
  };
  const seconds: Record<string, number[]> = { quarter: [], recent: [] };
  const load = loadavg()[0]?.toFixed(1);
  for (let run = 0; run < Number(values.runs); run += 1)
    for (const [name, days] of Object.entries(variants)) {
      if (values.only !== undefined && values.only !== name) continue;
      const started = performance.now();
      const histories = await inReportSnapshot(runtime.handle.db, (trx) =>
        selectCollectionHistory(trx, {
          companyId: values.company,
          currency: company.currency,
          cutoffs: days.map(fromDayNumber),
          knownAt: asOf,
          horizonDays,
          bucketStarts: AGE_BUCKET_STARTS,
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      seconds[name]?.push(elapsed);
      // The same digest before and after a change of the statement: the same histories.
      const digest = createHash('sha256').update(JSON.stringify(histories)).digest('hex').slice(0, 16);
      const rows = histories.reduce((sum, cutoff) => sum + cutoff.length, 0);
      console.log(
        `run ${run + 1} ${name}: ${days.length} cut-offs, ${rows} bucket rows, digest ${digest}, ${elapsed.toFixed(2)} s`,
      );
    }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  console.log(
    `median quarter ${median(seconds.quarter ?? []).toFixed(2)} s, recent ${median(seconds.recent ?? []).toFixed(2)} s; load ${load} -> ${loadavg()[0]?.toFixed(1)}`,
  );
} finally {
  await runtime.close();
}
