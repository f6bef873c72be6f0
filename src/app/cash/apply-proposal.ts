/**
 * A proposal written to the ledger, inside the caller's transaction: the receipt becomes a
 * payment document of the customer — of each customer for a group receipt, whose parts add up to
 * the receipt —, a write-off document carries an allowed difference, and allocations spread the
 * credits netted, the payment and the write-off over the debits, oldest first — each checked by
 * core/ledger's allocation rule on locked documents, so a concurrent match or import of the same
 * invoice is seen. Audited; the decision and its applications (`cash_applications`) name the rows
 * it wrote so that reversing it finds them.
 */
import type { Kysely } from 'kysely';
import type { Proposal, ProposalPart } from '#core/cash/proposal';
import { insertAudit } from '#db/audit/audit-queries';
import { insertApplications, type NewApplication } from '#db/cash/applications';
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
import { CASH_SOURCE, plan, type Source } from './allocation-plan.ts';

export const BANK_SOURCE = 'bank';
export { CASH_SOURCE };

export interface AppliedMatch {
  /** The payment of the (first) customer paid. */
  paymentDocumentId: number;
  /** One per customer paid: several for a group receipt. */
  paymentDocumentIds: number[];
  allocationIds: number[];
  decisionId: number;
}

/** `BANK-<transaction>` the first time, `BANK-<transaction>-2`… after a reversal. */
export function paymentRef(transactionId: number, attempt: number): string {
  return attempt <= 1 ? `BANK-${transactionId}` : `BANK-${transactionId}-${attempt}`;
}

/** A group receipt's payments are named after their customer: `BANK-<transaction>/<customer>`. */
function partRef(transactionId: number, attempt: number, part: ProposalPart, group: boolean): string {
  return group
    ? `${paymentRef(transactionId, attempt)}/${part.customerCode}`
    : paymentRef(transactionId, attempt);
}

/** The parts of a proposal, checked: a group receipt's, or the one customer's. */
export function partsOfProposal(proposal: Proposal, amountMinor: number): ProposalPart[] {
  const parts = proposal.parts ?? [
    {
      customerCode: proposal.customerCode,
      amountMinor,
      debits: proposal.debits,
      credits: proposal.credits,
      writeOffMinor: proposal.writeOffMinor,
      writeOffReason: proposal.writeOffReason,
      unappliedMinor: proposal.unappliedMinor,
    },
  ];
  const customers = new Set(parts.map((part) => part.customerCode));
  if (parts.length === 0 || customers.size !== parts.length)
    throw new DomainError('invalid_input', 'each customer gets one part of the receipt');
  if (parts.some((part) => !Number.isSafeInteger(part.amountMinor) || part.amountMinor <= 0))
    throw new DomainError('invalid_input', 'every part of the receipt is a positive amount');
  const totalMinor = parts.reduce((sum, part) => sum + part.amountMinor, 0);
  if (totalMinor !== amountMinor)
    throw new DomainError(
      'invalid_input',
      `the parts add up to ${totalMinor}, not the receipt's ${amountMinor}`,
      {
        totalMinor,
        amountMinor,
      },
    );
  return parts;
}

/** The payment (and write-off) documents of one part. */
async function insertPartDocuments(
  trx: Kysely<Database>,
  ctx: AppContext,
  receipt: ReceiptRow,
  part: ProposalPart,
  ref: string,
): Promise<NewApplication> {
  const paymentDocumentId = await insertLedgerDocument(trx, ctx.companyId, {
    kind: 'payment',
    source: BANK_SOURCE,
    externalRef: ref,
    customerCode: part.customerCode,
    issueDate: receipt.bookingDate,
    amountMinor: -part.amountMinor,
    currency: receipt.currency,
    label: receipt.counterpartyName ?? receipt.label,
    createdBy: ctx.actor,
  });
  const writeOffDocumentId =
    part.writeOffMinor > 0
      ? await insertLedgerDocument(trx, ctx.companyId, {
          kind: 'write_off',
          source: CASH_SOURCE,
          externalRef: `WO-${ref}`,
          customerCode: part.customerCode,
          issueDate: receipt.bookingDate,
          amountMinor: -part.writeOffMinor,
          currency: receipt.currency,
          label: part.writeOffReason,
          createdBy: ctx.actor,
        })
      : null;
  return {
    customerCode: part.customerCode,
    paymentDocumentId,
    writeOffDocumentId,
    amountMinor: part.amountMinor,
  };
}

/** Allocations of every part, planned on the locked documents (one customer's documents per part). */
async function allocateParts(
  trx: Kysely<Database>,
  ctx: AppContext,
  receipt: ReceiptRow,
  parts: ProposalPart[],
  applications: NewApplication[],
): Promise<NewAllocation[]> {
  const locked = await lockLedgerDocuments(trx, ctx.companyId, [
    ...parts.flatMap((part) => [...part.debits, ...part.credits].map((line) => line.documentId)),
    ...applications.flatMap((application) => [
      application.paymentDocumentId,
      ...(application.writeOffDocumentId ? [application.writeOffDocumentId] : []),
    ]),
  ]);
  const byId = new Map(locked.documents.map((document) => [document.id, document]));
  const records = [...locked.allocations];
  const planned: NewAllocation[] = [];
  for (const [index, part] of parts.entries()) {
    const application = applications[index] as NewApplication;
    const own = [...part.debits, ...part.credits].map((line) => byId.get(line.documentId));
    const wrongCustomer = own.find((document) => document && document.customerCode !== part.customerCode);
    if (wrongCustomer)
      throw new DomainError('ledger_rule', `document ${wrongCustomer.id} belongs to another customer`);
    const source = (id: number | null, availableMinor: number): Source[] => {
      const document = id === null ? undefined : byId.get(id);
      return document ? [{ document, availableMinor }] : [];
    };
    const sources = [
      ...part.credits.flatMap((credit) => source(credit.documentId, credit.amountMinor)),
      ...source(application.paymentDocumentId, part.amountMinor),
      ...source(application.writeOffDocumentId, part.writeOffMinor),
    ];
    planned.push(...plan(part, sources, byId, records, receipt.bookingDate));
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
  const parts = partsOfProposal(proposal, receipt.amountMinor);
  const group = proposal.parts !== undefined;
  const refs = parts.map((part) => partRef(receipt.transactionId, attempt, part, group));
  const applications: NewApplication[] = [];
  for (const [index, part] of parts.entries())
    applications.push(await insertPartDocuments(trx, ctx, receipt, part, refs[index] as string));
  const planned = await allocateParts(trx, ctx, receipt, parts, applications);
  const allocationIds = await insertAllocations(trx, ctx.companyId, ctx.actor, planned);
  const single = group ? null : (applications[0] as NewApplication);
  const decisionId = await insertDecision(trx, ctx.companyId, ctx.actor, {
    transactionId: receipt.transactionId,
    decision,
    customerCode: proposal.customerCode,
    confidence: proposal.confidence,
    // The write-off document is named so that a reversal cancels it with the payment.
    proposal: { ...proposal, evidence: undefined, writeOffDocumentId: single?.writeOffDocumentId ?? null },
    evidence: proposal.evidence,
    paymentDocumentId: single?.paymentDocumentId ?? null,
    allocationIds,
  });
  await insertApplications(trx, ctx.companyId, decisionId, receipt.transactionId, applications);
  await setReceiptStatus(trx, ctx.companyId, [receipt.transactionId], 'applied', {
    customerCode: proposal.customerCode,
    paymentDocumentId: single?.paymentDocumentId ?? null,
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
      paymentRef: refs[0] ?? null,
      amountMinor: receipt.amountMinor,
      invoices: proposal.debits.map((line) => line.ref),
      writeOffMinor: proposal.writeOffMinor,
      unappliedMinor: proposal.unappliedMinor,
      ...(group
        ? {
            parts: parts.map((part, index) => ({
              customerCode: part.customerCode,
              paymentRef: refs[index] ?? null,
              amountMinor: part.amountMinor,
              invoices: part.debits.map((line) => line.ref),
            })),
          }
        : {}),
    },
  });
  const paymentDocumentIds = applications.map((application) => application.paymentDocumentId);
  return {
    paymentDocumentId: paymentDocumentIds[0] as number,
    paymentDocumentIds,
    allocationIds,
    decisionId,
  };
}
