/**
 * Real-time order check: approve, hold or refuse an order, and say why. Every rule is evaluated and
 * every rule that triggers is listed (a salesperson must see all that stands in the way, not only
 * the first); the decision is the most severe of them. Prepaid and cash-on-delivery orders carry no
 * credit risk, so they pass whatever the rules say — with a reason naming the exemption, and the
 * rules they would have triggered kept apart in `waived` for the record. A held order names the
 * role the delegation matrix requires to release it, for the exposure it would create.
 * A customer without a limit is held for review, except a public body (State, local authority,
 * public hospital): a French public buyer cannot be put into insolvency proceedings and pays through
 * the Treasury, so there is no credit risk for a limit to bound; its order passes on the other rules
 * (`noLimitPublicBody`).
 */
import type { CurrencyCode, CustomerStatus, CustomerType, IsoDate, Role } from '../types.ts';
import { type DelegationMatrix, requiredRole } from './delegation.ts';
import { coverState, type InsurerCover } from './insurer-cover.ts';
import { type OrderPromotion, orderExposureMinor, promotionRules } from './order-promotion.ts';
import type { Reason } from './reason.ts';
import { roundDiv } from './rounding.ts';
import type { RiskClass } from './scoring-method.ts';

export const DECISIONS = ['approve', 'hold', 'refuse'] as const;
export type Decision = (typeof DECISIONS)[number];
export type PaymentMode = 'prepaid' | 'cod' | 'terms';

export interface OrderCheckRules {
  version: string;
  effectiveFrom: IsoDate;
  /** Exposure may exceed the limit by limit × bps + amount before an order is held. */
  overLimitToleranceBps: number;
  overLimitToleranceMinor: number;
  /** Hold when the oldest overdue item is more than this many days late (null = rule off). */
  overdueMaxDays: number | null;
  /** Hold when the overdue amount is above this (null = rule off). */
  overdueMaxMinor: number | null;
  blockedAccount: 'hold' | 'refuse';
  /** Classes that stop an order by themselves. */
  classDecisions: Partial<Record<RiskClass, 'hold' | 'refuse'>>;
  noLimit: 'hold' | 'refuse';
  /**
   * What a public body without a limit gets: 'approve' (no limit is required of it) or, like any
   * customer, 'hold' / 'refuse'. Absent from versions saved before it existed: 'approve'.
   */
  noLimitPublicBody?: 'approve' | 'hold' | 'refuse';
  /** What an expired, refused or cancelled insurer cover does (null = rule off). */
  coverLapsed: 'hold' | 'refuse' | null;
  /** Elements an order must carry (the "kit complet"), e.g. a purchase-order number. */
  requiredElements: string[];
  exemptPayments: PaymentMode[];
}

export const DEFAULT_ORDER_CHECK_RULES: OrderCheckRules = {
  version: 'default-2026-01',
  effectiveFrom: '2026-01-01',
  overLimitToleranceBps: 500,
  overLimitToleranceMinor: 0,
  overdueMaxDays: 30,
  overdueMaxMinor: null,
  blockedAccount: 'hold',
  classDecisions: { E: 'hold' },
  noLimit: 'hold',
  noLimitPublicBody: 'approve',
  coverLapsed: 'hold',
  requiredElements: ['purchase_order_number', 'delivery_address', 'signed_terms'],
  exemptPayments: ['prepaid', 'cod'],
};

export interface OrderCheckInput {
  asOf: IsoDate;
  order: {
    amountMinor: number;
    currency: CurrencyCode;
    payment: PaymentMode;
    /** Elements present on the order (codes as in `requiredElements`). */
    elements: readonly string[];
  };
  customer: {
    status: CustomerStatus;
    riskClass: RiskClass | null;
    score: number | null;
    /** No invoice yet: judged on the limit alone. */
    isNew: boolean;
    /** Its category ('public_body' needs no limit); absent: judged as any other customer. */
    customerType?: CustomerType | undefined;
  };
  /** Current exposure (total of the included buckets), before this order. */
  exposure: { currency: CurrencyCode; totalMinor: number; overdueMinor: number; oldestOverdueDays: number };
  /** Limit in force (`resolveLimit`), in the exposure's currency; null = none. */
  limitMinor: number | null;
  /**
   * The customer's group (its parent and the parent's other customers): the group's exposure
   * before this order and the parent's own limit, which caps the whole group. Absent: no group.
   */
  group?: { parentCode: string; exposureMinor: number; limitMinor: number | null } | null;
  cover: InsurerCover | null;
  delegation: DelegationMatrix;
  /** The promotion the order uses, already judged (`src/core/promotions`); absent = none. */
  promotion?: OrderPromotion | undefined;
}

export interface OrderCheckResult {
  decision: Decision;
  reasons: Reason[];
  /** Rules that triggered but were waived by a prepaid / cash-on-delivery exemption. */
  waived: Reason[];
  /** Role that may release a held order; null unless the decision is 'hold'. */
  approverRole: Role | null;
  exposureMinor: number;
  orderMinor: number;
  /** Exposure + what the order weighs against the limit (more than its amount under longer terms). */
  exposureAfterOrderMinor: number;
  limitMinor: number | null;
  /** Limit − exposure before the order (may be negative); null without a limit. */
  availableMinor: number | null;
  /** Limit − exposure after the order (may be negative); null without a limit. */
  availableAfterOrderMinor: number | null;
  riskClass: RiskClass | null;
  score: number | null;
  rulesVersion: string;
}

interface Triggered {
  severity: Exclude<Decision, 'approve'>;
  reason: Reason;
}

const PROCEEDINGS: readonly CustomerStatus[] = ['safeguard', 'receivership', 'liquidation'];

function statusRules(input: OrderCheckInput, rules: OrderCheckRules): Triggered[] {
  const { status } = input.customer;
  if (PROCEEDINGS.includes(status)) {
    return [{ severity: 'refuse', reason: { code: 'insolvency_proceedings', figures: { status } } }];
  }
  if (status === 'closed') return [{ severity: 'refuse', reason: { code: 'account_closed', figures: {} } }];
  if (status === 'blocked')
    return [{ severity: rules.blockedAccount, reason: { code: 'account_blocked', figures: {} } }];
  return [];
}

function toleranceOf(rules: OrderCheckRules, limitMinor: number): number {
  return (
    Number(roundDiv(BigInt(Math.max(limitMinor, 0)) * BigInt(rules.overLimitToleranceBps), 10_000n)) +
    rules.overLimitToleranceMinor
  );
}

/** The group's limit holds an order too, with the same tolerance, whatever the member's own limit. */
function groupRules(input: OrderCheckInput, rules: OrderCheckRules): Triggered[] {
  const group = input.group;
  if (!group || group.limitMinor === null || input.order.currency !== input.exposure.currency) return [];
  const toleranceMinor = toleranceOf(rules, group.limitMinor);
  const orderMinor = orderExposureMinor(input.order.amountMinor, input.promotion);
  const groupAfterMinor = group.exposureMinor + orderMinor;
  if (groupAfterMinor <= group.limitMinor + toleranceMinor) return [];
  const figures = {
    groupCode: group.parentCode,
    groupExposureMinor: group.exposureMinor,
    orderMinor,
    groupExposureAfterMinor: groupAfterMinor,
    groupLimitMinor: group.limitMinor,
    toleranceMinor,
    excessMinor: groupAfterMinor - group.limitMinor,
  };
  return [{ severity: 'hold', reason: { code: 'group_over_limit', figures } }];
}

function isPublicBody(input: OrderCheckInput): boolean {
  return input.customer.customerType === 'public_body';
}

/** The rule for a public body without a limit; anything but a stop approves, as when it is absent. */
export function publicBodyNoLimitDecision(rules: OrderCheckRules): Decision {
  const outcome = rules.noLimitPublicBody;
  return outcome === 'hold' || outcome === 'refuse' ? outcome : 'approve';
}

function limitRules(input: OrderCheckInput, rules: OrderCheckRules): Triggered[] {
  const { order, exposure, limitMinor } = input;
  if (order.currency !== exposure.currency) {
    const figures = { orderCurrency: order.currency, exposureCurrency: exposure.currency };
    return [{ severity: 'hold', reason: { code: 'currency_mismatch', figures } }];
  }
  if (limitMinor === null) {
    const severity = isPublicBody(input) ? publicBodyNoLimitDecision(rules) : rules.noLimit;
    if (severity === 'approve') return [];
    const code = input.customer.isNew ? 'new_customer_without_limit' : 'no_credit_limit';
    return [{ severity, reason: { code, figures: { orderMinor: order.amountMinor } } }];
  }
  const toleranceMinor = toleranceOf(rules, limitMinor);
  const orderMinor = orderExposureMinor(input.order.amountMinor, input.promotion);
  const exposureAfterMinor = exposure.totalMinor + orderMinor;
  if (exposureAfterMinor <= limitMinor + toleranceMinor) return [];
  const figures = {
    exposureMinor: exposure.totalMinor,
    orderMinor,
    exposureAfterMinor,
    limitMinor,
    toleranceMinor,
    excessMinor: exposureAfterMinor - limitMinor,
  };
  return [{ severity: 'hold', reason: { code: 'over_limit', figures } }];
}

function overdueRules(input: OrderCheckInput, rules: OrderCheckRules): Triggered[] {
  const { overdueMinor, oldestOverdueDays } = input.exposure;
  const triggered: Triggered[] = [];
  if (rules.overdueMaxDays !== null && overdueMinor > 0 && oldestOverdueDays > rules.overdueMaxDays) {
    const figures = { oldestOverdueDays, maxDays: rules.overdueMaxDays, overdueMinor };
    triggered.push({ severity: 'hold', reason: { code: 'overdue_too_old', figures } });
  }
  if (rules.overdueMaxMinor !== null && overdueMinor > rules.overdueMaxMinor) {
    const figures = { overdueMinor, maxMinor: rules.overdueMaxMinor };
    triggered.push({ severity: 'hold', reason: { code: 'overdue_too_high', figures } });
  }
  return triggered;
}

function riskRules(input: OrderCheckInput, rules: OrderCheckRules): Triggered[] {
  const triggered: Triggered[] = [];
  const { riskClass, score } = input.customer;
  const classDecision = riskClass === null ? undefined : rules.classDecisions[riskClass];
  if (riskClass !== null && classDecision !== undefined) {
    const figures: Reason['figures'] = score === null ? { riskClass } : { riskClass, score };
    triggered.push({ severity: classDecision, reason: { code: 'risk_class', figures } });
  }
  const state = coverState(input.cover, input.asOf);
  if (rules.coverLapsed !== null && (state === 'expired' || state === 'refused' || state === 'cancelled')) {
    const figures: Reason['figures'] = { coverState: state };
    if (state === 'expired' && input.cover?.expiresOn) figures['expiredOn'] = input.cover.expiresOn;
    triggered.push({ severity: rules.coverLapsed, reason: { code: 'insurer_cover_lapsed', figures } });
  }
  return triggered;
}

function kitRules(input: OrderCheckInput, rules: OrderCheckRules): Triggered[] {
  const present = new Set(input.order.elements);
  return rules.requiredElements
    .filter((element) => !present.has(element))
    .map((element) => ({ severity: 'hold', reason: { code: 'order_kit_incomplete', figures: { element } } }));
}

const SEVERITY_RANK: Record<Decision, number> = { approve: 0, hold: 1, refuse: 2 };

export function checkOrder(rules: OrderCheckRules, input: OrderCheckInput): OrderCheckResult {
  const { order, exposure, limitMinor, customer } = input;
  if (!Number.isSafeInteger(order.amountMinor) || order.amountMinor < 0) {
    throw new RangeError(`order amount must be a non-negative amount in minor units: ${order.amountMinor}`);
  }
  const triggered = [
    ...statusRules(input, rules),
    ...limitRules(input, rules),
    ...groupRules(input, rules),
    ...overdueRules(input, rules),
    ...riskRules(input, rules),
    ...kitRules(input, rules),
    ...promotionRules(input.promotion, order.elements),
  ];
  // The limit rules' figure: a held order's approver and the credit left are judged on it too.
  const exposureAfterOrderMinor =
    exposure.totalMinor + orderExposureMinor(order.amountMinor, input.promotion);
  const figures = {
    exposureMinor: exposure.totalMinor,
    orderMinor: order.amountMinor,
    exposureAfterOrderMinor,
    limitMinor,
    availableMinor: limitMinor === null ? null : limitMinor - exposure.totalMinor,
    availableAfterOrderMinor: limitMinor === null ? null : limitMinor - exposureAfterOrderMinor,
    riskClass: customer.riskClass,
    score: customer.score,
    rulesVersion: rules.version,
  };
  // A promotion the order may not use stops it whatever the payment: it is a commercial
  // commitment credit has not granted, not a credit risk that prepayment removes.
  const unusable = triggered.filter((t) => t.reason.code === 'promotion_not_usable').map((t) => t.reason);
  if (unusable.length > 0 && rules.exemptPayments.includes(order.payment)) {
    return { decision: 'refuse', reasons: unusable, waived: [], approverRole: null, ...figures };
  }
  if (rules.exemptPayments.includes(order.payment)) {
    const exemption = { code: `${order.payment}_exempt`, figures: { payment: order.payment } };
    const waived = triggered.map((t) => t.reason);
    return { decision: 'approve', reasons: [exemption], waived, approverRole: null, ...figures };
  }
  const decision = triggered.reduce<Decision>(
    (worst, t) => (SEVERITY_RANK[t.severity] > SEVERITY_RANK[worst] ? t.severity : worst),
    'approve',
  );
  // No rule triggered implies a limit (a missing one triggers `no_credit_limit`), except for a
  // public body, which needs none: its reason says so instead of the credit left.
  const reasons: Reason[] =
    triggered.length > 0
      ? triggered.map((t) => t.reason)
      : limitMinor === null
        ? [{ code: 'public_body_no_limit', figures: {} }]
        : [
            {
              code: 'within_rules',
              figures: { availableAfterOrderMinor: limitMinor - exposureAfterOrderMinor },
            },
          ];
  const approverRole =
    decision === 'hold' ? requiredRole(input.delegation, customer.riskClass, exposureAfterOrderMinor) : null;
  return { decision, reasons, waived: [], approverRole, ...figures };
}
