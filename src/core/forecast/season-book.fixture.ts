/**
 * The tests' book of seasonal payments (season-terms.test.ts, stored-model.test.ts): 20 customers,
 * one invoice each due on the 1st–20th of every month from January of `fromYear` to June 2026, each
 * customer paying 0–4 days after the due date (± 2), plus what `extraDays` gives for the due date.
 */
import { addDays, fromYmd } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { InvoiceRecord } from './types.ts';

export const CUTOFF = '2026-06-30';

export function seasonalBook(extraDays: (dueDate: IsoDate) => number, fromYear = 2023): InvoiceRecord[] {
  const records: InvoiceRecord[] = [];
  for (let month = (fromYear - 2023) * 12; month < 42; month += 1)
    for (let customer = 0; customer < 20; customer += 1) {
      const id = records.length + 1;
      const dueDate = fromYmd(2023 + Math.floor(month / 12), (month % 12) + 1, 1 + customer);
      const delay = (customer % 5) + ((id * 7) % 5) - 2 + extraDays(dueDate);
      records.push(seasonalInvoice(id, customer, dueDate, addDays(dueDate, delay)));
    }
  return records;
}

/** Customer `C<customer>`'s invoice, issued 45 days before its due date; open when `settledOn` is null. */
export function seasonalInvoice(
  id: number,
  customer: number,
  dueDate: IsoDate,
  settledOn: IsoDate | null,
): InvoiceRecord {
  return {
    documentId: id,
    customerCode: `C${customer}`,
    customerType: 'sme',
    documentRef: `F${id}`,
    issueDate: addDays(dueDate, -45),
    dueDate,
    amountMinor: 100_000 + 7 * id,
    currency: 'EUR',
    settledOn,
    settledByPayment: settledOn !== null,
  };
}

/** Paid 12 days later when due in August. */
export const lateInAugust = (dueDate: IsoDate) => (dueDate.slice(5, 7) === '08' ? 12 : 0);
