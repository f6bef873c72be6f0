/**
 * Invoice records for the forecast's property tests, from small generated rows: issue day from
 * 2024-01-01, terms, and a settlement delay after the due date (null: still open).
 */
import { addDays } from '#core/calendar';
import type { InvoiceRecord } from '#core/forecast/types';

export interface InvoiceRow {
  customer: number;
  issueOffset: number;
  terms: number;
  delay: number | null;
  byPayment: boolean;
  amount: number;
}

export function invoiceRecordsOf(rows: readonly InvoiceRow[]): InvoiceRecord[] {
  return rows.map((row, index) => {
    const issueDate = addDays('2024-01-01', row.issueOffset);
    const dueDate = addDays(issueDate, row.terms);
    return {
      documentId: index + 1,
      customerCode: `C${row.customer}`,
      customerType: row.customer % 2 === 0 ? 'sme' : 'wholesaler',
      documentRef: `F${index + 1}`,
      issueDate,
      dueDate,
      amountMinor: row.amount,
      currency: 'EUR',
      settledOn: row.delay === null ? null : addDays(dueDate, row.delay),
      settledByPayment: row.delay !== null && row.byPayment,
    };
  });
}
