/**
 * A customer's limit history as a reader needs it: the changes made in Encours (requests, by hand,
 * customer imports) and the limit changes of the story brought in by an import of past events,
 * which carry only a date and a free text. Without the imported ones, the risk panel said "no
 * limit change" beside a story that showed one.
 */
import type { ImportOrigin, IsoDate } from '../types.ts';

export interface LimitChangeEntry {
  entryId: number;
  kind: string;
  amountMinor: number | null;
  previousMinor: number | null;
  currency: string;
  validFrom: IsoDate;
  expiresOn: IsoDate | null;
  reason: string | null;
  createdBy: string | null;
  /** The import that wrote it (a file, or the demo load), when one did: the reader is told so. */
  importOrigin?: ImportOrigin | null | undefined;
}

/** An imported story line of kind 'limit_change': a date and the file's own words. */
export interface ImportedLimitEvent {
  eventId: number;
  eventDate: IsoDate;
  detail: string;
  currency: string;
  createdBy: string | null;
  importOrigin?: ImportOrigin | null | undefined;
}

export type LimitHistoryItem = LimitChangeEntry & { source: 'encours' | 'imported' };

/**
 * Both kinds in one list, the latest date first (Encours entries first on a tie, in their own
 * order). An imported line dated like an Encours entry is that entry told again (a story line
 * written by an older version), so it is left out.
 */
export function mergeLimitHistory(
  entries: readonly LimitChangeEntry[],
  imported: readonly ImportedLimitEvent[],
): LimitHistoryItem[] {
  const dated = new Set(entries.map((e) => e.validFrom));
  const items: LimitHistoryItem[] = entries.map((e) => ({ ...e, source: 'encours' }));
  for (const event of imported) {
    if (dated.has(event.eventDate)) continue;
    items.push({
      entryId: event.eventId,
      source: 'imported',
      kind: 'imported',
      amountMinor: null,
      previousMinor: null,
      currency: event.currency,
      validFrom: event.eventDate,
      expiresOn: null,
      reason: event.detail,
      createdBy: event.createdBy,
      importOrigin: event.importOrigin ?? null,
    });
  }
  // Array.prototype.sort is stable: ties keep Encours entries first, each list in its own order.
  return items.sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
}

/**
 * An imported change whose words give no previous limit (« Plafond ramené à 0 € ») was made on the
 * limit the change before it set: the nearest older change that is not temporary (a temporary limit
 * sits on top of the permanent one, which a change replaces). Encours's own entries keep theirs: null
 * there is a customer that had no limit. Expects the list latest first, as `mergeLimitHistory` gives it.
 */
export function withPreviousLimits<T extends LimitHistoryItem>(items: readonly T[]): T[] {
  return items.map((item, index) => {
    if (item.source !== 'imported' || item.previousMinor !== null) return item;
    const older = items.slice(index + 1).find((candidate) => candidate.kind !== 'temporary');
    return older === undefined || older.amountMinor === null
      ? item
      : { ...item, previousMinor: older.amountMinor };
  });
}

/**
 * The customer's limit on a date, read back from its history (latest first, as `withPreviousLimits`
 * gives it, an imported change's amounts filled from its words): a temporary limit in force that
 * day; else the limit the last permanent change made by then set (null: it took the limit away);
 * else the limit the earliest change replaced; without any change, today's limit. Undefined when
 * the history cannot tell: every change came after the date and the earliest does not state the
 * limit it replaced. An imported change whose words state no new limit is passed over.
 */
export function limitOnDate(
  items: readonly LimitHistoryItem[],
  currentMinor: number | null,
  date: IsoDate,
): number | null | undefined {
  const temporary = items.find(
    (i) => i.kind === 'temporary' && i.validFrom <= date && (i.expiresOn === null || date <= i.expiresOn),
  );
  if (temporary) return temporary.amountMinor;
  const permanent = items.filter(
    (i) => i.kind !== 'temporary' && (i.source === 'encours' || i.amountMinor !== null),
  );
  const inForce = permanent.find((i) => i.validFrom <= date);
  if (inForce) return inForce.amountMinor;
  const earliest = permanent.at(-1);
  if (earliest === undefined) return currentMinor;
  // Encours records a customer that had no limit as null; an imported line that says nothing, too.
  return earliest.source === 'encours' ? earliest.previousMinor : (earliest.previousMinor ?? undefined);
}
