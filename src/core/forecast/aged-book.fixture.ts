/**
 * The tests' book of old invoices (age-terms.test.ts, dated-levels-predict.test.ts): customers
 * C0–C5 pay 2–7 days late; C6 pays one invoice in five 230 days late and the others never, C7
 * never: a record of old invoices mostly unpaid.
 */
import { addDays } from '../calendar.ts';
import type { InvoiceRecord } from './types.ts';

export const CUTOFF = '2026-06-30';

let nextId = 1;
export function invoice(customerCode: string, dueDate: string, paidAfterDays: number | null): InvoiceRecord {
  const id = nextId++;
  return {
    documentId: id,
    customerCode,
    customerType: 'sme',
    documentRef: `F${id}`,
    issueDate: addDays(dueDate, -30),
    dueDate,
    amountMinor: 100_000,
    currency: 'EUR',
    settledOn: paidAfterDays === null ? null : addDays(dueDate, paidAfterDays),
    settledByPayment: paidAfterDays !== null,
  };
}

/** Eight invoices a month from January 2024, one per customer, over `months` months. */
export function agedBook(months: number): InvoiceRecord[] {
  const records: InvoiceRecord[] = [];
  for (let month = 0; month < months; month += 1)
    for (let k = 0; k < 8; k += 1) {
      const due = addDays('2024-01-15', month * 30 + k);
      const code = `C${k}`;
      if (k < 6) records.push(invoice(code, due, 2 + k));
      else records.push(invoice(code, due, k === 6 && month % 5 === 0 ? 230 : null));
    }
  return records;
}
