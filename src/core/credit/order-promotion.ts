/**
 * A promotion in the order check: an order under a promotion credit has not granted is refused,
 * one missing a guarantee the promotion requires is held, and the longer terms a promotion grants
 * make the order weigh more against the limit than its amount.
 */
import type { Reason } from './reason.ts';
import { roundDiv } from './rounding.ts';

export interface OrderPromotion {
  code: string;
  /** Why the order may not use it (not approved, expired …); null when it may. */
  refusal: string | null;
  /** Days to pay under the promotion and under the customer's own terms. */
  termDays: number;
  customerTermDays: number;
  /** Guarantees the promotion requires, checked as order elements. */
  guarantees: readonly string[];
}

/**
 * What the order weighs against the limit. Receivables outstanding grow with the days granted
 * (outstanding ≈ sales × days to pay), so a promotion granting longer terms than the customer's
 * weighs in proportion: 60 days instead of 30 count twice the amount. Terms on receipt are
 * compared with a month, the shortest period a limit is sized for.
 */
export function orderExposureMinor(amountMinor: number, promotion: OrderPromotion | undefined): number {
  if (!promotion || promotion.refusal !== null) return amountMinor;
  const baseDays = Math.max(promotion.customerTermDays, promotion.customerTermDays === 0 ? 30 : 1);
  if (promotion.termDays <= baseDays) return amountMinor;
  return Number(roundDiv(BigInt(amountMinor) * BigInt(promotion.termDays), BigInt(baseDays)));
}

/** The rules a promotion adds: usable at all, then each guarantee it requires present on the order. */
export function promotionRules(
  promotion: OrderPromotion | undefined,
  elements: readonly string[],
): { severity: 'hold' | 'refuse'; reason: Reason }[] {
  if (!promotion) return [];
  if (promotion.refusal !== null) {
    const figures = { promotionCode: promotion.code, cause: promotion.refusal };
    return [{ severity: 'refuse', reason: { code: 'promotion_not_usable', figures } }];
  }
  const present = new Set(elements);
  return promotion.guarantees
    .filter((guarantee) => !present.has(guarantee))
    .map((guarantee) => ({
      severity: 'hold',
      reason: { code: 'promotion_guarantee_missing', figures: { promotionCode: promotion.code, guarantee } },
    }));
}
