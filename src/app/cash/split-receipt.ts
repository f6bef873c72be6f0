/**
 * `splitReceipt`: a person applies one bank line to several customers — a parent's transfer for
 * its subsidiaries' invoices —, each part an amount of the receipt settling the items chosen for
 * that customer (oldest first; what is left stays unapplied on that customer). The parts add up
 * to the receipt. When every customer belongs to one group, the payer's IBAN and name are taught
 * to the group's parent, so the next transfer from it is searched across the whole group.
 */
import { splitProposal } from '#core/cash/group';
import { manualPart } from '#core/cash/manual';
import { groupParents } from '#db/cash/applications';
import { openItemsOfCustomers } from '#db/cash/matching-queries';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { applyAndTeach } from './decisions.ts';

export interface SplitPartInput {
  customerCode: string;
  /** The receipt's money given to this customer, in minor units. */
  amountMinor: number;
  /** References of the customer's open items this part settles (invoices) or nets (credit notes). */
  documentRefs: string[];
}

export interface SplitInput {
  transactionId: number;
  parts: SplitPartInput[];
}

function checkParts(parts: readonly SplitPartInput[]): void {
  if (parts.length < 2) throw new DomainError('invalid_input', { key: 'errors.cash.splitTwo' });
  if (new Set(parts.map((part) => part.customerCode)).size !== parts.length)
    throw new DomainError('invalid_input', { key: 'errors.cash.splitOnce' });
  for (const part of parts)
    if (!Number.isSafeInteger(part.amountMinor) || part.amountMinor <= 0)
      throw new DomainError('invalid_input', {
        key: 'errors.cash.partOfPositive',
        params: { customer: part.customerCode },
      });
}

export async function splitReceipt(ctx: AppContext, input: SplitInput) {
  checkParts(input.parts);
  const codes = input.parts.map((part) => part.customerCode);
  return applyAndTeach(
    ctx,
    input.transactionId,
    async (trx, receipt) => {
      const parents = await groupParents(trx, ctx.companyId, codes);
      const unknown = codes.find((code) => !parents.has(code));
      if (unknown)
        throw new DomainError('not_found', {
          key: 'errors.credit.unknownCustomer',
          params: { customer: unknown },
        });
      const items = await openItemsOfCustomers(trx, ctx.companyId, codes);
      const parts = input.parts.map((part) => {
        const chosen = part.documentRefs.map((ref) => {
          const item = items.find(
            (candidate) =>
              candidate.customerCode === part.customerCode &&
              candidate.ref === ref &&
              candidate.currency === receipt.currency,
          );
          if (!item)
            throw new DomainError('not_found', {
              key: 'errors.cash.notOpenItem',
              params: { ref, customer: part.customerCode, currency: receipt.currency },
            });
          return item;
        });
        return manualPart(part.amountMinor, {
          customerCode: part.customerCode,
          items: chosen,
          writeOffMinor: 0,
          writeOffReason: null,
        });
      });
      const groups = new Set(codes.map((code) => parents.get(code)));
      const parent = groups.size === 1 ? ([...groups][0] ?? null) : null;
      return { proposal: splitProposal(parent ?? (codes[0] as string), parts), teachTo: parent };
    },
    'corrected',
  );
}
