/**
 * The fold tests' random histories (event-fold, history-fold): rows for `invoiceRecordsOf` (six
 * customers, issued over some 530 days on terms of 0, 30 or 60 days, paid from 20 days early to
 * 150 days late, by payment or not, or still open) and the disputes, promises and reminders made
 * on those invoices up to 120 days after their issue.
 */
import fc from 'fast-check';
import { addDays } from '../calendar.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

/** A row for `invoiceRecordsOf` (test/support/forecast-rows.ts), its amount from 1 to `maxAmount`. */
export const invoiceRowArbitrary = (maxAmount: number) =>
  fc.record({
    customer: fc.integer({ min: 0, max: 5 }),
    issueOffset: fc.integer({ min: 0, max: 530 }),
    terms: fc.constantFrom(0, 30, 60),
    delay: fc.option(fc.integer({ min: -20, max: 150 }), { nil: null }),
    byPayment: fc.boolean(),
    amount: fc.integer({ min: 1, max: maxAmount }),
  });

/**
 * An event on the invoice `document` picks (modulo their count), `offset` days after its issue;
 * a promise is to pay `promised` days after it is made.
 */
export const eventRowArbitrary = (document: fc.Arbitrary<number>, promised: fc.Arbitrary<number>) =>
  fc.record({
    document,
    kind: fc.constantFrom('dispute_opened', 'dispute_resolved', 'promise', 'reminder' as const),
    offset: fc.integer({ min: 0, max: 120 }),
    promised,
    level: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  });

export type EventRow = ReturnType<typeof eventRowArbitrary> extends fc.Arbitrary<infer T> ? T : never;

/** The events the rows make on `records`, in the rows' order (none without an invoice). */
export function eventsOn(rows: readonly EventRow[], records: readonly InvoiceRecord[]): InvoiceEvent[] {
  if (records.length === 0) return [];
  return rows.map((row) => {
    const record = records[row.document % records.length] as InvoiceRecord;
    const date = addDays(record.issueDate, row.offset);
    return {
      documentId: record.documentId,
      kind: row.kind,
      date,
      ...(row.kind === 'promise' ? { promisedDate: addDays(date, row.promised) } : {}),
      ...(row.kind === 'reminder' && row.level !== undefined ? { level: row.level } : {}),
    };
  });
}
