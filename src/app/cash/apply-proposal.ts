/**
 * A proposal written to the ledger, inside the caller's transaction: the receipt becomes a
 * payment document of the customer — of each customer for a group receipt, whose parts add up to
 * the receipt —, a write-off document carries an allowed difference, and allocations spread the
 * credits netted, the payment and the write-off over the debits, oldest first — each checked by
 * core/ledger's allocation rule on locked documents, so a concurrent match or import of the same
 * invoice is seen. Audited; the decision and its applications (`cash_applications`) name the rows
 * it wrote so that reversing it finds them. A receipt the ledger already records (method
 * `recorded`) is linked to its payment instead, writing nothing in the ledger (recorded-link.ts).
 */
import type { Kysely } from 'kysely';
import type { Proposal, ProposalPart } from '#core/cash/proposal';
import { type AuditEntry, insertAudit } from '#db/audit/audit-queries';
import { insertApplications, type NewApplication } from '#db/cash/applications';
import {
  type DecisionInput,
  insertDecision,
  insertLedgerDocument,
  lockLedgerDocuments,
  type NewLedgerDocument,
  setReceiptStatus,
} from '#db/cash/cash-writes';
import type { ReceiptRow } from '#db/cash/matching-queries';
import type { Database } from '#db/infra/schema';
import { insertAllocations, type NewAllocation } from '#db/ledger/ledger-writes';
import { wordedMoney } from '#text/error-words';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { CASH_SOURCE, planParts } from './allocation-plan.ts';
import { linkRecorded } from './recorded-link.ts';

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

/** The payment reference of each part of a proposal applied for the `attempt`-th time. */
export function partRefs(
  receipt: ReceiptRow,
  proposal: Proposal,
  parts: readonly ProposalPart[],
  attempt: number,
): string[] {
  const group = proposal.parts !== undefined;
  return parts.map((part) => partRef(receipt.transactionId, attempt, part, group));
}

/** The parts of a proposal, checked: a group receipt's, or the one customer's. */
export function partsOfProposal(proposal: Proposal, amountMinor: number, currency: string): ProposalPart[] {
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
    throw new DomainError('invalid_input', { key: 'errors.cash.onePartPerCustomer' });
  if (parts.some((part) => !Number.isSafeInteger(part.amountMinor) || part.amountMinor <= 0))
    throw new DomainError('invalid_input', { key: 'errors.cash.partPositive' });
  const totalMinor = parts.reduce((sum, part) => sum + part.amountMinor, 0);
  if (totalMinor !== amountMinor)
    throw new DomainError(
      'invalid_input',
      {
        key: 'errors.cash.partsTotal',
        params: { total: wordedMoney(totalMinor, currency), amount: wordedMoney(amountMinor, currency) },
      },
      {
        totalMinor,
        amountMinor,
      },
    );
  return parts;
}

/** The payment (and write-off) documents one part of a receipt becomes. */
export function partDocuments(
  ctx: AppContext,
  receipt: ReceiptRow,
  part: ProposalPart,
  ref: string,
): { payment: NewLedgerDocument; writeOff: NewLedgerDocument | null } {
  const common = {
    customerCode: part.customerCode,
    issueDate: receipt.bookingDate,
    currency: receipt.currency,
    createdBy: ctx.actor,
  };
  return {
    payment: {
      ...common,
      kind: 'payment',
      source: BANK_SOURCE,
      externalRef: ref,
      amountMinor: -part.amountMinor,
      label: receipt.counterpartyName ?? receipt.label,
    },
    writeOff:
      part.writeOffMinor > 0
        ? {
            ...common,
            kind: 'write_off',
            source: CASH_SOURCE,
            externalRef: `WO-${ref}`,
            amountMinor: -part.writeOffMinor,
            label: part.writeOffReason,
          }
        : null,
  };
}

/** The payment (and write-off) documents of one part, inserted. */
async function insertPartDocuments(
  trx: Kysely<Database>,
  ctx: AppContext,
  receipt: ReceiptRow,
  part: ProposalPart,
  ref: string,
): Promise<NewApplication> {
  const { payment, writeOff } = partDocuments(ctx, receipt, part, ref);
  const paymentDocumentId = await insertLedgerDocument(trx, ctx.companyId, payment);
  const writeOffDocumentId = writeOff ? await insertLedgerDocument(trx, ctx.companyId, writeOff) : null;
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
  return planParts(parts, applications, byId, () => records, receipt.bookingDate);
}

/** The decision recording an applied proposal (the reversal finds what it wrote through it). */
export function decisionOfMatch(
  receipt: ReceiptRow,
  proposal: Proposal,
  decision: DecisionInput['decision'],
  applications: readonly NewApplication[],
  allocationIds: number[],
): DecisionInput {
  const single = proposal.parts !== undefined ? null : (applications[0] as NewApplication);
  return {
    transactionId: receipt.transactionId,
    decision,
    customerCode: proposal.customerCode,
    confidence: proposal.confidence,
    // The write-off document is named so that a reversal cancels it with the payment.
    proposal: { ...proposal, evidence: undefined, writeOffDocumentId: single?.writeOffDocumentId ?? null },
    evidence: proposal.evidence,
    paymentDocumentId: single?.paymentDocumentId ?? null,
    allocationIds,
  };
}

/** The audit entry of an applied proposal. */
export function auditOfMatch(
  receipt: ReceiptRow,
  proposal: Proposal,
  decision: DecisionInput['decision'],
  parts: readonly ProposalPart[],
  refs: readonly string[],
): AuditEntry {
  return {
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
      ...(proposal.parts !== undefined
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
  };
}

export async function applyProposal(
  trx: Kysely<Database>,
  ctx: AppContext,
  receipt: ReceiptRow,
  proposal: Proposal,
  decision: DecisionInput['decision'],
  attempt: number,
): Promise<AppliedMatch> {
  if (proposal.recorded) return linkRecordedOne(trx, ctx, receipt, proposal, decision);
  const parts = partsOfProposal(proposal, receipt.amountMinor, receipt.currency);
  const refs = partRefs(receipt, proposal, parts, attempt);
  const applications: NewApplication[] = [];
  for (const [index, part] of parts.entries())
    applications.push(await insertPartDocuments(trx, ctx, receipt, part, refs[index] as string));
  const planned = await allocateParts(trx, ctx, receipt, parts, applications);
  const allocationIds = await insertAllocations(trx, ctx.companyId, ctx.actor, planned);
  const decided = decisionOfMatch(receipt, proposal, decision, applications, allocationIds);
  const decisionId = await insertDecision(trx, ctx.companyId, ctx.actor, decided);
  await insertApplications(trx, ctx.companyId, decisionId, receipt.transactionId, applications);
  await setReceiptStatus(trx, ctx.companyId, [receipt.transactionId], 'applied', {
    customerCode: proposal.customerCode,
    paymentDocumentId: decided.paymentDocumentId,
  });
  await insertAudit(trx, ctx.companyId, ctx.actor, auditOfMatch(receipt, proposal, decision, parts, refs));
  const paymentDocumentIds = applications.map((application) => application.paymentDocumentId);
  return {
    paymentDocumentId: paymentDocumentIds[0] as number,
    paymentDocumentIds,
    allocationIds,
    decisionId,
  };
}

/** A receipt linked to the payment the ledger records: refused when another line has it meanwhile. */
async function linkRecordedOne(
  trx: Kysely<Database>,
  ctx: AppContext,
  receipt: ReceiptRow,
  proposal: Proposal,
  decision: DecisionInput['decision'],
): Promise<AppliedMatch> {
  const [linked] = await linkRecorded(trx, ctx, [{ receipt, proposal }], decision);
  if (!linked)
    throw new DomainError('conflict', {
      key: 'errors.cash.recordedTaken',
      params: { ref: proposal.recorded?.ref ?? '', id: receipt.transactionId },
    });
  await setReceiptStatus(trx, ctx.companyId, [receipt.transactionId], 'applied', {
    customerCode: proposal.customerCode,
    paymentDocumentId: linked.paymentDocumentId,
  });
  const paymentDocumentId = linked.paymentDocumentId as number;
  return {
    paymentDocumentId,
    paymentDocumentIds: [paymentDocumentId],
    allocationIds: [],
    decisionId: linked.decisionId,
  };
}
