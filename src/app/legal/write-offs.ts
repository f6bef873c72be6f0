/**
 * Write-offs: a proposal (customer, invoices, amount of each, reason) waits for a user whose role
 * the credit delegation matrix allows for the amount and the customer's class — never the one who
 * proposed it (segregation of duties). Approval writes a `write_off` document allocated to the
 * invoices, each allocation checked by the ledger rule on locked documents: nothing is edited,
 * a mistake is reversed like any allocation. Every step is audited.
 */
import type { Kysely } from 'kysely';
import { maxDate } from '#core/calendar';
import { mayApprove, requiredRole } from '#core/credit/delegation';
import type { RiskClass } from '#core/credit/scoring-method';
import type { AllocationRecord } from '#core/ledger/ledger';
import {
  planWriteOff,
  type RequestedLine,
  type VatRecoveryNote,
  vatRecoveryNote,
  WRITE_OFF_REASONS,
  type WriteOffReason,
} from '#core/legal/write-off';
import type { Role } from '#core/types';
import { insertLedgerDocument, lockLedgerDocuments } from '#db/cash/cash-writes';
import { latestScores } from '#db/credit/score-queries';
import type { Database } from '#db/infra/schema';
import { listOpenItems } from '#db/ledger/ledger-queries';
import { insertAllocations, type NewAllocation } from '#db/ledger/ledger-writes';
import {
  decideWriteOffProposal,
  insertWriteOffProposal,
  selectWriteOffProposals,
  userRole,
  type WriteOffProposalRow,
} from '#db/legal/write-off-queries';
import { translator } from '#text/catalogue';
import { wordedChoices, wordedLabel, wordedList, wordedMoney } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import { allocationRefusal } from '../cash/allocation-refusal.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { creditConfig } from '../credit/configuration.ts';
import { checkedCustomer } from '../credit/customer-risk.ts';
import { DomainError } from '../errors.ts';

export const WRITE_OFF_SOURCE = 'writeoff';

export interface WriteOffView extends WriteOffProposalRow {
  vatNote: VatRecoveryNote;
}

export interface ProposeWriteOffInput {
  customerCode: string;
  invoices: RequestedLine[];
  reasonCode: string;
  reason: string;
  /** VAT rate of the invoices in basis points, when known (HT/TVA of the VAT note). */
  vatRateBps?: number | null | undefined;
}

function viewOf(row: WriteOffProposalRow): WriteOffView {
  return { ...row, vatNote: vatRecoveryNote(row.reasonCode as WriteOffReason, row.items, row.vatRateBps) };
}

async function findProposal(ctx: AppContext, db: Kysely<Database>, proposalId: number, lock = false) {
  const [row] = await selectWriteOffProposals(db, ctx.companyId, { proposalId, lock });
  if (!row)
    throw new DomainError('not_found', { key: 'errors.legal.unknownWriteOff', params: { proposalId } });
  return row;
}

function checkProposalInput(input: ProposeWriteOffInput): WriteOffReason {
  if (!(WRITE_OFF_REASONS as readonly string[]).includes(input.reasonCode))
    throw new DomainError('invalid_input', {
      key: 'errors.legal.writeOffReason',
      params: {
        reason: input.reasonCode,
        allowed: wordedChoices(WRITE_OFF_REASONS, (lang, reason) =>
          translator(lang)('writeoff.reason', { reason }),
        ),
      },
    });
  if (!input.reason?.trim()) throw new DomainError('invalid_input', { key: 'errors.legal.writeOffWhy' });
  const rate = input.vatRateBps;
  if (rate !== undefined && rate !== null && (!Number.isSafeInteger(rate) || rate < 0 || rate > 10_000))
    throw new DomainError('invalid_input', { key: 'errors.legal.vatRate' });
  return input.reasonCode as WriteOffReason;
}

export async function proposeWriteOff(ctx: AppContext, input: ProposeWriteOffInput): Promise<WriteOffView> {
  const reasonCode = checkProposalInput(input);
  const asOf = await defaultAsOf(ctx);
  const proposalId = await ctx.db.transaction().execute(async (trx) => {
    const customer = await checkedCustomer(ctx, trx, input.customerCode, true);
    const open = (await listOpenItems(trx, ctx.companyId, customer.code, asOf))
      .filter((item) => item.amountMinor > 0)
      .map((item) => ({ ...item, ref: item.externalRef }));
    const { lines, problems } = planWriteOff(open, input.invoices);
    if (problems.length > 0)
      throw new DomainError(
        'invalid_input',
        {
          key: 'errors.legal.writeOffRefused',
          params: {
            problems: wordedList(
              'errors.legal.writeOffProblem',
              problems.map((p) => ({
                code: p.code,
                ref: 'ref' in p ? p.ref : '',
                open: wordedMoney('openMinor' in p ? p.openMinor : 0, customer.currency),
              })),
            ),
          },
        },
        { problems },
      );
    const amountMinor = lines.reduce((total, line) => total + line.amountMinor, 0);
    const config = await creditConfig(ctx, asOf, trx);
    const riskClass = ((await latestScores(trx, ctx.companyId, [customer.code])).get(customer.code)
      ?.riskClass ?? null) as RiskClass | null;
    const role = requiredRole(config.delegation_matrix, riskClass, amountMinor) ?? 'director';
    const id = await insertWriteOffProposal(
      trx,
      ctx.companyId,
      {
        customerCode: customer.code,
        currency: customer.currency,
        amountMinor,
        reasonCode,
        reason: input.reason.trim(),
        proposalDate: asOf,
        items: lines,
        vatRateBps: input.vatRateBps ?? null,
        riskClass,
        requiredRole: role,
        proposedBy: ctx.actor,
      },
      ctx.clock.now(),
    );
    await recordAudit(ctx, trx, {
      action: 'writeoff.propose',
      entity: 'write_off',
      entityKey: String(id),
      before: null,
      after: {
        customerCode: customer.code,
        amountMinor,
        reasonCode,
        invoices: lines.map((l) => l.ref),
        requiredRole: role,
      },
    });
    return id;
  });
  return viewOf(await findProposal(ctx, ctx.db, proposalId));
}

/** The deciding user's role: the signed-in user's, or the CLI's named user's from the users table. */
async function deciderRole(ctx: AppContext, db: Kysely<Database>): Promise<string> {
  const role = ctx.user?.role ?? (await userRole(db, ctx.companyId, ctx.actor));
  if (!role) throw new DomainError('forbidden', { key: 'errors.legal.writeOffDecider' });
  return role;
}

/** Writes the write-off document and its allocations to the invoices; returns the document id. */
async function writeToLedger(
  ctx: AppContext,
  trx: Kysely<Database>,
  proposal: WriteOffProposalRow,
  asOf: string,
) {
  const date = proposal.items.reduce((latest, item) => maxDate(latest, item.issueDate), asOf);
  const documentId = await insertLedgerDocument(trx, ctx.companyId, {
    kind: 'write_off',
    source: WRITE_OFF_SOURCE,
    externalRef: `WO-${proposal.proposalId}`,
    customerCode: proposal.customerCode,
    issueDate: date,
    amountMinor: -proposal.amountMinor,
    currency: proposal.currency,
    label: proposal.reason,
    createdBy: ctx.actor,
  });
  const locked = await lockLedgerDocuments(trx, ctx.companyId, [
    ...proposal.items.map((item) => item.documentId),
    documentId,
  ]);
  const byId = new Map(locked.documents.map((document) => [document.id, document]));
  const credit = byId.get(documentId)!;
  const records: AllocationRecord[] = [...locked.allocations];
  const planned: NewAllocation[] = proposal.items.map((item) => {
    const debit = byId.get(item.documentId);
    if (!debit || debit.customerCode !== proposal.customerCode)
      throw new DomainError('ledger_rule', {
        key: 'errors.legal.notDocumentOf',
        params: { ref: item.ref, customer: proposal.customerCode },
      });
    const refusal = allocationRefusal(debit, credit, item.amountMinor, date, records, item.ref);
    if (refusal) throw refusal;
    records.push({
      id: -records.length - 1,
      debitId: debit.id,
      creditId: documentId,
      amountMinor: item.amountMinor,
      allocationDate: date,
      reversesId: null,
    });
    return {
      debitDocumentId: debit.id,
      creditDocumentId: documentId,
      amountMinor: item.amountMinor,
      allocationDate: date,
      reversesAllocationId: null,
      source: WRITE_OFF_SOURCE,
    };
  });
  await insertAllocations(trx, ctx.companyId, ctx.actor, planned);
  return documentId;
}

export async function decideWriteOff(
  ctx: AppContext,
  input: { proposalId: number; decision: 'approve' | 'reject'; comment?: string | null | undefined },
): Promise<WriteOffView> {
  const comment = input.comment?.trim() || null;
  if (input.decision === 'reject' && comment === null)
    throw new DomainError('invalid_input', { key: 'errors.legal.rejectionWhy' });
  const asOf = await defaultAsOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const proposal = await findProposal(ctx, trx, input.proposalId, true);
    if (proposal.status !== 'proposed')
      throw new DomainError('conflict', {
        key: 'errors.legal.writeOffDecided',
        params: { proposalId: input.proposalId, status: proposal.status },
      });
    if (proposal.proposedBy.toLowerCase() === ctx.actor.toLowerCase())
      throw new DomainError('forbidden', { key: 'errors.legal.writeOffSelf' });
    const role = await deciderRole(ctx, trx);
    const config = await creditConfig(ctx, asOf, trx);
    const riskClass = proposal.riskClass as RiskClass | null;
    if (
      input.decision === 'approve' &&
      !mayApprove(config.delegation_matrix, role as Role, riskClass, proposal.amountMinor)
    )
      throw new DomainError(
        'forbidden',
        { key: 'errors.legal.writeOffRole', params: { role: wordedLabel('role', proposal.requiredRole) } },
        { requiredRole: proposal.requiredRole },
      );
    const documentId = input.decision === 'approve' ? await writeToLedger(ctx, trx, proposal, asOf) : null;
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    await decideWriteOffProposal(trx, ctx.companyId, proposal.proposalId, {
      status,
      by: ctx.actor,
      at: ctx.clock.now(),
      comment,
      documentId,
    });
    await recordAudit(ctx, trx, {
      action: `writeoff.${input.decision}`,
      entity: 'write_off',
      entityKey: String(proposal.proposalId),
      before: { status: proposal.status },
      after: { status, comment, role, writeOffDocumentId: documentId, amountMinor: proposal.amountMinor },
    });
  });
  return viewOf(await findProposal(ctx, ctx.db, input.proposalId));
}

export async function listWriteOffs(
  ctx: AppContext,
  filter: { status?: string | undefined; customerCode?: string | undefined } = {},
): Promise<WriteOffView[]> {
  return (await selectWriteOffProposals(ctx.db, ctx.companyId, filter)).map(viewOf);
}

export async function getWriteOff(ctx: AppContext, proposalId: number): Promise<WriteOffView> {
  return viewOf(await findProposal(ctx, ctx.db, proposalId));
}
