/**
 * `recordBouncedPayment`: a payment comes back unpaid — from a return line of a statement (camt
 * return reason, CFONB rejection), or entered by a person. In one transaction: the payment's
 * allocations are reversed (never edited) so its invoices are open again, a bounced-payment
 * document (`IMP-…`) is debited to the customer and settled by the payment, a fee is charged on
 * when the company set one, the customer's story gains the event (scoring counts bounced-payment
 * documents), the bank lines are marked and the decision and audit record who did it. A group
 * receipt bounces as a whole (bounce-target.ts): each of its payments as above, in the same
 * transaction, the fee once to the payer.
 */
import type { Kysely } from 'kysely';
import { planBounce } from '#core/cash/bounce';
import type { LedgerDoc } from '#core/ledger/ledger';
import type { StoryParam } from '#core/types';
import { insertAudit } from '#db/audit/audit-queries';
import { markApplicationsBounced } from '#db/cash/applications';
import { documentRefTaken, type PaymentRow } from '#db/cash/bounce-queries';
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
import { wordedDate } from '#text/error-words';
import { storyLine, storyParamText } from '#text/story';
import type { AppContext } from '../context.ts';
import { requestRescore } from '../credit/rescore-requests.ts';
import { DomainError } from '../errors.ts';
import { cashReversalRow } from './allocation-plan.ts';
import { allocationRefusal } from './allocation-refusal.ts';
import { CASH_SOURCE } from './apply-proposal.ts';
import { resolveBounceTarget, resolveReturnLine } from './bounce-target.ts';

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

/** One payment sent back: its bounced-payment document and the invoices it reopened. */
export interface BouncedPart {
  customerCode: string;
  paymentRef: string;
  bounceRef: string;
  bounceDocumentId: number;
  amountMinor: number;
  reopenedDocumentIds: number[];
  reversedAllocations: number;
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

/** One payment's bounce: its allocations reversed, its bounced-payment document settled by it, the event. */
async function bounceOnePayment(
  trx: Kysely<Database>,
  ctx: AppContext,
  payment: PaymentRow,
  paymentDoc: LedgerDoc,
  locked: Awaited<ReturnType<typeof lockLedgerDocuments>>,
  facts: { bounceDate: string; reason: string | null; feeMinor: number; returnLine: number | null },
): Promise<BouncedPart & { allocationIds: number[] }> {
  const bounceRef = `IMP-${payment.externalRef}`;
  const plan = planBounce(paymentDoc, locked.allocations, facts.bounceDate);
  const reversalIds = await insertAllocations(
    trx,
    ctx.companyId,
    ctx.actor,
    plan.reversals.map(cashReversalRow),
  );
  const bounceDocumentId = await insertLedgerDocument(trx, ctx.companyId, {
    kind: 'bounced_payment',
    source: CASH_SOURCE,
    externalRef: bounceRef,
    customerCode: payment.customerCode,
    issueDate: facts.bounceDate,
    amountMinor: plan.bounceMinor,
    currency: payment.currency,
    label: facts.reason,
    createdBy: ctx.actor,
  });
  const bounceDoc: LedgerDoc = {
    ...paymentDoc,
    id: bounceDocumentId,
    kind: 'bounced_payment',
    issueDate: facts.bounceDate,
    dueDate: facts.bounceDate,
    amountMinor: plan.bounceMinor,
  };
  const records = [...locked.allocations, ...plan.reversals];
  const refusal = allocationRefusal(bounceDoc, paymentDoc, plan.bounceMinor, plan.settleDate, records);
  if (refusal) throw refusal;
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
  await insertCustomerEvent(trx, ctx.companyId, ctx.actor, {
    customerCode: payment.customerCode,
    kind: 'bounced_payment',
    eventDate: facts.bounceDate,
    documentRef: bounceRef,
    ...bounceStory(payment, facts.reason, facts.feeMinor),
  });
  await insertAudit(trx, ctx.companyId, ctx.actor, {
    action: 'cash.bounce',
    entity: 'document',
    entityKey: payment.externalRef,
    before: { reversedAllocations: reversalIds.length },
    after: {
      bounceRef,
      amountMinor: plan.bounceMinor,
      reason: facts.reason,
      feeMinor: facts.feeMinor,
      returnLine: facts.returnLine,
    },
  });
  return {
    customerCode: payment.customerCode,
    paymentRef: payment.externalRef,
    bounceRef,
    bounceDocumentId,
    amountMinor: plan.bounceMinor,
    reopenedDocumentIds: plan.reopenedDebitIds,
    reversedAllocations: reversalIds.length,
    allocationIds: [...reversalIds, ...settleIds],
  };
}

async function chargeFee(
  trx: Kysely<Database>,
  ctx: AppContext,
  fee: { feeMinor: number; customerCode: string; bounceRef: string; bounceDate: string; currency: string },
): Promise<number | null> {
  if (fee.feeMinor <= 0) return null;
  return insertLedgerDocument(trx, ctx.companyId, {
    kind: 'adjustment',
    source: CASH_SOURCE,
    externalRef: `FRAIS-${fee.bounceRef}`,
    customerCode: fee.customerCode,
    issueDate: fee.bounceDate,
    amountMinor: fee.feeMinor,
    currency: fee.currency,
    label: translator('fr')('cash.bounce.feeLabel'),
    createdBy: ctx.actor,
  });
}

export async function recordBouncedPayment(ctx: AppContext, input: BounceInput): Promise<BounceResult> {
  const feeInput = input.feeMinor;
  if (feeInput !== undefined && (!Number.isSafeInteger(feeInput) || feeInput < 0))
    throw new DomainError('invalid_input', { key: 'errors.cash.fee' });
  return ctx.db.transaction().execute(async (trx) => {
    const { payments, receiptId, payerCode } = await resolveBounceTarget(trx, ctx, input);
    const returned = await resolveReturnLine(trx, ctx, input, payments);
    const bounceDate = input.bounceDate ?? returned?.bookingDate ?? ctx.clock.today();
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
    await markApplicationsBounced(
      trx,
      ctx.companyId,
      parts.map((part, at) => ({
        paymentDocumentId: (payments[at] as PaymentRow).documentId,
        bouncedDocumentId: part.bounceDocumentId,
      })),
    );
    if (receiptId !== null) {
      await insertDecision(trx, ctx.companyId, ctx.actor, {
        transactionId: receiptId,
        decision: 'bounced',
        customerCode: payerCode,
        confidence: null,
        proposal: {
          bounceRef: first.bounceRef,
          bounceRefs: parts.map((part) => part.bounceRef),
          returnTransactionId: returned?.transactionId ?? null,
          reason,
        },
        evidence: null,
        // A group receipt has no one payment (bank_transactions.payment_document_id is null too).
        paymentDocumentId: payments.length === 1 ? (payments[0] as PaymentRow).documentId : null,
        allocationIds: parts.flatMap((part) => part.allocationIds),
      });
      await setReceiptStatus(trx, ctx.companyId, [receiptId], 'bounced', {
        bouncedDocumentId: first.bounceDocumentId,
      });
    }
    if (returned)
      await setReceiptStatus(trx, ctx.companyId, [returned.transactionId], 'bounced', {
        customerCode: payerCode,
        bouncedDocumentId: first.bounceDocumentId,
      });
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

/** A bank's return code in words (an unknown code is named as one; a person's words stay as typed). */
export function returnReasonText(lang: 'fr' | 'en', reason: string | null): string {
  return String(storyParamText(lang, returnReasonParam(reason)));
}

/** The return reason as a story parameter: a known code, an unknown one, or a person's words. */
function returnReasonParam(reason: string | null): StoryParam {
  if (reason === null || reason.trim() === '') return '';
  if (hasMessage(`cashReturnReason.${reason}`)) return { domain: 'cashReturnReason', code: reason };
  return /^[A-Z0-9]{2,4}$/.test(reason)
    ? { key: 'cash.bounce.reasonCode', params: { code: reason } }
    : reason;
}

/** The line of the customer's story: worded in the reader's language, French in `detail`. */
function bounceStory(payment: PaymentRow, reason: string | null, feeMinor: number) {
  const reasonParam = returnReasonParam(reason);
  return storyLine('cash.bounce.eventDetail', {
    payment: payment.externalRef,
    amount: { minor: -payment.amountMinor, currency: payment.currency },
    reason: reasonParam,
    hasReason: reasonParam === '' ? 'no' : 'yes',
    fee: { minor: feeMinor, currency: payment.currency },
    hasFee: feeMinor > 0 ? 'yes' : 'no',
  });
}
