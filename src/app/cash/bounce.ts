/**
 * `recordBouncedPayment`: a payment comes back unpaid — from a return line of a statement (camt
 * return reason, CFONB rejection), or entered by a person. In one transaction: the payment's
 * allocations are reversed (never edited) so its invoices are open again, a bounced-payment
 * document (`IMP-…`) is debited to the customer and settled by the payment, a fee is charged on
 * when the company set one, the customer's story gains the event (scoring counts bounced-payment
 * documents), the bank lines are marked and the decision and audit record who did it. A group
 * receipt bounces as a whole (bounce-target.ts): each of its payments as above, in the same
 * transaction, the fee once to the payer (bounce-payment.ts); its words in bounce-words.ts.
 */
import type { Kysely } from 'kysely';
import type { LedgerDoc } from '#core/ledger/ledger';
import { markApplicationsBounced } from '#db/cash/applications';
import { type BankLineRow, documentRefTaken, type PaymentRow } from '#db/cash/bounce-queries';
import { insertDecision, lockLedgerDocuments, setReceiptStatus } from '#db/cash/cash-writes';
import { cashSettings } from '#db/cash/matching-queries';
import type { Database } from '#db/infra/schema';
import { wordedDate } from '#text/error-words';
import type { AppContext } from '../context.ts';
import { requestRescore } from '../credit/rescore-requests.ts';
import { DomainError } from '../errors.ts';
import { CASH_SOURCE } from './apply-proposal.ts';
import { type BouncedPart, bounceOnePayment, chargeFee } from './bounce-payment.ts';
import { type BounceTarget, resolveBounceTarget, resolveReturnLine } from './bounce-target.ts';

export interface BounceInput {
  /** The bank receipt that was applied and came back. */
  transactionId?: number;
  /** Or a payment of the ledger by its reference (a cheque imported from a spreadsheet or a FEC). */
  paymentRef?: string;
  /** The statement's return line, when the bank sent one. */
  returnTransactionId?: number;
  /** Default: the return line's booking date, else today. */
  bounceDate?: string;
  /** Return reason code (camt, CFONB) or a person's words. */
  reason?: string;
  /** Fee charged on to the customer; default: the company's setting (none when unset); 0 = none. */
  feeMinor?: number;
}

/**
 * The bounce. `customerCode` is the payer (charged the fee); `paymentRef`, `bounceRef` and
 * `bounceDocumentId` name the first payment — the only one unless a group receipt came back, whose
 * payments are all in `parts` —, the amounts and counts cover them all.
 */
export interface BounceResult {
  customerCode: string;
  paymentRef: string;
  bounceRef: string;
  bounceDocumentId: number;
  amountMinor: number;
  currency: string;
  reopenedDocumentIds: number[];
  reversedAllocations: number;
  feeMinor: number;
  feeDocumentId: number | null;
  parts: BouncedPart[];
}

export async function recordBouncedPayment(ctx: AppContext, input: BounceInput): Promise<BounceResult> {
  const feeInput = input.feeMinor;
  if (feeInput !== undefined && (!Number.isSafeInteger(feeInput) || feeInput < 0))
    throw new DomainError('invalid_input', { key: 'errors.cash.fee' });
  return ctx.db.transaction().execute(async (trx) => {
    const target = await resolveBounceTarget(trx, ctx, input);
    const { payments, payerCode } = target;
    const returned = await resolveReturnLine(trx, ctx, input, payments);
    const bounceDate = input.bounceDate ?? returned?.bookingDate ?? ctx.clock.today();
    await refuseUnbounceable(trx, ctx, payments, bounceDate);
    const locked = await lockLedgerDocuments(
      trx,
      ctx.companyId,
      payments.map((payment) => payment.documentId),
    );
    const reason = input.reason ?? returned?.returnReason ?? null;
    const settings = await cashSettings(trx, ctx.companyId);
    const feeMinor = feeInput ?? settings.bounceFeeMinor ?? 0;
    const parts: (BouncedPart & { allocationIds: number[] })[] = [];
    for (const payment of payments) {
      const paymentDoc = locked.documents.find((document) => document.id === payment.documentId) as LedgerDoc;
      // The fee is charged once, to the payer: only that customer's event names it.
      const partFee = payment.customerCode === payerCode || payments.length === 1 ? feeMinor : 0;
      const facts = { bounceDate, reason, feeMinor: partFee, returnLine: returned?.transactionId ?? null };
      parts.push(await bounceOnePayment(trx, ctx, payment, paymentDoc, locked, facts));
    }
    const first = parts[0] as BouncedPart;
    const currency = (payments[0] as PaymentRow).currency;
    const feeDocumentId = await chargeFee(trx, ctx, {
      feeMinor,
      customerCode: payerCode,
      bounceRef: first.bounceRef,
      bounceDate,
      currency,
    });
    await markBankLines(trx, ctx, target, returned, { parts, reason });
    // The bounce is a scoring criterion: the customers' scores follow it.
    await requestRescore(
      ctx,
      trx,
      [...new Set([payerCode, ...parts.map((part) => part.customerCode)])],
      'payment_import',
    );
    return {
      customerCode: payerCode,
      paymentRef: first.paymentRef,
      bounceRef: first.bounceRef,
      bounceDocumentId: first.bounceDocumentId,
      amountMinor: parts.reduce((sum, part) => sum + part.amountMinor, 0),
      currency,
      reopenedDocumentIds: parts.flatMap((part) => part.reopenedDocumentIds),
      reversedAllocations: parts.reduce((sum, part) => sum + part.reversedAllocations, 0),
      feeMinor,
      feeDocumentId,
      parts: parts.map(({ allocationIds: _ids, ...part }) => part),
    };
  });
}

/** A payment bounces once, and not before it was paid. */
async function refuseUnbounceable(
  trx: Kysely<Database>,
  ctx: AppContext,
  payments: readonly PaymentRow[],
  bounceDate: string,
): Promise<void> {
  for (const payment of payments) {
    if (bounceDate < payment.issueDate)
      throw new DomainError('invalid_input', {
        key: 'errors.cash.bounceBefore',
        params: { date: wordedDate(payment.issueDate) },
      });
    if (await documentRefTaken(trx, ctx.companyId, CASH_SOURCE, `IMP-${payment.externalRef}`))
      throw new DomainError('conflict', {
        key: 'errors.cash.alreadyBounced',
        params: { ref: payment.externalRef },
      });
  }
}

/**
 * The bank side: the applications marked bounced, the receipt's decision (who sent which documents
 * back, and why) and the receipt and the return line marked bounced.
 */
async function markBankLines(
  trx: Kysely<Database>,
  ctx: AppContext,
  target: BounceTarget,
  returned: BankLineRow | null,
  bounce: { parts: (BouncedPart & { allocationIds: number[] })[]; reason: string | null },
): Promise<void> {
  const { parts, reason } = bounce;
  const first = parts[0] as BouncedPart;
  await markApplicationsBounced(
    trx,
    ctx.companyId,
    parts.map((part, at) => ({
      paymentDocumentId: (target.payments[at] as PaymentRow).documentId,
      bouncedDocumentId: part.bounceDocumentId,
    })),
  );
  if (target.receiptId !== null) {
    await insertDecision(trx, ctx.companyId, ctx.actor, {
      transactionId: target.receiptId,
      decision: 'bounced',
      customerCode: target.payerCode,
      confidence: null,
      proposal: {
        bounceRef: first.bounceRef,
        bounceRefs: parts.map((part) => part.bounceRef),
        returnTransactionId: returned?.transactionId ?? null,
        reason,
      },
      evidence: null,
      // A group receipt has no one payment (bank_transactions.payment_document_id is null too).
      paymentDocumentId: target.payments.length === 1 ? (target.payments[0] as PaymentRow).documentId : null,
      allocationIds: parts.flatMap((part) => part.allocationIds),
    });
    await setReceiptStatus(trx, ctx.companyId, [target.receiptId], 'bounced', {
      bouncedDocumentId: first.bounceDocumentId,
    });
  }
  if (returned)
    await setReceiptStatus(trx, ctx.companyId, [returned.transactionId], 'bounced', {
      customerCode: target.payerCode,
      bouncedDocumentId: first.bounceDocumentId,
    });
}
