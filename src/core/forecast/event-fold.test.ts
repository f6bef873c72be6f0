import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceRecordsOf } from '../../../test/support/forecast-rows.ts';
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import { addInvoiceEvents, eventsByDocument, finishEventTerms, startEventFold } from './event-fold.ts';
import { eventRowArbitrary, eventsOn, invoiceRowArbitrary } from './random-history.fixture.ts';
import {
  DEFAULT_EVENT_OPTIONS,
  type EventOptions,
  type EventTerms,
  type PromiseRecord,
  type TypicalDays,
} from './signals.ts';
import { censoredMedian, type Duration, medianAfter, survivalCurve } from './survival.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

const CUTOFFS: IsoDate[] = ['2025-06-15', '2025-05-31', '2025-04-30', '2025-03-31'];

/**
 * The event terms as they were learned before the fold, from lists of durations walked in date
 * order (kept here as the reference): the fold must give the same terms, maps in the same order.
 */
function listTerms(
  records: readonly InvoiceRecord[],
  events: readonly InvoiceEvent[],
  cutoff: IsoDate,
  options: EventOptions,
): EventTerms {
  const byId = new Map(records.map((record) => [record.documentId, record]));
  const cutoffDay = toDayNumber(cutoff);
  const disputes = new Map<string, Duration[]>();
  const reminders = new Map<number, Duration[]>();
  const promises = new Map<string, Duration[]>();
  const push = <K>(map: Map<K, Duration[]>, key: K, duration: Duration) =>
    map.set(key, [...(map.get(key) ?? []), duration]);
  const disputed = new Set<number>();
  const reminderCount = new Map<number, number>();
  const known = events.filter((e) => e.date <= cutoff).sort((a, b) => a.date.localeCompare(b.date));
  for (const event of known) {
    const record = byId.get(event.documentId);
    if (!record) continue;
    const settled = record.settledOn !== null && record.settledOn <= cutoff;
    if (settled && (!record.settledByPayment || (record.settledOn as IsoDate) < event.date)) continue;
    const endDay = settled ? toDayNumber(record.settledOn as IsoDate) : cutoffDay;
    const since = (date: IsoDate) => ({ days: endDay - toDayNumber(date), paid: settled });
    if (event.kind === 'promise') {
      if (event.promisedDate !== undefined && event.promisedDate < cutoff)
        push(promises, record.customerCode, since(event.promisedDate));
      continue;
    }
    const count = event.kind === 'reminder' ? (reminderCount.get(event.documentId) ?? 0) + 1 : 0;
    if (event.kind === 'reminder') reminderCount.set(event.documentId, count);
    if (!settled && !options.countUnpaid) continue;
    if (event.kind === 'dispute_opened' && !disputed.has(event.documentId)) {
      disputed.add(event.documentId);
      push(disputes, record.customerType, since(event.date));
    } else if (event.kind === 'reminder')
      push(reminders, Math.min(options.maxReminderLevel, event.level ?? count), since(event.date));
  }
  const typical = (list: readonly Duration[]): TypicalDays | null => {
    if (list.length < options.minObservations) return null;
    const curve = survivalCurve(list);
    const days = medianAfter(curve, Number.NEGATIVE_INFINITY);
    return days === null ? null : { days, observations: list.length, curve };
  };
  const typicalBy = <K>(groups: Map<K, Duration[]>) => {
    const result = new Map<K, TypicalDays>();
    for (const [key, list] of groups) {
      const days = typical(list);
      if (days) result.set(key, days);
    }
    return result;
  };
  const promiseRecords = new Map<string, PromiseRecord>();
  for (const [customer, list] of promises)
    promiseRecords.set(customer, { slipDays: censoredMedian(list), promises: list.length });
  return {
    disputeBySegment: typicalBy(disputes),
    disputeCompany: typical([...disputes.values()].flat()),
    reminderByLevel: typicalBy(reminders),
    promiseRecords,
  };
}

/** Maps as entry lists: the order counts too (it is the stored model's JSON). */
const inOrder = (terms: EventTerms) => ({
  disputeBySegment: [...terms.disputeBySegment],
  disputeCompany: terms.disputeCompany,
  reminderByLevel: [...terms.reminderByLevel],
  promiseRecords: [...terms.promiseRecords],
});

const rowArbitrary = invoiceRowArbitrary(5_000);

// Events on a few documents: several disputes and reminders on one invoice.
const eventArbitrary = eventRowArbitrary(fc.integer({ min: 0, max: 12 }), fc.integer({ min: -10, max: 60 }));

describe('the event terms as a fold', () => {
  it('learns, at every cut-off of one fold, the terms the lists in date order gave', () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { minLength: 10, maxLength: 80 }),
        fc.array(eventArbitrary, { minLength: 0, maxLength: 120 }),
        fc.boolean(),
        (rows, eventRows, countUnpaid) => {
          const records = invoiceRecordsOf(rows);
          const events = eventsOn(eventRows, records);
          const options = { ...DEFAULT_EVENT_OPTIONS, minObservations: 2, countUnpaid };
          const fold = startEventFold(CUTOFFS, options);
          const byDocument = eventsByDocument(events);
          for (const record of records)
            addInvoiceEvents(fold, record, byDocument.get(record.documentId) ?? []);
          for (const cutoff of CUTOFFS)
            expect(inOrder(finishEventTerms(fold, cutoff))).toEqual(
              inOrder(listTerms(records, events, cutoff, options)),
            );
        },
      ),
      { numRuns: 200 },
    );
  });
});
