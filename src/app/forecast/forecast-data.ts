/**
 * What every forecast use case reads, in one snapshot: the company's invoices in its currency
 * with their settlement dates (held whole for the back-test, folded into the model's sums for the
 * weekly job's training), the dated disputes, promises and reminders, and (for predictions) the
 * open amounts at the date.
 */

import {
  foldInvoice,
  type HistoryFold,
  recalibrationMonthEnds,
  startHistoryFold,
} from '#core/forecast/history-fold';
import { signalsOf } from '#core/forecast/signals';
import type { InvoiceEvent, InvoiceSignals } from '#core/forecast/types';
import type { IsoDate } from '#core/types';
import { openDocumentEvents, selectForecastEvents } from '#db/forecast/forecast-events';
import {
  countInvoicesOpenAt,
  type ForecastInvoiceRow,
  forEachForecastInvoiceChunk,
  selectOpenInvoiceAmounts,
} from '#db/forecast/forecast-queries';
import { inReportSnapshot } from '#db/reports/report-session';
import { findCompany, unknownCompany } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';

/**
 * The model's name and version, printed with every prediction so that stored ones can be told
 * apart. 2: disputes, promises and reminders move the dates; probabilities recalibrated. 3: habits
 * learned net of the dispute effect, which an invoice in dispute gets back. 4: and net of the channel
 * effect (paper or electronic, `documents.channel`), which an electronic invoice gets back. 5: the
 * two effects fitted jointly (without channel data the same outputs as 4). 6: an invoice older than
 * almost all its customer's payments takes its dates from the record of invoices that old
 * (age-terms.ts), not from the day after the cut-off; a reminder is a reason, not a later floor.
 * 7: each customer's trend moves its habit to the invoice's due date (model-trend.ts), and the month
 * the payment is expected in adds its season (season-terms.ts). 8: the dates fall on the days the
 * company's payments landed on (weekdays, business days) when that is all they landed on (bank-days.ts).
 * 9: a payment expected on a due date falling at a weekend lands on the Friday before when the
 * company's weekend-due invoices were mostly paid then, on the Monday after otherwise. 10: every
 * customer's line departs from the portfolio's (portfolio-trend.ts), fitted on delays cut where the
 * cut-off still censors them, and a customer with too little history takes the portfolio's.
 */
export const MODEL_VERSION = 'delay-shrinkage-10';

export interface ForecastData {
  currency: string;
  /** In document order: the whole history (`loadForecastData`), or what the training keeps of it. */
  invoices: ForecastInvoiceRow[];
  /** Dated on or before the date read up to. */
  events: InvoiceEvent[];
  openMinorById: Map<number, number>;
}

/** Invoices read per query: the driver holds one chunk of rows at a time. */
export const HISTORY_CHUNK = 50_000;

/**
 * `withOpenState`: also the open amounts as of the date (predictions, forecast); the back-test
 * needs only the invoices and events. Invoices in another currency than the company's are left
 * out: their amounts cannot be summed with the rest.
 */
export async function loadForecastData(
  ctx: AppContext,
  asOf: IsoDate,
  withOpenState: boolean,
  chunkSize = HISTORY_CHUNK,
): Promise<ForecastData> {
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw unknownCompany(ctx.companyId);
  return inReportSnapshot(ctx.db, async (trx) => {
    const invoices: ForecastInvoiceRow[] = [];
    const intern = interner();
    await forEachForecastInvoiceChunk(trx, ctx.companyId, asOf, chunkSize, (rows) => {
      for (const row of rows)
        if (row.currency === company.currency) invoices.push(leanRecord(row, intern, true));
    });
    const events = await selectForecastEvents(trx, ctx.companyId, asOf);
    const openMinorById = withOpenState
      ? await selectOpenInvoiceAmounts(trx, ctx.companyId, asOf)
      : new Map<number, number>();
    return { currency: company.currency, invoices, events, openMinorById };
  });
}

/** What the weekly job's training keeps of the history (no events: they are folded as read). */
export type TrainingData = Omit<ForecastData, 'events'>;

/**
 * What the weekly job trains on, without holding the history: the invoices are folded into the
 * habits model's sums as the cursor reads them, each with its own events (read alongside, by
 * document) folded into the event terms' counts (history-fold.ts); the recalibration's sample of
 * the invoices open at each earlier month end is drawn as they come (their counts are read first),
 * and `invoices` keeps only last year's invoices of the `salesWeeks` forecast weeks (future sales),
 * in document order — and, with `keepOpen`, those open at the date with their open amounts and
 * signals (to predict from `data`; without it the caller reads the open invoices again, with their
 * events, as it predicts them, so nothing held grows with the open items or the events).
 */
export async function loadTrainingData(
  ctx: AppContext,
  asOf: IsoDate,
  salesWeeks: number,
  options: { keepOpen?: boolean; chunkSize?: number } = {},
): Promise<{ data: TrainingData; fold: HistoryFold; signals: Map<number, InvoiceSignals> }> {
  const company = await findCompany(ctx, ctx.companyId);
  if (!company) throw unknownCompany(ctx.companyId);
  const { currency } = company;
  return inReportSnapshot(ctx.db, async (trx) => {
    // The counts and open amounts first: they say which invoices to keep while folding.
    const monthEnds = recalibrationMonthEnds(asOf);
    const openAtMonthEnds = await countInvoicesOpenAt(trx, {
      companyId: ctx.companyId,
      issuedUpTo: asOf,
      currency,
      monthEnds,
    });
    const openMinorById = options.keepOpen
      ? await selectOpenInvoiceAmounts(trx, ctx.companyId, asOf)
      : new Map<number, number>();
    const fold = startHistoryFold(asOf, salesWeeks, openAtMonthEnds);
    const invoices: ForecastInvoiceRow[] = [];
    const signals = new Map<number, InvoiceSignals>();
    const intern = interner();
    const chunkSize = options.chunkSize ?? HISTORY_CHUNK;
    const events = await openDocumentEvents(trx, ctx.companyId, asOf);
    await forEachForecastInvoiceChunk(trx, ctx.companyId, asOf, chunkSize, async (rows) => {
      await events.readThrough(rows.map((row) => row.documentId));
      for (const row of rows) {
        const own = events.take(row.documentId);
        if (row.currency !== currency) continue;
        const open = (openMinorById.get(row.documentId) ?? 0) > 0;
        let lean: ForecastInvoiceRow | null = null;
        const copy = () => {
          lean ??= leanRecord(row, intern, open);
          return lean;
        };
        if (foldInvoice(fold, row, copy, own) || open) invoices.push(copy());
        const known = open && own.length > 0 ? signalsOf(own, asOf) : undefined;
        if (known) signals.set(row.documentId, known);
      }
    });
    await events.close();
    return { data: { currency, invoices, openMinorById }, fold, signals };
  });
}

/**
 * One shared string per distinct value: every invoice of a customer points at the same code, every
 * invoice of a day at the same date, instead of a copy per row (most of the memory a record took).
 */
function interner(): <T extends string | null>(text: T) => T {
  const seen = new Map<string, string>();
  return <T extends string | null>(text: T): T => {
    if (text === null) return text;
    const known = seen.get(text);
    if (known !== undefined) return known as T;
    seen.set(text, text);
    return text;
  };
}

/**
 * A fresh object holding only the row's fields (never the driver's row), strings shared. Only an
 * invoice predicted at the date (`predicted`) keeps its reference and salesperson: the training
 * reads neither (the month ends' predictions give only probabilities), and the reference is the
 * one string of a record that no other record shares.
 */
function leanRecord(
  row: ForecastInvoiceRow,
  intern: ReturnType<typeof interner>,
  predicted: boolean,
): ForecastInvoiceRow {
  return {
    documentId: row.documentId,
    customerCode: intern(row.customerCode),
    customerType: intern(row.customerType),
    salesperson: predicted ? intern(row.salesperson) : null,
    documentRef: predicted ? row.documentRef : '',
    issueDate: intern(row.issueDate),
    dueDate: intern(row.dueDate),
    amountMinor: row.amountMinor,
    currency: intern(row.currency),
    settledOn: intern(row.settledOn),
    settledByPayment: row.settledByPayment,
    electronic: row.electronic ?? null,
  };
}
