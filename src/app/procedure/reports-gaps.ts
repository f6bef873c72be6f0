/**
 * The gaps of the procedure the dysfunctions report lists (section 6): orders accepted over the
 * limit (by Encours's order check or invoiced by the ERP: reports-orders-over-limit.ts), customers and invoices never reminded
 * (but for what the dunning planner must not remind), customers owing without a limit or a cover in
 * force — each counted, summed and evidenced by its largest cases.
 */
import { type CoverState, coverState } from '#core/credit/insurer-cover';
import type { SkipReason } from '#core/dunning/planner';
import { type CreditsCover, coveredByCredits, dunningExclusions } from '#core/procedure/dunning-exclusions';
import { type CustomerAmount, gapOf, type ProcedureGap } from '#core/procedure/reports-model';
import type { IsoDate } from '#core/types';
import { type CoverRow, coversAsOf } from '#db/credit/cover-queries';
import type { OverdueInvoiceRow } from '#db/procedure/report-queries';
import type { AppContext } from '../context.ts';
import { type LoadedPlanSettings, loadPlanCustomers, loadPolicies } from '../dunning/plan-data.ts';
import type { RiskTable } from '../reports/risk.ts';
import { ordersOverLimit } from './reports-orders-over-limit.ts';

/** An invoice overdue more than this without any reminder is a gap of the dunning procedure. */
export const UNREMINDED_MIN_DAYS = 15;
const TOP_CUSTOMERS = 10;

/** A cover that no longer protects: it ran out, or the insurer refused or cancelled it. */
export const LAPSED_COVER_STATES: ReadonlySet<CoverState> = new Set(['expired', 'refused', 'cancelled']);

/**
 * Each customer's cover as it stood at the date, in the state the credit pages give it there (the
 * core's `coverState`: granted, started and not expired is active) — one reading for the measures
 * report's insurance section and the lapsed-cover gap, and the risk map's (the same `coversAsOf`).
 */
export async function coverStatesAsOf(
  ctx: AppContext,
  asOf: IsoDate,
): Promise<(CoverRow & { state: CoverState })[]> {
  const covers = await coversAsOf(ctx.db, ctx.companyId, asOf);
  return [...covers.values()].map((cover) => ({ ...cover, state: coverState(cover, asOf) }));
}

/**
 * An overdue invoice with what keeps the dunning procedure from reminding it (null: nothing), and,
 * free of that, whether the customer's open credits cover it so that the dunning run writes nothing.
 */
export interface OverdueInvoice extends OverdueInvoiceRow {
  excludedFor: SkipReason | null;
  coveredBy: CreditsCover | null;
}

/**
 * The overdue invoices, each with the dunning planner's reason not to remind it at the date
 * (`dunningExclusions`, on the dunning state of that date): an invoice that must not be reminded
 * is no gap of the procedure when nobody reminded it.
 */
export async function withDunningExclusions(
  ctx: AppContext,
  asOf: IsoDate,
  overdue: readonly OverdueInvoiceRow[],
): Promise<OverdueInvoice[]> {
  const policies = await loadPolicies(ctx.db, ctx.companyId);
  // Neither rates nor probabilities of lateness decide an exclusion: none is read.
  const settings: LoadedPlanSettings = {
    asOf,
    policies,
    rates: [],
    rateMode: 'split_by_semester',
    lateness: null,
  };
  const state = await loadPlanCustomers(ctx.db, ctx.companyId, settings, {});
  const excluded = dunningExclusions(state.customers, state.invoices, policies, asOf);
  const covered = coveredByCredits(state.customers, state.invoices, excluded, asOf);
  return overdue.map((i) => ({
    ...i,
    excludedFor: excluded.get(String(i.documentId)) ?? null,
    coveredBy: covered.get(String(i.documentId)) ?? null,
  }));
}

/** Per customer: the sum of its cases and how many there are (`detail`). */
function byCustomer(
  cases: readonly { code: string; amountMinor: number }[],
  names: Map<string, string>,
): CustomerAmount[] {
  const grouped = new Map<string, CustomerAmount>();
  for (const c of cases) {
    const entry = grouped.get(c.code) ?? {
      code: c.code,
      name: names.get(c.code) ?? c.code,
      amountMinor: 0,
      detail: 0,
    };
    entry.amountMinor += c.amountMinor;
    entry.detail = (entry.detail ?? 0) + 1;
    grouped.set(c.code, entry);
  }
  return [...grouped.values()];
}

const sumOf = (invoices: readonly { openMinor: number }[]) => invoices.reduce((s, i) => s + i.openMinor, 0);

/**
 * The invoices more than `UNREMINDED_MIN_DAYS` late that nobody reminded, per customer, and what
 * the dunning procedure must not remind among them (left out, counted apart), as what the
 * customer's open credits cover (left out as the dunning run leaves it, counted apart).
 */
function overdueNotReminded(overdue: readonly OverdueInvoice[], names: Map<string, string>): ProcedureGap {
  const unreminded = overdue.filter((i) => !i.reminded && i.daysLate > UNREMINDED_MIN_DAYS);
  const excluded = unreminded.filter((i) => i.excludedFor !== null);
  const covered = unreminded.filter((i) => i.excludedFor === null && i.coveredBy !== null);
  const cases = unreminded
    .filter((i) => i.excludedFor === null && i.coveredBy === null)
    .map((i) => ({ code: i.customerCode, amountMinor: i.openMinor }));
  return {
    ...gapOf('overdue_not_reminded', byCustomer(cases, names)),
    itemCount: cases.length,
    excluded: { count: excluded.length, amountMinor: sumOf(excluded) },
    coveredByCredits: { count: covered.length, amountMinor: sumOf(covered) },
  };
}

/**
 * Customers owing overdue invoices that were never reminded at all, for what the procedure should
 * have reminded (its invoices it must not remind left out: a customer in collective proceedings or
 * whose every overdue invoice is disputed is no such customer); `excluded` counts those customers.
 */
function neverReminded(table: RiskTable, overdue: readonly OverdueInvoice[]): ProcedureGap {
  const remindedCustomers = new Set(overdue.filter((i) => i.reminded).map((i) => i.customerCode));
  const invoicesOf = new Map<string, OverdueInvoice[]>();
  for (const i of overdue) invoicesOf.set(i.customerCode, [...(invoicesOf.get(i.customerCode) ?? []), i]);
  const candidates = table.rows.filter(
    (r) =>
      r.overdueMinor > 0 &&
      r.lastReminderDate === null &&
      !remindedCustomers.has(r.code) &&
      r.oldestOverdueDays > UNREMINDED_MIN_DAYS,
  );
  const cases: CustomerAmount[] = [];
  const excluded: CustomerAmount[] = [];
  const covered: CustomerAmount[] = [];
  for (const r of candidates) {
    const own = invoicesOf.get(r.code) ?? [];
    const left = own.filter((i) => i.excludedFor !== null || i.coveredBy !== null);
    const kept = own.filter((i) => i.excludedFor === null && i.coveredBy === null);
    const oldest = Math.max(0, ...kept.map((i) => i.daysLate));
    const entry = { code: r.code, name: r.name };
    if (left.length === 0) cases.push({ ...entry, amountMinor: r.overdueMinor, detail: r.oldestOverdueDays });
    else if (oldest > UNREMINDED_MIN_DAYS)
      cases.push({ ...entry, amountMinor: r.overdueMinor - sumOf(left), detail: oldest });
    // Owing nothing the procedure must not remind, it owes nothing its credits do not cover.
    else if (left.every((i) => i.excludedFor === null))
      covered.push({ ...entry, amountMinor: r.overdueMinor });
    else excluded.push({ ...entry, amountMinor: r.overdueMinor });
  }
  const total = (list: readonly CustomerAmount[]) => list.reduce((s, c) => s + c.amountMinor, 0);
  return {
    ...gapOf('never_reminded', cases),
    excluded: { count: excluded.length, amountMinor: total(excluded) },
    coveredByCredits: { count: covered.length, amountMinor: total(covered) },
  };
}

export async function gapsOf(
  ctx: AppContext,
  asOf: IsoDate,
  from: IsoDate,
  table: RiskTable,
  overdue: readonly OverdueInvoice[],
): Promise<ProcedureGap[]> {
  const names = new Map(table.rows.map((row) => [row.code, row.name]));
  const orders = await ordersOverLimit(ctx, from, asOf);
  const covers = await coverStatesAsOf(ctx, asOf);
  const balances = new Map(table.rows.map((row) => [row.code, row]));
  const lapsed = covers.filter(
    (c) => (balances.get(c.customerCode)?.balanceMinor ?? 0) > 0 && LAPSED_COVER_STATES.has(c.state),
  );
  return [
    {
      ...gapOf(
        'orders_accepted_over_limit',
        byCustomer(
          orders.orders.map((o) => ({ code: o.customerCode, amountMinor: o.amountMinor })),
          names,
        ),
        TOP_CUSTOMERS,
      ),
      itemCount: orders.orders.length,
      sources: orders.sources,
    },
    gapOf(
      'open_orders_over_limit',
      table.rows
        // Over the limit as the credit panel says it (exposure against the limit in force), with
        // orders the exposure counts.
        .filter((r) => r.availableMinor !== null && r.availableMinor < 0 && r.openOrdersMinor > 0)
        .map((r) => ({
          code: r.code,
          name: r.name,
          amountMinor: r.openOrdersMinor,
          detail: r.pendingOrders,
        })),
    ),
    neverReminded(table, overdue),
    overdueNotReminded(overdue, names),
    gapOf(
      'missing_limit',
      table.rows
        .filter((r) => r.creditLimitMinor === null && r.balanceMinor > 0)
        .map((r) => ({ code: r.code, name: r.name, amountMinor: r.balanceMinor })),
    ),
    gapOf(
      'cover_lapsed',
      lapsed.map((c) => ({
        code: c.customerCode,
        name: names.get(c.customerCode) ?? c.customerCode,
        amountMinor: balances.get(c.customerCode)?.balanceMinor ?? 0,
      })),
    ),
  ];
}
