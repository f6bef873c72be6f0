/**
 * The forecast bench's predictions from the kept models (what a prediction call of the week does),
 * and the process measures it takes: wall and CPU seconds, heap and resident set.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '#app/context';
import type { OpenInvoicePrediction } from '#app/forecast/prediction-batches';
import { forEachStoredPredictionBatch } from '#app/forecast/predictions';
import { findStoredPredictor } from '#app/forecast/stored-model';
import { addToWeeks, emptyWeekSums } from '#core/forecast/week-sums';
import type { DatabaseCpuMeter } from './database-cpu.ts';
import { median } from './stats.ts';

export const seconds = (started: number) => Math.round(performance.now() - started) / 1000;
/** CPU seconds of this process since `from`: on a shared machine, wall time waits for the CPU. */
export const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return Math.round((used.user + used.system) / 1000) / 1000;
};
export const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
export const peakRssMb = () => megabytes(process.resourceUsage().maxRSS * 1024);
export const rssMb = () => megabytes(process.memoryUsage().rss);
export const summary = (samples: number[]) => ({
  medianSeconds: Math.round(median(samples) * 1000) / 1000,
  minSeconds: Math.min(...samples),
  maxSeconds: Math.max(...samples),
});
export const collect = (globalThis as { gc?: () => void }).gc;
/** Heap in use, after a collection when the process allows one (--expose-gc). */
export const heapMb = () => {
  collect?.();
  return megabytes(process.memoryUsage().heapUsed);
};

/** A hash of every prediction, all fields: the stored model's must equal the trained one's. */
export function predictionHash() {
  const hash = createHash('sha256');
  return {
    add: (batch: readonly OpenInvoicePrediction[]) => {
      for (const prediction of batch) hash.update(JSON.stringify(prediction));
    },
    digest: () => hash.digest('hex').slice(0, 16),
  };
}

/**
 * What a prediction call does once the week's model is kept: find it, read the invoices open at the
 * date and the events known then, predict each; the predictions are summed into the 13 weeks of
 * the collection forecast (and hashed when verifying), none is held.
 */
async function predictFromStored(ctx: AppContext, asOf: string, verify: boolean, database: DatabaseCpuMeter) {
  const cpuStarted = process.cpuUsage();
  const dbStarted = await database.seconds();
  const started = performance.now();
  let heapPeak = 0;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, megabytes(process.memoryUsage().heapUsed));
  }, 50);
  try {
    const found = await findStoredPredictor(ctx, asOf, 'EUR');
    if (!found) throw new Error(`no stored model at ${asOf}`);
    const weeks = emptyWeekSums(asOf, 13);
    const hash = verify ? predictionHash() : null;
    const { count } = await forEachStoredPredictionBatch(ctx, found, asOf, (batch) => {
      addToWeeks(weeks, batch);
      hash?.add(batch);
    });
    return {
      seconds: seconds(started),
      cpu: cpuSeconds(cpuStarted),
      dbCpu: Math.round(((await database.seconds()) - dbStarted) * 100) / 100,
      count,
      hash: hash?.digest() ?? null,
      heapPeak,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** R runs predicting every date's open items from the kept models, summed per run. */
export async function predictRuns(
  ctx: AppContext,
  dates: string[],
  runs: number,
  verify: boolean,
  database: DatabaseCpuMeter,
) {
  const predicting: { seconds: number; cpu: number; dbCpu: number; count: number; heapPeakMb: number }[] = [];
  const hashes = new Map<string, string | null>();
  for (let run = 0; run < runs; run += 1) {
    let total = { seconds: 0, cpu: 0, dbCpu: 0, count: 0, heapPeakMb: 0 };
    for (const asOf of dates) {
      const result = await predictFromStored(ctx, asOf, verify && run === 0, database);
      if (run === 0) hashes.set(asOf, result.hash);
      total = {
        seconds: total.seconds + result.seconds,
        cpu: Math.round((total.cpu + result.cpu) * 1000) / 1000,
        dbCpu: Math.round((total.dbCpu + result.dbCpu) * 100) / 100,
        count: total.count + result.count,
        heapPeakMb: Math.max(total.heapPeakMb, result.heapPeak),
      };
    }
    predicting.push(total);
  }
  const secondsOf = predicting.map((p) => p.seconds);
  const figures = {
    runs,
    predictions: predicting[0]?.count ?? 0,
    seconds: summary(secondsOf),
    cpuSeconds: summary(predicting.map((p) => p.cpu)),
    databaseCpuSeconds: summary(predicting.map((p) => p.dbCpu)),
    predictionsPerSecond: Math.round((predicting[0]?.count ?? 0) / median(secondsOf)),
    heapPeakMb: Math.max(...predicting.map((p) => p.heapPeakMb)),
  };
  return { figures, hashes };
}
