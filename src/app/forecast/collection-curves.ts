/**
 * The collection curves for one forecast (core/forecast/collection-curve.ts): read at weekly past
 * cut-offs from one week back, each week of the forecast pooling the newest known through its end.
 */
import type { Transaction } from 'kysely';
import { fromDayNumber, toDayNumber } from '#core/calendar';
import {
  AGE_BUCKET_STARTS,
  recentCurveCutoffs,
  type WeekCurves,
  weekCurves,
} from '#core/forecast/collection-curve';
import { horizonEnd } from '#core/forecast/periods';
import type { WeekSums } from '#core/forecast/week-sums';
import type { IsoDate } from '#core/types';
import { selectCollectionHistory } from '#db/forecast/collection-history';
import type { Database } from '#db/infra/schema';
import { sharedReads } from './shared-training.ts';

/** Histories kept per database: a forecast by week, and by day or month over another horizon. */
const sharedHistories = sharedReads(4);

/** The curves on the periods of `sums`, learned from what was known at `asOf`. */
export async function collectionCurvesAt(
  trx: Transaction<Database>,
  input: { companyId: string; currency: string; asOf: IsoDate },
  sums: WeekSums,
): Promise<WeekCurves> {
  const [curves] = await collectionCurvesFor(trx, input, [sums]);
  if (!curves) throw new Error('no curves for the sums given');
  return curves;
}

/**
 * The curves on the periods of each of `sums` (one horizon cut in days, weeks or months), from
 * one read of the history: the read is the cost (seconds at 1,000,000 open items), laying is not.
 * With `shared` (the version of the forecast inputs a fresh read-only snapshot sees, see
 * shared-training.ts), calls that see the same inputs share the read: the dashboard's forecast reads
 * the same history visit after visit.
 */
export async function collectionCurvesFor(
  trx: Transaction<Database>,
  input: { companyId: string; currency: string; asOf: IsoDate },
  sums: readonly WeekSums[],
  shared?: { db: object; inputs: string },
): Promise<WeekCurves[]> {
  const [first] = sums;
  if (!first) return [];
  // The first week may start before the as-of date (a Tuesday's forecast starts on Monday).
  const horizonDays = horizonEnd(first) - 1 - toDayNumber(input.asOf);
  // Whole weeks back from the as-of date, so that each day of the history falls on the weekday it
  // is laid on (a Friday's forecast read from Wednesdays put Thursday's receipts on a Saturday).
  const weeks = Math.ceil((horizonEnd(first) - first.firstDay) / 7);
  const cutoffDays = recentCurveCutoffs(input.asOf, weeks);
  const read = () =>
    selectCollectionHistory(trx, {
      ...input,
      cutoffs: cutoffDays.map(fromDayNumber),
      knownAt: input.asOf,
      horizonDays,
      bucketStarts: AGE_BUCKET_STARTS,
    });
  const key = [input.companyId, input.currency, input.asOf, weeks, horizonDays, shared?.inputs].join(
    '\u0000',
  );
  const byCutoff = await (shared ? sharedHistories(shared.db, key, read) : read());
  return sums.map((periods) => weekCurves(byCutoff, cutoffDays, input.asOf, periods));
}
