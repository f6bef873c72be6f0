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
import type { WeekSums } from '#core/forecast/collections';
import type { IsoDate } from '#core/types';
import { selectCollectionHistory } from '#db/forecast/collection-history';
import type { Database } from '#db/infra/schema';

/** The curves on the weeks of `sums`, learned from what was known at `asOf`. */
export async function collectionCurvesAt(
  trx: Transaction<Database>,
  input: { companyId: string; currency: string; asOf: IsoDate },
  sums: WeekSums,
): Promise<WeekCurves> {
  // The first week may start before the as-of date (a Tuesday's forecast starts on Monday).
  const horizonDays = sums.firstDay + 7 * sums.expected.length - 1 - toDayNumber(input.asOf);
  // Whole weeks back from the as-of date, so that each day of the history falls on the weekday it
  // is laid on (a Friday's forecast read from Wednesdays put Thursday's receipts on a Saturday).
  const cutoffDays = recentCurveCutoffs(input.asOf, sums.expected.length);
  const byCutoff = await selectCollectionHistory(trx, {
    ...input,
    cutoffs: cutoffDays.map(fromDayNumber),
    knownAt: input.asOf,
    horizonDays,
    bucketStarts: AGE_BUCKET_STARTS,
  });
  return weekCurves(byCutoff, cutoffDays, input.asOf, sums);
}
