/**
 * `outsourcing simulate`: the real annual cost of each way of managing the receivables, from the
 * company's own ledger over a period (a year up to the reference date by default) and the
 * assumptions given (each one can be changed; the defaults are stated with the result). The
 * company's cost of money is its financing rate (companies/financing-rate.ts) unless one is given.
 */
import { addDays, addMonths, daysBetween, endOfMonth } from '#core/calendar';
import {
  DEFAULT_MARKET_ASSUMPTIONS,
  type LedgerFigures,
  type OptionCost,
  type OutsourcingAssumptions,
  simulateOutsourcing,
} from '#core/legal/outsourcing-cost';
import type { IsoDate } from '#core/types';
import { selectPeriodFlows, selectReceivablesAt } from '#db/legal/outsourcing-figures';
import { inReportSnapshot } from '#db/reports/report-session';
import { wordedDate } from '#text/error-words';
import { findCompany } from '../companies/companies.ts';
import { getFinancingRate, type RateSource } from '../companies/financing-rate.ts';
import type { AppContext } from '../context.ts';
import { requireDate, resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';

export interface OutsourcingSimulation {
  figures: LedgerFigures;
  assumptions: OutsourcingAssumptions;
  /** Where `assumptions.financingRateBp` comes from: the company's rate, the default (none set), given. */
  financingRateSource: RateSource;
  options: OptionCost[];
}

export interface OutsourcingInput {
  from?: string | undefined;
  to?: string | undefined;
  /** Any subset of the assumptions; the rest keeps its default. */
  assumptions?: unknown;
}

/** Month ends inside the period, or its last day when it holds none. */
export function monthEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let end = endOfMonth(from); end <= to; end = endOfMonth(addMonths(end, 1))) ends.push(end);
  return ends.length > 0 ? ends : [to];
}

function checkedValue(name: string, standard: unknown, value: unknown): unknown {
  const ok =
    typeof standard === 'boolean'
      ? typeof value === 'boolean'
      : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  if (!ok)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.assumptionType',
      params: { name, expected: typeof standard === 'boolean' ? 'boolean' : 'count' },
    });
  return value;
}

function mergeSection(name: string, defaults: object, given: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...defaults };
  if (given === undefined) return merged;
  if (typeof given !== 'object' || given === null || Array.isArray(given))
    throw new DomainError('invalid_input', { key: 'errors.legal.assumptionSection', params: { name } });
  for (const [key, value] of Object.entries(given)) {
    if (!(key in merged))
      throw new DomainError('invalid_input', {
        key: 'errors.legal.unknownAssumption',
        params: { name: `${name}.${key}` },
      });
    merged[key] = checkedValue(`${name}.${key}`, merged[key], value);
  }
  return merged;
}

const SECTIONS = ['inHouse', 'insurance', 'factoring', 'agency'] as const;

/**
 * The defaults overridden by what was given; unknown names and wrong types are refused. The
 * company's cost of money defaults to its financing rate, `company`.
 */
export function mergeAssumptions(
  given: unknown,
  company: { rateBps: number; source: RateSource },
): { assumptions: OutsourcingAssumptions; financingRateSource: RateSource } {
  if (given === undefined || given === null)
    return {
      assumptions: { financingRateBp: company.rateBps, ...DEFAULT_MARKET_ASSUMPTIONS },
      financingRateSource: company.source,
    };
  if (typeof given !== 'object' || Array.isArray(given))
    throw new DomainError('invalid_input', { key: 'errors.legal.assumptionsObject' });
  const input = given as Record<string, unknown>;
  for (const key of Object.keys(input))
    if (key !== 'financingRateBp' && !(SECTIONS as readonly string[]).includes(key))
      throw new DomainError('invalid_input', {
        key: 'errors.legal.unknownAssumption',
        params: { name: key },
      });
  const d = DEFAULT_MARKET_ASSUMPTIONS;
  const givenRate = input['financingRateBp'] ?? undefined;
  const assumptions = {
    financingRateBp:
      givenRate === undefined ? company.rateBps : checkedValue('financingRateBp', company.rateBps, givenRate),
    inHouse: mergeSection('inHouse', d.inHouse, input['inHouse']),
    insurance: mergeSection('insurance', d.insurance, input['insurance']),
    factoring: mergeSection('factoring', d.factoring, input['factoring']),
    agency: mergeSection('agency', d.agency, input['agency']),
  } as OutsourcingAssumptions;
  return { assumptions, financingRateSource: givenRate === undefined ? company.source : 'given' };
}

export async function simulateOutsourcingCost(
  ctx: AppContext,
  input: OutsourcingInput = {},
): Promise<OutsourcingSimulation> {
  const to = await resolveAsOf(ctx, input.to);
  const from = requireDate(input.from, 'from') ?? addDays(addMonths(to, -12), 1);
  if (from > to)
    throw new DomainError('invalid_input', {
      key: 'errors.legal.periodReversed',
      params: { from: wordedDate(from), to: wordedDate(to) },
    });
  const { assumptions, financingRateSource } = mergeAssumptions(
    input.assumptions,
    await getFinancingRate(ctx),
  );
  const company = await findCompany(ctx, ctx.companyId);
  if (!company)
    throw new DomainError('not_found', {
      key: 'errors.legal.unknownCompany',
      params: { companyId: ctx.companyId },
    });
  const currency = company.currency;
  const { flows, balances } = await inReportSnapshot(ctx.db, async (trx) => {
    const flows = await selectPeriodFlows(
      trx,
      ctx.companyId,
      currency,
      from,
      to,
      assumptions.agency.handOverDays,
    );
    const balances: number[] = [];
    for (const end of monthEnds(from, to))
      balances.push(await selectReceivablesAt(trx, ctx.companyId, currency, end));
    return { flows, balances };
  });
  const figures: LedgerFigures = {
    from,
    to,
    periodDays: daysBetween(from, to) + 1,
    currency,
    ...flows,
    averageReceivablesMinor: Math.round(balances.reduce((sum, b) => sum + b, 0) / balances.length),
  };
  return { figures, assumptions, financingRateSource, options: simulateOutsourcing(figures, assumptions) };
}
