/**
 * The limit requests as their queue shows them, each with whether the reader may decide it: the
 * delegation check the decision itself makes (`decideLimit`), so the page disables what the API
 * would refuse (403) instead of offering it.
 */
import { type DelegationMatrix, mayApprove } from '#core/credit/delegation';
import type { RiskClass } from '#core/credit/scoring-method';
import { type LimitRequestRow, listLimitRequests } from '#db/credit/limit-queries';
import { salespersonScope } from '../auth/auth.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { creditConfig } from './configuration.ts';

export interface LimitRequestView extends LimitRequestRow {
  /**
   * Whether the reader may approve or refuse it now: pending, and their role is the one the
   * delegation matrix names for the customer's class and the amount (or above).
   */
  mayDecide: boolean;
}

/**
 * Whether the person acting may decide the request: the role the delegation matrix names for the
 * customer's class when it was asked and the amount, or a more senior one. The CLI and the system
 * act for the company; a signed-in user needs the delegation.
 */
export function mayDecideLimitRequest(
  ctx: AppContext,
  matrix: DelegationMatrix,
  request: Pick<LimitRequestRow, 'riskClass' | 'requestedMinor'>,
): boolean {
  const role = ctx.user?.role;
  if (role === undefined) return true;
  return mayApprove(matrix, role, request.riskClass as RiskClass | null, request.requestedMinor);
}

export async function listLimitRequestViews(
  ctx: AppContext,
  filter: { status?: string | undefined; customerCode?: string | undefined; limit?: number } = {},
): Promise<LimitRequestView[]> {
  const scope = salespersonScope(ctx);
  if (scope === null) return [];
  const rows = await listLimitRequests(ctx.db, ctx.companyId, {
    status: filter.status,
    customerCode: filter.customerCode,
    salesperson: scope,
    limit: filter.limit ?? 200,
  });
  // The matrix in force is read only when a request of the list waits for a decision.
  const matrix = rows.some((row) => row.status === 'pending')
    ? (await creditConfig(ctx, await defaultAsOf(ctx))).delegation_matrix
    : null;
  return rows.map((row) => ({
    ...row,
    mayDecide: matrix !== null && row.status === 'pending' && mayDecideLimitRequest(ctx, matrix, row),
  }));
}
