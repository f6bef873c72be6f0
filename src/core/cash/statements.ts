/**
 * Rules of bank statements, whatever their format: the balance continuity that proves a statement
 * complete (opening + Σ booked entries = closing), and the stable key of a bank transaction that
 * makes an import idempotent and lets overlapping statements share entries without duplicates.
 */
import type { CurrencyCode } from '../types.ts';

export interface BalanceFigures {
  openingMinor: number;
  openingCurrency: CurrencyCode;
  closingMinor: number;
  closingCurrency: CurrencyCode;
  /** Signed amounts of the booked entries, in the statement's currency. */
  entriesMinor: readonly number[];
}

export type BalanceCheck =
  | { ok: true; totalEntriesMinor: number }
  | {
      ok: false;
      reason: 'difference' | 'currency';
      totalEntriesMinor: number;
      expectedClosingMinor: number;
      differenceMinor: number;
    };

export function checkStatementBalance(figures: BalanceFigures): BalanceCheck {
  const totalEntriesMinor = figures.entriesMinor.reduce((sum, amount) => sum + amount, 0);
  const expectedClosingMinor = figures.openingMinor + totalEntriesMinor;
  const differenceMinor = figures.closingMinor - expectedClosingMinor;
  if (figures.openingCurrency !== figures.closingCurrency)
    return { ok: false, reason: 'currency', totalEntriesMinor, expectedClosingMinor, differenceMinor };
  if (differenceMinor !== 0)
    return { ok: false, reason: 'difference', totalEntriesMinor, expectedClosingMinor, differenceMinor };
  return { ok: true, totalEntriesMinor };
}

export interface KeyParts {
  /** The account's key (its IBAN, or the format's own identification). */
  accountKey: string;
  /** The bank's own reference of the entry (camt AcctSvcrRef, OFX FITID, CFONB reference). */
  bankRef: string | null;
  endToEndId: string | null;
  bookingDate: string;
  amountMinor: number;
  /** Position of this transfer inside a batch entry (0 when the entry is not split). */
  detailIndex: number;
  /** Occurrence of the same date + amount + label on this account in the file (0, 1, …). */
  sequence: number;
}

/**
 * Banks keep their entry reference stable across statements (a camt.053 that overlaps the
 * previous one, a CFONB re-sent), so it keys the transaction when present; an end-to-end id
 * is the payer's and may repeat, so the date and amount join it; without either, the account,
 * date, amount and occurrence within the day identify the line, as a bank reconciliation does.
 */
export function transactionKey(parts: KeyParts): string {
  const split = parts.detailIndex > 0 ? `/${parts.detailIndex}` : '';
  if (parts.bankRef) return `ref:${parts.bankRef}${split}|${parts.amountMinor}`;
  if (parts.endToEndId) return `e2e:${parts.endToEndId}|${parts.bookingDate}|${parts.amountMinor}${split}`;
  return `seq:${parts.bookingDate}|${parts.amountMinor}|${parts.sequence}${split}`;
}
