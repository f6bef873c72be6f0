/**
 * The ledger of a replay as of any day: open amounts from the allocations dated up to the day (the
 * as-of rule), the exposure the order check reads, and what became of an order's invoice by the
 * end of the period. Pure: everything comes from the snapshot.
 */
import { daysBetween } from '../calendar.ts';
import { type ExposureAmounts, exposureAmounts, type UninvoicedOrder } from '../credit/exposure.ts';
import type { IsoDate } from '../types.ts';
import type { OrderFate, ReplayDocument, ReplayOrder, ReplaySnapshot } from './replay-types.ts';

/** Open amount as of a day: debits minus what settled them, credits plus what they settled. */
export function openAsOf(doc: ReplayDocument, day: IsoDate): number {
  if (doc.issueDate > day) return 0;
  let settledMinor = 0;
  for (const s of doc.settlements) if (s.date <= day) settledMinor += s.amountMinor;
  return doc.amountMinor > 0 ? doc.amountMinor - settledMinor : doc.amountMinor + settledMinor;
}

/** First day from which the document stays settled, or null when it is open at the end. */
export function settledFrom(doc: ReplayDocument): IsoDate | null {
  const dates = [...new Set(doc.settlements.map((s) => s.date))].sort();
  let closedOn: IsoDate | null = null;
  for (const date of dates) {
    const open = openAsOf(doc, date);
    if (open === 0 && closedOn === null) closedOn = date;
    else if (open !== 0) closedOn = null;
  }
  return closedOn;
}

export interface LedgerIndex {
  byCustomer: Map<string, ReplayDocument[]>;
  settledOn: Map<string, IsoDate | null>;
  openOrdersByCustomer: Map<string, ReplayOrder[]>;
  /** Credit documents (payments, credit notes) by customer, for the open credits of a day. */
  creditsByCustomer: Map<string, ReplayDocument[]>;
}

const OPEN_ORDER_STATUSES = new Set(['pending', 'blocked', 'released']);

export function indexLedger(snapshot: ReplaySnapshot): LedgerIndex {
  const byCustomer = new Map<string, ReplayDocument[]>();
  const settledOn = new Map<string, IsoDate | null>();
  const creditsByCustomer = new Map<string, ReplayDocument[]>();
  for (const doc of snapshot.documents) {
    if (doc.amountMinor < 0)
      creditsByCustomer.set(doc.customerCode, [...(creditsByCustomer.get(doc.customerCode) ?? []), doc]);
    const own = byCustomer.get(doc.customerCode);
    if (own) own.push(doc);
    else byCustomer.set(doc.customerCode, [doc]);
    settledOn.set(doc.id, settledFrom(doc));
  }
  const openOrdersByCustomer = new Map<string, ReplayOrder[]>();
  for (const order of snapshot.orders) {
    if (!OPEN_ORDER_STATUSES.has(order.status)) continue;
    const own = openOrdersByCustomer.get(order.customerCode);
    if (own) own.push(order);
    else openOrdersByCustomer.set(order.customerCode, [order]);
  }
  return { byCustomer, settledOn, openOrdersByCustomer, creditsByCustomer };
}

/** A document that may be open on the day (issued, and not settled for good before it). */
export function mayBeOpen(index: LedgerIndex, doc: ReplayDocument, day: IsoDate): boolean {
  if (doc.issueDate > day) return false;
  const closedOn = index.settledOn.get(doc.id) ?? null;
  return closedOn === null || closedOn > day;
}

export interface CustomerPosition {
  amounts: ExposureAmounts;
  oldestOverdueDays: number;
  hasInvoices: boolean;
}

/**
 * What the order check reads about a customer on a day: open items by bucket, and the orders not
 * yet invoiced that were placed by then — as the live check counts them — except the one judged.
 */
export function customerPosition(
  index: LedgerIndex,
  customerCode: string,
  currency: string,
  day: IsoDate,
  judgedRef: string,
): CustomerPosition {
  const items: { dueDate: IsoDate; openMinor: number }[] = [];
  let oldestOverdueDays = 0;
  let hasInvoices = false;
  for (const doc of index.byCustomer.get(customerCode) ?? []) {
    if (doc.kind === 'invoice' && doc.issueDate <= day) hasInvoices = true;
    if (!mayBeOpen(index, doc, day)) continue;
    const openMinor = openAsOf(doc, day);
    if (openMinor === 0) continue;
    items.push({ dueDate: doc.dueDate, openMinor });
    if (openMinor > 0) oldestOverdueDays = Math.max(oldestOverdueDays, daysBetween(doc.dueDate, day));
  }
  const orders: UninvoicedOrder[] = (index.openOrdersByCustomer.get(customerCode) ?? [])
    .filter((o) => o.ref !== judgedRef && o.orderDate <= day && o.currency === currency)
    .map((o) => ({ stage: 'open', amountMinor: o.amountMinor }));
  return { amounts: exposureAmounts(currency, items, orders, day), oldestOverdueDays, hasInvoices };
}

/**
 * The invoice each invoiced order became: same customer and amount, issued on or after the order,
 * the earliest one not taken yet (orders carry no invoice reference; the ERP bills each order once).
 */
export function linkOrdersToInvoices(snapshot: ReplaySnapshot): Map<string, ReplayDocument> {
  const candidates = new Map<string, ReplayDocument[]>();
  for (const doc of snapshot.documents) {
    if (doc.kind !== 'invoice') continue;
    const key = `${doc.customerCode}|${doc.amountMinor}`;
    const own = candidates.get(key);
    if (own) own.push(doc);
    else candidates.set(key, [doc]);
  }
  for (const list of candidates.values())
    list.sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
  const linked = new Map<string, ReplayDocument>();
  const orders = snapshot.orders
    .filter((o) => o.status === 'invoiced')
    .sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0));
  for (const order of orders) {
    const list = candidates.get(`${order.customerCode}|${order.amountMinor}`) ?? [];
    const at = list.findIndex((doc) => doc.issueDate >= order.orderDate);
    if (at < 0) continue;
    linked.set(order.ref, list[at]!);
    list.splice(at, 1);
  }
  return linked;
}

export interface InvoiceOutcome {
  fate: OrderFate;
  openAtEndMinor: number;
  overdueAtEndMinor: number;
  writtenOffMinor: number;
}

/** What became of an invoice by the end of the period. */
export function invoiceOutcome(invoice: ReplayDocument | undefined, end: IsoDate): InvoiceOutcome {
  if (!invoice) return { fate: 'not_invoiced', openAtEndMinor: 0, overdueAtEndMinor: 0, writtenOffMinor: 0 };
  const writtenOffMinor = invoice.settlements
    .filter((s) => s.byKind === 'write_off' && s.date <= end)
    .reduce((sum, s) => sum + s.amountMinor, 0);
  const openAtEndMinor = Math.max(openAsOf(invoice, end), 0);
  const overdueAtEndMinor = invoice.dueDate < end ? openAtEndMinor : 0;
  const outcome = { openAtEndMinor, overdueAtEndMinor, writtenOffMinor };
  if (writtenOffMinor > 0) return { fate: 'written_off', ...outcome };
  if (openAtEndMinor > 0) return { fate: 'open', ...outcome };
  const lastDate = invoice.settlements.reduce<IsoDate>(
    (d, s) => (s.date <= end && s.date > d ? s.date : d),
    '',
  );
  return { fate: lastDate > invoice.dueDate ? 'paid_late' : 'paid', ...outcome };
}
