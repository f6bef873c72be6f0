/** `forecast accuracy`: each elapsed week's receipts against the stored forecast for that week. */

import { addDays } from '#core/calendar';
import { type ForecastAccuracy, forecastVsActual } from '#core/forecast/accuracy';
import { firstWeekStart } from '#core/forecast/week-sums';
import type { IsoDate } from '#core/types';
import { selectForecastWeeks, selectReceiptsByWeek } from '#db/forecast/forecast-store';
import { inReportSnapshot } from '#db/reports/report-session';
import { findCompany, unknownCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';

export interface ForecastAccuracyView extends ForecastAccuracy {
  asOf: IsoDate;
  from: IsoDate;
  currency: string;
}

/** Defaults: the 26 weeks that ended by the as-of date. */
export async function forecastAccuracy(
  ctx: AppContext,
  input: { asOf?: string | undefined; weeks?: number | undefined } = {},
): Promise<ForecastAccuracyView> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const weeks = input.weeks ?? 26;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104)
    throw new DomainError('invalid_input', { key: 'errors.forecast.weeks', params: { max: 104 } });
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw unknownCompany(ctx.companyId);
  // The Monday after the as-of date starts the first week without an actual yet.
  const nextMonday = firstWeekStart(asOf);
  const from = addDays(nextMonday, -7 * weeks);
  const { stored, receipts } = await inReportSnapshot(ctx.db, async (trx) => ({
    stored: await selectForecastWeeks(trx, ctx.companyId, from, addDays(nextMonday, -7)),
    receipts: await selectReceiptsByWeek(trx, ctx.companyId, company.currency, from, addDays(nextMonday, -1)),
  }));
  return { asOf, from, currency: company.currency, ...forecastVsActual(stored, receipts, asOf) };
}
