/**
 * The allocations of one customer's part of a receipt: the credits netted, the payment and the
 * write-off spread over the debits oldest first, each checked by core/ledger's allocation rule
 * against every allocation of the locked documents (and those planned before it).
 */
import { maxDate } from '#core/calendar';
import type { ProposalPart } from '#core/cash/proposal';
import { type AllocationRecord, availableFrom, type LedgerDoc, touches } from '#core/ledger/ledger';
import type { NewAllocation } from '#db/ledger/ledger-writes';
import { DomainError } from '../errors.ts';
import { allocationRefusal } from './allocation-refusal.ts';

/** Source of the documents and allocations cash application writes (payments come from `bank`). */
export const CASH_SOURCE = 'cash';

/** The allocation row that books a reversal (of a cash application, or of a bounced payment). */
export function cashReversalRow(
  row: Pick<AllocationRecord, 'debitId' | 'creditId' | 'amountMinor' | 'allocationDate' | 'reversesId'>,
) {
  return {
    debitDocumentId: row.debitId,
    creditDocumentId: row.creditId,
    amountMinor: row.amountMinor,
    allocationDate: row.allocationDate,
    reversesAllocationId: row.reversesId,
    source: CASH_SOURCE,
  };
}

export interface Source {
  document: LedgerDoc;
  availableMinor: number;
}

/** The documents a part of a receipt became: its payment and, for a difference written off, a write-off. */
export interface PartDocuments {
  paymentDocumentId: number;
  writeOffDocumentId: number | null;
}

/**
 * The allocations of every part of a receipt (one customer's documents per part), planned on
 * `byId` — the locked documents and the part's new payment and write-off — against the
 * allocations `recordsOf` gives for the part's customer, which the plan extends.
 */
export function planParts(
  parts: readonly ProposalPart[],
  documents: readonly PartDocuments[],
  byId: Map<number, LedgerDoc>,
  recordsOf: (customerCode: string) => AllocationRecord[],
  date: string,
): NewAllocation[] {
  const planned: NewAllocation[] = [];
  for (const [index, part] of parts.entries()) {
    const application = documents[index] as PartDocuments;
    const own = [...part.debits, ...part.credits].map((line) => byId.get(line.documentId));
    const wrongCustomer = own.find((document) => document && document.customerCode !== part.customerCode);
    if (wrongCustomer)
      throw new DomainError('ledger_rule', {
        key: 'errors.cash.otherCustomer',
        params: { documentId: wrongCustomer.id },
      });
    const source = (id: number | null, availableMinor: number): Source[] => {
      const document = id === null ? undefined : byId.get(id);
      return document ? [{ document, availableMinor }] : [];
    };
    const sources = [
      ...part.credits.flatMap((credit) => source(credit.documentId, credit.amountMinor)),
      ...source(application.paymentDocumentId, part.amountMinor),
      ...source(application.writeOffDocumentId, part.writeOffMinor),
    ];
    planned.push(...plan(part, sources, byId, recordsOf(part.customerCode), date));
  }
  return planned;
}

export function plan(
  part: ProposalPart,
  sources: Source[],
  debitsById: Map<number, LedgerDoc>,
  records: AllocationRecord[],
  date: string,
): NewAllocation[] {
  const planned: NewAllocation[] = [];
  let sourceIndex = 0;
  for (const line of part.debits) {
    const debit = debitsById.get(line.documentId);
    if (!debit)
      throw new DomainError('ledger_rule', {
        key: 'errors.cash.documentNotOpen',
        params: { documentId: line.documentId, customer: part.customerCode },
      });
    let neededMinor = line.amountMinor;
    while (neededMinor > 0) {
      const source = sources[sourceIndex];
      if (!source) break;
      const amountMinor = Math.min(neededMinor, source.availableMinor);
      if (amountMinor <= 0) {
        sourceIndex++;
        continue;
      }
      const allocationDate = dateFor(debit, source.document, amountMinor, records, date);
      const refusal = allocationRefusal(debit, source.document, amountMinor, allocationDate, records);
      if (refusal) throw refusal;
      records.push({
        id: -records.length - 1,
        debitId: debit.id,
        creditId: source.document.id,
        amountMinor,
        allocationDate,
        reversesId: null,
      });
      planned.push({
        debitDocumentId: debit.id,
        creditDocumentId: source.document.id,
        amountMinor,
        allocationDate,
        reversesAllocationId: null,
        source: CASH_SOURCE,
      });
      source.availableMinor -= amountMinor;
      neededMinor -= amountMinor;
    }
  }
  return planned;
}

/**
 * The receipt's date, unless a document was reopened by a reversal after it: an allocation may
 * only take what stays open from its own date on (core/ledger), so it is then dated when both
 * documents were last allocated — a receipt applied again after its match was reversed.
 */
function dateFor(
  debit: LedgerDoc,
  credit: LedgerDoc,
  amountMinor: number,
  records: readonly AllocationRecord[],
  date: string,
): string {
  const base = maxDate(maxDate(date, debit.issueDate), credit.issueDate);
  if (
    availableFrom(debit, records, base) >= amountMinor &&
    availableFrom(credit, records, base) >= amountMinor
  )
    return base;
  return records
    .filter((record) => touches(record, debit.id) || touches(record, credit.id))
    .reduce((latest, record) => maxDate(latest, record.allocationDate), base);
}
