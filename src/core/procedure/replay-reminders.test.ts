import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportedReminder } from '../dunning/imported-reminders.ts';
import { remindersByCustomer, remindersUpTo } from './replay-reminders.ts';

const CODES = ['A', 'B', 'C', 'D'];
const DATES = ['2026-01-05', '2026-02-10', '2026-02-10', '2026-03-01', '2026-04-30'];

/** What the replay read before: the whole list filtered, in its order. */
const plainFilter = (reminders: readonly ImportedReminder[], codes: Set<string>, day: string) =>
  reminders.filter((r) => r.date <= day && codes.has(r.customerCode));

/** The customers' dates, each sorted: all the planner reads of the lines. */
const datesByCustomer = (reminders: readonly ImportedReminder[]) => {
  const dates = new Map<string, string[]>();
  for (const r of reminders) dates.set(r.customerCode, [...(dates.get(r.customerCode) ?? []), r.date]);
  for (const own of dates.values()) own.sort();
  return dates;
};

describe('remindersUpTo', () => {
  const reminders: ImportedReminder[] = [
    { customerCode: 'B', date: '2026-03-01' },
    { customerCode: 'A', date: '2026-02-10' },
    { customerCode: 'B', date: '2026-01-05' },
    { customerCode: 'A', date: '2026-04-30' },
    { customerCode: 'C', date: '2026-01-05' },
  ];

  it("reads the day's customers' lines dated on or before the day, oldest first per customer", () => {
    expect(remindersUpTo(reminders, ['B', 'A'], '2026-03-01')).toEqual([
      { customerCode: 'B', date: '2026-01-05' },
      { customerCode: 'B', date: '2026-03-01' },
      { customerCode: 'A', date: '2026-02-10' },
    ]);
    expect(remindersUpTo(reminders, ['A', 'D'], '2026-01-31')).toEqual([]);
  });

  it('groups a list once and leaves the list as it was', () => {
    const copy = structuredClone(reminders);
    expect(remindersByCustomer(reminders)).toBe(remindersByCustomer(reminders));
    expect(remindersByCustomer(copy)).not.toBe(remindersByCustomer(reminders));
    remindersUpTo(reminders, CODES, '2026-12-31');
    expect(reminders).toEqual(copy);
  });

  it('gives the same lines as filtering the whole list, whatever the list, customers and day', () => {
    const reminder = fc.record({ customerCode: fc.constantFrom(...CODES), date: fc.constantFrom(...DATES) });
    fc.assert(
      fc.property(
        fc.array(reminder, { maxLength: 30 }),
        fc.subarray(CODES),
        fc.constantFrom('2025-12-31', ...DATES, '2026-12-31'),
        (list, codes, day) => {
          const found = remindersUpTo(list, codes, day);
          const expected = plainFilter(list, new Set(codes), day);
          expect(found).toHaveLength(expected.length);
          expect(datesByCustomer(found)).toEqual(datesByCustomer(expected));
        },
      ),
    );
  });
});
