/**
 * The company's short-term financing rate: the price of money collected late, used by the cost of
 * the predicted days late (forecast/late-cost.ts). Kept per company (migration 0068); until someone
 * sets it, the documented default applies and the answers say so (`source: 'default'`).
 */
import { selectFinancingRate, upsertFinancingRate } from '#db/companies/financing-rate-queries';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { DEFAULT_LATE_COST_RATE_BPS } from '../reports/kpis.ts';

/** 5 % a year: the indicators' default for the historical late-payment cost, so both agree unset. */
export const DEFAULT_FINANCING_RATE_BPS = DEFAULT_LATE_COST_RATE_BPS;
/** 100 % a year: anything above is a typing error (basis points for percent), not a rate. */
export const MAX_FINANCING_RATE_BPS = 10_000;

export interface FinancingRate {
  rateBps: number;
  /** 'company': set for the company; 'default': none set yet. */
  source: 'company' | 'default';
  updatedAt: string | null;
  updatedBy: string | null;
}

export async function getFinancingRate(ctx: AppContext): Promise<FinancingRate> {
  const row = await selectFinancingRate(ctx.db, ctx.companyId);
  return row
    ? {
        rateBps: row.rateBps,
        source: 'company',
        updatedAt: row.updatedAt.toISOString(),
        updatedBy: row.updatedBy,
      }
    : { rateBps: DEFAULT_FINANCING_RATE_BPS, source: 'default', updatedAt: null, updatedBy: null };
}

/** A rate as given by a caller: whole basis points from 0 to 10,000, else `invalid_input`. */
export function checkedRateBps(rateBps: number, name = 'rateBps'): number {
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > MAX_FINANCING_RATE_BPS)
    throw new DomainError('invalid_input', {
      key: 'errors.company.rate',
      params: { name, max: MAX_FINANCING_RATE_BPS },
    });
  return rateBps;
}

/** Sets the company's rate. Admin and credit manager only; audited with before and after. */
export async function setFinancingRate(ctx: AppContext, rateBps: number): Promise<FinancingRate> {
  if (ctx.user && ctx.user.role !== 'admin' && ctx.user.role !== 'credit_manager')
    throw new DomainError('forbidden', { key: 'errors.company.rateForbidden' });
  const rate = checkedRateBps(rateBps);
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectFinancingRate(trx, ctx.companyId);
    await upsertFinancingRate(trx, ctx.companyId, { rateBps: rate, actor: ctx.actor, at });
    await recordAudit(ctx, trx, {
      action: 'company.financing_rate',
      entity: 'company',
      entityKey: ctx.companyId,
      before: {
        rateBps: before?.rateBps ?? DEFAULT_FINANCING_RATE_BPS,
        source: before ? 'company' : 'default',
      },
      after: { rateBps: rate, source: 'company' },
    });
  });
  return { rateBps: rate, source: 'company', updatedAt: at.toISOString(), updatedBy: ctx.actor };
}
