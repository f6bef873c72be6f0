/**
 * What part of the portfolio a report may cover for the caller. A salesperson's reports cover
 * their own customers whatever the request asks for; the rule lives here, in the use cases, so
 * that no shell default (HTTP, CLI, web) can widen it. It fails closed: a salesperson user with
 * no salesperson name sees nothing.
 */
import { salespersonScope } from '../auth/auth.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';

/** The input with its salesperson filter forced to the caller's own customers when needed. */
export function scopedToCaller<T extends { salesperson?: string | undefined }>(ctx: AppContext, input: T): T {
  const scope = salespersonScope(ctx);
  if (scope === undefined) return input;
  if (scope === null) throw new DomainError('forbidden', { key: 'errors.reports.salespersonUnlinked' });
  if (input.salesperson !== undefined && input.salesperson !== scope)
    throw new DomainError('forbidden', { key: 'errors.reports.salespersonOthers' });
  return { ...input, salesperson: scope };
}

/**
 * The salesperson whose customers a report without a salesperson filter of its own covers
 * (indicators, anomalies, portfolio summary): the caller's, or undefined for the whole portfolio.
 */
export function callerPortfolio(ctx: AppContext): string | undefined {
  return scopedToCaller(ctx, {} as { salesperson?: string | undefined }).salesperson;
}

/**
 * Reports that only make sense on the whole portfolio (the procedure's dysfunctions report):
 * refused to a salesperson rather than shown with other salespeople's customers in them.
 */
export function requireWholePortfolioAccess(ctx: AppContext): void {
  if (salespersonScope(ctx) !== undefined)
    throw new DomainError('forbidden', { key: 'errors.reports.wholePortfolio' });
}
