/**
 * Brings the allocations of FEC documents in line with the lettering of the file being imported,
 * without touching what was matched in Encours itself:
 * - a FEC allocation still implied by the file is kept as is (re-importing changes nothing);
 * - a FEC allocation the file no longer implies (lettering undone in the books) is reversed, on
 *   its own date, so no balance of any date keeps it;
 * - a new lettering is recorded, reduced to what the documents still have open when matching
 *   made in Encours since already took part of them (checked by the core's allocation rules).
 */
import {
  type AllocationRecord,
  allocationViolations,
  availableFrom,
  type LedgerDoc,
} from '#core/ledger/ledger';
import type { Allocation } from '#core/types';
import type { FileDocument, StoredAllocation } from '#db/fec/fec-writes';
import type { NewAllocation } from '#db/ledger/ledger-writes';
import { type FecWarning, fecWarning } from '#importers/fec/fec-warnings';

export interface LetteringPlan {
  reversals: NewAllocation[];
  inserts: NewAllocation[];
  kept: number;
  warnings: FecWarning[];
  /** For each warning, the index in `desired` of the allocation it is about (to merge batches in file order). */
  warnedAt: number[];
}

const SOURCE = 'fec';
export const MAX_WARNINGS = 50;

/**
 * `documents`: the stored documents of the file's lines (or of some of its customers, with the
 * allocations touching them and the letter groups they imply), with their ids.
 */
export function planLetteringSync(
  desired: readonly Allocation[],
  documents: readonly FileDocument[],
  existing: readonly StoredAllocation[],
): LetteringPlan {
  const docById = new Map<number, LedgerDoc>();
  const idByRef = new Map<string, number>();
  for (const doc of documents) {
    docById.set(doc.id, doc);
    idByRef.set(doc.externalRef, doc.id);
  }
  const byDoc = new Map<number, AllocationRecord[]>();
  const remember = (record: AllocationRecord) => {
    for (const id of [record.debitId, record.creditId]) {
      const list = byDoc.get(id);
      if (list) list.push(record);
      else byDoc.set(id, [record]);
    }
  };
  const reversed = new Set(existing.map((row) => row.reversesId).filter((id) => id !== null));
  const activeFec = new Map<string, StoredAllocation[]>();
  for (const row of existing) {
    remember(row);
    const isActiveFec = row.source === SOURCE && row.amountMinor > 0 && !reversed.has(row.id);
    // Only the lettering of documents in this file is this file's business.
    if (!isActiveFec || !docById.has(row.debitId) || !docById.has(row.creditId)) continue;
    const key = `${row.debitId}/${row.creditId}/${row.amountMinor}/${row.allocationDate}`;
    activeFec.set(key, [...(activeFec.get(key) ?? []), row]);
  }
  const plan: LetteringPlan = { reversals: [], inserts: [], kept: 0, warnings: [], warnedAt: [] };
  const toInsert: { debitId: number; creditId: number; allocation: Allocation; index: number }[] = [];
  for (const [index, allocation] of desired.entries()) {
    const debitId = idByRef.get(allocation.debitRef);
    const creditId = idByRef.get(allocation.creditRef);
    if (debitId === undefined || creditId === undefined) continue;
    const key = `${debitId}/${creditId}/${allocation.amountMinor}/${allocation.allocationDate}`;
    const matches = activeFec.get(key);
    if (matches && matches.length > 0) {
      matches.pop();
      plan.kept++;
    } else toInsert.push({ debitId, creditId, allocation, index });
  }
  let nextTempId = -1;
  for (const rows of activeFec.values()) {
    for (const row of rows) {
      const reversal = { ...row, id: nextTempId--, amountMinor: -row.amountMinor, reversesId: row.id };
      remember(reversal);
      plan.reversals.push(newAllocation(reversal));
    }
  }
  for (const { debitId, creditId, allocation, index } of toInsert) {
    const debit = docById.get(debitId);
    const credit = docById.get(creditId);
    if (!debit || !credit) continue;
    const touching = [...new Set([...(byDoc.get(debitId) ?? []), ...(byDoc.get(creditId) ?? [])])];
    const date = allocation.allocationDate;
    const amountMinor = Math.min(
      allocation.amountMinor,
      availableFrom(debit, touching, date),
      availableFrom(credit, touching, date),
    );
    const violations =
      amountMinor > 0 ? allocationViolations(debit, credit, amountMinor, date, touching) : [];
    if (amountMinor <= 0 || violations.length > 0 || amountMinor < allocation.amountMinor) {
      const pair = {
        creditRef: allocation.creditRef,
        debitRef: allocation.debitRef,
        amountMinor: allocation.amountMinor,
        currency: debit.currency,
      };
      const [violation] = violations;
      warn(
        plan,
        index,
        violation
          ? fecWarning('fec_lettering_refused', { ...pair, reason: violation.code })
          : amountMinor <= 0
            ? fecWarning('fec_lettering_already_matched', pair)
            : fecWarning('fec_lettering_reduced', { ...pair, openMinor: amountMinor }),
      );
      if (amountMinor <= 0 || violations.length > 0) continue;
    }
    const record: AllocationRecord = {
      id: nextTempId--,
      debitId,
      creditId,
      amountMinor,
      allocationDate: date,
      reversesId: null,
    };
    remember(record);
    plan.inserts.push(newAllocation(record));
  }
  return plan;
}

function newAllocation(record: AllocationRecord): NewAllocation {
  return {
    debitDocumentId: record.debitId,
    creditDocumentId: record.creditId,
    amountMinor: record.amountMinor,
    allocationDate: record.allocationDate,
    reversesAllocationId: record.reversesId,
    source: SOURCE,
  };
}

function warn(plan: LetteringPlan, index: number, warning: FecWarning): void {
  if (plan.warnings.length >= MAX_WARNINGS) return;
  plan.warnings.push(warning);
  plan.warnedAt.push(index);
}
