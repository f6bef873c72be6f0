/**
 * What the collection forecast's band is drawn from, read the same way by `forecast collections`
 * and by the stored snapshot: the future sales' volume error and the past forecasts' own errors.
 */
import type { Kysely } from 'kysely';
import { addDays } from '#core/calendar';
import { horizonWeeks } from '#core/forecast/accuracy';
import { type PastErrorBand, pastErrorBands } from '#core/forecast/past-errors';
import { salesVolumeError, VOLUME_HISTORY_WEEKS } from '#core/forecast/sales-volume';
import { firstWeekStart } from '#core/forecast/week-sums';
import type { IsoDate } from '#core/types';
import { selectWeeklyInvoicing } from '#db/forecast/forecast-queries';
import { selectForecastWeeks, selectReceiptsByWeek } from '#db/forecast/forecast-store';
import type { Database } from '#db/infra/schema';

export interface BandInputs {
  /** For `collectionWeeks` / `collectionPeriods` (core/forecast/collections.ts). */
  volumeError: number;
  /** For `widenByPastErrors` (core/forecast/past-errors.ts). */
  pastBands: Map<number, PastErrorBand>;
}

/** Both inputs of the band at the date, in the currency, read through `db` (a snapshot's transaction). */
export async function bandInputsAt(
  db: Kysely<Database>,
  companyId: string,
  currency: string,
  asOf: IsoDate,
): Promise<BandInputs> {
  const volumeError = await salesVolumeErrorAt(db, companyId, currency, asOf);
  const pastBands = await pastErrorBandsAt(db, companyId, currency, asOf);
  return { volumeError, pastBands };
}

/**
 * The future sales' volume error at the date (core/forecast/sales-volume.ts), from two years of
 * invoicing summed by week in the database: a training keeps only last year's invoices of the
 * forecast weeks, not the two years this compares.
 */
export async function salesVolumeErrorAt(
  db: Kysely<Database>,
  companyId: string,
  currency: string,
  asOf: IsoDate,
): Promise<number> {
  const rows = await selectWeeklyInvoicing(db, { companyId, currency, asOf, weeks: VOLUME_HISTORY_WEEKS });
  const amounts = new Array<number>(VOLUME_HISTORY_WEEKS).fill(0);
  for (const row of rows) if (row.week < VOLUME_HISTORY_WEEKS) amounts[row.week] = row.amountMinor;
  return salesVolumeError(amounts);
}

/** The stored forecasts a new one learns its band from: those of the last year's weeks. */
const PAST_BAND_WEEKS = 52;

/**
 * The past bands by horizon (core/forecast/past-errors.ts): the stored forecasts of the weeks of
 * the last year that ended by the date, against the receipts of those weeks.
 */
export async function pastErrorBandsAt(
  db: Kysely<Database>,
  companyId: string,
  currency: string,
  asOf: IsoDate,
): Promise<Map<number, PastErrorBand>> {
  const nextMonday = firstWeekStart(asOf);
  const from = addDays(nextMonday, -7 * PAST_BAND_WEEKS);
  const stored = await selectForecastWeeks(db, companyId, from, addDays(nextMonday, -7));
  if (stored.length === 0) return new Map();
  const receipts = await selectReceiptsByWeek(db, companyId, currency, from, addDays(nextMonday, -1));
  return pastErrorBands(horizonWeeks(stored, receipts, asOf));
}
