/**
 * One payment of a bounce, inside the bounce's transaction: its allocations reversed, a
 * bounced-payment document settled by it, the customer's event and the audit line; and the fee
 * document charged on to the payer.
 */
import type { Kysely } from 'kysely';
import { planBounce } from '#core/cash/bounce';
import type { LedgerDoc } from '#core/ledger/ledger';
import { insertAudit } from '#db/audit/audit-queries';
import type { PaymentRow } from '#db/cash/bounce-queries';
import { insertLedgerDocument, type lockLedgerDocuments } from '#db/cash/cash-writes';
import { insertCustomerEvent } from '#db/customers/customer-records';
import type { Database } from '#db/infra/schema';
import { insertAllocations } from '#db/ledger/ledger-writes';
import { translator } from '#text/catalogue';
import type { AppContext } from '../context.ts';
import { cashReversalRow } from './allocation-plan.ts';
import { allocationRefusal } from './allocation-refusal.ts';
import { CASH_SOURCE } from './apply-proposal.ts';
import { bounceStory } from './bounce-words.ts';

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

/** One payment's bounce: its allocations reversed, its bounced-payment document settled by it, the event. */
export async function bounceOnePayment(
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

/** The fee charged on to the payer, once per bounce; null when there is none. */
export async function chargeFee(
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
