/**
 * The tests' monthly invoices (backtest, model, channel-effect and dispute-effect tests): an SME
 * customer's invoice of 1,000.00 EUR, due 30 days after its issue date and paid `delayDays` after
 * its due date (still open when null), and a customer's year of them.
 */
import { addDays } from '../calendar.ts';
import type { InvoiceRecord } from './types.ts';

/**
 * The builders of one test file, numbering its invoices 1, 2, 3… in the order it writes them. A
 * counter per file rather than per module: the test files of a fork share their modules (vitest's
 * `isolate: false`), and a file's ids must not depend on the files run before it.
 */
export function invoiceBuilders() {
  let nextId = 1;

  function invoice(
    customerCode: string,
    issueDate: string,
    delayDays: number | null,
    overrides: Partial<InvoiceRecord> = {},
  ): InvoiceRecord {
    const dueDate = addDays(issueDate, 30);
    const id = nextId++;
    return {
      documentId: id,
      customerCode,
      customerType: 'sme',
      documentRef: `F${id}`,
      issueDate,
      dueDate,
      amountMinor: 100_000,
      currency: 'EUR',
      settledOn: delayDays === null ? null : addDays(dueDate, delayDays),
      settledByPayment: delayDays !== null,
      ...overrides,
    };
  }

  /** A customer paying `delay` days late every month of 2025 (the first `months`), issued on the 5th. */
  function history(customerCode: string, delay: number, months = 12, type = 'sme'): InvoiceRecord[] {
    return Array.from({ length: months }, (_, m) =>
      invoice(customerCode, `2025-${String(m + 1).padStart(2, '0')}-05`, delay, { customerType: type }),
    );
  }

  return { invoice, history };
}
