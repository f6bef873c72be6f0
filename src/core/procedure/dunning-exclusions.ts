/**
 * Which overdue invoices the dunning procedure must leave alone at a date — customer in collective
 * proceedings or paused, invoice disputed, paused, handed over to litigation, under a promise still
 * running, collected by the factor — so that the procedure reports do not count them as invoices
 * nobody reminded. The planner's own rule decides (`exclusionOf`, under the policy that applies to
 * the customer, promise grace included), not a copy of it.
 */

import {
  creditsOf,
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

/** Why the planner writes no letter for sums its customer's open credits already cover. */
export type CreditsCover = Extract<SkipReason, 'net_balance_not_positive' | 'credits_cover_amount_due'>;

/**
 * The overdue invoices, free of any exclusion, that the planner leaves out because the customer's
 * open credits (unapplied payments, credit notes) cover them, by invoice id — the planner's two
 * rules per currency (`filterByAmounts`, `buildAction`): the customer's whole open balance net of
 * its credits is not positive, or its credits cover the overdue invoices it would remind. The
 * reports count such a customer as owing nothing to remind, as the dunning run does; its gap is
 * the unapplied cash, not a missing reminder.
 */
export function coveredByCredits(
  customers: readonly DunningCustomer[],
  invoices: readonly DunningInvoice[],
  excluded: ReadonlyMap<string, SkipReason>,
  asOf: IsoDate,
): Map<string, CreditsCover> {
  const customerByCode = new Map(customers.map((c) => [c.customerCode, c]));
  const groups = new Map<string, { customer: DunningCustomer; all: DunningInvoice[] }>();
  for (const invoice of invoices) {
    const customer = customerByCode.get(invoice.customerCode);
    if (!customer || invoice.openMinor <= 0) continue;
    const key = `${invoice.customerCode}\u0000${invoice.currency}`;
    const group = groups.get(key) ?? { customer, all: [] };
    group.all.push(invoice);
    groups.set(key, group);
  }
  const covered = new Map<string, CreditsCover>();
  for (const { customer, all } of groups.values()) {
    const first = all[0];
    if (!first) continue;
    const creditsMinor = creditsOf(customer, first.currency);
    if (creditsMinor <= 0) continue;
    const toRemind = all.filter((i) => i.dueDate < asOf && !excluded.has(i.id));
    const sum = (list: readonly DunningInvoice[]) => list.reduce((s, i) => s + i.openMinor, 0);
    const reason: CreditsCover | null =
      sum(all) - creditsMinor <= 0
        ? 'net_balance_not_positive'
        : sum(toRemind) - creditsMinor <= 0
          ? 'credits_cover_amount_due'
          : null;
    if (reason) for (const i of toRemind) covered.set(i.id, reason);
  }
  return covered;
}
