/**
 * A proposal written to the ledger, inside the caller's transaction: the receipt becomes a
 * payment document of the customer, a write-off document carries an allowed difference, and
 * allocations spread the credits netted, the payment and the write-off over the debits, oldest
 * first — each checked by core/ledger's allocation rule on locked documents, so a concurrent
 * match or import of the same invoice is seen. Audited; the decision names the rows it wrote so
 * that reversing it finds them.
 */
import type { Kysely } from 'kysely';
import { maxDate } from '#core/calendar';
import type { Proposal } from '#core/cash/proposal';
import { type AllocationRecord, checkAllocation, type LedgerDoc } from '#core/ledger/ledger';
import { insertAudit } from '#db/audit/audit-queries';
import {
  type DecisionInput,
  insertDecision,
  insertLedgerDocument,
  lockLedgerDocuments,
  setReceiptStatus,
} from '#db/cash/cash-writes';
import type { ReceiptRow } from '#db/cash/matching-queries';
import type { Database } from '#db/infra/schema';
import { insertAllocations, type NewAllocation } from '#db/ledger/ledger-writes';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

export const BANK_SOURCE = 'bank';
export const CASH_SOURCE = 'cash';

export interface AppliedMatch {
  paymentDocumentId: number;
  allocationIds: number[];
  decisionId: number;
}

/** `BANK-<transaction>` the first time, `BANK-<transaction>-2`… after a reversal. */
export function paymentRef(transactionId: number, attempt: number): string {
  return attempt <= 1 ? `BANK-${transactionId}` : `BANK-${transactionId}-${attempt}`;
}

interface Source {
  document: LedgerDoc;
  availableMinor: number;
}

function plan(
  proposal: Proposal,
  sources: Source[],
  debitsById: Map<number, LedgerDoc>,
  existing: AllocationRecord[],
  date: string,
): NewAllocation[] {
  const planned: NewAllocation[] = [];
  const records: AllocationRecord[] = [...existing];
  let sourceIndex = 0;
  for (const line of proposal.debits) {
    const debit = debitsById.get(line.documentId);
    if (!debit)
      throw new DomainError(
        'ledger_rule',
        `document ${line.documentId} is not an open item of ${proposal.customerCode}`,
      );
    let neededMinor = line.amountMinor;
    while (neededMinor > 0) {
      const source = sources[sourceIndex];
      if (!source) break;
      const amountMinor = Math.min(neededMinor, source.availableMinor);
      if (amountMinor <= 0) {
        sourceIndex++;
        continue;
      }
      const allocationDate = maxDate(maxDate(date, debit.issueDate), source.document.issueDate);
      const violations = checkAllocation(debit, source.document, amountMinor, allocationDate, records);
      if (violations.length > 0) throw new DomainError('ledger_rule', violations.join('; '), { violations });
      records.push({
        id: -records.length - 1,
        debitId: debit.id,
        creditId: source.document.id,
        amountMinor,
        allocationDate,
        reversesId: null,
      });
      planned.push({
        debitDocumentId: debit.id,
        creditDocumentId: source.document.id,
        amountMinor,
        allocationDate,
        reversesAllocationId: null,
        source: CASH_SOURCE,
      });
      source.availableMinor -= amountMinor;
      neededMinor -= amountMinor;
    }
  }
  return planned;
}

export async function applyProposal(
  trx: Kysely<Database>,
  ctx: AppContext,
  receipt: ReceiptRow,
  proposal: Proposal,
  decision: DecisionInput['decision'],
  attempt: number,
): Promise<AppliedMatch> {
  const label = receipt.counterpartyName ?? receipt.label;
  const paymentDocumentId = await insertLedgerDocument(trx, ctx.companyId, {
    kind: 'payment',
    source: BANK_SOURCE,
    externalRef: paymentRef(receipt.transactionId, attempt),
    customerCode: proposal.customerCode,
    issueDate: receipt.bookingDate,
    amountMinor: -receipt.amountMinor,
    currency: receipt.currency,
    label,
    createdBy: ctx.actor,
  });
  const writeOffId =
    proposal.writeOffMinor > 0
      ? await insertLedgerDocument(trx, ctx.companyId, {
          kind: 'write_off',
          source: CASH_SOURCE,
          externalRef: `WO-${paymentRef(receipt.transactionId, attempt)}`,
          customerCode: proposal.customerCode,
          issueDate: receipt.bookingDate,
          amountMinor: -proposal.writeOffMinor,
          currency: receipt.currency,
          label: proposal.writeOffReason,
          createdBy: ctx.actor,
        })
      : null;
  const creditIds = proposal.credits.map((credit) => credit.documentId);
  const locked = await lockLedgerDocuments(trx, ctx.companyId, [
    ...proposal.debits.map((line) => line.documentId),
    ...creditIds,
    paymentDocumentId,
    ...(writeOffId ? [writeOffId] : []),
  ]);
  const byId = new Map(locked.documents.map((document) => [document.id, document]));
  const wrongCustomer = locked.documents.find((document) => document.customerCode !== proposal.customerCode);
  if (wrongCustomer)
    throw new DomainError('ledger_rule', `document ${wrongCustomer.id} belongs to another customer`);
  const source = (id: number | null, availableMinor: number): Source[] => {
    const document = id === null ? undefined : byId.get(id);
    return document ? [{ document, availableMinor }] : [];
  };
  const sources = [
    ...proposal.credits.flatMap((credit) => source(credit.documentId, credit.amountMinor)),
    ...source(paymentDocumentId, receipt.amountMinor),
    ...source(writeOffId, proposal.writeOffMinor),
  ];
  const planned = plan(proposal, sources, byId, locked.allocations, receipt.bookingDate);
  const allocationIds = await insertAllocations(trx, ctx.companyId, ctx.actor, planned);
  const decisionId = await insertDecision(trx, ctx.companyId, ctx.actor, {
    transactionId: receipt.transactionId,
    decision,
    customerCode: proposal.customerCode,
    confidence: proposal.confidence,
    // The write-off document is named so that a reversal cancels it with the payment.
    proposal: { ...proposal, evidence: undefined, writeOffDocumentId: writeOffId },
    evidence: proposal.evidence,
    paymentDocumentId,
    allocationIds,
  });
  await setReceiptStatus(trx, ctx.companyId, [receipt.transactionId], 'applied', {
    customerCode: proposal.customerCode,
    paymentDocumentId,
  });
  await insertAudit(trx, ctx.companyId, ctx.actor, {
    action: 'cash.apply',
    entity: 'bank_transaction',
    entityKey: String(receipt.transactionId),
    before: null,
    after: {
      decision,
      customerCode: proposal.customerCode,
      confidence: proposal.confidence,
      paymentRef: paymentRef(receipt.transactionId, attempt),
      amountMinor: receipt.amountMinor,
      invoices: proposal.debits.map((line) => line.ref),
      writeOffMinor: proposal.writeOffMinor,
      unappliedMinor: proposal.unappliedMinor,
    },
  });
  return { paymentDocumentId, allocationIds, decisionId };
}
