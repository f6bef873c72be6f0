/**
 * The order check of a replayed day: the core's own `checkOrder`, fed with the customer's
 * position on that day and the configuration each side had in force.
 */
import { computeExposure, sumAmounts } from '../credit/exposure.ts';
import { coverOn } from '../credit/insurer-cover.ts';
import { type LimitRecord, resolveLimit } from '../credit/limits.ts';
import { checkOrder, type OrderCheckResult } from '../credit/order-check.ts';
import { roundDiv } from '../credit/rounding.ts';
import type { IsoDate } from '../types.ts';
import { customerPosition, type LedgerIndex } from './replay-ledger.ts';
import { type SideScores, scoreOn } from './replay-scoring.ts';
import type { ReplayCreditConfig, ReplayCustomer, ReplayOrder, ReplayPolicy } from './replay-types.ts';

export function creditConfigOn(policy: ReplayPolicy, day: IsoDate): ReplayCreditConfig {
  let chosen = policy.credit[0];
  for (const version of policy.credit)
    if (version.effectiveFrom <= day && (!chosen || version.effectiveFrom >= chosen.effectiveFrom))
      chosen = version;
  if (!chosen) throw new RangeError(`policy ${policy.label} has no credit configuration`);
  return chosen.config;
}

function scaled(amountMinor: number, scaleBps: number): number {
  return scaleBps === 10_000
    ? amountMinor
    : Number(roundDiv(BigInt(amountMinor) * BigInt(scaleBps), 10_000n));
}

function scaledLimits(records: readonly LimitRecord[], scaleBps: number): LimitRecord[] {
  return records.map((r) => ({ ...r, amountMinor: scaled(r.amountMinor, scaleBps) }));
}

/** Members of a customer's group: the parent and every customer naming it, in the parent's currency. */
function groupOf(customers: ReadonlyMap<string, ReplayCustomer>, customer: ReplayCustomer) {
  const parentCode =
    customer.groupCode ??
    ([...customers.values()].some((c) => c.groupCode === customer.code) ? customer.code : null);
  const parent = parentCode === null ? undefined : customers.get(parentCode);
  if (!parent) return null;
  const members = [...customers.values()].filter(
    (c) => (c.code === parent.code || c.groupCode === parent.code) && c.currency === parent.currency,
  );
  return { parent, members };
}

/** The group's exposure on the day and the parent's own limit, which caps the whole group. */
function groupRisk(
  index: LedgerIndex,
  customers: ReadonlyMap<string, ReplayCustomer>,
  customer: ReplayCustomer,
  order: ReplayOrder,
  day: IsoDate,
  config: ReplayCreditConfig,
) {
  const group = groupOf(customers, customer);
  if (!group) return null;
  const { parent, members } = group;
  const amounts = sumAmounts(
    parent.currency,
    members.map((m) => customerPosition(index, m.code, parent.currency, day, order.ref).amounts),
  );
  const exposure = computeExposure(amounts, config.exposure_config, coverOn(parent.covers, day), day);
  const limit = resolveLimit(
    { customer: scaledLimits(parent.limits, config.limitScaleBps), group: [], companyDefaultMinor: null },
    day,
  );
  return { parentCode: parent.code, exposureMinor: exposure.totalMinor, limitMinor: limit.limitMinor };
}

/** The limit in force, lowered to the side's cap when its class fell below the one recorded. */
function cappedLimit(limitMinor: number | null, capMinor: number | null): number | null {
  return limitMinor !== null && capMinor !== null && capMinor < limitMinor ? capMinor : limitMinor;
}

/** The order judged on the day with one side's configuration and the classes that side reads. */
export function judgeOrder(
  index: LedgerIndex,
  customers: ReadonlyMap<string, ReplayCustomer>,
  order: ReplayOrder,
  day: IsoDate,
  config: ReplayCreditConfig,
  scores: SideScores,
): OrderCheckResult {
  const customer = customers.get(order.customerCode);
  if (!customer) throw new RangeError(`order ${order.ref} names an unknown customer`);
  const position = customerPosition(index, customer.code, customer.currency, day, order.ref);
  // The cover standing on the day, as the live check reads it on its date.
  const cover = coverOn(customer.covers, day);
  const exposure = computeExposure(position.amounts, config.exposure_config, cover, day);
  const group = customer.groupCode ? customers.get(customer.groupCode) : undefined;
  const limit = resolveLimit(
    {
      customer: scaledLimits(customer.limits, config.limitScaleBps),
      group: scaledLimits(group?.limits ?? [], config.limitScaleBps),
      companyDefaultMinor:
        config.companyDefaultLimitMinor === null
          ? null
          : scaled(config.companyDefaultLimitMinor, config.limitScaleBps),
    },
    day,
  );
  const { riskClass, score, limitCapMinor } = scoreOn(scores.get(customer.code), day);
  return checkOrder(config.order_rules, {
    asOf: day,
    order: {
      amountMinor: order.amountMinor,
      currency: order.currency,
      payment: order.payment,
      // Orders of the ledger carry no kit: they are taken as complete, as the live check does.
      elements: config.order_rules.requiredElements,
    },
    customer: {
      status: customer.status,
      riskClass,
      score,
      isNew: !position.hasInvoices,
      customerType: customer.customerType,
    },
    exposure: {
      currency: exposure.currency,
      totalMinor: exposure.totalMinor,
      overdueMinor: position.amounts.amountsMinor.overdue,
      oldestOverdueDays: position.oldestOverdueDays,
    },
    limitMinor: cappedLimit(limit.limitMinor, limitCapMinor),
    cover,
    delegation: config.delegation_matrix,
    group: groupRisk(index, customers, customer, order, day, config),
  });
}
