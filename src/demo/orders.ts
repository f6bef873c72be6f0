/**
 * Customer orders: every invoice comes from an order (now 'invoiced'), a few orders were cancelled,
 * and the last fortnight's orders are still open — awaiting the credit check ('pending'), approved
 * and waiting for delivery ('released') or held ('blocked').
 */
import { addDays, isoWeekday } from '../core/calendar.ts';
import type { IsoDate, Order, OrderStatus } from '../core/types.ts';
import { type CustomerProfile, DEMO_AS_OF, type InvoiceDraft } from './demo-types.ts';
import { numberByYear } from './invoicing.ts';
import { nextBusinessDay } from './payment-behaviour.ts';
import { type PlantedCustomers, RECEIVERSHIP_JUDGMENT_DATE } from './planting.ts';
import { createRng, type Rng } from './random.ts';

const CANCELLED_ORDER_RATE = 0.015;
/** Open orders are those of the last two weeks before the as-of date. */
const OPEN_ORDER_WINDOW_DAYS = 14;

interface OrderDraft {
  customerCode: string;
  issueDate: IsoDate;
  amountMinor: number;
  status: OrderStatus;
}

/** Orders are placed on business days, at most a week before delivery and invoicing. */
function orderDateBefore(date: IsoDate, rng: Rng): IsoDate {
  const orderDate = addDays(date, -rng.int(0, 6));
  const weekday = isoWeekday(orderDate);
  return weekday === 7 ? addDays(orderDate, -2) : weekday === 6 ? addDays(orderDate, -1) : orderDate;
}

function openOrderAmountMinor(profile: CustomerProfile, rng: Rng): number {
  return Math.max(10_000, Math.round(rng.logNormal(profile.medianInvoiceMinor, 0.45)));
}

function openOrderDate(rng: Rng): IsoDate {
  const date = nextBusinessDay(addDays(DEMO_AS_OF, -rng.int(0, OPEN_ORDER_WINDOW_DAYS)));
  return date > DEMO_AS_OF ? addDays(DEMO_AS_OF, -rng.int(1, 3)) : date;
}

function openOrders(profile: CustomerProfile, planted: PlantedCustomers, rng: Rng): OrderDraft[] {
  const drafts: OrderDraft[] = [];
  const add = (status: OrderStatus, issueDate = openOrderDate(rng)) =>
    drafts.push({
      customerCode: profile.code,
      issueDate,
      amountMinor: openOrderAmountMinor(profile, rng),
      status,
    });
  if (profile.code === planted.receivership) {
    // Orders after the judgment are held until the administrator agrees to pay cash on delivery.
    add('blocked', nextBusinessDay(addDays(RECEIVERSHIP_JUDGMENT_DATE, rng.int(10, 30))));
    return drafts;
  }
  if (profile.code === planted.overLimit || profile.code === planted.salespersonDriver) {
    for (let count = 0; count < 3; count++) add('pending');
    return drafts;
  }
  if (profile.lastInvoiceDate < DEMO_AS_OF) return drafts;
  const expected = (profile.invoicesPerMonth * OPEN_ORDER_WINDOW_DAYS) / 30;
  let count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
  while (count-- > 0)
    add(
      rng.weighted<OrderStatus>([
        ['released', 0.55],
        ['pending', 0.4],
        ['blocked', 0.05],
      ]),
    );
  return drafts;
}

export function generateOrders(
  invoices: readonly InvoiceDraft[],
  profiles: ReadonlyMap<string, CustomerProfile>,
  planted: PlantedCustomers,
  seed: number,
): Order[] {
  const rng = createRng(seed, 'orders');
  const drafts: OrderDraft[] = invoices.map((invoice) => ({
    customerCode: invoice.customerCode,
    issueDate: orderDateBefore(invoice.issueDate, rng),
    amountMinor: invoice.amountMinor,
    status: 'invoiced',
  }));
  for (const invoice of invoices) {
    if (!rng.chance(CANCELLED_ORDER_RATE)) continue;
    drafts.push({
      customerCode: invoice.customerCode,
      issueDate: orderDateBefore(invoice.issueDate, rng),
      amountMinor: invoice.amountMinor,
      status: 'cancelled',
    });
  }
  for (const profile of profiles.values()) {
    drafts.push(...openOrders(profile, planted, createRng(seed, 'open-orders', profile.code)));
  }
  const numbered = numberByYear(drafts, 'CMD', 6, (a, b) =>
    a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0,
  );
  return numbered.map((draft) => ({
    number: draft.ref,
    customerCode: draft.customerCode,
    orderDate: draft.issueDate,
    amountMinor: draft.amountMinor,
    currency: 'EUR',
    status: draft.status,
  }));
}
