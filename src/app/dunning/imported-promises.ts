/**
 * The promises to pay known only from the imported customer story, listed read-only beside the
 * recorded ones (core/dunning/imported-promises.ts says how a line is read and its status). Never
 * turned into a record: the dunning, the agenda and the forecast go on reading the records only.
 */
import {
  assessImportedPromise,
  type ImportedPromiseStatus,
  importedPromiseTerms,
  STATED_CURRENCY,
  type UnverifiableReason,
} from '#core/dunning/imported-promises';
import type { IsoDate } from '#core/types';
import { selectImportedPromises, selectPaymentsNetOfBounces } from '#db/dunning/imported-promises';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer } from '../customers/customers.ts';
import { resolveRunDate } from './plan-run.ts';
import { portfolioOf } from './queries.ts';

export interface ImportedPromiseView {
  source: 'imported';
  /** The story line's number. */
  eventId: number;
  customerCode: string;
  customerName: string;
  /** The line's date: the day the promise was made. */
  madeOn: IsoDate;
  /** The date the line says was promised; null when it names none. */
  promisedOn: IsoDate | null;
  /** The amount the line states, in minor units of `currency`; null when it states none. */
  amountMinor: number | null;
  /** The currency of the stated amount: the imported story writes euros. */
  currency: string;
  /** The invoice the line names, if any. */
  documentRef: string | null;
  /** The line's words, as imported. */
  note: string;
  status: ImportedPromiseStatus;
  unverifiableReason: UnverifiableReason | null;
  /** Paid after the line's day and by the promised date (or the as-of date); null when not read. */
  paidMinor: number | null;
}

/** Every imported promise line up to the date (the company's date by default), newest first. */
export async function listImportedPromises(
  ctx: AppContext,
  input: { asOf?: string | undefined; customerCode?: string | undefined } = {},
): Promise<ImportedPromiseView[]> {
  const asOf = await resolveRunDate(ctx, input.asOf);
  if (input.customerCode) await requireVisibleCustomer(ctx, input.customerCode);
  const rows = await selectImportedPromises(ctx.db, ctx.companyId, {
    asOf,
    salesperson: portfolioOf(ctx),
    customerCode: input.customerCode || undefined,
  });
  const payments = Map.groupBy(
    await selectPaymentsNetOfBounces(
      ctx.db,
      ctx.companyId,
      [...new Set(rows.map((r) => r.customerCode))],
      asOf,
    ),
    (payment) => payment.customerCode,
  );
  return rows.map((row) => {
    const terms = importedPromiseTerms(row.detail, row.madeOn);
    const assessment = assessImportedPromise(
      { madeOn: row.madeOn, currency: row.currency, terms },
      payments.get(row.customerCode) ?? [],
      asOf,
    );
    return {
      source: 'imported',
      eventId: row.eventId,
      customerCode: row.customerCode,
      customerName: row.customerName,
      madeOn: row.madeOn,
      promisedOn: terms.promisedOn,
      amountMinor: terms.amountMinor,
      currency: STATED_CURRENCY,
      documentRef: row.documentRef,
      note: row.detail,
      status: assessment.status,
      unverifiableReason: assessment.reason,
      paidMinor: assessment.paidMinor,
    };
  });
}
