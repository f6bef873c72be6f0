/**
 * What the order check and the limit-request form share without React: who may use them (the
 * API's access lists, src/http/routes/credit.ts) and the amounts between the API's minor units and
 * the figure a person types. Kept apart from the pages so the navigation imports no page.
 */
import { currencyExponent, minorToDecimalString, parseAmountToMinor } from '../../../../src/core/money.ts';
import type { Me } from '../../api.ts';

/** The order check is open to every role, but the auditor writes nothing (a check is a POST). */
export const canCheckOrders = (me: Me | null): boolean => me !== null && me.user.role !== 'auditor';

/** REQUESTERS of POST /api/credit/limit-requests. */
const REQUESTER_ROLES: readonly string[] = [
  'admin',
  'credit_manager',
  'collector',
  'salesperson',
  'director',
];
export const canRequestLimit = (me: Me | null): boolean =>
  me !== null && REQUESTER_ROLES.includes(me.user.role);

/** APPROVERS of the decision routes (release or refuse an order, decide a limit request). */
const APPROVER_ROLES: readonly string[] = ['admin', 'credit_manager', 'collector', 'director'];
export const canDecideCredit = (me: Me | null): boolean =>
  me !== null && APPROVER_ROLES.includes(me.user.role);

/** The customer a check or a request is about, as the customer list gives it. */
export interface PickedCustomer {
  code: string;
  /** Unknown when only the code is at hand (the risk panel). */
  name?: string | undefined;
  currency: string;
}

export const customerText = (customer: PickedCustomer): string =>
  customer.name ? `${customer.name} (${customer.code})` : customer.code;

/** The amount input's value (a number once typed, text while partial) in minor units; null if none. */
export function typedMinor(value: number | string, currency: string): number | null {
  if (value === '' || value === null) return null;
  return parseAmountToMinor(String(value), { exponent: currencyExponent(currency) });
}

/** Minor units as the amount input's value (exact for amounts the input can show). */
export const inputValueOf = (amountMinor: number, currency: string): number =>
  Number(minorToDecimalString(amountMinor, currency));

/**
 * The limit to suggest after a held order: the exposure once the order counts, rounded up to the
 * next thousand of the currency, so the order fits; null when that is no more than the limit
 * already granted (the order was held for something a higher limit does not cure).
 */
export function suggestedLimitMinor(exposureAfterMinor: number, limitMinor: number | null, currency: string) {
  const stepMinor = 1000 * 10 ** currencyExponent(currency);
  const rest = exposureAfterMinor % stepMinor;
  const rounded =
    exposureAfterMinor <= 0 ? 0 : rest === 0 ? exposureAfterMinor : exposureAfterMinor - rest + stepMinor;
  return rounded > (limitMinor ?? 0) ? rounded : null;
}
