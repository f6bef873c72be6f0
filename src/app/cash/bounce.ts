/**
 * `recordBouncedPayment`: a payment comes back unpaid — from a return line of a statement (camt
 * return reason, CFONB rejection), or entered by a person. In one transaction: the payment's
 * allocations are reversed (never edited) so its invoices are open again, a bounced-payment
 * document (`IMP-…`) is debited to the customer and settled by the payment, a fee is charged on
 * when the company set one, the customer's story gains the event (scoring counts bounced-payment
 * documents), the bank lines are marked and the decision and audit record who did it.
 */
import type { Kysely } from 'kysely';
import { planBounce } from '#core/cash/bounce';
import { checkAllocation, type LedgerDoc } from '#core/ledger/ledger';
import { insertAudit } from '#db/audit/audit-queries';
import { applicationsInForce, transactionOfPayment } from '#db/cash/applications';
import {
  type BankLineRow,
  bankLineById,
  documentRefTaken,
  type PaymentRow,
  paymentById,
  paymentsByRef,
} from '#db/cash/bounce-queries';
import {
  insertDecision,
  insertLedgerDocument,
  lockLedgerDocuments,
  setReceiptStatus,
} from '#db/cash/cash-writes';
import { cashSettings } from '#db/cash/matching-queries';
import { insertCustomerEvent } from '#db/customers/customer-records';
import type { Database } from '#db/infra/schema';
import { insertAllocations } from '#db/ledger/ledger-writes';
import { hasMessage, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import type { AppContext } from '../context.ts';
import { requestRescore } from '../credit/rescore-requests.ts';
import { DomainError } from '../errors.ts';
import { CASH_SOURCE } from './apply-proposal.ts';

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
}

async function resolvePayment(
  trx: Kysely<Database>,
  ctx: AppContext,
  input: BounceInput,
): Promise<{ payment: PaymentRow; receiptId: number | null }> {
  if (input.transactionId !== undefined) {
    const receipt = await bankLineById(trx, ctx.companyId, input.transactionId);
    if (receipt?.direction !== 'receipt')
      throw new DomainError('not_found', `no bank receipt ${input.transactionId}`);
    if (receipt.status !== 'applied')
      throw new DomainError('conflict', `receipt ${input.transactionId} is not applied: nothing to bounce`);
    if (receipt.paymentDocumentId === null) {
      // A group receipt became one payment per customer: each bounces on its own, by its reference.
      const parts = await applicationsInForce(trx, ctx.companyId, [receipt.transactionId]);
      throw new DomainError(
        'conflict',
        `receipt ${input.transactionId} paid ${parts.length} customers: bounce each payment by its reference`,
        { paymentDocumentIds: parts.map((part) => part.paymentDocumentId) },
      );
    }
    const payment = await paymentById(trx, ctx.companyId, receipt.paymentDocumentId);
    if (!payment) throw new DomainError('not_found', `no payment for receipt ${input.transactionId}`);
    return { payment, receiptId: receipt.transactionId };
  }
  if (!input.paymentRef)
    throw new DomainError('invalid_input', 'name the receipt or the payment that bounced');
  const found = await paymentsByRef(trx, ctx.companyId, input.paymentRef);
  const [payment, another] = found;
  if (!payment) throw new DomainError('not_found', `no payment ${input.paymentRef}`);
  if (another) throw new DomainError('conflict', `several payments are named ${input.paymentRef}`);
  // The bank line is marked bounced when the payment was all of it (not one part of a group receipt).
  const line = await transactionOfPayment(trx, ctx.companyId, payment.documentId);
  return { payment, receiptId: line && line.customers === 1 ? line.transactionId : null };
}

async function resolveReturn(
  trx: Kysely<Database>,
  ctx: AppContext,
  input: BounceInput,
  payment: PaymentRow,
): Promise<BankLineRow | null> {
  if (input.returnTransactionId === undefined) return null;
  const line = await bankLineById(trx, ctx.companyId, input.returnTransactionId);
  if (line?.direction !== 'return')
    throw new DomainError('not_found', `no return line ${input.returnTransactionId}`);
  if (line.status === 'bounced')
    throw new DomainError('conflict', `return ${input.returnTransactionId} is already recorded`);
  if (line.amountMinor !== payment.amountMinor || line.currency !== payment.currency)
    throw new DomainError('invalid_input', `return ${input.returnTransactionId} is not the payment's amount`);
  return line;
}

export async function recordBouncedPayment(ctx: AppContext, input: BounceInput): Promise<BounceResult> {
  const feeInput = input.feeMinor;
  if (feeInput !== undefined && (!Number.isSafeInteger(feeInput) || feeInput < 0))
    throw new DomainError('invalid_input', 'the fee is a non-negative amount in minor units');
  return ctx.db.transaction().execute(async (trx) => {
    const { payment, receiptId } = await resolvePayment(trx, ctx, input);
    const returned = await resolveReturn(trx, ctx, input, payment);
    const bounceDate = input.bounceDate ?? returned?.bookingDate ?? ctx.clock.today();
    if (bounceDate < payment.issueDate)
      throw new DomainError('invalid_input', `a payment cannot bounce before ${payment.issueDate}`);
    const bounceRef = `IMP-${payment.externalRef}`;
    if (await documentRefTaken(trx, ctx.companyId, CASH_SOURCE, bounceRef))
      throw new DomainError('conflict', `payment ${payment.externalRef} is already recorded as bounced`);
    const locked = await lockLedgerDocuments(trx, ctx.companyId, [payment.documentId]);
    const paymentDoc = locked.documents[0] as LedgerDoc;
    const plan = planBounce(paymentDoc, locked.allocations, bounceDate);
    const reversalIds = await insertAllocations(
      trx,
      ctx.companyId,
      ctx.actor,
      plan.reversals.map((row) => ({
        debitDocumentId: row.debitId,
        creditDocumentId: row.creditId,
        amountMinor: row.amountMinor,
        allocationDate: row.allocationDate,
        reversesAllocationId: row.reversesId,
        source: CASH_SOURCE,
      })),
    );
    const reason = input.reason ?? returned?.returnReason ?? null;
    const bounceDocumentId = await insertLedgerDocument(trx, ctx.companyId, {
      kind: 'bounced_payment',
      source: CASH_SOURCE,
      externalRef: bounceRef,
      customerCode: payment.customerCode,
      issueDate: bounceDate,
      amountMinor: plan.bounceMinor,
      currency: payment.currency,
      label: reason,
      createdBy: ctx.actor,
    });
    const bounceDoc: LedgerDoc = {
      ...paymentDoc,
      id: bounceDocumentId,
      kind: 'bounced_payment',
      issueDate: bounceDate,
      dueDate: bounceDate,
      amountMinor: plan.bounceMinor,
    };
    const records = [...locked.allocations, ...plan.reversals];
    const violations = checkAllocation(bounceDoc, paymentDoc, plan.bounceMinor, plan.settleDate, records);
    if (violations.length > 0) throw new DomainError('ledger_rule', violations.join('; '), { violations });
    const settleIds = await insertAllocations(trx, ctx.companyId, ctx.actor, [
      {
        debitDocumentId: bounceDocumentId,
        creditDocumentId: payment.documentId,
        amountMinor: plan.bounceMinor,
        allocationDate: plan.settleDate,
        reversesAllocationId: null,
        source: CASH_SOURCE,
      },
    ]);
    const settings = await cashSettings(trx, ctx.companyId);
    const feeMinor = feeInput ?? settings.bounceFeeMinor ?? 0;
    const feeDocumentId =
      feeMinor > 0
        ? await insertLedgerDocument(trx, ctx.companyId, {
            kind: 'adjustment',
            source: CASH_SOURCE,
            externalRef: `FRAIS-${bounceRef}`,
            customerCode: payment.customerCode,
            issueDate: bounceDate,
            amountMinor: feeMinor,
            currency: payment.currency,
            label: translator('fr')('cash.bounce.feeLabel'),
            createdBy: ctx.actor,
          })
        : null;
    await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
      customerCode: payment.customerCode,
      kind: 'bounced_payment',
      eventDate: bounceDate,
      documentRef: bounceRef,
      detail: eventDetail(payment, reason, feeMinor),
    });
    if (receiptId !== null) {
      await insertDecision(trx, ctx.companyId, ctx.actor, {
        transactionId: receiptId,
        decision: 'bounced',
        customerCode: payment.customerCode,
        confidence: null,
        proposal: { bounceRef, returnTransactionId: returned?.transactionId ?? null, reason },
        evidence: null,
        paymentDocumentId: payment.documentId,
        allocationIds: [...reversalIds, ...settleIds],
      });
      await setReceiptStatus(trx, ctx.companyId, [receiptId], 'bounced', {
        bouncedDocumentId: bounceDocumentId,
      });
    }
    if (returned)
      await setReceiptStatus(trx, ctx.companyId, [returned.transactionId], 'bounced', {
        customerCode: payment.customerCode,
        bouncedDocumentId: bounceDocumentId,
      });
    // The bounce is a scoring criterion: the customer's score follows it.
    await requestRescore(ctx, trx, [payment.customerCode], 'payment_import');
    await insertAudit(trx, ctx.companyId, ctx.actor, {
      action: 'cash.bounce',
      entity: 'document',
      entityKey: payment.externalRef,
      before: { reversedAllocations: reversalIds.length },
      after: {
        bounceRef,
        amountMinor: plan.bounceMinor,
        reason,
        feeMinor,
        returnLine: returned?.transactionId ?? null,
      },
    });
    return {
      customerCode: payment.customerCode,
      paymentRef: payment.externalRef,
      bounceRef,
      bounceDocumentId,
      amountMinor: plan.bounceMinor,
      currency: payment.currency,
      reopenedDocumentIds: plan.reopenedDebitIds,
      reversedAllocations: reversalIds.length,
      feeMinor,
      feeDocumentId,
    };
  });
}

/** A bank's return code in words (an unknown code is named as one; a person's words stay as typed). */
export function returnReasonText(lang: 'fr' | 'en', reason: string | null): string {
  if (reason === null || reason.trim() === '') return '';
  if (hasMessage(`cashReturnReason.${reason}`, lang)) return translator(lang)(`cashReturnReason.${reason}`);
  return /^[A-Z0-9]{2,4}$/.test(reason)
    ? translator(lang)('cash.bounce.reasonCode', { code: reason })
    : reason;
}

/** The line of the customer's story, in the company's language (French). */
function eventDetail(payment: PaymentRow, reason: string | null, feeMinor: number): string {
  const reasonText = returnReasonText('fr', reason);
  return translator('fr')('cash.bounce.eventDetail', {
    payment: payment.externalRef,
    amount: formatMoney('fr', -payment.amountMinor, payment.currency),
    reason: reasonText,
    hasReason: reasonText ? 'yes' : 'no',
    fee: formatMoney('fr', feeMinor, payment.currency),
    hasFee: feeMinor > 0 ? 'yes' : 'no',
  });
}
