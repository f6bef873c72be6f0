/**
 * The promises to pay known only from the imported customer story, listed read-only beside the
 * recorded ones (core/dunning/imported-promises.ts says how a line is read and its status), a page
 * at a time with how many each status holds. Never turned into a record: the dunning, the agenda
 * and the forecast go on reading the records only.
 */
import {
  type InvoiceCheck,
  type NamedInvoice,
  referenceWordsOf,
} from '#core/dunning/imported-promise-invoices';
import {
  assessImportedPromise,
  IMPORTED_PROMISE_STATUSES,
  type ImportedPromiseStatus,
  importedPromiseTerms,
  STATED_CURRENCY,
  type UnverifiableReason,
} from '#core/dunning/imported-promises';
import { PROMISE_STATUSES } from '#core/dunning/promises';
import type { IsoDate } from '#core/types';
import {
  type ImportedPromiseRow,
  type NamedInvoiceRow,
  selectImportedPromises,
  selectNamedInvoices,
  selectPaymentsNetOfBounces,
} from '#db/dunning/imported-promises';
import type { AppContext } from '../context.ts';
import { requireVisibleCustomer } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import { notOneOf } from './error-params.ts';
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
  /** Judged on the invoices it names (it states no amount), in the customer's currency; null otherwise. */
  invoiceCheck: (InvoiceCheck & { currency: string }) | null;
}

interface ListInput {
  asOf?: string | undefined;
  customerCode?: string | undefined;
}

/** Every imported promise line up to the date (the company's date by default), newest first. */
export async function listImportedPromises(
  ctx: AppContext,
  input: ListInput = {},
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
  const lines = rows.map((row) => ({ row, terms: importedPromiseTerms(row.detail, row.madeOn) }));
  // Only a line with a date and no amount is judged on the invoices it names.
  const words = new Map(
    lines
      .filter(({ terms }) => terms.promisedOn !== null && terms.amountMinor === null)
      .map(({ row }) => [row.eventId, referenceWordsOf(row.detail, row.documentRef)]),
  );
  const invoices = await namedInvoices(ctx, rows, words, asOf);
  return lines.map(({ row, terms }) => {
    const named = (words.get(row.eventId) ?? []).flatMap(
      (word) => invoices.get(row.customerCode)?.get(word) ?? [],
    );
    const assessment = assessImportedPromise(
      { madeOn: row.madeOn, currency: row.currency, terms },
      payments.get(row.customerCode) ?? [],
      asOf,
      named,
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
      invoiceCheck: assessment.invoiceCheck && { ...assessment.invoiceCheck, currency: row.currency },
    };
  });
}

/** The customers' invoices named by the words of their lines: by customer, then by upper-case reference. */
async function namedInvoices(
  ctx: AppContext,
  rows: readonly ImportedPromiseRow[],
  words: ReadonlyMap<number, readonly string[]>,
  asOf: IsoDate,
): Promise<Map<string, Map<string, NamedInvoice[]>>> {
  const wanted = new Map<string, { customerCode: string; word: string }>();
  for (const row of rows)
    for (const word of words.get(row.eventId) ?? [])
      wanted.set(`${row.customerCode}\u0000${word}`, { customerCode: row.customerCode, word });
  const found = await selectNamedInvoices(ctx.db, ctx.companyId, [...wanted.values()], asOf);
  const byCustomer = new Map<string, Map<string, NamedInvoice[]>>();
  for (const [, allocations] of Map.groupBy(found, (r) => r.documentId)) {
    const first = allocations[0] as NamedInvoiceRow;
    const invoice: NamedInvoice = {
      ref: first.ref,
      amountMinor: first.amountMinor,
      allocations: allocations.flatMap((r) =>
        r.allocatedOn === null || r.allocatedMinor === null
          ? []
          : [{ date: r.allocatedOn, amountMinor: r.allocatedMinor }],
      ),
    };
    const refs = byCustomer.get(first.customerCode) ?? new Map<string, NamedInvoice[]>();
    const key = first.ref.toUpperCase();
    refs.set(key, [...(refs.get(key) ?? []), invoice]);
    byCustomer.set(first.customerCode, refs);
  }
  return byCustomer;
}

/** A status the list may be filtered on: an imported line's, or a recorded promise's (none is imported). */
const FILTER_STATUSES = [...new Set<string>([...PROMISE_STATUSES, ...IMPORTED_PROMISE_STATUSES])];

/** Refuses a status no promise can have, before anything is read. */
export function checkPromiseStatus(status: string | undefined): void {
  if (status !== undefined && !FILTER_STATUSES.includes(status))
    throw notOneOf('status', status, FILTER_STATUSES, 'dunningPromiseStatus');
}

/** The largest page of imported promises (the disputes list's). */
export const MAX_IMPORTED_PROMISE_PAGE = 500;

export interface ImportedPromisePage {
  /** How many lines the filter keeps, over every page. */
  total: number;
  /** How many lines each status holds, whatever the status asked for (the customer's, when one is asked). */
  counts: Record<ImportedPromiseStatus, number>;
  items: ImportedPromiseView[];
}

/**
 * One page of the list in its order, with the total the filter keeps. The status is read from the
 * ledger line by line, so every line is assessed and the page cut from them (as the disputes list
 * is). `limit` undefined: every line from `offset` (the command line's `--limit 0`).
 */
export async function listImportedPromisePage(
  ctx: AppContext,
  input: ListInput & { status?: string | undefined; limit?: number | undefined; offset?: number | undefined },
): Promise<ImportedPromisePage> {
  const { status, limit, offset = 0, ...scope } = input;
  checkPromiseStatus(status);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_IMPORTED_PROMISE_PAGE))
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.pageLimit',
      params: { max: MAX_IMPORTED_PROMISE_PAGE },
    });
  if (!Number.isInteger(offset) || offset < 0)
    throw new DomainError('invalid_input', { key: 'errors.dunning.pageOffset' });
  const all = await listImportedPromises(ctx, scope);
  const counts = Object.fromEntries(
    IMPORTED_PROMISE_STATUSES.map((s) => [s, 0]),
  ) as ImportedPromisePage['counts'];
  for (const view of all) counts[view.status] += 1;
  const kept = status === undefined ? all : all.filter((view) => view.status === status);
  const items = kept.slice(offset, limit === undefined ? undefined : offset + limit);
  return { total: kept.length, counts, items };
}
