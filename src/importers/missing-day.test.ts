/**
 * A date written in the expected format of a day the calendar lacks (« 31/02/2026 ») is refused as
 * a day that does not exist, with its value; a text that is no date in the column's format keeps
 * the problem that shows the format.
 */
import { describe, expect, it } from 'vitest';
import { DateColumns } from './date-order.ts';
import { isMissingDay } from './values.ts';

describe('a day the calendar lacks', () => {
  it('is told from a text that is no date in the order read', () => {
    for (const text of ['31/02/2026', '29/02/2025', '31/04/2026', '31.06.2026', '2025-02-29', ' 30/02/26 '])
      expect(isMissingDay(text), text).toBe(true);
    for (const text of ['29/02/2024', '32/01/2026', '01/13/2026', '2026-13-01', 'demain', '31/02'])
      expect(isMissingDay(text), text).toBe(false);
    expect(isMissingDay('02/31/2026', 'mdy')).toBe(true);
    expect(isMissingDay('31/02/2026', 'mdy')).toBe(false);
  });

  it('is refused with its value in a column of either order', () => {
    const dayFirst = new DateColumns(null);
    expect(dayFirst.read(0, '31/02/2026', 2)).toEqual({
      ok: false,
      problem: { code: 'date_not_in_calendar', params: { value: '31/02/2026' } },
    });
    expect(dayFirst.read(0, '32/01/2026', 3)).toEqual({
      ok: false,
      problem: { code: 'invalid_date', params: {} },
    });
    const monthFirst = new DateColumns('mdy');
    expect(monthFirst.read(0, '02/30/2026', 2)).toEqual({
      ok: false,
      problem: { code: 'date_not_in_calendar', params: { value: '02/30/2026' } },
    });
    expect(monthFirst.read(0, '30/02/2026', 3)).toMatchObject({ problem: { code: 'invalid_date_in_order' } });
  });
});
