/**
 * The company's short-term financing rate: the price of money collected late, the one rate every
 * figure that costs money over time is priced at — the cost of the predicted days late
 * (forecast/late-cost.ts), the indicators' cash cost of late payment (reports/kpis.ts) and so the
 * dysfunctions and measures reports, the financing lines of the outsourcing simulator. Kept per
 * company (migration 0068); until someone sets it, the documented default applies and the answers
 * say so (`source: 'default'`). A caller may price one answer at another rate (`given`).
 */
import { selectFinancingRate, upsertFinancingRate } from '#db/companies/financing-rate-queries';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

/** 5 % a year: the rate of every figure priced by the company's rate until the company sets one. */
export const DEFAULT_FINANCING_RATE_BPS = 500;
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

/** Where the rate of an answer comes from: the company's, the default (none set yet), the caller's. */
export type RateSource = FinancingRate['source'] | 'given';

/**
 * The rate to price one answer at: the caller's (checked) when one was typed, else the company's.
 * `name` is the field the caller typed it in, for the error.
 */
export async function financingRateFor(
  ctx: AppContext,
  givenBps: number | undefined,
  name = 'rateBps',
): Promise<{ rateBps: number; source: RateSource }> {
  if (givenBps !== undefined) return { rateBps: checkedRateBps(givenBps, name), source: 'given' };
  const { rateBps, source } = await getFinancingRate(ctx);
  return { rateBps, source };
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
