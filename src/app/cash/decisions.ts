/**
 * What a person decides on a receipt: accept a suggestion, correct it (another customer, other
 * invoices, a write-off), or reverse a match already applied. Accepting or correcting teaches
 * the payer's IBAN and name variant to the customer chosen, so the next receipt from that payer
 * is recognised with more confidence. Each is one transaction, audited. Splitting a receipt
 * between customers is in split-receipt.ts.
 */

import type { Kysely } from 'kysely';
import { maxDate } from '#core/calendar';
import type { Evidence } from '#core/cash/identify';
import { manualProposal } from '#core/cash/manual';
import { nameKey } from '#core/cash/names';
import type { Proposal, WriteOffReason } from '#core/cash/proposal';
import { reversalOf } from '#core/ledger/ledger';
import { insertAudit } from '#db/audit/audit-queries';
import { applicationsInForce, markApplicationsReversed } from '#db/cash/applications';
import {
  appliedCount,
  insertDecision,
  insertLedgerDocument,
  latestApplication,
  lockLedgerDocuments,
  replaceSuggestions,
  setReceiptStatus,
  suggestionOf,
  teachPayer,
  unreversedAllocations,
} from '#db/cash/cash-writes';
import { openItemsOfCustomers, type ReceiptRow, receiptById } from '#db/cash/matching-queries';
import { deleteApplicationsOfDecision } from '#db/cash/recorded-queries';
import type { Database } from '#db/infra/schema';
import { insertAllocations } from '#db/ledger/ledger-writes';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { cashReversalRow } from './allocation-plan.ts';
import { type AppliedMatch, applyProposal, CASH_SOURCE } from './apply-proposal.ts';
import { suggestAnew } from './suggest-receipt.ts';

async function openReceipt(
  trx: Kysely<Database>,
  ctx: AppContext,
  transactionId: number,
): Promise<ReceiptRow> {
  const receipt = await receiptById(trx, ctx.companyId, transactionId, true);
  if (!receipt)
    throw new DomainError('not_found', {
      key: 'errors.cash.noBankTransaction',
      params: { id: transactionId },
    });
  if (receipt.status === 'applied')
    throw new DomainError('conflict', { key: 'errors.cash.alreadyApplied', params: { id: transactionId } });
  if (receipt.amountMinor <= 0)
    throw new DomainError('invalid_input', { key: 'errors.cash.notAReceipt', params: { id: transactionId } });
  return receipt;
}

/** The payer's IBAN and name variant now point to the customer (one more confirmation each). */
async function teach(
  trx: Kysely<Database>,
  ctx: AppContext,
  receipt: ReceiptRow,
  customerCode: string,
): Promise<void> {
  const date = receipt.bookingDate;
  if (receipt.counterpartyIban)
    await teachPayer(trx, ctx.companyId, ctx.actor, {
      kind: 'iban',
      value: receipt.counterpartyIban,
      customerCode,
      date,
    });
  const key = nameKey(receipt.counterpartyName ?? '');
  if (key) await teachPayer(trx, ctx.companyId, ctx.actor, { kind: 'name', value: key, customerCode, date });
}

/** What a person decided: the proposal to write, and the customer its payer is taught to (none: nothing learned). */
export interface Decided {
  proposal: Proposal;
  teachTo: string | null;
}

export async function applyAndTeach(
  ctx: AppContext,
  transactionId: number,
  decide: (trx: Kysely<Database>, receipt: ReceiptRow) => Promise<Decided>,
  decision: 'accepted' | 'corrected',
): Promise<AppliedMatch & { customerCode: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const receipt = await openReceipt(trx, ctx, transactionId);
    const { proposal, teachTo } = await decide(trx, receipt);
    const attempt = (await appliedCount(trx, ctx.companyId, transactionId)) + 1;
    const applied = await applyProposal(trx, { ...ctx, db: trx }, receipt, proposal, decision, attempt);
    if (teachTo !== null) await teach(trx, ctx, receipt, teachTo);
    await replaceSuggestions(trx, ctx.companyId, [transactionId], []);
    return { ...applied, customerCode: proposal.customerCode };
  });
}

export async function acceptSuggestion(ctx: AppContext, input: { transactionId: number; rank?: number }) {
  return applyAndTeach(
    ctx,
    input.transactionId,
    async (trx) => {
      const stored = await suggestionOf(trx, ctx.companyId, input.transactionId, input.rank ?? 1);
      if (!stored)
        throw new DomainError('not_found', {
          key: 'errors.cash.noSuggestion',
          params: { rank: input.rank ?? 1, id: input.transactionId },
        });
      const proposal = { ...(stored.proposal as Proposal), evidence: stored.evidence as Evidence[] };
      // A group receipt teaches the payer to the group's parent, whose group it then pays for.
      return { proposal, teachTo: proposal.customerCode };
    },
    'accepted',
  );
}

export interface CorrectionInput {
  transactionId: number;
  customerCode: string;
  /** References of the customer's open items to settle (invoices) or net (credit notes); none = unapplied. */
  documentRefs: string[];
  writeOffMinor?: number;
  writeOffReason?: WriteOffReason;
}

export async function correctMatch(ctx: AppContext, input: CorrectionInput) {
  const writeOffMinor = input.writeOffMinor ?? 0;
  if (!Number.isSafeInteger(writeOffMinor) || writeOffMinor < 0)
    throw new DomainError('invalid_input', { key: 'errors.cash.writeOff' });
  return applyAndTeach(
    ctx,
    input.transactionId,
    async (trx, receipt) => {
      const items = await openItemsOfCustomers(trx, ctx.companyId, [input.customerCode]);
      const chosen = input.documentRefs.map((ref) => {
        const item = items.find(
          (candidate) => candidate.ref === ref && candidate.currency === receipt.currency,
        );
        if (!item)
          throw new DomainError('not_found', {
            key: 'errors.cash.notOpenItem',
            params: { ref, customer: input.customerCode, currency: receipt.currency },
          });
        return item;
      });
      const proposal = manualProposal(receipt.amountMinor, {
        customerCode: input.customerCode,
        items: chosen,
        writeOffMinor,
        writeOffReason: input.writeOffReason ?? null,
      });
      return { proposal, teachTo: input.customerCode };
    },
    'corrected',
  );
}

/**
 * Undoes a match: its allocations get their reversal rows, and the payments (and write-offs) it
 * created — one per customer for a group receipt — are cancelled on their customer by an
 * adjustment allocated against them, so every balance is as before (a line linked to a payment
 * recorded before loses its link only: the payment is free again); the receipt waits again with
 * its suggestions made anew (the invoices it reopened among them), as a matching run would rank them.
 */
export async function reverseMatch(ctx: AppContext, input: { transactionId: number }) {
  return ctx.db.transaction().execute(async (trx) => {
    const receipt = await receiptById(trx, ctx.companyId, input.transactionId, true);
    if (!receipt)
      throw new DomainError('not_found', {
        key: 'errors.cash.noBankTransaction',
        params: { id: input.transactionId },
      });
    const application = await latestApplication(trx, ctx.companyId, input.transactionId);
    const inForce = application
      ? (await applicationsInForce(trx, ctx.companyId, [input.transactionId])).filter(
          (row) => row.decisionId === application.decisionId,
        )
      : [];
    if (receipt.status !== 'applied' || !application?.customerCode || inForce.length === 0)
      throw new DomainError('conflict', {
        key: 'errors.cash.notApplied',
        params: { id: input.transactionId },
      });
    const today = ctx.clock.today();
    const originals = await unreversedAllocations(trx, ctx.companyId, application.allocationIds);
    const reversalIds = await insertAllocations(
      trx,
      ctx.companyId,
      ctx.actor,
      originals.map((allocation) =>
        cashReversalRow(reversalOf(allocation, maxDate(today, allocation.allocationDate))),
      ),
    );
    // A line linked to a payment recorded before wrote no document: the payment stays as recorded.
    const created = application.recorded
      ? []
      : inForce.flatMap((row) => [
          row.paymentDocumentId,
          ...(row.writeOffDocumentId ? [row.writeOffDocumentId] : []),
        ]);
    const cancelIds = await cancelDocuments(trx, ctx, created, today, input.transactionId);
    const reversalDecisionId = await insertDecision(trx, ctx.companyId, ctx.actor, {
      transactionId: input.transactionId,
      decision: 'reversed',
      customerCode: application.customerCode,
      confidence: null,
      proposal: null,
      evidence: null,
      paymentDocumentId: application.paymentDocumentId,
      allocationIds: [...reversalIds, ...cancelIds],
    });
    // Its link goes, so that the payment can be the bank's side of another line.
    if (application.recorded) await deleteApplicationsOfDecision(trx, ctx.companyId, application.decisionId);
    else await markApplicationsReversed(trx, ctx.companyId, application.decisionId, reversalDecisionId);
    const suggestions = await suggestAnew({ ...ctx, db: trx }, receipt);
    const status = suggestions > 0 ? 'suggested' : 'open';
    await setReceiptStatus(trx, ctx.companyId, [input.transactionId], status, {
      customerCode: null,
      paymentDocumentId: null,
    });
    await insertAudit(trx, ctx.companyId, ctx.actor, {
      action: 'cash.reverse',
      entity: 'bank_transaction',
      entityKey: String(input.transactionId),
      before: {
        customerCode: application.customerCode,
        allocations: originals.length,
        ...(inForce.length > 1 ? { customers: inForce.map((row) => row.customerCode) } : {}),
      },
      after: null,
    });
    return {
      transactionId: input.transactionId,
      reversedAllocations: reversalIds.length,
      customerCode: application.customerCode,
      suggestions,
      recordedPaymentRef: application.recordedRef,
    };
  });
}

/** Each document cancelled on its customer by an adjustment of the opposite amount, allocated against it. */
async function cancelDocuments(
  trx: Kysely<Database>,
  ctx: AppContext,
  documentIds: number[],
  today: string,
  transactionId: number,
): Promise<number[]> {
  const locked = await lockLedgerDocuments(trx, ctx.companyId, documentIds);
  const cancelIds: number[] = [];
  for (const document of locked.documents) {
    const date = maxDate(today, document.issueDate);
    const adjustmentId = await insertLedgerDocument(trx, ctx.companyId, {
      kind: 'adjustment',
      source: CASH_SOURCE,
      externalRef: `CANCEL-${document.id}`,
      customerCode: document.customerCode,
      issueDate: date,
      amountMinor: -document.amountMinor,
      currency: document.currency,
      label: `reversal of bank transaction ${transactionId}`,
    });
    cancelIds.push(
      ...(await insertAllocations(trx, ctx.companyId, ctx.actor, [
        {
          debitDocumentId: adjustmentId,
          creditDocumentId: document.id,
          amountMinor: -document.amountMinor,
          allocationDate: date,
          reversesAllocationId: null,
          source: CASH_SOURCE,
        },
      ])),
    );
  }
  return cancelIds;
}
