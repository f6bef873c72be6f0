/**
 * What every forecast use case reads, in one snapshot: the company's invoices in its currency
 * with their settlement dates, the dated disputes, promises and reminders, and (for predictions)
 * the open amounts at the date.
 */

import type { InvoiceEvent } from '#core/forecast/types';
import type { IsoDate } from '#core/types';
import {
  type ForecastInvoiceRow,
  selectForecastEvents,
  selectForecastInvoices,
  selectOpenInvoiceAmounts,
} from '#db/forecast/forecast-queries';
import { inReportSnapshot } from '#db/reports/report-session';
import { findCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

/**
 * The model's name and version, printed with every prediction so that stored ones can be told
 * apart. 2: disputes, promises and reminders move the dates; probabilities recalibrated.
 */
export const MODEL_VERSION = 'delay-shrinkage-2';

export interface ForecastData {
  currency: string;
  invoices: ForecastInvoiceRow[];
  /** Dated on or before the date read up to. */
  events: InvoiceEvent[];
  openMinorById: Map<number, number>;
}

/**
 * `withOpenState`: also the open amounts as of the date (predictions, forecast); the back-test
 * needs only the invoices and events. Invoices in another currency than the company's are left
 * out: their amounts cannot be summed with the rest.
 */
export async function loadForecastData(
  ctx: AppContext,
  asOf: IsoDate,
  withOpenState: boolean,
): Promise<ForecastData> {
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw new DomainError('not_found', `unknown company: ${ctx.companyId}`);
  return inReportSnapshot(ctx.db, async (trx) => {
    const invoices = (await selectForecastInvoices(trx, ctx.companyId, asOf)).filter(
      (row) => row.currency === company.currency,
    );
    const events = await selectForecastEvents(trx, ctx.companyId, asOf);
    const openMinorById = withOpenState
      ? await selectOpenInvoiceAmounts(trx, ctx.companyId, asOf)
      : new Map<number, number>();
    return { currency: company.currency, invoices, events, openMinorById };
  });
}
