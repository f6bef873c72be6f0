import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '#core/calendar';
import { type AllocationRecord, availableFrom, type LedgerDoc } from '#core/ledger/ledger';
import type { OpenItemStateRow } from '#db/cash/batch-writes';
import { plan } from './allocation-plan.ts';
import { summarizeLockedAllocations } from './locked-allocations.ts';

const START = '2026-01-01';

const doc = (id: number, amountMinor: number, issueDay: number): LedgerDoc => ({
  id,
  kind: amountMinor > 0 ? 'invoice' : 'credit_note',
  customerCode: 'C1',
  issueDate: addDays(START, issueDay),
  dueDate: addDays(START, issueDay),
  amountMinor,
  currency: 'EUR',
});

/** Allocations of one document (either side), the other side some other document; reversals too. */
const history = (document: LedgerDoc, firstId: number) =>
  fc
    .array(
      fc.record({ amountMinor: fc.integer({ min: -3000, max: 3000 }), day: fc.integer({ min: 0, max: 60 }) }),
      {
        maxLength: 6,
      },
    )
    .map((rows) =>
      rows.map(
        (row, index): AllocationRecord => ({
          id: firstId + index,
          debitId: document.amountMinor > 0 ? document.id : 900 + index,
          creditId: document.amountMinor > 0 ? 900 + index : document.id,
          amountMinor: row.amountMinor,
          allocationDate: addDays(START, row.day),
          reversesId: null,
        }),
      ),
    );

/** The open-item state 0003's triggers keep for a document with these allocations. */
function stateOf(document: LedgerDoc, allocations: readonly AllocationRecord[]): OpenItemStateRow {
  const allocatedMinor = allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0);
  const dates = allocations.map((allocation) => allocation.allocationDate).sort();
  return {
    documentId: document.id,
    openMinor:
      document.amountMinor >= 0
        ? document.amountMinor - allocatedMinor
        : document.amountMinor + allocatedMinor,
    lastAllocationDate: dates.at(-1) ?? null,
  };
}

/** Plans one debit paid from one credit, or gives the rule's refusal. */
function planned(
  debit: LedgerDoc,
  credit: LedgerDoc,
  amountMinor: number,
  records: AllocationRecord[],
  date: string,
) {
  try {
    return plan(
      {
        customerCode: 'C1',
        amountMinor,
        debits: [{ documentId: debit.id, ref: 'F', amountMinor }],
        credits: [],
        writeOffMinor: 0,
        writeOffReason: null,
        unappliedMinor: 0,
      },
      [{ document: credit, availableMinor: amountMinor }],
      new Map([[debit.id, debit]]),
      records,
      date,
    );
  } catch (error) {
    return (error as Error).message.replace(/-?\d+ exceeds/, 'exceeds');
  }
}

describe('summarizeLockedAllocations', () => {
  it('gives the allocation rule the same answers as the allocations themselves from the earliest date on', () => {
    const debit = doc(1, 10_000, 0);
    const credit = doc(2, -8_000, 5);
    fc.assert(
      fc.property(
        history(debit, 1),
        history(credit, 100),
        fc.integer({ min: 0, max: 40 }),
        fc.array(
          fc.record({ day: fc.integer({ min: 0, max: 30 }), amountMinor: fc.integer({ min: 1, max: 4000 }) }),
          {
            maxLength: 4,
          },
        ),
        (debitAllocations, creditAllocations, afterLast, payments) => {
          const real = [...debitAllocations, ...creditAllocations];
          const last =
            real
              .map((allocation) => allocation.allocationDate)
              .sort()
              .at(-1) ?? START;
          const from = addDays(last, afterLast);
          const { summaries, toRead } = summarizeLockedAllocations(
            [debit, credit],
            [stateOf(debit, debitAllocations), stateOf(credit, creditAllocations)],
            from,
          );
          expect(toRead).toEqual([]);
          // Payments planned in turn on each set of records (each extended by the plan as it goes).
          const fromReal = [...real];
          const fromSummaries = [...summaries];
          for (const payment of payments) {
            const date = addDays(from, payment.day);
            expect(planned(debit, credit, payment.amountMinor, fromSummaries, date)).toEqual(
              planned(debit, credit, payment.amountMinor, fromReal, date),
            );
            for (const document of [debit, credit])
              expect(availableFrom(document, fromSummaries, date)).toBe(
                availableFrom(document, fromReal, date),
              );
          }
        },
      ),
    );
  });

  it('leaves to read the documents allocated after the earliest date, and those no longer open', () => {
    const never = doc(1, 500, 0);
    const before = doc(2, 700, 0);
    const after = doc(3, 900, 0);
    const settled = doc(4, 300, 0);
    const states: OpenItemStateRow[] = [
      { documentId: 1, openMinor: 500, lastAllocationDate: null },
      { documentId: 2, openMinor: 200, lastAllocationDate: '2026-03-01' },
      { documentId: 3, openMinor: 400, lastAllocationDate: '2026-03-03' },
    ];
    const { summaries, toRead } = summarizeLockedAllocations(
      [never, before, after, settled],
      states,
      '2026-03-02',
    );
    expect(toRead).toEqual([3, 4]);
    expect(summaries).toEqual([
      { id: -1, debitId: 2, creditId: 0, amountMinor: 500, allocationDate: '2026-03-01', reversesId: null },
    ]);
  });
});
