/**
 * What the allocation rule needs of the allocations of a batch's locked documents, mostly without
 * reading them. The rule (core/ledger `availableFrom`) looks at a document's open amount on the
 * allocation's date and on every later date an allocation moves it. A batch's allocations are all
 * dated on or after the earliest receipt's booking date (allocation-plan.ts dates them on the
 * receipt's date or later), so for a document whose latest allocation is dated no later than that,
 * the rule only ever sees the sum of its allocations, never their dates one by one: one record of
 * that sum, dated on the latest allocation's day, gives the same answers — the same open amounts
 * from that day on, the same latest date when an allocation is dated after the documents' own.
 * The open-item state of migration 0003 keeps exactly those two figures for every open document
 * (open amount, latest allocation date; a property test checks them against the ledger), so the
 * batch reads one row per document there instead of probing both sides of the allocations — the
 * slowest read of a batch against a million open items. The allocations themselves are read only
 * for a document allocated after that date, or no longer open.
 */
import type { AllocationRecord, LedgerDoc } from '#core/ledger/ledger';
import type { OpenItemStateRow } from '#db/cash/batch-writes';

/** The other side of a summary record: no document has this id (ids start at 1, new ones are negative). */
const NO_DOCUMENT = 0;

export interface LockedAllocations {
  /** One record per locked document allocated before `from` (its allocations summed). */
  summaries: AllocationRecord[];
  /** The documents whose allocations must be read one by one. */
  toRead: number[];
}

/**
 * The allocation records of the locked `documents` as the rule needs them for allocations dated
 * `from` or later, from their open-item `states`; what they cannot tell is left `toRead`.
 */
export function summarizeLockedAllocations(
  documents: readonly LedgerDoc[],
  states: readonly OpenItemStateRow[],
  from: string,
): LockedAllocations {
  const stateOf = new Map(states.map((state) => [state.documentId, state]));
  const summaries: AllocationRecord[] = [];
  const toRead: number[] = [];
  for (const document of documents) {
    const state = stateOf.get(document.id);
    if (!state || (state.lastAllocationDate !== null && state.lastAllocationDate > from)) {
      toRead.push(document.id);
      continue;
    }
    if (state.lastAllocationDate === null) continue;
    const openMinor = Number(state.openMinor);
    // A debit is open for its amount less what was allocated, a credit for its amount plus it.
    const allocatedMinor =
      document.amountMinor >= 0 ? document.amountMinor - openMinor : openMinor - document.amountMinor;
    const isDebit = document.amountMinor >= 0;
    summaries.push({
      id: -1 - summaries.length,
      debitId: isDebit ? document.id : NO_DOCUMENT,
      creditId: isDebit ? NO_DOCUMENT : document.id,
      amountMinor: allocatedMinor,
      allocationDate: state.lastAllocationDate,
      reversesId: null,
    });
  }
  return { summaries, toRead };
}
