/**
 * The dashboard's portfolio figures over every customer the caller may see: the whole company,
 * or a salesperson's own customers (none for a salesperson account with no salesperson name). The
 * amounts come from the ledger; the counts against the limit from the credit positions — exposure
 * against the limit in force, as the credit panel's « Disponible » — so the tile « au-delà de la
 * limite » counts the customers whose panel shows a negative « Disponible ».
 */
import type { LimitBand } from '#core/credit/limit-usage';
import type { IsoDate } from '#core/types';
import { type PortfolioBalancesRow, selectPortfolioByType } from '#db/customers/portfolio-summary';
import { salespersonScope } from '../auth/auth.ts';
import type { AppContext } from '../context.ts';
import { creditConfig } from '../credit/configuration.ts';
import { type CreditPosition, readCreditPositions } from '../credit/credit-positions.ts';
import { companyCurrency } from '../reports/aging.ts';
import { resolveAsOf } from './customers.ts';

export interface PortfolioByTypeRow extends PortfolioBalancesRow {
  /** Exposure above the limit in force (a limit of 0 with any exposure is over it). */
  overLimit: number;
  /** Within the limit in force, using 80 % of it or more. */
  nearLimit: number;
  /** Within the limit in force, using less than 80 % of it. */
  underLimit: number;
  /** No limit in force and a positive exposure. */
  withoutLimit: number;
  /** No limit in force and nothing exposed: with the four above, every customer counted once. */
  withoutLimitNothingExposed: number;
}

type Figures = Omit<PortfolioByTypeRow, 'customerType'>;

export interface PortfolioSummary extends Figures {
  asOf: IsoDate;
  currency: string;
  byCustomerType: PortfolioByTypeRow[];
}

const FIGURES = [
  'customerCount',
  'outstandingMinor',
  'overdueMinor',
  'notDueMinor',
  'overLimit',
  'nearLimit',
  'underLimit',
  'withoutLimit',
  'withoutLimitNothingExposed',
] as const satisfies readonly (keyof Figures)[];

type BandFigure = 'overLimit' | 'nearLimit' | 'underLimit' | 'withoutLimit' | 'withoutLimitNothingExposed';

const BAND_FIGURE: Readonly<Record<LimitBand, BandFigure>> = {
  over: 'overLimit',
  near: 'nearLimit',
  under: 'underLimit',
  without: 'withoutLimit',
  none: 'withoutLimitNothingExposed',
};

/** Totals of the per-type rows; each is an exact integer, and so is their sum (checked). */
function addUp(rows: readonly PortfolioByTypeRow[]): Figures {
  const totals = Object.fromEntries(FIGURES.map((name) => [name, 0])) as Record<keyof Figures, number>;
  for (const row of rows) for (const name of FIGURES) totals[name] += row[name];
  for (const name of FIGURES)
    if (!Number.isSafeInteger(totals[name])) throw new RangeError(`portfolio total out of range: ${name}`);
  return totals;
}

/** Each type's amounts with the counts of its customers' positions against their limits. */
function withBands(
  balances: readonly PortfolioBalancesRow[],
  positions: readonly CreditPosition[],
): PortfolioByTypeRow[] {
  const rows = new Map<string, PortfolioByTypeRow>(
    balances.map((row) => [
      row.customerType,
      { ...row, overLimit: 0, nearLimit: 0, underLimit: 0, withoutLimit: 0, withoutLimitNothingExposed: 0 },
    ]),
  );
  for (const position of positions) {
    const row = rows.get(position.customerType);
    if (row) row[BAND_FIGURE[position.band]] += 1;
  }
  return [...rows.values()];
}

export async function getPortfolioSummary(
  ctx: AppContext,
  input: { asOf?: string | undefined } = {},
): Promise<PortfolioSummary> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const currency = await companyCurrency(ctx);
  const scope = salespersonScope(ctx);
  // Fails closed, like the customer list: a salesperson account with no name sees no customer.
  if (scope === null) return { asOf, currency, ...addUp([]), byCustomerType: [] };
  const config = await creditConfig(ctx, asOf);
  const balances = await selectPortfolioByType(ctx.db, {
    companyId: ctx.companyId,
    asOf,
    salesperson: scope,
  });
  const positions = await readCreditPositions(ctx.db, ctx.companyId, asOf, config, scope);
  const byCustomerType = withBands(balances, positions);
  return { asOf, currency, ...addUp(byCustomerType), byCustomerType };
}
