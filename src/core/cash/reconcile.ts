/**
 * The two monthly controls of receipts (pure arithmetic on figures already read):
 * - ledger to bank: the receipts the bank booked over a period against the payments the customer
 *   sub-ledger recorded over it, each difference listed with what explains it;
 * - general ledger to sub-ledger: the customer control accounts (411…) of the general ledger
 *   against the sum of customer balances at a date, per customer and per document.
 */

export interface BankReceiptFigure {
  transactionId: number;
  bookingDate: string;
  amountMinor: number;
  /** receipt (money in) or return (money sent back). */
  direction: 'receipt' | 'return';
  status: string;
  label: string | null;
  /** The payment documents it became (one per customer paid: several for a group receipt) or its bounced payment. */
  documentIds: readonly number[];
}

export interface LedgerPaymentFigure {
  documentId: number;
  kind: 'payment' | 'bounced_payment';
  externalRef: string;
  customerCode: string;
  issueDate: string;
  /** Signed as in the ledger: payments negative, bounced payments positive. */
  amountMinor: number;
}

export type BankDifferenceCode =
  | 'bank_not_recorded'
  | 'recorded_not_in_bank'
  | 'return_not_recorded'
  | 'bounce_not_in_bank';

export interface BankDifference {
  code: BankDifferenceCode;
  date: string;
  /** As the bank sees it: money in positive, money out negative. */
  amountMinor: number;
  transactionId: number | null;
  documentRef: string | null;
  customerCode: string | null;
  label: string | null;
}

export interface BankReconciliation {
  bankReceiptsMinor: number;
  bankReturnsMinor: number;
  ledgerPaymentsMinor: number;
  ledgerBouncesMinor: number;
  /** Net money in according to the bank minus according to the sub-ledger; the lines explain it. */
  differenceMinor: number;
  differences: BankDifference[];
}

export function reconcileBank(
  bank: readonly BankReceiptFigure[],
  ledger: readonly LedgerPaymentFigure[],
): BankReconciliation {
  const seen = new Set(bank.flatMap((line) => line.documentIds));
  const differences: BankDifference[] = [];
  let bankReceiptsMinor = 0;
  let bankReturnsMinor = 0;
  for (const line of bank) {
    if (line.direction === 'receipt') bankReceiptsMinor += line.amountMinor;
    else bankReturnsMinor += line.amountMinor;
    if (line.documentIds.length > 0) continue;
    differences.push({
      code: line.direction === 'receipt' ? 'bank_not_recorded' : 'return_not_recorded',
      date: line.bookingDate,
      amountMinor: line.amountMinor,
      transactionId: line.transactionId,
      documentRef: null,
      customerCode: null,
      label: line.label,
    });
  }
  let ledgerPaymentsMinor = 0;
  let ledgerBouncesMinor = 0;
  for (const document of ledger) {
    // In the bank's sign: a payment is money in, a bounce money out.
    const bankSignedMinor = -document.amountMinor;
    if (document.kind === 'payment') ledgerPaymentsMinor += bankSignedMinor;
    else ledgerBouncesMinor += bankSignedMinor;
    if (seen.has(document.documentId)) continue;
    differences.push({
      code: document.kind === 'payment' ? 'recorded_not_in_bank' : 'bounce_not_in_bank',
      date: document.issueDate,
      amountMinor: bankSignedMinor,
      transactionId: null,
      documentRef: document.externalRef,
      customerCode: document.customerCode,
      label: null,
    });
  }
  differences.sort((a, b) => a.date.localeCompare(b.date) || a.amountMinor - b.amountMinor);
  return {
    bankReceiptsMinor,
    bankReturnsMinor,
    ledgerPaymentsMinor,
    ledgerBouncesMinor,
    differenceMinor: bankReceiptsMinor + bankReturnsMinor - ledgerPaymentsMinor - ledgerBouncesMinor,
    differences,
  };
}

/** Balance of one customer by document reference (debit − credit, minor units). */
export type BalanceByRef = ReadonlyMap<string, number>;

export type LedgerDifferenceCode = 'missing_in_subledger' | 'missing_in_gl' | 'amount';

export interface DocumentDifference {
  ref: string;
  glMinor: number;
  subLedgerMinor: number;
  differenceMinor: number;
  code: LedgerDifferenceCode;
}

export interface CustomerReconciliation {
  customerCode: string;
  glMinor: number;
  subLedgerMinor: number;
  /** General ledger minus sub-ledger. */
  differenceMinor: number;
  documents: DocumentDifference[];
}

export interface LedgerReconciliation {
  glMinor: number;
  subLedgerMinor: number;
  differenceMinor: number;
  customers: number;
  /** Only the customers whose balances differ. */
  differences: CustomerReconciliation[];
}

const sum = (byRef: BalanceByRef | undefined) => [...(byRef?.values() ?? [])].reduce((a, b) => a + b, 0);

/**
 * Per customer, then — for the customers that differ — per document: a document the general
 * ledger has and the sub-ledger lacks (or the reverse), or one with another amount. References
 * are compared as written; a general-ledger piece booked in several lines is summed first.
 * `explains` says which documents may explain a gap — an accountant reconciling the customer
 * ledger with the sub-ledger looks at the items open at the date on either side, not at an
 * invoice paid years ago and its payment, which net to zero; by default every document.
 */
export function reconcileLedger(
  gl: ReadonlyMap<string, BalanceByRef>,
  subLedger: ReadonlyMap<string, BalanceByRef>,
  explains: (customerCode: string, ref: string) => boolean = () => true,
): LedgerReconciliation {
  const codes = [...new Set([...gl.keys(), ...subLedger.keys()])].sort();
  const differences: CustomerReconciliation[] = [];
  let glMinor = 0;
  let subLedgerMinor = 0;
  for (const customerCode of codes) {
    const glRefs = gl.get(customerCode);
    const subRefs = subLedger.get(customerCode);
    const customerGl = sum(glRefs);
    const customerSub = sum(subRefs);
    glMinor += customerGl;
    subLedgerMinor += customerSub;
    if (customerGl === customerSub) continue;
    const refs = [...new Set([...(glRefs?.keys() ?? []), ...(subRefs?.keys() ?? [])])].sort();
    const documents: DocumentDifference[] = [];
    for (const ref of refs) {
      const inGl = glRefs?.get(ref);
      const inSub = subRefs?.get(ref);
      if ((inGl ?? 0) === (inSub ?? 0) || !explains(customerCode, ref)) continue;
      const code =
        inSub === undefined ? 'missing_in_subledger' : inGl === undefined ? 'missing_in_gl' : 'amount';
      documents.push({
        ref,
        glMinor: inGl ?? 0,
        subLedgerMinor: inSub ?? 0,
        differenceMinor: (inGl ?? 0) - (inSub ?? 0),
        code,
      });
    }
    differences.push({
      customerCode,
      glMinor: customerGl,
      subLedgerMinor: customerSub,
      differenceMinor: customerGl - customerSub,
      documents,
    });
  }
  return {
    glMinor,
    subLedgerMinor,
    differenceMinor: glMinor - subLedgerMinor,
    customers: codes.length,
    differences,
  };
}
