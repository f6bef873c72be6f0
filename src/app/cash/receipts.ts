/**
 * The workbench's list: receipts waiting (with their ranked suggestions) or already applied (with
 * the customers each was applied to — several for a group receipt —, the items each settled, and
 * how the match was decided: by the matching with its confidence, or by whom). A line linked to a
 * payment the ledger recorded before settled nothing itself: it shows that payment and what it settles.
 */
import type { Evidence } from '#core/cash/identify';
import type { Proposal } from '#core/cash/proposal';
import {
  type ApplicationRow,
  applicationsInForce,
  type DecisionDetailRow,
  decisionDetails,
  type SettledItemRow,
} from '#db/cash/applications';
import {
  listReceiptRows,
  type ReceiptListRow,
  type StoredSuggestion,
  suggestionsOf,
} from '#db/cash/matching-queries';
import { type RecordedPaymentItems, recordedPaymentItems } from '#db/cash/recorded-queries';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

export const RECEIPT_VIEWS = ['to_apply', 'applied', 'returns', 'all'] as const;
export type ReceiptView = (typeof RECEIPT_VIEWS)[number];

const FILTERS: Record<ReceiptView, { statuses: string[]; directions: string[] }> = {
  to_apply: { statuses: ['open', 'suggested'], directions: ['receipt'] },
  applied: { statuses: ['applied'], directions: ['receipt'] },
  returns: { statuses: ['open', 'bounced', 'not_applicable'], directions: ['return'] },
  all: {
    statuses: ['open', 'suggested', 'applied', 'ignored', 'bounced', 'not_applicable'],
    directions: ['receipt', 'return'],
  },
};

export interface ReceiptSuggestion {
  rank: number;
  customerCode: string;
  customerName: string;
  confidence: number;
  method: Proposal['method'];
  invoices: { documentId: number; ref: string; amountMinor: number }[];
  credits: { documentId: number; ref: string; amountMinor: number }[];
  writeOffMinor: number;
  writeOffReason: string | null;
  unappliedMinor: number;
  evidence: Evidence[];
  /** A group receipt's share of each customer (empty for one customer). */
  parts: {
    customerCode: string;
    amountMinor: number;
    invoices: { documentId: number; ref: string; amountMinor: number }[];
    writeOffMinor: number;
    unappliedMinor: number;
  }[];
}

export interface ReceiptApplication {
  customerCode: string;
  customerName: string | null;
  amountMinor: number;
  paymentDocumentId: number;
  /** The items the match settled on this customer, with the amount settled on each. */
  items: { documentId: number; ref: string; kind: string; amountMinor: number }[];
}

/** How an applied receipt's match was decided. */
export interface ReceiptDecision {
  /** auto: by the matching; accepted: a suggestion a person accepted; corrected: a person's own match or split. */
  decision: 'auto' | 'accepted' | 'corrected';
  /** The confidence of the proposal applied (null for a person's own match). */
  confidence: number | null;
  /** Who decided: the user's name, else the actor recorded (the CLI, a job…). */
  decidedBy: string;
  decidedAt: string;
}

export interface ReceiptWithSuggestions extends Omit<ReceiptListRow, 'paymentDocumentId'> {
  suggestions: ReceiptSuggestion[];
  /** The customers an applied receipt was applied to, with the money each got. */
  applications: ReceiptApplication[];
  /** How the match in force was decided (null for a receipt not applied). */
  decision: ReceiptDecision | null;
  /**
   * The payment the ledger recorded before that the line is linked to, with the items that payment
   * settles (null unless the match in force is such a link: the line itself settled nothing).
   */
  recordedPayment: RecordedPaymentItems | null;
}

const DECISIONS: readonly ReceiptDecision['decision'][] = ['auto', 'accepted', 'corrected'];

function decisionOf(row: DecisionDetailRow | undefined): ReceiptDecision | null {
  if (!row || !DECISIONS.includes(row.decision as ReceiptDecision['decision'])) return null;
  const decision = row.decision as ReceiptDecision['decision'];
  return {
    decision,
    confidence: decision === 'corrected' ? null : row.confidence,
    decidedBy: row.deciderName ?? row.decidedBy,
    decidedAt: new Date(row.decidedAt).toISOString(),
  };
}

function applicationOf(application: ApplicationRow, items: readonly SettledItemRow[]): ReceiptApplication {
  return {
    customerCode: application.customerCode,
    customerName: application.customerName,
    amountMinor: application.amountMinor,
    paymentDocumentId: application.paymentDocumentId,
    items: items
      .filter(
        (item) =>
          item.decisionId === application.decisionId && item.customerCode === application.customerCode,
      )
      .map(({ documentId, ref, kind, amountMinor }) => ({ documentId, ref, kind, amountMinor })),
  };
}

export async function listReceipts(
  ctx: AppContext,
  input: { view?: ReceiptView; limit?: number; offset?: number },
): Promise<{ total: number; items: ReceiptWithSuggestions[] }> {
  const view = input.view ?? 'to_apply';
  if (!RECEIPT_VIEWS.includes(view))
    throw new DomainError('invalid_input', { key: 'errors.cash.unknownView', params: { view } });
  if (ctx.user?.role === 'salesperson')
    throw new DomainError('forbidden', {
      key: 'errors.cash.notForSalesperson',
      params: { what: 'receipts' },
    });
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 500);
  const { rows, total } = await listReceiptRows(ctx.db, ctx.companyId, {
    ...FILTERS[view],
    limit,
    offset: input.offset ?? 0,
  });
  const ids = rows.map((row) => row.transactionId);
  const suggestions = await suggestionsOf(ctx.db, ctx.companyId, ids);
  const applications = await applicationsInForce(ctx.db, ctx.companyId, ids);
  const details = await decisionDetails(
    ctx.db,
    ctx.companyId,
    applications.map((application) => application.decisionId),
  );
  const recordedDecisions = new Set(
    details.decisions.filter((decision) => decision.recorded).map((decision) => decision.decisionId),
  );
  const recorded = await recordedPaymentItems(
    ctx.db,
    ctx.companyId,
    applications
      .filter((application) => recordedDecisions.has(application.decisionId))
      .map((application) => application.paymentDocumentId),
  );
  return {
    total,
    items: rows.map(({ paymentDocumentId: _payment, ...row }) => {
      const applied = applications.filter((application) => application.transactionId === row.transactionId);
      const decisionId = applied[0]?.decisionId;
      return {
        ...row,
        applications: applied.map((application) => applicationOf(application, details.items)),
        decision: decisionOf(details.decisions.find((decision) => decision.decisionId === decisionId)),
        recordedPayment:
          decisionId !== undefined && recordedDecisions.has(decisionId)
            ? (recorded.find((payment) => payment.documentId === applied[0]?.paymentDocumentId) ?? null)
            : null,
        suggestions: suggestionsOfReceipt(suggestions, row.transactionId),
      };
    }),
  };
}

function suggestionsOfReceipt(
  suggestions: readonly StoredSuggestion[],
  transactionId: number,
): ReceiptSuggestion[] {
  return suggestions
    .filter((suggestion) => suggestion.transactionId === transactionId)
    .map((suggestion) => {
      const proposal = suggestion.proposal as Proposal;
      return {
        rank: suggestion.rank,
        customerCode: suggestion.customerCode,
        customerName: suggestion.customerName,
        confidence: suggestion.confidence,
        method: proposal.method,
        invoices: proposal.debits,
        credits: proposal.credits,
        writeOffMinor: proposal.writeOffMinor,
        writeOffReason: proposal.writeOffReason,
        unappliedMinor: proposal.unappliedMinor,
        evidence: suggestion.evidence as Evidence[],
        parts: (proposal.parts ?? []).map((part) => ({
          customerCode: part.customerCode,
          amountMinor: part.amountMinor,
          invoices: part.debits,
          writeOffMinor: part.writeOffMinor,
          unappliedMinor: part.unappliedMinor,
        })),
      };
    });
}
