/**
 * Invoices a receipt writes as a number and a year (« 1331 DU 2026 »: core/cash/year-number.ts)
 * through the matching: the company's numbering (core/cash/numbering.ts) gives the digits each
 * reading's invoice is indexed by; the documents found there and numbered so are hits that count
 * at once when the receipt points at their customer anyway, and otherwise wait for the figures
 * (core/cash/year-number-hits.ts), which are read with the batch's open items and recorded
 * payments (match-engine.ts). So do the references a receipt writes with more zeros than the
 * invoice's own, whatever their letters (« FC26-00412 »: core/cash/padded-refs.ts), found by the
 * digits they would have. The references a matching run reads never change during it, so this
 * is worked out ahead with the rest of a receipt's identification.
 */
import {
  type CustomerCandidate,
  type IdentifyInput,
  identifyCustomers,
  type NameClue,
  type RefHit,
} from '#core/cash/identify';
import { type Numbering, numberedDigits } from '#core/cash/numbering';
import { paddedRefDigits, paddedRefHits } from '#core/cash/padded-refs';
import type { OpenItem } from '#core/cash/proposal';
import type { RecordedPayment, RecordedReceipt } from '#core/cash/recorded';
import type { YearNumberReading } from '#core/cash/year-number';
import { corroboratedHits, pointedHits, readingHits } from '#core/cash/year-number-hits';
import type { RefDocumentRow } from '#db/cash/matching-queries';

/** The digit keys (`#…`) the readings' invoices are indexed under. */
export function readingKeys(
  readings: readonly YearNumberReading[],
  numberings: readonly Numbering[],
): string[] {
  return readings.flatMap((reading) => numberedDigits(reading, numberings).map((digits) => `#${digits}`));
}

/** The digit keys (`#…`) of the references the words may write with more zeros. */
export function paddedRefKeys(words: readonly string[]): string[] {
  return words.flatMap((written) => paddedRefDigits(written).map((digits) => `#${digits}`));
}

/** Hits of customers the receipt does not point at, waiting for the figures, and how to identify it again. */
export interface PendingHits {
  hits: RefHit[];
  input: IdentifyInput;
  names: readonly NameClue[];
}

/**
 * The receipt identified with its readings and the references it writes wider (`paddedRefs`):
 * the hits of the customers `candidates` (identified without them) name count, and it is
 * identified again with them; the others wait.
 */
export function withReadings(
  identify: { input: IdentifyInput; names: readonly NameClue[]; candidates: CustomerCandidate[] },
  written: { readings: readonly YearNumberReading[]; paddedRefs: readonly string[] },
  numberings: readonly Numbering[],
  documentsByKey: ReadonlyMap<string, readonly RefDocumentRow[]>,
): { input: IdentifyInput; candidates: CustomerCandidate[]; pending: PendingHits | null } {
  const { names, candidates } = identify;
  const named = identify.input.refHits;
  const found = (keys: readonly string[]) => keys.flatMap((key) => documentsByKey.get(key) ?? []);
  const byReadings = readingHits(
    written.readings,
    (reading) => found(readingKeys([reading], numberings)),
    named,
  );
  const hits = [
    ...byReadings,
    ...paddedRefHits(written.paddedRefs, (word) => found(paddedRefKeys([word])), [...named, ...byReadings]),
  ];
  if (hits.length === 0) return { input: identify.input, candidates, pending: null };
  const { pointed, pending } = pointedHits(hits, candidates);
  const input =
    pointed.length === 0
      ? identify.input
      : { ...identify.input, refHits: [...identify.input.refHits, ...pointed] };
  return {
    input,
    candidates: pointed.length === 0 ? candidates : identifyCustomers(input, names),
    pending: pending.length === 0 ? null : { hits: pending, input, names },
  };
}

/**
 * The receipt's references and candidates with the waiting hits the figures bear out (none:
 * null), the open items of every customer of its waiting hits at hand.
 */
export function withCorroborated(
  receipt: RecordedReceipt,
  pending: PendingHits,
  itemsByCustomer: ReadonlyMap<string, readonly OpenItem[]>,
  payments: readonly RecordedPayment[],
  toleranceMinor: number,
): { refHits: RefHit[]; candidates: CustomerCandidate[] } | null {
  const hits = corroboratedHits(
    receipt,
    pending.hits,
    (code) => itemsByCustomer.get(code) ?? [],
    payments,
    toleranceMinor,
  );
  if (hits.length === 0) return null;
  const input = { ...pending.input, refHits: [...pending.input.refHits, ...hits], amountOnly: [] };
  return { refHits: input.refHits, candidates: identifyCustomers(input, pending.names) };
}
