/**
 * The orders accepted beyond the customer's credit limit in the period, from both places an order is
 * accepted: Encours's order check (its decisions let through over the limit) and the ERP (the orders
 * it reports invoiced that Encours never checked). An ERP order counts when its amount on top of the
 * customer's balance the day before passed the limit of the order date, read back from the limit
 * history (Encours's changes and the imported story's); one whose limit that day the history cannot
 * tell is left out and counted apart, and a customer without a limit then is the missing-limit gap.
 */
import { limitOnDate } from '#core/credit/limit-history';
import type { GapSource } from '#core/procedure/reports-model';
import type { IsoDate } from '#core/types';
import {
  invoicedOrdersUnchecked,
  limitHistoriesOf,
  ordersAcceptedOverLimit,
} from '#db/procedure/report-queries';
import type { AppContext } from '../context.ts';
import { limitChanges } from '../credit/limit-history-view.ts';

export type OrderSource = 'encours_check' | 'erp_invoiced';

export interface OrderOverLimit {
  customerCode: string;
  orderRef: string;
  amountMinor: number;
  source: OrderSource;
}

export interface OrdersOverLimit {
  orders: OrderOverLimit[];
  /** Each origin's orders, then the ERP's orders left out for want of their day's limit. */
  sources: GapSource[];
}

function sourceOf(code: string, orders: readonly { amountMinor: number }[]): GapSource {
  return { code, count: orders.length, amountMinor: orders.reduce((s, o) => s + o.amountMinor, 0) };
}

/** The ERP's invoiced orders that passed the limit of their date, and those whose limit is unknown. */
async function erpOrdersOverLimit(ctx: AppContext, from: IsoDate, asOf: IsoDate) {
  const rows = await invoicedOrdersUnchecked(ctx.db, ctx.companyId, from, asOf);
  const codes = [...new Set(rows.map((row) => row.customerCode))];
  const histories = await limitHistoriesOf(ctx.db, ctx.companyId, codes);
  const entries = Map.groupBy(histories.entries, (e) => e.customerCode);
  const imported = Map.groupBy(histories.imported, (e) => e.customerCode);
  const changes = new Map(
    codes.map((code) => [code, limitChanges(entries.get(code) ?? [], imported.get(code) ?? [])]),
  );
  const over: OrderOverLimit[] = [];
  const unknown: typeof rows = [];
  for (const row of rows) {
    const limitMinor = limitOnDate(changes.get(row.customerCode) ?? [], row.creditLimitMinor, row.orderDate);
    if (limitMinor === undefined) unknown.push(row);
    else if (limitMinor !== null && row.balanceBeforeMinor + row.amountMinor > limitMinor)
      over.push({ ...row, source: 'erp_invoiced' });
  }
  return { over, unknown };
}

export async function ordersOverLimit(
  ctx: AppContext,
  from: IsoDate,
  asOf: IsoDate,
): Promise<OrdersOverLimit> {
  const checked = (await ordersAcceptedOverLimit(ctx.db, ctx.companyId, from, asOf)).map(
    (o): OrderOverLimit => ({ ...o, source: 'encours_check' }),
  );
  const erp = await erpOrdersOverLimit(ctx, from, asOf);
  return {
    orders: [...checked, ...erp.over],
    sources: [
      sourceOf('encours_check', checked),
      sourceOf('erp_invoiced', erp.over),
      sourceOf('erp_limit_unknown', erp.unknown),
    ],
  };
}
