/**
 * Return lines of the statements (bounced cheques, rejected debits) waiting for a decision, with
 * the applied receipts each may send back, ranked. `bounceReturns` with `auto` records the
 * bounce of those the payer's own identifiers prove (end-to-end id, cheque number), each in its
 * own transaction; the rest wait for a person.
 */
import { type ReturnCandidate, rankReturnCandidates } from '#core/cash/bounce';
import { nameKey } from '#core/cash/names';
import { appliedReceiptsOfAmounts, type BankLineRow, returnsWaiting } from '#db/cash/bounce-queries';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { type BounceResult, recordBouncedPayment } from './bounce.ts';

/** A return proven by the payer's identifiers is bounced without a person. */
export const AUTO_BOUNCE_CONFIDENCE = 95;

export interface ReturnLine {
  transactionId: number;
  bookingDate: string;
  amountMinor: number;
  currency: string;
  counterpartyName: string | null;
  label: string | null;
  returnReason: string | null;
  candidates: (ReturnCandidate & {
    bookingDate: string;
    customerCode: string | null;
    label: string | null;
  })[];
}

const cluesOf = (line: BankLineRow) => ({
  transactionId: line.transactionId,
  bookingDate: line.bookingDate,
  amountMinor: line.amountMinor,
  endToEndId: line.endToEndId,
  chequeNumber: line.chequeNumber,
  counterpartyIban: line.counterpartyIban,
  nameKey: line.counterpartyName ? nameKey(line.counterpartyName) || null : null,
});

export async function listReturns(ctx: AppContext): Promise<{ items: ReturnLine[] }> {
  if (ctx.user?.role === 'salesperson')
    throw new DomainError('forbidden', {
      key: 'errors.cash.notForSalesperson',
      params: { what: 'bankLines' },
    });
  const returns = await returnsWaiting(ctx.db, ctx.companyId);
  const receipts = await appliedReceiptsOfAmounts(
    ctx.db,
    ctx.companyId,
    returns.map((line) => -line.amountMinor),
  );
  const byId = new Map(receipts.map((receipt) => [receipt.transactionId, receipt]));
  const clues = receipts.map(cluesOf);
  return {
    items: returns.map((line) => ({
      transactionId: line.transactionId,
      bookingDate: line.bookingDate,
      amountMinor: line.amountMinor,
      currency: line.currency,
      counterpartyName: line.counterpartyName,
      label: line.label,
      returnReason: line.returnReason,
      candidates: rankReturnCandidates(cluesOf(line), clues)
        .slice(0, 5)
        .map((candidate) => {
          const receipt = byId.get(candidate.transactionId);
          return {
            ...candidate,
            bookingDate: receipt?.bookingDate ?? line.bookingDate,
            customerCode: receipt?.customerCode ?? null,
            label: receipt?.counterpartyName ?? receipt?.label ?? null,
          };
        }),
    })),
  };
}

export async function bounceReturns(ctx: AppContext): Promise<{ bounced: BounceResult[]; waiting: number }> {
  const { items } = await listReturns(ctx);
  const bounced: BounceResult[] = [];
  const used = new Set<number>();
  for (const line of items) {
    const best = line.candidates[0];
    if (!best || best.confidence < AUTO_BOUNCE_CONFIDENCE || used.has(best.transactionId)) continue;
    used.add(best.transactionId);
    try {
      bounced.push(
        await recordBouncedPayment(ctx, {
          transactionId: best.transactionId,
          returnTransactionId: line.transactionId,
        }),
      );
    } catch (error) {
      // Bounced by a person meanwhile (by the payment's reference): the return line waits for them.
      if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
    }
  }
  return { bounced, waiting: items.length - bounced.length };
}
