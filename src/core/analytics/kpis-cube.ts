/**
 * Receivables at a series of evaluation dates from compact aggregates, so that a year of
 * month-end aged balances costs one scan of the ledger instead of one per month.
 *
 * With evaluation dates E_0 < … < E_n, every amount is tagged with k = the first evaluation
 * date on or after its own date (issue date for documents, allocation date for allocations).
 * Then, at E_k: open debits due on day u = Σ debits (k' ≤ k, due u) − Σ allocations (k' ≤ k,
 * debit due u), and open credits = Σ credits (k' ≤ k) + Σ allocations (k' ≤ k), because every
 * allocation row takes the same amount off one debit and one credit.
 */
import { daysBetween } from '../calendar.ts';
import type { IsoDate } from '../types.ts';

export interface DueGridCell {
  k: number;
  dueDate: IsoDate;
  amountMinor: number;
}

export interface CubeInput {
  evalDates: readonly IsoDate[];
  /** Debit documents: Σ amount by (k of issue date, due date). */
  debits: readonly DueGridCell[];
  /** Allocations: Σ amount by (k of allocation date, due date of the debit). */
  allocations: readonly DueGridCell[];
  /** Credit documents: Σ (negative) amount by k of issue date. */
  credits: readonly { k: number; amountMinor: number }[];
}

export interface ReceivablesSnapshot {
  date: IsoDate;
  /** Net ledger balance: open debits + open credits. */
  balanceMinor: number;
  openDebitsMinor: number;
  openCreditsMinor: number;
  /** Open debits not yet due (due date ≥ the evaluation date). */
  currentMinor: number;
  overdueMinor: number;
  /** Open debits more than `severeDays` past due. */
  severeOverdueMinor: number;
}

export function receivablesAtDates(input: CubeInput, severeDays = 90): ReceivablesSnapshot[] {
  const n = input.evalDates.length;
  // Net open amount per due date, accumulated as k increases.
  const openByDue = new Map<IsoDate, number>();
  const byK = (cells: readonly DueGridCell[], sign: 1 | -1) => {
    const lists: DueGridCell[][] = Array.from({ length: n }, () => []);
    for (const cell of cells)
      lists[cell.k]?.push(sign === 1 ? cell : { ...cell, amountMinor: -cell.amountMinor });
    return lists;
  };
  const debitLists = byK(input.debits, 1);
  const allocationLists = byK(input.allocations, -1);
  const creditsByK = new Array<number>(n).fill(0);
  for (const credit of input.credits) creditsByK[credit.k] = (creditsByK[credit.k] ?? 0) + credit.amountMinor;
  let creditIssuedMinor = 0;
  let allocatedMinor = 0;
  const snapshots: ReceivablesSnapshot[] = [];
  for (let k = 0; k < n; k++) {
    const date = input.evalDates[k] as IsoDate;
    for (const cell of [...(debitLists[k] ?? []), ...(allocationLists[k] ?? [])]) {
      openByDue.set(cell.dueDate, (openByDue.get(cell.dueDate) ?? 0) + cell.amountMinor);
    }
    for (const cell of allocationLists[k] ?? []) allocatedMinor -= cell.amountMinor;
    creditIssuedMinor += creditsByK[k] ?? 0;
    let openDebitsMinor = 0;
    let currentMinor = 0;
    let severeOverdueMinor = 0;
    for (const [dueDate, openMinor] of openByDue) {
      openDebitsMinor += openMinor;
      const daysPastDue = daysBetween(dueDate, date);
      if (daysPastDue <= 0) currentMinor += openMinor;
      else if (daysPastDue > severeDays) severeOverdueMinor += openMinor;
    }
    const openCreditsMinor = creditIssuedMinor + allocatedMinor;
    snapshots.push({
      date,
      balanceMinor: openDebitsMinor + openCreditsMinor,
      openDebitsMinor,
      openCreditsMinor,
      currentMinor,
      overdueMinor: openDebitsMinor - currentMinor,
      severeOverdueMinor,
    });
  }
  return snapshots;
}

/** Mean of the daily balance over [first, last] given the opening balance and daily movements. */
export function averageDailyBalanceMinor(
  openingMinor: number,
  movements: readonly { date: IsoDate; amountMinor: number }[],
  first: IsoDate,
  last: IsoDate,
): number {
  const days = daysBetween(first, last) + 1;
  if (days <= 0) return openingMinor;
  // Σ over days of the balance = opening × days + Σ movement × days it stays on the books.
  let weighted = openingMinor * days;
  for (const movement of movements) {
    if (movement.date < first || movement.date > last) continue;
    weighted += movement.amountMinor * (daysBetween(movement.date, last) + 1);
  }
  return Math.round(weighted / days);
}
