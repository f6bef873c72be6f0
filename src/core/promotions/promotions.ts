/**
 * Marketing promotions seen by credit: the credit terms a promotion grants (payment terms, payment
 * modes, guarantees, validity, eligible customers), whether an order may use it, how much longer
 * it keeps the customer's money out, and its effect on payment behaviour. Pure: codes and figures.
 */
import { daysBetween, isValidIsoDate } from '../calendar.ts';
import type { PaymentMode } from '../credit/order-check.ts';
import type { Problem } from '../credit/reason.ts';
import { computeDueDate, parsePaymentTerms } from '../ledger/payment-terms.ts';
import type { IsoDate } from '../types.ts';

export const PROMOTION_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number];

export interface PromotionTerms {
  code: string;
  name: string;
  /** Payment terms spec ('net:60', 'eom:45' …). */
  paymentTerms: string;
  paymentMethods: PaymentMode[];
  /** Elements an order must carry to use the promotion (e.g. 'bank_guarantee'). */
  guarantees: string[];
  validFrom: IsoDate;
  validTo: IsoDate;
  /** Empty lists = every customer. */
  eligibleCustomers: string[];
  eligibleCustomerTypes: string[];
}

export interface Promotion extends PromotionTerms {
  status: PromotionStatus;
}

/** Why an order cannot use a promotion; null when it can. */
export type PromotionRefusal =
  | 'not_approved'
  | 'not_started'
  | 'expired'
  | 'customer_not_eligible'
  | 'payment_not_allowed';

/** Guarantees a promotion may require of an order (carried as order elements). */
export const PROMOTION_GUARANTEES = [
  'bank_guarantee',
  'deposit',
  'letter_of_credit',
  'credit_insurance',
  'retention_of_title',
  'parent_guarantee',
] as const;

const PAYMENT_MODES: readonly PaymentMode[] = ['prepaid', 'cod', 'terms'];
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

export function validatePromotionTerms(terms: PromotionTerms): Problem[] {
  const problems: Problem[] = [];
  if (!CODE.test(terms.code)) problems.push({ code: 'code_invalid', params: { code: terms.code } });
  if (terms.name.trim() === '') problems.push({ code: 'name_missing', params: {} });
  if (parsePaymentTerms(terms.paymentTerms) === null)
    problems.push({ code: 'payment_terms_invalid', params: { paymentTerms: terms.paymentTerms } });
  if (terms.paymentMethods.length === 0 || terms.paymentMethods.some((m) => !PAYMENT_MODES.includes(m)))
    problems.push({
      code: 'payment_methods_invalid',
      params: { paymentMethods: terms.paymentMethods.join(',') },
    });
  if (!isValidIsoDate(terms.validFrom) || !isValidIsoDate(terms.validTo) || terms.validTo < terms.validFrom)
    problems.push({
      code: 'validity_invalid',
      params: { validFrom: terms.validFrom, validTo: terms.validTo },
    });
  for (const guarantee of terms.guarantees)
    if (!(PROMOTION_GUARANTEES as readonly string[]).includes(guarantee))
      problems.push({ code: 'guarantee_invalid', params: { guarantee } });
  return problems;
}

export function promotionRefusal(
  promotion: Promotion,
  order: { asOf: IsoDate; customerCode: string; customerType: string; payment: PaymentMode },
): PromotionRefusal | null {
  if (promotion.status !== 'approved') return 'not_approved';
  if (order.asOf < promotion.validFrom) return 'not_started';
  if (order.asOf > promotion.validTo) return 'expired';
  const byCode = promotion.eligibleCustomers.includes(order.customerCode);
  const byType = promotion.eligibleCustomerTypes.includes(order.customerType);
  const open = promotion.eligibleCustomers.length === 0 && promotion.eligibleCustomerTypes.length === 0;
  if (!open && !byCode && !byType) return 'customer_not_eligible';
  if (!promotion.paymentMethods.includes(order.payment)) return 'payment_not_allowed';
  return null;
}

/** Days from issue to due date under a terms spec, for an invoice issued on `asOf`. */
export function termDays(paymentTerms: string, asOf: IsoDate): number {
  return daysBetween(asOf, computeDueDate(asOf, paymentTerms));
}

/** Invoices under and outside promotions, as the effect report compares them. */
export interface InvoiceOutcome {
  promotionCode: string | null;
  amountMinor: number;
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** Settlement date, null while open at asOf. */
  settledOn: IsoDate | null;
  /** Open amount at asOf. */
  openMinor: number;
}

export interface OutcomeSummary {
  invoiceCount: number;
  invoicedMinor: number;
  openMinor: number;
  overdueMinor: number;
  /** Amount-weighted days from issue to settlement (or asOf while open); null without invoices. */
  averageDaysToPay: number | null;
  /** Amount-weighted days past due at settlement (or asOf), late invoices only count. */
  averageDaysLate: number | null;
  /** Overdue / invoiced, in basis points. */
  overdueRateBps: number;
}

export function summariseOutcomes(invoices: readonly InvoiceOutcome[], asOf: IsoDate): OutcomeSummary {
  let invoicedMinor = 0;
  let openMinor = 0;
  let overdueMinor = 0;
  let weightedDays = 0;
  let weightedLate = 0;
  for (const invoice of invoices) {
    const end = invoice.settledOn ?? asOf;
    invoicedMinor += invoice.amountMinor;
    openMinor += invoice.openMinor;
    if (invoice.dueDate < asOf) overdueMinor += invoice.openMinor;
    weightedDays += invoice.amountMinor * daysBetween(invoice.issueDate, end);
    weightedLate += invoice.amountMinor * Math.max(0, daysBetween(invoice.dueDate, end));
  }
  const average = (total: number) => (invoicedMinor > 0 ? Math.round(total / invoicedMinor) : null);
  return {
    invoiceCount: invoices.length,
    invoicedMinor,
    openMinor,
    overdueMinor,
    averageDaysToPay: average(weightedDays),
    averageDaysLate: average(weightedLate),
    overdueRateBps: invoicedMinor > 0 ? Math.round((overdueMinor * 10_000) / invoicedMinor) : 0,
  };
}
