/**
 * The few portfolio figures the manifest quotes (simple DSO, overdue of a set of customers), computed
 * from a ledger replay exactly as the tests recompute them.
 */
import { addDays, addMonths, daysBetween } from '../core/calendar.ts';
import type { IsoDate, LedgerDocument } from '../core/types.ts';
import type { LedgerReplay } from './ledger-replay.ts';

/**
 * Simple DSO over the three months ending on `asOf`: receivables at `asOf` / invoiced in those
 * three months × number of days in them.
 */
export function simpleDsoDays(
  documents: readonly LedgerDocument[],
  replay: LedgerReplay,
  customerCodes: readonly string[],
  asOf: IsoDate,
): number {
  const periodStart = addMonths(addDays(asOf, 1), -3);
  const periodDays = daysBetween(periodStart, asOf) + 1;
  let creditSalesMinor = 0;
  for (const document of documents) {
    if (document.kind === 'invoice' && document.issueDate >= periodStart && document.issueDate <= asOf) {
      creditSalesMinor += document.amountMinor;
    }
  }
  const receivablesMinor = customerCodes.reduce((sum, code) => sum + replay.balanceAt(code, asOf), 0);
  return creditSalesMinor === 0 ? 0 : (receivablesMinor / creditSalesMinor) * periodDays;
}

/** Open amount of the debits of these customers past their due date on `asOf`. */
export function overdueMinor(
  replay: LedgerReplay,
  customerCodes: readonly string[],
  asOf: IsoDate,
  minDaysLate = 0,
): number {
  let totalMinor = 0;
  for (const code of customerCodes) {
    for (const debit of replay.overdueDebitsAt(code, asOf, minDaysLate)) totalMinor += debit.openMinor;
  }
  return totalMinor;
}
