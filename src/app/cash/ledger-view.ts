/**
 * What the matching asks of the ledger (the invoices a reference names, the open items of the
 * candidate customers, the customers owing an amount, the payments recorded that no bank line was
 * matched to — those from the database, always — and how the company numbers its invoices,
 * learned from its latest ones), answered two ways:
 * - `databaseLedger`: a plain read for each question (one receipt or one batch at a time);
 * - `loadLedgerView`: a run's own copy, read once — every open item and every invoice and credit
 *   note, each through a cursor, in one snapshot — and kept current after each batch by
 *   `refreshLedgerView` from what was written since: the documents written and those the
 *   allocations written touch (ids above the marks of the last read), each read again. So a run
 *   of 100,000 receipts against 1,000,000 open items reads each item about once instead of once
 *   per batch that names its customer, and its memory is the copy's (about 60 bytes an open item
 *   and 50 a reference), not the batches'.
 * Freshness: the batch's own writes, and whatever others wrote with a higher id, are seen by the
 * next batch. A document changed in place (an import correcting an amount), or written by a
 * transaction that commits after a later one already read, is seen by the next run only; the
 * write of a match still locks every document it touches and checks the allocation against them
 * as they are then (apply-batch.ts), so a proposal made on a stale copy is refused and stays a
 * suggestion, never a wrong allocation.
 */
import { learnNumberings, type Numbering } from '#core/cash/numbering';
import type { OpenItem } from '#core/cash/proposal';
import type { RecordedPayment } from '#core/cash/recorded';
import {
  documentsChangedBetween,
  forEachOpenItem,
  forEachReferenceDocument,
  type LedgerMarks,
  ledgerMarks,
  refDigitsOf,
} from '#db/cash/ledger-snapshot';
import {
  customersOwingExactly,
  documentsByRefDigits,
  latestInvoiceRefs,
  openItemsOfCustomers,
  type RefDocumentRow,
} from '#db/cash/matching-queries';
import { recordedPaymentsOf } from '#db/cash/recorded-queries';
import type { AppContext } from '../context.ts';
import { Interner, OpenItemBook } from './open-item-book.ts';
import { digitsOfRef, ReferenceIndex } from './reference-index.ts';

export interface MatchingLedger {
  /** Invoices and credit notes whose reference has one of these digit keys, in document order. */
  documentsByDigits(digitKeys: readonly string[]): Promise<RefDocumentRow[]>;
  /** The current open items of these customers. */
  openItemsOf(customerCodes: readonly string[]): Promise<OpenItem[]>;
  /** Customers with an item open for exactly one of these amounts. */
  customersOwing(amountsMinor: readonly number[]): Promise<{ customerCode: string; openMinor: number }[]>;
  /**
   * Payments of one of these amounts issued from `from` to `to` that no bank line was matched to
   * (core/cash/recorded.ts). Always read from the database: a match links a payment without
   * changing any document, so no copy would see it.
   */
  recordedPayments(amountsMinor: readonly number[], from: string, to: string): Promise<RecordedPayment[]>;
  /** How the company numbers its invoices (core/cash/numbering.ts), learned from its latest ones. */
  referenceNumberings(): Promise<readonly Numbering[]>;
}

/** The invoices the numbering is learned from: the latest, enough to see every series in use. */
const NUMBERING_SAMPLE = 1000;

/** The company's invoice numberings, read once for whoever asks. */
function numberingsOf(ctx: AppContext): () => Promise<readonly Numbering[]> {
  let numberings: Promise<readonly Numbering[]> | undefined;
  return () => {
    numberings ??= latestInvoiceRefs(ctx.db, ctx.companyId, NUMBERING_SAMPLE).then(learnNumberings);
    return numberings;
  };
}

/** Every question asked of the database as it is now. */
export function databaseLedger(ctx: AppContext): MatchingLedger {
  return {
    documentsByDigits: (digitKeys) => documentsByRefDigits(ctx.db, ctx.companyId, digitKeys),
    openItemsOf: (codes) => openItemsOfCustomers(ctx.db, ctx.companyId, codes),
    customersOwing: (amounts) => customersOwingExactly(ctx.db, ctx.companyId, amounts),
    recordedPayments: (amounts, from, to) => recordedPaymentsOf(ctx.db, ctx.companyId, amounts, from, to),
    referenceNumberings: numberingsOf(ctx),
  };
}

/** A run's copy of the open items and references, and the marks it is current up to. */
export interface LedgerView extends MatchingLedger {
  book: OpenItemBook;
  references: ReferenceIndex;
  marks: LedgerMarks;
  numberings: readonly Numbering[];
  /** The customers whose open items the last refresh changed (any other's are as they were). */
  changedCustomers: ReadonlySet<string>;
}

/** Rows read per fetch of the copy's cursors: what the process holds of them at a time. */
const CHUNK = 20_000;

function viewOf(
  ctx: AppContext,
  copy: Pick<LedgerView, 'book' | 'references' | 'marks' | 'numberings'>,
  changedCustomers: ReadonlySet<string> = new Set(),
): LedgerView {
  const { book, references, marks, numberings } = copy;
  return {
    book,
    references,
    marks,
    numberings,
    changedCustomers,
    documentsByDigits: async (digitKeys) =>
      [...new Set(digitKeys)]
        .flatMap((digits) => references.documentsWithDigits(digits))
        .sort((a, b) => a.documentId - b.documentId),
    openItemsOf: async (codes) => codes.flatMap((code) => book.itemsOf(code)),
    customersOwing: async (amounts) => book.customersOwing(amounts),
    recordedPayments: databaseLedger(ctx).recordedPayments,
    referenceNumberings: async () => numberings,
  };
}

/**
 * Adds invoices and credit notes to the index, their digits read by the database when in doubt.
 * A document open in the book keeps one string for its reference: the book's (most invoices are
 * open, and a million references read twice were a string each time).
 */
async function indexReferences(
  ctx: AppContext,
  book: OpenItemBook,
  references: ReferenceIndex,
  read: readonly Omit<RefDocumentRow, 'digits'>[],
): Promise<void> {
  const doubtful: Omit<RefDocumentRow, 'digits'>[] = [];
  for (const row of read) {
    const open = book.refOf(row.documentId);
    const document = open === row.externalRef ? { ...row, externalRef: open } : row;
    const digits = digitsOfRef(document.externalRef);
    if (digits === undefined) doubtful.push(document);
    else references.add(document, digits);
  }
  if (doubtful.length === 0) return;
  const digitsById = new Map(
    (
      await refDigitsOf(
        ctx.db,
        ctx.companyId,
        doubtful.map((document) => document.documentId),
      )
    ).map((row) => [row.documentId, row.digits]),
  );
  for (const document of doubtful) references.add(document, digitsById.get(document.documentId) ?? '');
}

/** Reads the open items and the references once, in one snapshot. */
export async function loadLedgerView(ctx: AppContext): Promise<LedgerView> {
  const customers = new Interner();
  const book = new OpenItemBook(customers);
  const references = new ReferenceIndex(customers);
  const [marks, numberings] = await ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const scoped = { ...ctx, db: trx };
      const upTo = await ledgerMarks(trx, ctx.companyId);
      await forEachOpenItem(trx, ctx.companyId, upTo.documentId, CHUNK, (rows) => {
        for (const row of rows) book.put(row);
      });
      await forEachReferenceDocument(trx, ctx.companyId, upTo.documentId, CHUNK, (rows) =>
        indexReferences(scoped, book, references, rows),
      );
      return [upTo, learnNumberings(await latestInvoiceRefs(trx, ctx.companyId, NUMBERING_SAMPLE))] as const;
    });
  return viewOf(ctx, { book, references, marks, numberings });
}

/**
 * Brings the view up to what the ledger holds now: the documents written since its marks and
 * those the allocations written since touch, read again (settled ones leave the book; new
 * invoices and credit notes join the references).
 */
export async function refreshLedgerView(ctx: AppContext, view: LedgerView): Promise<LedgerView> {
  const upTo = await ledgerMarks(ctx.db, ctx.companyId);
  const changed = await documentsChangedBetween(ctx.db, ctx.companyId, view.marks, upTo);
  const added: Omit<RefDocumentRow, 'digits'>[] = [];
  const changedCustomers = new Set<string>();
  for (const row of changed) {
    // The customer it was open for, if it moved, and the one it is open for now.
    const before = view.book.customerCodeOf(row.documentId);
    if (before !== undefined) changedCustomers.add(before);
    changedCustomers.add(row.customerCode);
    if (row.openMinor === null) view.book.remove(row.documentId);
    else view.book.put({ ...row, openMinor: row.openMinor });
    if (row.documentId > view.marks.documentId && (row.kind === 'invoice' || row.kind === 'credit_note'))
      added.push({ documentId: row.documentId, customerCode: row.customerCode, externalRef: row.ref });
  }
  await indexReferences(ctx, view.book, view.references, added);
  const { book, references, numberings } = view;
  return viewOf(ctx, { book, references, marks: upTo, numberings }, changedCustomers);
}
