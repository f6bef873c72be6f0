/**
 * Dunning runs awaiting approval (migration 0069): stored by the daily job of a company that
 * reviews before sending, decided once (approved with the run it produced, rejected, or
 * superseded by a newer proposal).
 */
import { type Generated, type Kysely, sql } from 'kysely';
import type { Database } from '../infra/schema.ts';

export const PROPOSAL_STATUSES = ['pending', 'approved', 'rejected', 'superseded'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** What a proposal would send: counts and amounts, never the actions themselves. */
export interface ProposalSummary {
  customers: number;
  actions: number;
  byChannel: { channel: string; actions: number }[];
  bySteps: { step: string; stepKind: string; level: number; channel: string; actions: number }[];
  /** Σ of the actions' total due, per currency (minor units), as the review's totals per step add. */
  totals: { currency: string; totalDueMinor: number }[];
}

/** The table of migration 0069, typed here as the financing settings are (one capability's table). */
interface ProposalsTable {
  company_id: string;
  proposal_id: Generated<number>;
  as_of: string;
  status: Generated<string>;
  customer_codes: string[];
  summary: ProposalSummary;
  created_at: Date;
  created_by: string;
  decided_at: Generated<Date | null>;
  decided_by: Generated<string | null>;
  decision_note: Generated<string | null>;
  run_id: Generated<number | null>;
}

function withProposals(db: Kysely<Database>) {
  return db.withTables<{ dunning_run_proposals: ProposalsTable }>();
}

export interface ProposalRow {
  proposalId: number;
  asOf: string;
  status: ProposalStatus;
  customerCodes: string[];
  summary: ProposalSummary;
  createdAt: Date;
  createdBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionNote: string | null;
  runId: number | null;
}

const COLUMNS = [
  'proposal_id as proposalId',
  'as_of as asOf',
  'status',
  'customer_codes as customerCodes',
  'summary',
  'created_at as createdAt',
  'created_by as createdBy',
  'decided_at as decidedAt',
  'decided_by as decidedBy',
  'decision_note as decisionNote',
  'run_id as runId',
] as const;

const asRow = (row: Omit<ProposalRow, 'status'> & { status: string }) => row as ProposalRow;

/** Marks the company's pending proposals superseded; returns their ids. */
export async function supersedePending(
  db: Kysely<Database>,
  companyId: string,
  change: { by: string; at: Date },
): Promise<number[]> {
  const rows = await withProposals(db)
    .updateTable('dunning_run_proposals')
    .set({ status: 'superseded', decided_at: change.at, decided_by: change.by })
    .where('company_id', '=', companyId)
    .where('status', '=', 'pending')
    .returning('proposal_id')
    .execute();
  return rows.map((row) => Number(row.proposal_id));
}

export async function insertProposal(
  db: Kysely<Database>,
  companyId: string,
  row: { asOf: string; customerCodes: readonly string[]; summary: ProposalSummary; by: string; at: Date },
): Promise<number> {
  const inserted = await withProposals(db)
    .insertInto('dunning_run_proposals')
    .values({
      company_id: companyId,
      as_of: row.asOf,
      status: 'pending',
      customer_codes: sql<string[]>`${[...row.customerCodes]}::text[]`,
      summary: sql<ProposalSummary>`${JSON.stringify(row.summary)}::jsonb`,
      created_at: row.at,
      created_by: row.by,
    })
    .returning('proposal_id')
    .executeTakeFirstOrThrow();
  return Number(inserted.proposal_id);
}

/** One proposal; `forUpdate` locks it for a decision. */
export async function selectProposal(
  db: Kysely<Database>,
  companyId: string,
  proposalId: number,
  forUpdate = false,
): Promise<ProposalRow | null> {
  const query = withProposals(db)
    .selectFrom('dunning_run_proposals')
    .select(COLUMNS)
    .where('company_id', '=', companyId)
    .where('proposal_id', '=', proposalId);
  const row = await (forUpdate ? query.forUpdate() : query).executeTakeFirst();
  return row ? asRow(row) : null;
}

/** The company's proposals, newest first (of one status when given). */
export async function selectProposals(
  db: Kysely<Database>,
  companyId: string,
  filter: { status?: ProposalStatus | undefined; limit: number },
): Promise<ProposalRow[]> {
  let query = withProposals(db)
    .selectFrom('dunning_run_proposals')
    .select(COLUMNS)
    .where('company_id', '=', companyId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.orderBy('proposal_id', 'desc').limit(filter.limit).execute();
  return rows.map(asRow);
}

/** Records a decision on a pending proposal; false when it was no longer pending. */
export async function decideProposal(
  db: Kysely<Database>,
  companyId: string,
  proposalId: number,
  decision: {
    status: 'approved' | 'rejected';
    by: string;
    at: Date;
    note: string | null;
    runId: number | null;
  },
): Promise<boolean> {
  const result = await withProposals(db)
    .updateTable('dunning_run_proposals')
    .set({
      status: decision.status,
      decided_by: decision.by,
      decided_at: decision.at,
      decision_note: decision.note,
      run_id: decision.runId,
    })
    .where('company_id', '=', companyId)
    .where('proposal_id', '=', proposalId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
