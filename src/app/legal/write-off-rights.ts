/**
 * What the reader of the write-off list may do with each proposal, by the rules the decision
 * enforces (write-offs.ts `decideWriteOff`): only a proposal still waiting, never by its proposer,
 * and only by the role the delegation matrix names for its amount and the customer's class, or a
 * more senior one. The page disables the buttons of the others with the reason, rather than let
 * the API refuse.
 */
import { mayApprove } from '#core/credit/delegation';
import type { RiskClass } from '#core/credit/scoring-method';
import type { Role } from '#core/types';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { creditConfig } from '../credit/configuration.ts';
import type { WriteOffView } from './write-offs.ts';

/** Why the reader may not decide: their own proposal, or a role below the one required. */
export type WriteOffRefusal = 'own_proposal' | 'role';

export interface WriteOffRights {
  mayDecide: boolean;
  decisionRefusal: WriteOffRefusal | null;
}

export async function withDecisionRights(
  ctx: AppContext,
  views: readonly WriteOffView[],
): Promise<(WriteOffView & WriteOffRights)[]> {
  const waiting = views.some((view) => view.status === 'proposed');
  // The matrix in force is read only when a proposal waits for a decision.
  const matrix = waiting ? (await creditConfig(ctx, await defaultAsOf(ctx))).delegation_matrix : null;
  const role = ctx.user?.role;
  return views.map((view) => {
    const refusal = ((): WriteOffRefusal | null => {
      if (view.proposedBy.toLowerCase() === ctx.actor.toLowerCase()) return 'own_proposal';
      // The CLI and the system act for a named user, whose role the decision checks itself.
      if (role === undefined || matrix === null) return null;
      const riskClass = view.riskClass as RiskClass | null;
      return mayApprove(matrix, role as Role, riskClass, view.amountMinor) ? null : 'role';
    })();
    const proposed = view.status === 'proposed';
    return {
      ...view,
      mayDecide: proposed && refusal === null,
      decisionRefusal: proposed ? refusal : null,
    };
  });
}
