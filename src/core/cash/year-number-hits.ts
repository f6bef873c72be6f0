/**
 * When an invoice read as a number and a year (year-number.ts) counts. A number and a year are
 * weaker than a reference: « 1331 du 2026 » may be anything the payer meant. The invoice of that
 * year and number counts as named when the receipt points at its customer anyway (its name, IBAN,
 * another reference, its code), or when the figures say the payer meant it: the invoices so named
 * of one customer are open for the receipt's amount (or a difference small enough to write off),
 * or a payment the ledger records, of exactly the receipt's amount and near its date, settled it.
 * Otherwise the reading is dropped: it never brings a customer on its own. An invoice's whole
 * reference written with more zeros before its number (« F2026-0001564 » for « F2026-001564 »: its
 * letters, year and number) is no such guess but a reference: it counts as one, and on its own when
 * it names exactly one open invoice.
 */
import type { CustomerCandidate, RefHit } from './identify.ts';
import { type NumberedRef, numberedRef, writtenWider } from './numbering.ts';
import type { OpenItem } from './proposal.ts';
import { fitsRecorded, type RecordedPayment, type RecordedReceipt } from './recorded.ts';
import type { YearNumberReading } from './year-number.ts';

/**
 * The documents the readings name: among those found by their digits, the ones whose reference is
 * numbered with that very year and number (a reference of another shape sharing the digits is
 * not the invoice meant), without those the text names already. One whose reference the text
 * writes whole but wider is a reference (`padded`), typed as written.
 */
export function readingHits(
  readings: readonly YearNumberReading[],
  found: (
    reading: YearNumberReading,
  ) => readonly { documentId: number; customerCode: string; externalRef: string }[],
  named: readonly RefHit[],
): RefHit[] {
  const seen = new Set(named.map((hit) => hit.documentId));
  const hits: RefHit[] = [];
  for (const reading of readings)
    for (const document of found(reading)) {
      if (seen.has(document.documentId) || !sameNumber(numberedRef(document.externalRef), reading)) continue;
      seen.add(document.documentId);
      const { written } = reading;
      const padded = written !== undefined && writtenWider(written, document.externalRef);
      hits.push({
        customerCode: document.customerCode,
        documentId: document.documentId,
        ref: document.externalRef,
        viaDigits: !padded,
        typed: padded ? written : reading.typed,
        ...(padded ? { padded } : {}),
      });
    }
  return hits;
}

const sameNumber = (a: NumberedRef | null, b: NumberedRef) => a?.year === b.year && a.number === b.number;

/**
 * The readings' hits split: those of a customer the receipt points at count, the others wait for
 * figures. A reference written wider that may be several documents' (« FC26-00412 » for
 * « FC26-412 » and « FC26-0412 ») waits too: it counts only if exactly one of them is open.
 */
export function pointedHits(
  hits: readonly RefHit[],
  candidates: readonly CustomerCandidate[],
): { pointed: RefHit[]; pending: RefHit[] } {
  const codes = new Set(candidates.map((candidate) => candidate.customerCode));
  const paddedCounts = new Map<string | undefined, number>();
  for (const hit of hits) if (hit.padded) paddedCounts.set(hit.typed, (paddedCounts.get(hit.typed) ?? 0) + 1);
  const counts = (hit: RefHit) =>
    codes.has(hit.customerCode) && !(hit.padded && (paddedCounts.get(hit.typed) ?? 0) > 1);
  return { pointed: hits.filter(counts), pending: hits.filter((hit) => !counts(hit)) };
}

/**
 * The waiting hits the figures bear out: for each customer, its invoices so named open for the
 * receipt's amount together (or short of it by `toleranceMinor` at most), else the one open for
 * exactly that amount; and any a recorded payment of exactly the receipt settled. A reference
 * written wider (`padded`) needs no figure: it is kept when it names exactly one open invoice.
 */
export function corroboratedHits(
  receipt: RecordedReceipt,
  pending: readonly RefHit[],
  openItemsOf: (customerCode: string) => readonly OpenItem[],
  payments: readonly RecordedPayment[],
  toleranceMinor: number,
): RefHit[] {
  const kept = new Set<RefHit>();
  const openByCustomer = new Map(
    [...new Set(pending.map((hit) => hit.customerCode))].map((customerCode) => [
      customerCode,
      new Map(
        openItemsOf(customerCode)
          .filter((item) => item.currency === receipt.currency)
          .map((item) => [item.documentId, item.openMinor]),
      ),
    ]),
  );
  for (const written of Map.groupBy(
    pending.filter((hit) => hit.padded),
    (hit) => hit.typed,
  ).values()) {
    const open = written.filter(
      (hit) => (openByCustomer.get(hit.customerCode)?.get(hit.documentId) ?? 0) > 0,
    );
    if (open.length === 1) kept.add(open[0] as RefHit);
  }
  for (const [customerCode, openOf] of openByCustomer) {
    const hits = pending.filter((hit) => hit.customerCode === customerCode);
    const open = hits.filter((hit) => openOf.has(hit.documentId));
    const dueMinor = open.reduce((sum, hit) => sum + (openOf.get(hit.documentId) ?? 0), 0);
    const shortMinor = dueMinor - receipt.amountMinor;
    if (open.length > 0 && shortMinor >= 0 && shortMinor <= toleranceMinor)
      for (const hit of open) kept.add(hit);
    else for (const hit of open) if (openOf.get(hit.documentId) === receipt.amountMinor) kept.add(hit);
    for (const hit of hits)
      if (
        payments.some(
          (payment) =>
            payment.customerCode === customerCode &&
            payment.settledDocumentIds.includes(hit.documentId) &&
            fitsRecorded(receipt, payment),
        )
      )
        kept.add(hit);
  }
  return pending.filter((hit) => kept.has(hit));
}
