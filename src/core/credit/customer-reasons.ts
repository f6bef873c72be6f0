/**
 * What a customer may be told of a held or refused order. A French supplier never tells a customer
 * its internal credit limit, tolerance, exposure, score, risk class or insurer cover: those reasons
 * stay with the credit department and the salesperson, and the customer reads that its order is
 * being reviewed. What is the customer's own and lets it act is said: the amount of its overdue
 * invoices (paying them releases the order), an element missing from its order, a guarantee its
 * promotion requires, a promotion that does not apply.
 */
import type { Reason } from './reason.ts';

/** The reasons of the order check a customer may read, as codes and figures of their own. */
export function customerReasons(reasons: readonly Reason[]): Reason[] {
  // Under a collective procedure the debts before the judgment are declared to the mandataire and
  // the debtor may not pay them (C. com. L. 622-7): its overdue invoices are not put to it.
  if (reasons.some((r) => r.code === 'insolvency_proceedings')) return [];
  const told: Reason[] = [];
  const overdue = reasons.find((r) => r.code === 'overdue_too_old' || r.code === 'overdue_too_high');
  const overdueMinor = overdue?.figures['overdueMinor'];
  if (typeof overdueMinor === 'number' && overdueMinor > 0)
    told.push({ code: 'overdue_invoices', figures: { overdueMinor } });
  for (const reason of reasons) {
    const { element, promotionCode, guarantee } = reason.figures;
    if (reason.code === 'order_kit_incomplete' && element !== undefined)
      told.push({ code: 'order_element_missing', figures: { element } });
    if (
      reason.code === 'promotion_guarantee_missing' &&
      promotionCode !== undefined &&
      guarantee !== undefined
    )
      told.push({ code: 'promotion_guarantee_missing', figures: { promotionCode, guarantee } });
    // Why it does not apply (not approved by credit, not eligible) is the company's business.
    if (reason.code === 'promotion_not_usable' && promotionCode !== undefined)
      told.push({ code: 'promotion_not_applicable', figures: { promotionCode } });
  }
  return told;
}
