/**
 * The imported reminders a replayed day reads: those of the day's customers dated on or before it.
 * A replay asks this twice per business day (once per side), so the list is grouped by customer
 * once, on first use, rather than filtered whole on every call.
 */
import type { ImportedReminder } from '../dunning/imported-reminders.ts';
import type { IsoDate } from '../types.ts';

/**
 * Keyed by the snapshot's list itself, which a replay never changes: every day of every slice of
 * the job reads the same grouping, and a new snapshot is grouped anew.
 */
const grouped = new WeakMap<readonly ImportedReminder[], ReadonlyMap<string, readonly ImportedReminder[]>>();

/** Each customer's reminders, oldest first (a stable sort: same-day lines keep their order). */
export function remindersByCustomer(
  reminders: readonly ImportedReminder[],
): ReadonlyMap<string, readonly ImportedReminder[]> {
  const known = grouped.get(reminders);
  if (known) return known;
  const byCustomer = new Map<string, ImportedReminder[]>();
  for (const reminder of reminders) {
    const own = byCustomer.get(reminder.customerCode);
    if (own) own.push(reminder);
    else byCustomer.set(reminder.customerCode, [reminder]);
  }
  for (const own of byCustomer.values()) own.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  grouped.set(reminders, byCustomer);
  return byCustomer;
}

/**
 * The reminders of these customers dated on or before `day`: the same lines as filtering the whole
 * list, grouped by customer instead of in the list's order (the planner groups them by customer
 * and sorts each customer's dates itself).
 */
export function remindersUpTo(
  reminders: readonly ImportedReminder[],
  customerCodes: Iterable<string>,
  day: IsoDate,
): ImportedReminder[] {
  const byCustomer = remindersByCustomer(reminders);
  const found: ImportedReminder[] = [];
  for (const code of customerCodes) {
    for (const reminder of byCustomer.get(code) ?? []) {
      if (reminder.date > day) break;
      found.push(reminder);
    }
  }
  return found;
}
