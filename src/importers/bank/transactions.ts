/**
 * A parsed statement's lines as the bank transactions Encours keeps: one per entry, or one per
 * transfer when a batch entry (camt TxDtls) lists transfers whose amounts add up to the entry —
 * each is then matched on its own. Each gets the stable key of core/cash/statements.ts.
 */
import { isReturnedPayment } from '#core/cash/returns';
import { type BalanceCheck, checkStatementBalance, transactionKey } from '#core/cash/statements';
import type { ParsedDetail, ParsedEntry, ParsedStatement } from './bank-types.ts';

export interface BankTransaction {
  key: string;
  entryIndex: number;
  detailIndex: number;
  bookingDate: string;
  valueDate: string | null;
  /** Signed: a receipt is positive. */
  amountMinor: number;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  endToEndId: string | null;
  bankRef: string | null;
  creditorRef: string | null;
  remittance: string | null;
  label: string | null;
  bankTxCode: string | null;
  chequeNumber: string | null;
  returnReason: string | null;
  isReturn: boolean;
}

export function accountKeyOf(statement: ParsedStatement): string {
  return statement.account.iban ?? statement.account.otherId ?? statement.id;
}

/** Booked entries only: a pending entry is not yet on the account and may change. */
export function bookedEntries(statement: ParsedStatement): ParsedEntry[] {
  return statement.entries.filter(isBooked);
}

/** The balance check, from the booked entries' total when the statement was read without keeping them. */
export function balanceCheckOf(
  statement: ParsedStatement,
  bookedTotalMinor = bookedEntries(statement).reduce((sum, entry) => sum + entry.amountMinor, 0),
): BalanceCheck | null {
  const { opening, closing } = statement;
  if (!opening || !closing) return null;
  return checkStatementBalance({
    openingMinor: opening.amountMinor,
    openingCurrency: opening.currency,
    closingMinor: closing.amountMinor,
    closingCurrency: closing.currency,
    entriesMinor: [bookedTotalMinor],
  });
}

export function isBooked(entry: ParsedEntry): boolean {
  return entry.status === null || entry.status === 'BOOK';
}

/** The details to keep apart: at least two, each with its amount, adding up to the entry. */
function splitDetails(entry: ParsedEntry): ParsedDetail[] | null {
  if (entry.details.length < 2) return null;
  let totalMinor = 0;
  for (const detail of entry.details) {
    if (detail.amountMinor === null || (detail.currency !== null && detail.currency !== entry.currency))
      return null;
    totalMinor += detail.amountMinor;
  }
  return totalMinor === Math.abs(entry.amountMinor) ? entry.details : null;
}

function counterpartyOf(entry: ParsedEntry, detail: ParsedDetail | undefined) {
  // Money in: the payer is the debtor; money out: the beneficiary is the creditor.
  const party = entry.amountMinor >= 0 ? (detail?.debtor ?? null) : (detail?.creditor ?? null);
  return { name: party?.name ?? null, iban: party?.iban ?? null };
}

export function transactionsOf(statement: ParsedStatement): BankTransaction[] {
  const transactionsOfEntry = transactionBuilder(statement);
  return bookedEntries(statement).flatMap(transactionsOfEntry);
}

/**
 * The transactions of a statement's booked entries taken one by one in file order (the statement
 * without its entries is enough): it counts the lines of the same date, amount and label for the
 * keys of those without a reference.
 */
export function transactionBuilder(statement: ParsedStatement): (entry: ParsedEntry) => BankTransaction[] {
  const accountKey = accountKeyOf(statement);
  const occurrences = new Map<string, number>();
  return (entry) => {
    const transactions: BankTransaction[] = [];
    const bookingDate = entry.bookingDate ?? entry.valueDate ?? statement.toDate ?? '';
    const split = splitDetails(entry);
    const parts = split ?? [entry.details[0]];
    parts.forEach((detail, detailIndex) => {
      const sign = entry.amountMinor < 0 ? -1 : 1;
      const amountMinor = split ? sign * (detail?.amountMinor ?? 0) : entry.amountMinor;
      const label = entry.label ?? entry.additionalInfo;
      const sameLine = `${bookingDate}|${amountMinor}|${label ?? ''}|${detailIndex}`;
      const sequence = occurrences.get(sameLine) ?? 0;
      occurrences.set(sameLine, sequence + 1);
      const bankRef = entry.bankRef ?? detail?.accountServicerRef ?? null;
      const endToEndId = detail?.endToEndId ?? null;
      const counterparty = counterpartyOf(entry, detail);
      const remittance = [...(detail?.unstructured ?? []), detail?.additionalInfo ?? null]
        .filter((text): text is string => text !== null && text !== '')
        .join(' ');
      const returnReason = detail?.returnReason ?? null;
      const bankTxCode = entry.bankTxCode;
      transactions.push({
        key: transactionKey({
          accountKey,
          bankRef,
          endToEndId,
          bookingDate,
          amountMinor,
          detailIndex: split ? detailIndex + 1 : 0,
          sequence,
        }),
        entryIndex: entry.index,
        detailIndex: split ? detailIndex + 1 : 0,
        bookingDate,
        valueDate: entry.valueDate,
        amountMinor,
        currency: entry.currency,
        counterpartyName: counterparty.name,
        counterpartyIban: counterparty.iban,
        endToEndId,
        bankRef,
        creditorRef: detail?.creditorRefs[0] ?? null,
        remittance: remittance === '' ? null : remittance,
        label,
        bankTxCode,
        chequeNumber: detail?.chequeNumber ?? null,
        returnReason,
        isReturn: isReturnedPayment({
          amountMinor,
          returnReason,
          reversal: entry.reversal,
          bankTxCode,
          label: `${label ?? ''} ${remittance}`,
        }),
      });
    });
    return transactions;
  };
}
