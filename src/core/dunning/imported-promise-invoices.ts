/**
 * An imported promise line that names the invoice it is about but no amount (« Promet de régler la
 * facture F2026-001223 pour le 15/07/2026 ») is judged on that invoice: kept when it (or every
 * invoice the line names) was settled by the promised date, as the as-of rule reads the ledger —
 * open amount = amount − allocations dated by then, so a bounced payment reversed by then is not
 * counted and one reversed later is, as the payments are read for a line stating an amount.
 * Settled by a credit note counts too: what was promised is that nothing be owed on it any more.
 */
import { assertSafeMinor } from '../money.ts';
import type { IsoDate } from '../types.ts';

/** An invoice of the customer that the line names, with its allocations up to the as-of date. */
export interface NamedInvoice {
  ref: string;
  amountMinor: number;
  /** Allocations to it, dated; a reversal has a negative amount. */
  allocations: readonly { date: IsoDate; amountMinor: number }[];
}

export interface InvoiceCheck {
  /** The references of the invoices the line names, as the ledger writes them. */
  refs: string[];
  /** The date they are read at: the promised date, or the as-of date when it is earlier. */
  on: IsoDate;
  /** What they still owed that day, in the customer's currency. */
  openMinor: number;
  /** The day the last of them was settled, when all were by `on`; null otherwise. */
  settledOn: IsoDate | null;
}

/** A date written as one, « 29/06/2026 » or « 2026-06-29 »: read apart, never an invoice's reference. */
const DATE_WORD = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})$/;
const SEPARATORS = /[\s,;:!?()[\]«»"“”‘’]+/u;

/**
 * The words of a line (and of its document column) that may be an invoice's reference, upper case:
 * four characters or more with a digit, not a date. Which of them are the customer's invoices is
 * for the ledger to say; an amount (« 3 974,82 ») splits into words too short to be one.
 */
export function referenceWordsOf(detail: string, documentRef: string | null): string[] {
  const words = new Set<string>();
  for (const text of [documentRef ?? '', detail])
    for (const raw of text.split(SEPARATORS)) {
      const word = raw.replace(/^[.-]+|[.-]+$/g, '').toUpperCase();
      if (word.length >= 4 && /\d/.test(word) && !DATE_WORD.test(word)) words.add(word);
    }
  const whole = documentRef?.trim().toUpperCase();
  if (whole) words.add(whole);
  return [...words];
}

/** What the named invoices owed on `on`, and when the last of them was settled if all were. */
export function checkNamedInvoices(invoices: readonly NamedInvoice[], on: IsoDate): InvoiceCheck {
  let openMinor = 0;
  let settledOn: IsoDate | null = null;
  let allSettled = true;
  for (const invoice of invoices) {
    assertSafeMinor(invoice.amountMinor);
    let open = invoice.amountMinor;
    let lastMove: IsoDate | null = null;
    for (const allocation of invoice.allocations) {
      if (allocation.date > on) continue;
      assertSafeMinor(allocation.amountMinor);
      open -= allocation.amountMinor;
      if (lastMove === null || allocation.date > lastMove) lastMove = allocation.date;
    }
    openMinor += open;
    // Settled: its open amount last moved, to zero, on its latest allocation by then.
    if (open > 0 || lastMove === null) allSettled = false;
    else if (settledOn === null || lastMove > settledOn) settledOn = lastMove;
  }
  const refs = [...new Set(invoices.map((invoice) => invoice.ref))].sort();
  return { refs, on, openMinor, settledOn: allSettled ? settledOn : null };
}
