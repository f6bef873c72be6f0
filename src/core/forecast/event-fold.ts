/**
 * The event terms (signals.ts) learned as a fold, so that neither the events nor the invoices they
 * name need be held: each invoice is given once with its own events (the database merges both by
 * document), and at every cut-off wanted its histories — from a dispute raised, a reminder sent or
 * a promised date to the payment, or to the cut-off while unpaid — are counted by day per segment,
 * per reminder level and per customer. Memory follows the segments, levels, customers with
 * promises and distinct days, not the years of history.
 * The typical times come from the counts by the same arithmetic as from the lists (survival.ts),
 * and each map is ordered by the first event that added to it in the company's event order (date,
 * then as recorded: `rank`), as the list-based learning inserted them: the same terms to the bit.
 */
import { toDayNumber } from '../calendar.ts';
import type { IsoDate } from '../types.ts';
import type { EventOptions, EventTerms, PromiseRecord, TypicalDays } from './signals.ts';
import { countDuration, type DayCount, medianAfter, survivalOfCounts } from './survival.ts';
import type { InvoiceEvent, InvoiceRecord } from './types.ts';

/** An event and its position in the company's events ordered by date, then as recorded. */
export type RankedEvent = InvoiceEvent & { rank: number };

/** Histories counted by day, and the rank of the first event that added one. */
interface Counted {
  first: number;
  total: number;
  byDay: Map<number, DayCount>;
}

interface EventCutoff {
  cutoff: IsoDate;
  day: number;
  disputes: Map<string, Counted>;
  reminders: Map<number, Counted>;
  promises: Map<string, Counted>;
}

export interface EventFold {
  options: EventOptions;
  cutoffs: EventCutoff[];
}

export function startEventFold(cutoffs: readonly IsoDate[], options: EventOptions): EventFold {
  return {
    options,
    cutoffs: [...new Set(cutoffs)].map((cutoff) => ({
      cutoff,
      day: toDayNumber(cutoff),
      disputes: new Map(),
      reminders: new Map(),
      promises: new Map(),
    })),
  };
}

/** The events of each document, ranked in date order (stable: the given order within a day). */
export function eventsByDocument(events: readonly InvoiceEvent[]): Map<number, RankedEvent[]> {
  const ordered = [...events].sort((a, b) => a.date.localeCompare(b.date));
  const byDocument = new Map<number, RankedEvent[]>();
  ordered.forEach((event, rank) => {
    const list = byDocument.get(event.documentId);
    if (list) list.push({ ...event, rank });
    else byDocument.set(event.documentId, [{ ...event, rank }]);
  });
  return byDocument;
}

function add<K>(map: Map<K, Counted>, key: K, days: number, paid: boolean, rank: number): void {
  let counted = map.get(key);
  if (!counted) {
    counted = { first: rank, total: 0, byDay: new Map() };
    map.set(key, counted);
  }
  counted.first = Math.min(counted.first, rank);
  counted.total += 1;
  countDuration(counted.byDay, days, paid, 1);
}

/**
 * Adds one invoice's histories at every cut-off. `events`: all of the invoice's events, ranked, in
 * rank order. A history ends with the payment settling the invoice by the cut-off, or is still
 * running at the cut-off; an invoice a credit note or a write-off closed says nothing of a payment.
 */
export function addInvoiceEvents(
  fold: EventFold,
  record: InvoiceRecord,
  events: readonly RankedEvent[],
): void {
  const { options } = fold;
  for (const at of fold.cutoffs) {
    const settled = record.settledOn !== null && record.settledOn <= at.cutoff;
    const endDay = settled ? toDayNumber(record.settledOn as IsoDate) : at.day;
    let disputed = false;
    let reminders = 0;
    for (const event of events) {
      if (event.date > at.cutoff) continue;
      if (settled && (!record.settledByPayment || (record.settledOn as IsoDate) < event.date)) continue;
      if (event.kind === 'promise') {
        // Only promises whose date has come tell whether the customer keeps them; one still unpaid
        // is a broken promise, counted whatever `countUnpaid` says.
        if (event.promisedDate !== undefined && event.promisedDate < at.cutoff)
          add(
            at.promises,
            record.customerCode,
            endDay - toDayNumber(event.promisedDate),
            settled,
            event.rank,
          );
        continue;
      }
      if (event.kind === 'reminder') reminders += 1;
      if (!settled && !options.countUnpaid) continue;
      const days = endDay - toDayNumber(event.date);
      if (event.kind === 'dispute_opened' && !disputed) {
        disputed = true;
        add(at.disputes, record.customerType, days, settled, event.rank);
      } else if (event.kind === 'reminder')
        add(
          at.reminders,
          Math.min(options.maxReminderLevel, event.level ?? reminders),
          days,
          settled,
          event.rank,
        );
    }
  }
}

function typical(counted: Counted | undefined, minObservations: number): TypicalDays | null {
  if (!counted || counted.total < minObservations) return null;
  const curve = survivalOfCounts(counted.byDay);
  const days = medianAfter(curve, Number.NEGATIVE_INFINITY);
  return days === null ? null : { days, observations: counted.total, curve };
}

/** The map's entries in the order their first history was added in the company's event order. */
function inEventOrder<K>(map: ReadonlyMap<K, Counted>): [K, Counted][] {
  return [...map].sort((a, b) => a[1].first - b[1].first);
}

/** Every segment's disputes together: the company's typical time. */
function allOf(map: ReadonlyMap<string, Counted>): Counted | undefined {
  if (map.size === 0) return undefined;
  const all: Counted = { first: 0, total: 0, byDay: new Map() };
  for (const counted of map.values()) {
    all.total += counted.total;
    for (const [day, count] of counted.byDay) {
      countDuration(all.byDay, day, true, count.paid);
      countDuration(all.byDay, day, false, count.all - count.paid);
    }
  }
  return all;
}

/** The event terms at one of the fold's cut-offs. */
export function finishEventTerms(fold: EventFold, cutoff: IsoDate): EventTerms {
  const at = fold.cutoffs.find((entry) => entry.cutoff === cutoff);
  if (!at) throw new RangeError(`the event fold has no cut-off ${cutoff}`);
  const { minObservations } = fold.options;
  const typicalBy = <K>(map: ReadonlyMap<K, Counted>) => {
    const result = new Map<K, TypicalDays>();
    for (const [key, counted] of inEventOrder(map)) {
      const days = typical(counted, minObservations);
      if (days) result.set(key, days);
    }
    return result;
  };
  const promiseRecords = new Map<string, PromiseRecord>();
  for (const [customer, counted] of inEventOrder(at.promises))
    promiseRecords.set(customer, {
      slipDays: medianAfter(survivalOfCounts(counted.byDay), Number.NEGATIVE_INFINITY),
      promises: counted.total,
    });
  return {
    disputeBySegment: typicalBy(at.disputes),
    disputeCompany: typical(allOf(at.disputes), minObservations),
    reminderByLevel: typicalBy(at.reminders),
    promiseRecords,
  };
}
