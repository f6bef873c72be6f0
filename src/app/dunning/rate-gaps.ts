/**
 * What the half-year rate table lacks today (`core/dunning/rate-gaps.ts`): the rates page and
 * `encours dunning rates` show it, so that a missing half-year is entered before a run claims
 * incomplete interest, not found afterwards.
 */
import { type RateGaps, rateGaps } from '#core/dunning/rate-gaps';
import type { AppContext } from '../context.ts';
import { listRates } from './settings.ts';

export async function listRateGaps(ctx: AppContext): Promise<RateGaps> {
  return rateGaps(await listRates(ctx), ctx.clock.today());
}
