/**
 * What every forecast use case reads, in one snapshot: the company's invoices in its currency
 * with their settlement dates, and (for predictions) the open amounts and signals at the date.
 */

import type { InvoiceRecord, InvoiceSignals } from '#core/forecast/types';
import type { IsoDate } from '#core/types';
import {
  type ForecastInvoiceRow,
  selectForecastInvoices,
  selectInvoiceEvents,
  selectOpenInvoiceAmounts,
} from '#db/forecast/forecast-queries';
import { inReportSnapshot } from '#db/reports/report-session';
import { findCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

/** The model's name and version, printed with every prediction so that stored ones can be told apart. */
export const MODEL_VERSION = 'delay-shrinkage-1';

export interface ForecastData {
  currency: string;
  invoices: ForecastInvoiceRow[];
  openMinorById: Map<number, number>;
  signalsByRef: Map<string, InvoiceSignals>;
}

function signalsOf(rows: Awaited<ReturnType<typeof selectInvoiceEvents>>): Map<string, InvoiceSignals> {
  const signals = new Map<string, InvoiceSignals>();
  for (const row of rows) {
    const key = `${row.customerCode}\u0000${row.documentRef}`;
    const entry = signals.get(key) ?? {};
    if (row.kind === 'dispute') entry.disputeRecorded = true;
    else if (row.kind === 'reminder') entry.remindersSent = (entry.remindersSent ?? 0) + 1;
    else if (row.kind === 'promise') entry.promisedDate = row.eventDate;
    signals.set(key, entry);
  }
  return signals;
}

export function signalKey(record: Pick<InvoiceRecord, 'customerCode' | 'documentRef'>): string {
  return `${record.customerCode}\u0000${record.documentRef}`;
}

/**
 * `withOpenState`: also the open amounts and signals as of the date (predictions, forecast); the
 * back-test needs only the invoices. Invoices in another currency than the company's are left
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
    if (!withOpenState)
      return { currency: company.currency, invoices, openMinorById: new Map(), signalsByRef: new Map() };
    const openMinorById = await selectOpenInvoiceAmounts(trx, ctx.companyId, asOf);
    const signalsByRef = signalsOf(await selectInvoiceEvents(trx, ctx.companyId, asOf));
    return { currency: company.currency, invoices, openMinorById, signalsByRef };
  });
}
