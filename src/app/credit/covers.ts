/**
 * Credit-insurance covers per buyer: each change (request, grant, partial grant, refusal,
 * cancellation, renewal) is a new version, validated by the core and audited.
 */

import { isValidIsoDate } from '#core/calendar';
import { COVER_STATUSES, type CoverStatus, validateCover } from '#core/credit/insurer-cover';
import { type CoverRow, coverHistory, insertCover } from '#db/credit/cover-queries';
import { label } from '#text/catalogue';
import { wordedChoices } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { checkedCustomer } from './customer-risk.ts';
import { releaseHeldOrdersWithinRules } from './held-orders.ts';

export interface CoverInput {
  customerCode: string;
  insurer: string;
  status: CoverStatus;
  requestedMinor?: number | null | undefined;
  grantedMinor?: number | undefined;
  currency?: string | undefined;
  insuredShareBps: number;
  effectiveFrom?: string | null | undefined;
  expiresOn?: string | null | undefined;
  reference?: string | null | undefined;
}

export async function recordCover(ctx: AppContext, input: CoverInput): Promise<CoverRow> {
  if (!(COVER_STATUSES as readonly string[]).includes(input.status))
    throw new DomainError('invalid_input', {
      key: 'errors.credit.coverStatus',
      params: {
        status: input.status,
        allowed: wordedChoices(COVER_STATUSES, (lang, code) => label(lang, 'coverStatus', code)),
      },
    });
  if (!input.insurer?.trim()) throw new DomainError('invalid_input', { key: 'errors.credit.coverInsurer' });
  for (const date of [input.effectiveFrom, input.expiresOn])
    if (date && !isValidIsoDate(date))
      throw new DomainError('invalid_input', { key: 'errors.credit.notADate', params: { value: date } });
  await ctx.db.transaction().execute(async (trx) => {
    const customer = await checkedCustomer(ctx, trx, input.customerCode, true);
    const cover = {
      customerCode: customer.code,
      insurer: input.insurer.trim(),
      status: input.status,
      requestedMinor: input.requestedMinor ?? null,
      grantedMinor: input.grantedMinor ?? 0,
      currency: input.currency ?? customer.currency,
      insuredShareBps: input.insuredShareBps,
      effectiveFrom: input.effectiveFrom ?? null,
      expiresOn: input.expiresOn ?? null,
      reference: input.reference ?? null,
    };
    const problems = validateCover(cover);
    if (problems.length > 0)
      throw new DomainError('invalid_input', { key: 'errors.credit.coverInvalid' }, { problems });
    const coverId = await insertCover(trx, ctx.companyId, ctx.actor, cover);
    await recordAudit(ctx, trx, {
      action: 'credit.cover',
      entity: 'insurer_cover',
      entityKey: customer.code,
      before: null,
      after: { coverId, ...cover },
    });
  });
  await releaseHeldOrdersWithinRules(ctx, [input.customerCode]);
  return (await coverHistory(ctx.db, ctx.companyId, input.customerCode))[0]!;
}

export async function listCovers(ctx: AppContext, customerCode: string): Promise<CoverRow[]> {
  await checkedCustomer(ctx, ctx.db, customerCode, false);
  return coverHistory(ctx.db, ctx.companyId, customerCode);
}
