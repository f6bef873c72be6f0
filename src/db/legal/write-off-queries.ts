/** Write-off proposals and provision settings (migration 0015); the ledger rows go through db/cash and db/ledger. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export interface WriteOffItem {
  documentId: number;
  ref: string;
  issueDate: string;
  amountMinor: number;
}

export interface WriteOffProposalRow {
  proposalId: number;
  customerCode: string;
  customerName: string;
  currency: string;
  amountMinor: number;
  reasonCode: string;
  reason: string;
  proposalDate: string;
  items: WriteOffItem[];
  vatRateBps: number | null;
  riskClass: string | null;
  requiredRole: string;
  status: string;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  writeOffDocumentId: number | null;
}

export type NewWriteOffProposal = Omit<
  WriteOffProposalRow,
  | 'proposalId'
  | 'customerName'
  | 'status'
  | 'proposedAt'
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionComment'
  | 'writeOffDocumentId'
>;

export async function insertWriteOffProposal(
  db: Kysely<Database>,
  companyId: string,
  proposal: NewWriteOffProposal,
  at: Date,
): Promise<number> {
  const row = await db
    .insertInto('write_off_proposals')
    .values({
      company_id: companyId,
      customer_code: proposal.customerCode,
      currency: proposal.currency,
      amount_minor: proposal.amountMinor,
      reason_code: proposal.reasonCode,
      reason: proposal.reason,
      proposal_date: proposal.proposalDate,
      items: JSON.stringify(proposal.items),
      vat_rate_bps: proposal.vatRateBps,
      risk_class: proposal.riskClass,
      required_role: proposal.requiredRole,
      proposed_by: proposal.proposedBy,
      proposed_at: at,
    })
    .returning('proposal_id')
    .executeTakeFirstOrThrow();
  return row.proposal_id;
}

export async function selectWriteOffProposals(
  db: Kysely<Database>,
  companyId: string,
  filter: {
    proposalId?: number;
    status?: string | undefined;
    customerCode?: string | undefined;
    lock?: boolean;
  },
): Promise<WriteOffProposalRow[]> {
  const result = await sql<WriteOffProposalRow>`
    select w.proposal_id as "proposalId", w.customer_code as "customerCode", c.name as "customerName",
      w.currency, w.amount_minor as "amountMinor", w.reason_code as "reasonCode", w.reason,
      w.proposal_date as "proposalDate", w.items, w.vat_rate_bps as "vatRateBps", w.risk_class as "riskClass",
      w.required_role as "requiredRole", w.status, w.proposed_by as "proposedBy", w.proposed_at as "proposedAt",
      w.decided_by as "decidedBy", w.decided_at as "decidedAt", w.decision_comment as "decisionComment",
      w.write_off_document_id as "writeOffDocumentId"
    from write_off_proposals w
    join customers c on c.company_id = w.company_id and c.code = w.customer_code
    where w.company_id = ${companyId}
      ${filter.proposalId === undefined ? sql`` : sql`and w.proposal_id = ${filter.proposalId}`}
      ${filter.status === undefined ? sql`` : sql`and w.status = ${filter.status}`}
      ${filter.customerCode === undefined ? sql`` : sql`and w.customer_code = ${filter.customerCode}`}
    order by w.proposal_id desc
    ${filter.lock ? sql`for update of w` : sql``}`.execute(db);
  return result.rows;
}

export async function decideWriteOffProposal(
  db: Kysely<Database>,
  companyId: string,
  proposalId: number,
  decision: {
    status: 'approved' | 'rejected';
    by: string;
    at: Date;
    comment: string | null;
    documentId: number | null;
  },
): Promise<void> {
  await db
    .updateTable('write_off_proposals')
    .set({
      status: decision.status,
      decided_by: decision.by,
      decided_at: decision.at,
      decision_comment: decision.comment,
      write_off_document_id: decision.documentId,
    })
    .where('company_id', '=', companyId)
    .where('proposal_id', '=', proposalId)
    .where('status', '=', 'proposed')
    .execute();
}

/** The user's role in the company, or null when there is no such (enabled) user. */
export async function userRole(
  db: Kysely<Database>,
  companyId: string,
  email: string,
): Promise<string | null> {
  const result = await sql<{ role: string }>`
    select role from users where company_id = ${companyId} and lower(email) = ${email.toLowerCase()}
      and disabled_at is null`.execute(db);
  return result.rows[0]?.role ?? null;
}
