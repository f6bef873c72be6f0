/**
 * The dashboard's portfolio figures over every customer the caller may see: the whole company,
 * or a salesperson's own customers (none for a salesperson account with no salesperson name).
 */
import type { IsoDate } from '#core/types';
import { type PortfolioByTypeRow, selectPortfolioByType } from '#db/customers/portfolio-summary';
import { salespersonScope } from '../auth/auth.ts';
import type { AppContext } from '../context.ts';
import { companyCurrency } from '../reports/aging.ts';
import { resolveAsOf } from './customers.ts';

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
] as const satisfies readonly (keyof Figures)[];

/** Totals of the per-type rows; each is an exact integer, and so is their sum (checked). */
function addUp(rows: readonly PortfolioByTypeRow[]): Figures {
  const totals = Object.fromEntries(FIGURES.map((name) => [name, 0])) as Record<keyof Figures, number>;
  for (const row of rows) for (const name of FIGURES) totals[name] += row[name];
  for (const name of FIGURES)
    if (!Number.isSafeInteger(totals[name])) throw new RangeError(`portfolio total out of range: ${name}`);
  return totals;
}

export async function getPortfolioSummary(
  ctx: AppContext,
  input: { asOf?: string | undefined } = {},
): Promise<PortfolioSummary> {
  const asOf = await resolveAsOf(ctx, input.asOf);
  const currency = await companyCurrency(ctx);
  const scope = salespersonScope(ctx);
  // Fails closed, like the customer list: a salesperson account with no name sees no customer.
  const byCustomerType =
    scope === null
      ? []
      : await selectPortfolioByType(ctx.db, { companyId: ctx.companyId, asOf, salesperson: scope });
  return { asOf, currency, ...addUp(byCustomerType), byCustomerType };
}
