/**
 * The gaps of the procedure the dysfunctions report lists (section 6): orders accepted over the
 * limit (by Encours's order check or invoiced by the ERP: reports-orders-over-limit.ts), customers and invoices never reminded, customers owing without a limit or a cover in
 * force — each counted, summed and evidenced by its largest cases.
 */
import { type CoverState, coverState } from '#core/credit/insurer-cover';
import { type CustomerAmount, gapOf, type ProcedureGap } from '#core/procedure/reports-model';
import type { IsoDate } from '#core/types';
import { type CoverRow, coversAsOf } from '#db/credit/cover-queries';
import type { OverdueInvoiceRow } from '#db/procedure/report-queries';
import type { AppContext } from '../context.ts';
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

export async function gapsOf(
  ctx: AppContext,
  asOf: IsoDate,
  from: IsoDate,
  table: RiskTable,
  overdue: readonly OverdueInvoiceRow[],
): Promise<ProcedureGap[]> {
  const names = new Map(table.rows.map((row) => [row.code, row.name]));
  const orders = await ordersOverLimit(ctx, from, asOf);
  const covers = await coverStatesAsOf(ctx, asOf);
  const balances = new Map(table.rows.map((row) => [row.code, row]));
  const unreminded = overdue.filter((i) => !i.reminded && i.daysLate > UNREMINDED_MIN_DAYS);
  const remindedCustomers = new Set(overdue.filter((i) => i.reminded).map((i) => i.customerCode));
  const owing = table.rows.filter((row) => row.overdueMinor > 0);
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
      sources: orders.sources,
    },
    gapOf(
      'open_orders_over_limit',
      table.rows
        .filter(
          (r) => r.creditLimitMinor !== null && r.balanceMinor > r.creditLimitMinor && r.openOrdersMinor > 0,
        )
        .map((r) => ({
          code: r.code,
          name: r.name,
          amountMinor: r.openOrdersMinor,
          detail: r.pendingOrders,
        })),
    ),
    gapOf(
      'never_reminded',
      owing
        .filter(
          (r) =>
            r.lastReminderDate === null &&
            !remindedCustomers.has(r.code) &&
            r.oldestOverdueDays > UNREMINDED_MIN_DAYS,
        )
        .map((r) => ({
          code: r.code,
          name: r.name,
          amountMinor: r.overdueMinor,
          detail: r.oldestOverdueDays,
        })),
    ),
    gapOf(
      'overdue_not_reminded',
      byCustomer(
        unreminded.map((i) => ({ code: i.customerCode, amountMinor: i.openMinor })),
        names,
      ),
    ),
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
