/**
 * An allocation the ledger's rules forbid, as an error a person reads in their language: each
 * violation worded from its code (amounts in the document's currency), the English descriptions
 * of `checkAllocation` kept in its details for the API's callers.
 */
import {
  type AllocationRecord,
  allocationViolations,
  checkAllocation,
  type LedgerDoc,
} from '#core/ledger/ledger';
import { wordedList, wordedMoney } from '#text/error-words';
import { DomainError } from '../errors.ts';

/** The refusal of allocating `amountMinor` of `credit` to `debit` on `date`; null when the rules allow it. */
export function allocationRefusal(
  debit: LedgerDoc,
  credit: LedgerDoc,
  amountMinor: number,
  date: string,
  records: readonly AllocationRecord[],
  /** The invoice the allocation settles, named in the wording. */
  ref?: string,
): DomainError | null {
  const violations = allocationViolations(debit, credit, amountMinor, date, records);
  if (violations.length === 0) return null;
  const reasons = wordedList(
    'errors.cash.allocation',
    violations.map((violation) => ({
      code: violation.code,
      documentId: violation.documentId ?? '',
      // Only an amount over what is open is told: the other rules need no figure.
      ...(violation.code === 'exceeds_open'
        ? {
            amount: wordedMoney(amountMinor, debit.currency),
            available: wordedMoney(violation.availableMinor ?? 0, debit.currency),
          }
        : {}),
    })),
  );
  return new DomainError(
    'ledger_rule',
    { key: 'errors.cash.allocationRefused', params: { ref: ref ?? 'none', reasons } },
    { violations: checkAllocation(debit, credit, amountMinor, date, records) },
  );
}
