/**
 * Replays a set of documents, allocations and reversals to answer "what was open on date D?".
 * Open amount of a document as of D = |amount| − allocations dated ≤ D + reversals dated ≤ D.
 * Used by the generator to set credit limits and write reminders from the simulated history.
 */
import { addDays } from '../core/calendar.ts';
import type { Allocation, IsoDate, LedgerDocument } from '../core/types.ts';
import type { AllocationReversal } from './demo-types.ts';

interface Movement {
  date: IsoDate;
  /** Positive: reduces the open amount (allocation); negative: restores it (reversal). */
  settledMinor: number;
}

export interface OpenDebit {
  document: LedgerDocument;
  openMinor: number;
}

const DEBIT_KINDS: ReadonlySet<string> = new Set(['invoice', 'bounced_payment']);

export function isDebit(document: LedgerDocument): boolean {
  return document.amountMinor > 0 || DEBIT_KINDS.has(document.kind);
}

export class LedgerReplay {
  readonly #documentsByRef = new Map<string, LedgerDocument>();
  readonly #documentsByCustomer = new Map<string, LedgerDocument[]>();
  readonly #movementsByRef = new Map<string, Movement[]>();

  constructor(
    documents: readonly LedgerDocument[],
    allocations: readonly Allocation[],
    reversals: readonly AllocationReversal[],
  ) {
    for (const document of documents) {
      this.#documentsByRef.set(document.externalRef, document);
      const list = this.#documentsByCustomer.get(document.customerCode) ?? [];
      list.push(document);
      this.#documentsByCustomer.set(document.customerCode, list);
    }
    for (const allocation of allocations) this.#addPair(allocation, allocation.amountMinor);
    for (const reversal of reversals) this.#addPair(reversal, -reversal.amountMinor);
  }

  #addPair(
    pair: { debitRef: string; creditRef: string; allocationDate: IsoDate },
    settledMinor: number,
  ): void {
    for (const ref of [pair.debitRef, pair.creditRef]) {
      const list = this.#movementsByRef.get(ref) ?? [];
      list.push({ date: pair.allocationDate, settledMinor });
      this.#movementsByRef.set(ref, list);
    }
  }

  document(ref: string): LedgerDocument | undefined {
    return this.#documentsByRef.get(ref);
  }

  documentsOf(customerCode: string): readonly LedgerDocument[] {
    return this.#documentsByCustomer.get(customerCode) ?? [];
  }

  /** Unsigned open amount of a document as of `date` (0 before its issue date). */
  openAmountAt(ref: string, date: IsoDate): number {
    const document = this.#documentsByRef.get(ref);
    if (!document || document.issueDate > date) return 0;
    let openMinor = Math.abs(document.amountMinor);
    for (const movement of this.#movementsByRef.get(ref) ?? []) {
      if (movement.date <= date) openMinor -= movement.settledMinor;
    }
    return openMinor;
  }

  /** Signed balance of a customer: debits minus credits issued on or before `date`. */
  balanceAt(customerCode: string, date: IsoDate): number {
    let balanceMinor = 0;
    for (const document of this.documentsOf(customerCode)) {
      if (document.issueDate <= date) balanceMinor += document.amountMinor;
    }
    return balanceMinor;
  }

  openDebitsAt(customerCode: string, date: IsoDate): OpenDebit[] {
    const open: OpenDebit[] = [];
    for (const document of this.documentsOf(customerCode)) {
      if (!isDebit(document) || document.issueDate > date) continue;
      const openMinor = this.openAmountAt(document.externalRef, date);
      if (openMinor > 0) open.push({ document, openMinor });
    }
    return open;
  }

  /** Open debits past their due date by more than `graceDays` as of `date`. */
  overdueDebitsAt(customerCode: string, date: IsoDate, graceDays = 0): OpenDebit[] {
    const limitDueDate = addDays(date, -graceDays);
    return this.openDebitsAt(customerCode, date).filter(({ document }) => document.dueDate < limitDueDate);
  }
}
