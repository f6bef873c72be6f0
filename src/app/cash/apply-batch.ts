/**
 * A batch of automatic matches written at once, inside the caller's transaction: the same
 * documents, allocations, decisions, applications and audit as `applyProposal` writes receipt by
 * receipt (the receipts' state is left to the caller: one statement for the whole batch), but
 * planned in memory and written with a few multi-row statements for the whole batch — the
 * open-item triggers then run once per batch instead of once per receipt. The rules are the same:
 * every document a proposal touches is locked (in id order, one statement for the batch) and read
 * with its allocations as the rule sees them from the batch's earliest date on
 * (locked-allocations.ts), and each receipt in turn is planned through core/ledger's allocation
 * rule against them and against what the receipts before it in the batch took; a receipt the rule
 * refuses leaves nothing behind and stays a suggestion, exactly as the savepoint of
 * `applyProposal` would. Receipts the ledger already records are linked to their payments
 * (recorded-link.ts), with every document of the batch locked together first — once: the link and
 * the plan read the rows that lock returned.
 */
import type { Kysely } from 'kysely';
import { minDate } from '#core/calendar';
import type { Proposal, ProposalPart } from '#core/cash/proposal';
import type { AllocationRecord, LedgerDoc } from '#core/ledger/ledger';
import { type AuditEntry, insertAudits } from '#db/audit/audit-queries';
import type { NewApplication } from '#db/cash/applications';
import {
  type AppliedReceipt,
  allocationsTouching,
  appliedCounts,
  type DecidedApplication,
  insertDecidedApplications,
  insertDecisions,
  insertLedgerDocuments,
  lockDocuments,
  openItemStates,
} from '#db/cash/batch-writes';
import type { DecisionInput, NewLedgerDocument } from '#db/cash/cash-writes';
import type { ReceiptRow } from '#db/cash/matching-queries';
import type { Database } from '#db/infra/schema';
import { insertAllocations, type NewAllocation } from '#db/ledger/ledger-writes';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { planParts } from './allocation-plan.ts';
import { auditOfMatch, decisionOfMatch, partDocuments, partRefs, partsOfProposal } from './apply-proposal.ts';
import { summarizeLockedAllocations } from './locked-allocations.ts';
import { isRecordedMatch, linkRecorded } from './recorded-link.ts';

export interface BatchMatch {
  receipt: ReceiptRow;
  proposal: Proposal;
}

/** One receipt planned: its new documents (ids still provisional, negative) and allocations. */
interface PlannedMatch extends BatchMatch {
  parts: ProposalPart[];
  refs: string[];
  documents: { provisionalId: number; document: NewLedgerDocument }[];
  applications: NewApplication[];
  allocations: NewAllocation[];
}

/** The allocations already touching the locked documents, by customer (an allocation joins one customer's). */
function recordsByCustomer(documents: readonly LedgerDoc[], allocations: readonly AllocationRecord[]) {
  const customerOf = new Map(documents.map((document) => [document.id, document.customerCode]));
  const byCustomer = new Map<string, AllocationRecord[]>();
  for (const allocation of allocations) {
    const customer = customerOf.get(allocation.debitId) ?? customerOf.get(allocation.creditId);
    if (customer === undefined) continue;
    const list = byCustomer.get(customer);
    if (list) list.push(allocation);
    else byCustomer.set(customer, [allocation]);
  }
  return byCustomer;
}

/**
 * Plans each match in turn on the locked documents; a refused one is undone (its records taken
 * back) and left out. New documents get negative ids until they are written.
 */
function planMatches(
  ctx: AppContext,
  matches: readonly (BatchMatch & { parts: ProposalPart[]; attempt: number })[],
  byId: Map<number, LedgerDoc>,
  records: Map<string, AllocationRecord[]>,
): PlannedMatch[] {
  let provisionalId = 0;
  const planned: PlannedMatch[] = [];
  const recordsOf = (customerCode: string) => {
    const list = records.get(customerCode) ?? [];
    records.set(customerCode, list);
    return list;
  };
  for (const match of matches) {
    const { receipt, proposal, parts } = match;
    const refs = partRefs(receipt, proposal, parts, match.attempt);
    const documents: PlannedMatch['documents'] = [];
    const newDocument = (document: NewLedgerDocument): number => {
      const id = --provisionalId;
      documents.push({ provisionalId: id, document });
      byId.set(id, { ...document, id, dueDate: document.issueDate });
      return id;
    };
    const applications = parts.map((part, index): NewApplication => {
      const { payment, writeOff } = partDocuments(ctx, receipt, part, refs[index] as string);
      return {
        customerCode: part.customerCode,
        paymentDocumentId: newDocument(payment),
        writeOffDocumentId: writeOff ? newDocument(writeOff) : null,
        amountMinor: part.amountMinor,
      };
    });
    const lengths = new Map(parts.map((part) => [part.customerCode, recordsOf(part.customerCode).length]));
    try {
      const allocations = planParts(parts, applications, byId, recordsOf, receipt.bookingDate);
      planned.push({ ...match, refs, documents, applications, allocations });
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'ledger_rule')) throw error;
      for (const [customerCode, length] of lengths) recordsOf(customerCode).length = length;
    }
  }
  return planned;
}

/**
 * Writes the planned matches: documents, allocations, decisions, applications, audit; returns the
 * receipts' new state, which the caller writes with the batch's other receipts.
 */
async function writeMatches(
  trx: Kysely<Database>,
  ctx: AppContext,
  planned: readonly PlannedMatch[],
  decision: DecisionInput['decision'],
): Promise<AppliedReceipt[]> {
  const documents = planned.flatMap((match) => match.documents);
  const ids = await insertLedgerDocuments(
    trx,
    ctx.companyId,
    documents.map((item) => item.document),
  );
  const realIds = new Map(documents.map((item, index) => [item.provisionalId, ids[index] as number]));
  const real = (id: number) => (id < 0 ? (realIds.get(id) as number) : id);
  const allocations = planned.flatMap((match) =>
    match.allocations.map((allocation) => ({
      ...allocation,
      debitDocumentId: real(allocation.debitDocumentId),
      creditDocumentId: real(allocation.creditDocumentId),
    })),
  );
  const allocationIds = await insertAllocations(trx, ctx.companyId, ctx.actor, allocations);
  let next = 0;
  const decisions: DecisionInput[] = [];
  const applications: Omit<DecidedApplication, 'decisionId'>[][] = [];
  const audits: AuditEntry[] = [];
  for (const match of planned) {
    const own = allocationIds.slice(next, next + match.allocations.length);
    next += match.allocations.length;
    const written = match.applications.map((application) => ({
      ...application,
      paymentDocumentId: real(application.paymentDocumentId),
      writeOffDocumentId:
        application.writeOffDocumentId === null ? null : real(application.writeOffDocumentId),
    }));
    decisions.push(decisionOfMatch(match.receipt, match.proposal, decision, written, own));
    applications.push(written.map((row) => ({ ...row, transactionId: match.receipt.transactionId })));
    audits.push(auditOfMatch(match.receipt, match.proposal, decision, match.parts, match.refs));
  }
  const decisionIds = await insertDecisions(trx, ctx.companyId, ctx.actor, decisions);
  await insertDecidedApplications(
    trx,
    ctx.companyId,
    applications.flatMap((rows, index) =>
      rows.map((row) => ({ ...row, decisionId: decisionIds[index] as number })),
    ),
  );
  await insertAudits(trx, ctx.companyId, ctx.actor, audits);
  return decisions.map(
    (row): AppliedReceipt => ({
      transactionId: row.transactionId,
      customerCode: row.customerCode as string,
      paymentDocumentId: row.paymentDocumentId,
    }),
  );
}

const MAX_DATE = '9999-12-31';

/**
 * Locks the documents — unless `locked` holds them already, locked by the batch — and returns them
 * with their allocations as the rule sees them from `from` on (locked-allocations.ts): summed from
 * the open-item state where that is the same, read one by one otherwise. Both reads come after the
 * locks, each in a statement of its own.
 */
async function lockedLedger(
  trx: Kysely<Database>,
  companyId: string,
  documentIds: readonly number[],
  from: string,
  locked?: readonly LedgerDoc[],
): Promise<{ documents: LedgerDoc[]; allocations: AllocationRecord[] }> {
  const wanted = new Set(documentIds);
  const documents = locked
    ? locked.filter((document) => wanted.has(document.id))
    : await lockDocuments(trx, companyId, documentIds);
  const states = await openItemStates(
    trx,
    companyId,
    documents.map((document) => document.id),
  );
  const { summaries, toRead } = summarizeLockedAllocations(documents, states, from);
  return { documents, allocations: [...summaries, ...(await allocationsTouching(trx, companyId, toRead))] };
}

/**
 * Applies the matches the ledger accepts, in order, and returns the receipts applied, each with
 * its customer and payment: their state (`setReceiptOutcomes`) is the caller's to write, with the
 * batch's other receipts in the same statement. The receipts must have been locked by the caller
 * (still to apply).
 */
export async function applyBatch(
  trx: Kysely<Database>,
  ctx: AppContext,
  matches: readonly BatchMatch[],
  decision: DecisionInput['decision'],
): Promise<Map<number, AppliedReceipt>> {
  const recorded = matches.filter(isRecordedMatch);
  if (recorded.length === 0) return applyNew(trx, ctx, matches, decision);
  // Every document of the batch locked in one statement, in id order, like any writer of the ledger:
  // the recorded payments too, though no row of theirs is written — their link is checked and
  // written under that lock (recorded-link.ts) — and none of them a second time.
  const locked = await lockDocuments(trx, ctx.companyId, [
    ...recorded.map((match) => match.proposal.recorded?.documentId ?? -1),
    ...matches.flatMap((match) =>
      partsOfProposal(match.proposal, match.receipt.amountMinor, match.receipt.currency).flatMap((part) =>
        [...part.debits, ...part.credits].map((line) => line.documentId),
      ),
    ),
  ]);
  const linked = await linkRecorded(trx, ctx, recorded, decision, locked);
  const applied = await applyNew(
    trx,
    ctx,
    matches.filter((match) => !isRecordedMatch(match)),
    decision,
    locked,
  );
  for (const { decisionId: _decision, ...receipt } of linked) applied.set(receipt.transactionId, receipt);
  return applied;
}

/**
 * The matches that write new payments: planned together, written with a few statements. `locked`:
 * their documents, locked by the caller already.
 */
async function applyNew(
  trx: Kysely<Database>,
  ctx: AppContext,
  matches: readonly BatchMatch[],
  decision: DecisionInput['decision'],
  locked?: readonly LedgerDoc[],
): Promise<Map<number, AppliedReceipt>> {
  if (matches.length === 0) return new Map();
  const counts = await appliedCounts(
    trx,
    ctx.companyId,
    matches.map((match) => match.receipt.transactionId),
  );
  const withParts = matches.map((match) => ({
    ...match,
    parts: partsOfProposal(match.proposal, match.receipt.amountMinor, match.receipt.currency),
    attempt: (counts.get(match.receipt.transactionId) ?? 0) + 1,
  }));
  const ledger = await lockedLedger(
    trx,
    ctx.companyId,
    withParts.flatMap((match) =>
      match.parts.flatMap((part) => [...part.debits, ...part.credits].map((line) => line.documentId)),
    ),
    matches.reduce((earliest, match) => minDate(earliest, match.receipt.bookingDate), MAX_DATE),
    locked,
  );
  const byId = new Map(ledger.documents.map((document) => [document.id, document]));
  const planned = planMatches(ctx, withParts, byId, recordsByCustomer(ledger.documents, ledger.allocations));
  const applied = planned.length > 0 ? await writeMatches(trx, ctx, planned, decision) : [];
  return new Map(applied.map((receipt) => [receipt.transactionId, receipt]));
}
