/**
 * The collection curves for one forecast (core/forecast/collection-curve.ts): read at a quarter of
 * weekly past cut-offs whose whole horizon ended by the as-of date.
 */
import type { Transaction } from 'kysely';
import { fromDayNumber, toDayNumber } from '#core/calendar';
import {
  AGE_BUCKET_STARTS,
  curveCutoffs,
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
  const byCutoff = await selectCollectionHistory(trx, {
    ...input,
    // Whole weeks back from the as-of date, so that each day of the history falls on the weekday it
    // is laid on (a Friday's forecast read from Wednesdays put Thursday's receipts on a Saturday).
    cutoffs: curveCutoffs(input.asOf, 7 * sums.expected.length).map(fromDayNumber),
    knownAt: input.asOf,
    horizonDays,
    bucketStarts: AGE_BUCKET_STARTS,
  });
  return weekCurves(byCutoff, input.asOf, sums);
}
