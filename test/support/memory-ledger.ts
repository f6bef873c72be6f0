/**
 * In-memory ledger applying the pure rules of src/core/ledger: a test double for property and
 * golden tests, kept out of production code.
 */
import {
  type AllocationRecord,
  checkAllocation,
  checkDocument,
  type LedgerDoc,
  openAmountAsOf,
  reversalOf,
  touches,
} from '../../src/core/ledger/ledger.ts';
import type { IsoDate } from '../../src/core/types.ts';

export class LedgerRuleError extends Error {
  readonly violations: readonly string[];

  constructor(violations: readonly string[]) {
    super(violations.join('; '));
    this.name = 'LedgerRuleError';
    this.violations = violations;
  }
}

export interface OpenItem {
  doc: LedgerDoc;
  openMinor: number;
}

/** In-memory ledger applying the rules above; for property tests and golden tests. */
export class MemoryLedger {
  readonly #documents = new Map<number, LedgerDoc>();
  readonly #allocations: AllocationRecord[] = [];
  #nextAllocationId = 1;

  addDocument(doc: LedgerDoc): LedgerDoc {
    const violations = checkDocument(doc);
    if (this.#documents.has(doc.id)) violations.push(`document ${doc.id} already exists`);
    if (violations.length > 0) throw new LedgerRuleError(violations);
    const stored = { ...doc };
    this.#documents.set(doc.id, stored);
    return { ...stored };
  }

  document(id: number): LedgerDoc {
    const doc = this.#documents.get(id);
    if (!doc) throw new RangeError(`unknown document ${id}`);
    return { ...doc };
  }

  documents(customerCode?: string): LedgerDoc[] {
    const all = [...this.#documents.values()].map((doc) => ({ ...doc }));
    return customerCode === undefined ? all : all.filter((doc) => doc.customerCode === customerCode);
  }

  /** All allocation rows (including reversals), or those touching one document. */
  allocations(docId?: number): AllocationRecord[] {
    const rows =
      docId === undefined ? this.#allocations : this.#allocations.filter((row) => touches(row, docId));
    return rows.map((row) => ({ ...row }));
  }

  allocate(
    debitId: number,
    creditId: number,
    amountMinor: number,
    allocationDate: IsoDate,
  ): AllocationRecord {
    const debit = this.document(debitId);
    const credit = this.document(creditId);
    const violations = checkAllocation(debit, credit, amountMinor, allocationDate, this.#allocations);
    if (violations.length > 0) throw new LedgerRuleError(violations);
    const record: AllocationRecord = {
      id: this.#nextAllocationId++,
      debitId,
      creditId,
      amountMinor,
      allocationDate,
      reversesId: null,
    };
    this.#allocations.push(record);
    return { ...record };
  }

  reverse(allocationId: number, date: IsoDate): AllocationRecord {
    const original = this.#allocations.find((row) => row.id === allocationId);
    if (!original) throw new RangeError(`unknown allocation ${allocationId}`);
    if (this.#allocations.some((row) => row.reversesId === allocationId)) {
      throw new LedgerRuleError([`allocation ${allocationId} is already reversed`]);
    }
    const reversal = reversalOf(original, date, this.#nextAllocationId);
    this.#nextAllocationId++;
    this.#allocations.push(reversal);
    return { ...reversal };
  }

  openAmount(id: number, asOf: IsoDate): number {
    return openAmountAsOf(this.document(id), this.#allocations, asOf);
  }

  /** Σ amounts of the customer's documents issued on or before `asOf` (allocations net to zero). */
  balance(customerCode: string, asOf: IsoDate): number {
    const issued = this.documents(customerCode).filter((doc) => doc.issueDate <= asOf);
    const currencies = new Set(issued.map((doc) => doc.currency));
    // Adding euros to dollars would be meaningless; callers must split by currency themselves.
    if (currencies.size > 1) throw new RangeError(`customer ${customerCode} has several currencies`);
    return issued.reduce((sum, doc) => sum + doc.amountMinor, 0);
  }

  /** Documents with something open on `asOf`, oldest due date first. */
  openItems(customerCode: string, asOf: IsoDate): OpenItem[] {
    return this.documents(customerCode)
      .map((doc) => ({ doc, openMinor: openAmountAsOf(doc, this.#allocations, asOf) }))
      .filter((item) => item.openMinor !== 0)
      .sort((a, b) => a.doc.dueDate.localeCompare(b.doc.dueDate) || a.doc.id - b.doc.id);
  }
}
