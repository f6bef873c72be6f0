/**
 * The held-orders queue: release or refusal by the role the delegation matrix names for the
 * exposure the order creates (or a more senior one), with a comment, audited and told; and the
 * automatic release of held orders once a payment or a limit change brings the customer back
 * within the rules.
 */
import type { Kysely } from 'kysely';
import { type DelegationMatrix, mayApprove } from '#core/credit/delegation';
import type { RiskClass } from '#core/credit/scoring-method';
import {
  customersWithHeldOrders,
  findOrderDecision,
  listOrderDecisions,
  type OrderDecisionRow,
  type OrderDecisionStatus,
  resolveOrderDecision,
} from '#db/credit/order-decisions';
import type { Database } from '#db/infra/schema';
import type { Lang } from '#text/catalogue';
import { wordedLabel } from '#text/error-words';
import { recordAudit } from '../audit/audit.ts';
import { isInScope, salespersonScope } from '../auth/auth.ts';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { creditConfig } from './configuration.ts';
import { tellAutomaticRelease, tellOrderResolution } from './credit-story.ts';
import { checkedCustomer } from './customer-risk.ts';
import { tellDecision } from './decision-messages.ts';
import { keepRecheck, latestJudgement } from './held-order-recheck.ts';
import { evaluateOrder } from './order-check.ts';
import { answerOfRecord, type OrderCheckAnswer } from './order-check-answer.ts';

export interface HeldOrderView extends OrderCheckAnswer {
  customerName: string;
  salesperson: string | null;
  amountMinor: number;
  payment: string;
  checkedAt: string;
  checkedBy: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionComment: string | null;
  /**
   * Whether the reader may release or refuse it now: held, and their role is the one the delegation
   * matrix names (or above). The page disables its buttons otherwise, rather than let the API refuse.
   */
  mayDecide: boolean;
}

/**
 * Whether the person acting may resolve the order as last judged: the role the delegation matrix
 * names for its class and exposure after the order, or a more senior one. The CLI and the system
 * act for the company; a signed-in user needs the delegation.
 */
function mayResolve(ctx: AppContext, matrix: DelegationMatrix, judged: OrderDecisionRow): boolean {
  const role = ctx.user?.role;
  if (role === undefined) return true;
  const figures = judged.figures as { riskClass?: RiskClass | null; exposureAfterOrderMinor?: number };
  return mayApprove(matrix, role, figures.riskClass ?? null, figures.exposureAfterOrderMinor ?? 0);
}

export async function listOrderDecisionViews(
  ctx: AppContext,
  input: {
    status?: OrderDecisionStatus | undefined;
    customerCode?: string | undefined;
    lang?: Lang;
    limit?: number;
  },
): Promise<HeldOrderView[]> {
  const scope = salespersonScope(ctx);
  if (scope === null) return [];
  const rows = await listOrderDecisions(ctx.db, ctx.companyId, {
    status: input.status,
    customerCode: input.customerCode,
    salesperson: scope,
    limit: input.limit ?? 200,
  });
  // The matrix in force is read only when an order of the list waits for a decision.
  const matrix = rows.some((row) => row.status === 'held')
    ? (await creditConfig(ctx, await defaultAsOf(ctx))).delegation_matrix
    : null;
  return rows.map((row) => {
    const judged = latestJudgement(row);
    return {
      ...answerOfRecord(input.lang ?? 'fr', judged),
      customerName: row.customerName,
      salesperson: row.salesperson,
      amountMinor: row.amountMinor,
      payment: row.payment,
      checkedAt: new Date(row.checkedAt).toISOString(),
      checkedBy: row.checkedBy,
      resolvedBy: row.resolvedBy,
      resolvedAt: row.resolvedAt ? new Date(row.resolvedAt).toISOString() : null,
      resolutionComment: row.resolutionComment,
      mayDecide: matrix !== null && row.status === 'held' && mayResolve(ctx, matrix, judged),
    };
  });
}

/** Releases or refuses a held order; the caller's role must be the one the matrix names, or above. */
export async function resolveHeldOrder(
  ctx: AppContext,
  input: { orderRef: string; action: 'release' | 'refuse'; comment?: string | null | undefined; lang?: Lang },
): Promise<OrderCheckAnswer> {
  const asOf = await defaultAsOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const found = await findOrderDecision(trx, ctx.companyId, { orderRef: input.orderRef }, true);
    const held = found && latestJudgement(found);
    const scope = salespersonScope(ctx);
    if (!held || !isInScope(scope, held.salesperson))
      throw new DomainError('not_found', {
        key: 'errors.credit.unknownOrder',
        params: { orderRef: input.orderRef },
      });
    if (held.status !== 'held')
      throw new DomainError('conflict', {
        key: 'errors.credit.orderNotHeld',
        params: { orderRef: input.orderRef, status: held.status },
      });
    const config = await creditConfig(ctx, asOf, trx);
    if (!mayResolve(ctx, config.delegation_matrix, held))
      throw new DomainError(
        'forbidden',
        {
          key: 'errors.credit.orderRole',
          params: { orderRef: input.orderRef, role: wordedLabel('role', held.approverRole ?? 'director') },
        },
        { requiredRole: held.approverRole },
      );
    const status = input.action === 'release' ? 'released' : 'refused';
    const comment = input.comment?.trim() || null;
    await resolveOrderDecision(trx, ctx.companyId, ctx.actor, held.orderRef, {
      status,
      comment,
      at: ctx.clock.now(),
    });
    await recordAudit(ctx, trx, {
      action: input.action === 'release' ? 'credit.order_release' : 'credit.order_refuse',
      entity: 'order_decision',
      entityKey: held.orderRef,
      before: { status: 'held' },
      after: { status, comment },
    });
    await tellOrderResolution(ctx, trx, {
      customerCode: held.customerCode,
      orderRef: held.orderRef,
      amountMinor: held.amountMinor,
      currency: held.currency,
      asOf,
      outcome: status,
      comment,
    });
    if (input.action === 'refuse') {
      const customer = await checkedCustomer(ctx, trx, held.customerCode, true);
      await tellDecision(ctx, trx, config, {
        customer,
        orderRef: held.orderRef,
        amountMinor: held.amountMinor,
        currency: held.currency,
        result: { ...answerFigures(held), decision: 'refuse', reasons: held.reasons as never },
        asOf,
        comment,
        stage: 'resolution',
      });
    }
    const updated = await findOrderDecision(trx, ctx.companyId, { orderRef: held.orderRef });
    return answerOfRecord(input.lang ?? 'fr', updated ? latestJudgement(updated) : held);
  });
}

function answerFigures(row: { figures: Record<string, unknown>; approverRole: string | null }) {
  const f = row.figures as Record<string, number | null>;
  return {
    approverRole: null,
    exposureMinor: f['exposureMinor'] ?? 0,
    limitMinor: f['limitMinor'] ?? null,
    availableMinor: f['availableMinor'] ?? null,
  };
}

/**
 * Re-judges the held orders of the given customers (all with held orders when none are given),
 * oldest first; an order the rules now approve is released by the system, audited. Called after
 * payments are imported and after a limit changes.
 */
export async function releaseHeldOrdersWithinRules(
  ctx: AppContext,
  customerCodes?: readonly string[],
  db: Kysely<Database> = ctx.db,
): Promise<string[]> {
  const customers = await customersWithHeldOrders(db, ctx.companyId, customerCodes);
  if (customers.length === 0) return [];
  const asOf = await defaultAsOf({ ...ctx, db });
  const system: AppContext = { ...ctx, db, user: undefined };
  const released: string[] = [];
  const run = async (trx: Kysely<Database>) => {
    const config = await creditConfig(system, asOf, trx);
    for (const code of customers) {
      const held = await listOrderDecisions(trx, ctx.companyId, {
        status: 'held',
        customerCode: code,
        limit: 1000,
      });
      for (const order of held) {
        const { result } = await evaluateOrder(
          system,
          trx,
          config,
          {
            customerCode: code,
            amountMinor: order.amountMinor,
            currency: order.currency,
            payment: order.payment,
            asOf,
          },
          true,
          order.orderRef,
        );
        if (result.decision === 'hold') await keepRecheck(system, trx, order, result, asOf);
        if (result.decision !== 'approve') continue;
        await resolveOrderDecision(trx, ctx.companyId, ctx.actor, order.orderRef, {
          status: 'released',
          comment: null,
          at: ctx.clock.now(),
        });
        await recordAudit(system, trx, {
          action: 'credit.order_auto_release',
          entity: 'order_decision',
          entityKey: order.orderRef,
          before: { status: 'held' },
          after: { status: 'released', exposureMinor: result.exposureMinor, limitMinor: result.limitMinor },
        });
        await tellAutomaticRelease(system, trx, {
          customerCode: code,
          orderRef: order.orderRef,
          amountMinor: order.amountMinor,
          currency: order.currency,
          asOf,
          exposureMinor: result.exposureAfterOrderMinor,
          limitMinor: result.limitMinor,
        });
        released.push(order.orderRef);
      }
    }
  };
  // Inside the caller's transaction when given one (an import), else in a transaction of its own.
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
  return released;
}
