/**
 * Receipts applied as the payments the ledger already records (core/cash/recorded.ts), inside the
 * caller's transaction: each bank line is linked to its payment — a decision and an application
 * naming the payment, audited — and nothing is written in the ledger (no payment, no allocation:
 * the payment was recorded and matched to its invoices already). The payments are locked first
 * (by the caller, with the rest of its batch, or here): no row of theirs is written, but the lock
 * keeps the check and the link together — a payment another line was linked to meanwhile, or that
 * is no longer the receipt's (another amount, customer or currency), is refused and its receipt
 * stays a suggestion, where without it a second link would fail the whole batch on the unique
 * payment of `cash_applications`.
 */
import type { Kysely } from 'kysely';
import type { LedgerDoc } from '#core/ledger/ledger';
import { insertAudits } from '#db/audit/audit-queries';
import {
  type AppliedReceipt,
  insertDecidedApplications,
  insertDecisions,
  lockDocuments,
} from '#db/cash/batch-writes';
import type { DecisionInput } from '#db/cash/cash-writes';
import { paymentsLinked } from '#db/cash/recorded-queries';
import type { Database } from '#db/infra/schema';
import type { AppContext } from '../context.ts';
import type { BatchMatch } from './apply-batch.ts';
import { auditOfMatch, decisionOfMatch } from './apply-proposal.ts';

const paymentOf = (match: BatchMatch) => match.proposal.recorded?.documentId ?? -1;

/** The matches whose receipt is a recorded payment (method `recorded`). */
export const isRecordedMatch = (match: BatchMatch) => match.proposal.recorded !== undefined;

/**
 * Links each receipt to its recorded payment when that still holds; returns those linked, in order.
 * `locked`: the payments (among other documents), locked by the caller already.
 */
export async function linkRecorded(
  trx: Kysely<Database>,
  ctx: AppContext,
  matches: readonly BatchMatch[],
  decision: DecisionInput['decision'],
  locked?: readonly LedgerDoc[],
): Promise<(AppliedReceipt & { decisionId: number })[]> {
  if (matches.length === 0) return [];
  const ids = matches.map(paymentOf);
  const payments = new Map(
    (locked ?? (await lockDocuments(trx, ctx.companyId, ids))).map((doc) => [doc.id, doc]),
  );
  const taken = await paymentsLinked(trx, ctx.companyId, ids);
  const linked = matches.filter((match) => {
    const payment = payments.get(paymentOf(match));
    const fits =
      payment !== undefined &&
      payment.kind === 'payment' &&
      payment.customerCode === match.proposal.customerCode &&
      -payment.amountMinor === match.receipt.amountMinor &&
      payment.currency === match.receipt.currency &&
      !taken.has(payment.id);
    if (fits) taken.add(payment.id);
    return fits;
  });
  if (linked.length === 0) return [];
  const applicationOf = (match: BatchMatch) => ({
    customerCode: match.proposal.customerCode,
    paymentDocumentId: paymentOf(match),
    writeOffDocumentId: null,
    amountMinor: match.receipt.amountMinor,
  });
  const decisionIds = await insertDecisions(
    trx,
    ctx.companyId,
    ctx.actor,
    linked.map((match) =>
      decisionOfMatch(match.receipt, match.proposal, decision, [applicationOf(match)], []),
    ),
  );
  await insertDecidedApplications(
    trx,
    ctx.companyId,
    linked.map((match, at) => ({
      ...applicationOf(match),
      transactionId: match.receipt.transactionId,
      decisionId: decisionIds[at] as number,
    })),
  );
  await insertAudits(
    trx,
    ctx.companyId,
    ctx.actor,
    linked.map((match) =>
      auditOfMatch(match.receipt, match.proposal, decision, [], [match.proposal.recorded?.ref ?? '']),
    ),
  );
  return linked.map((match, at) => ({
    transactionId: match.receipt.transactionId,
    customerCode: match.proposal.customerCode,
    paymentDocumentId: paymentOf(match),
    decisionId: decisionIds[at] as number,
  }));
}
