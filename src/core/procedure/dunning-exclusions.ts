/**
 * Which overdue invoices the dunning procedure must leave alone at a date — customer in collective
 * proceedings or paused, invoice disputed, paused, handed over to litigation, under a promise still
 * running, collected by the factor — so that the procedure reports do not count them as invoices
 * nobody reminded. The planner's own rule decides (`exclusionOf`, under the policy that applies to
 * the customer, promise grace included), not a copy of it.
 */

import {
  type DunningCustomer,
  type DunningInvoice,
  exclusionOf,
  type SkipReason,
} from '../dunning/planner.ts';
import { type DunningPolicy, selectPolicy } from '../dunning/policy.ts';
import type { IsoDate } from '../types.ts';

/**
 * The overdue invoices (due before `asOf`) the planner excludes, by invoice id, with its reason.
 * `policies` are the policies in force (the customers' own choice of policy is kept). A customer
 * with no policy is a gap of its own, not an exclusion.
 */
export function dunningExclusions(
  customers: readonly DunningCustomer[],
  invoices: readonly DunningInvoice[],
  policies: readonly DunningPolicy[],
  asOf: IsoDate,
): Map<string, SkipReason> {
  const customerByCode = new Map(customers.map((c) => [c.customerCode, c]));
  const excluded = new Map<string, SkipReason>();
  for (const invoice of invoices) {
    if (invoice.dueDate >= asOf || invoice.openMinor <= 0) continue;
    const customer = customerByCode.get(invoice.customerCode);
    const policy = customer ? selectPolicy(policies, customer, asOf) : null;
    if (!customer || !policy) continue;
    const reason = exclusionOf(customer, invoice, policy, asOf);
    if (reason) excluded.set(invoice.id, reason);
  }
  return excluded;
}
