/**
 * `listUnappliedCash`: the money received and not placed yet — bank receipts not applied (with
 * their ranked suggestions) and credits open on customer accounts (payments on account, the
 * unapplied part of a payment, credit notes, with the customer's open debits they could settle) —
 * aged by the day they arrived, as of a date.
 */
import { ageInDays, ageUnapplied, type UnappliedAging } from '#core/cash/unapplied';
import { type OpenCreditRow, openCredits, unappliedByDay } from '#db/cash/unapplied-queries';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { listReceipts, type ReceiptWithSuggestions } from './receipts.ts';

export interface UnappliedCash {
  asOf: string;
  aging: UnappliedAging[];
  receipts: { total: number; items: (ReceiptWithSuggestions & { ageDays: number })[] };
  credits: { total: number; items: (OpenCreditRow & { ageDays: number })[] };
}

export async function listUnappliedCash(
  ctx: AppContext,
  input: { asOf?: string; limit?: number },
): Promise<UnappliedCash> {
  if (ctx.user?.role === 'salesperson')
    throw new DomainError('forbidden', {
      key: 'errors.cash.notForSalesperson',
      params: { what: 'unapplied' },
    });
  // The company's reference date (the demo's), else today: what every other page reads as of.
  const asOf = input.asOf ?? (await defaultAsOf(ctx));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new DomainError('invalid_input', {
      key: 'errors.cash.notADate',
      params: { field: 'asOf', value: asOf },
    });
  const limit = Math.min(Math.max(input.limit ?? 100, 1), 500);
  const [byDay, receipts, credits] = await Promise.all([
    unappliedByDay(ctx.db, ctx.companyId),
    listReceipts(ctx, { view: 'to_apply', limit }),
    openCredits(ctx.db, ctx.companyId, { limit, offset: 0 }),
  ]);
  const aging = ageUnapplied(byDay, asOf);
  return {
    asOf,
    aging,
    receipts: {
      total: receipts.total,
      items: receipts.items.map((item) => ({ ...item, ageDays: ageInDays(item.bookingDate, asOf) })),
    },
    credits: {
      total: credits.total,
      items: credits.rows.map((row) => ({ ...row, ageDays: ageInDays(row.issueDate, asOf) })),
    },
  };
}
