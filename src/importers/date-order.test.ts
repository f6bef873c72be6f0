import { describe, expect, it } from 'vitest';
import { DateColumns } from './date-order.ts';

/** Reads `values` as column 0 (lines 2, 3…) and returns the dates. */
function readColumn(columns: DateColumns, values: readonly string[], column = 0) {
  return values.map((value, index) => columns.read(column, value, index + 2));
}

describe('DateColumns', () => {
  it('reads day first while nothing contradicts it, and asks for another pass when a value does', () => {
    const columns = new DateColumns(null);
    expect(readColumn(columns, ['3/4/2013', '4/5/2013'])).toEqual([
      { ok: true, date: '2013-04-03' },
      { ok: true, date: '2013-05-04' },
    ]);
    expect(columns.needsAnotherPass).toBe(false);
    columns.observe(0, '3/25/2013', 9);
    expect(columns.needsAnotherPass).toBe(true);
    const plan = columns.plan();
    expect(plan.orderByColumn.get(0)).toBe('mdy');
    const next = new DateColumns(null, plan);
    expect(readColumn(next, ['3/4/2013', '3/25/2013'])).toEqual([
      { ok: true, date: '2013-03-04' },
      { ok: true, date: '2013-03-25' },
    ]);
    expect(next.needsAnotherPass).toBe(false);
    expect(next.notices(['InvoiceDate'])).toEqual([
      { code: 'date_order_month_first', params: { column: 'InvoiceDate', line: 3, value: '3/25/2013' } },
    ]);
  });

  it('gives a column whose values all read both ways the order of the file', () => {
    const first = new DateColumns(null);
    readColumn(first, ['3/4/2013', '3/25/2013'], 0);
    readColumn(first, ['4/5/2013', '6/7/2013'], 1);
    const plan = first.plan();
    expect([plan.orderByColumn.get(0), plan.orderByColumn.get(1)]).toEqual(['mdy', 'mdy']);
    const next = new DateColumns(null, plan);
    readColumn(next, ['3/4/2013', '3/25/2013'], 0);
    expect(readColumn(next, ['4/5/2013'], 1)).toEqual([{ ok: true, date: '2013-04-05' }]);
    // The value quoted for the second column is the first column's, and the notice names that column.
    expect(next.notices(['InvoiceDate', 'DueDate'])).toEqual([
      { code: 'date_order_month_first', params: { column: 'InvoiceDate', line: 3, value: '3/25/2013' } },
      {
        code: 'date_order_month_first_other_column',
        params: { column: 'DueDate', otherColumn: 'InvoiceDate', line: 3, value: '3/25/2013' },
      },
    ]);
    expect(next.learnedOrder()).toBe('mdy');
  });

  it('reads a column whose values all read both ways in the remembered order, and says so', () => {
    const remembered = { order: 'mdy' as const, fileName: 'march.csv' };
    const columns = new DateColumns(null, null, remembered);
    expect(readColumn(columns, ['3/4/2013', '5/5/2013', '11/12/2013'])).toEqual([
      { ok: true, date: '2013-03-04' },
      { ok: true, date: '2013-05-05' },
      { ok: true, date: '2013-11-12' },
    ]);
    expect(columns.needsAnotherPass).toBe(false);
    expect(columns.notices(['Date'])).toEqual([
      { code: 'date_order_remembered', params: { column: 'Date', order: 'mdy', file: 'march.csv' } },
    ]);
    // Nothing of this file's own decides: it teaches nothing, the memory stays as it was.
    expect(columns.learnedOrder()).toBeNull();
  });

  it("lets a file's own day-first values win over the remembered order, for all its columns", () => {
    const remembered = { order: 'mdy' as const, fileName: 'march.csv' };
    const first = new DateColumns(null, null, remembered);
    readColumn(first, ['3/4/2013', '25/4/2013'], 0);
    readColumn(first, ['4/5/2013'], 1);
    expect(first.needsAnotherPass).toBe(true);
    const next = new DateColumns(null, first.plan(), remembered);
    expect(readColumn(next, ['3/4/2013', '25/4/2013'], 0)).toEqual([
      { ok: true, date: '2013-04-03' },
      { ok: true, date: '2013-04-25' },
    ]);
    expect(readColumn(next, ['4/5/2013'], 1)).toEqual([{ ok: true, date: '2013-05-04' }]);
    expect(next.notices(['InvoiceDate', 'DueDate'])).toEqual([]);
    expect(next.learnedOrder()).toBe('dmy');
  });

  it('keeps day first for a file whose values all read both ways, and says so', () => {
    const columns = new DateColumns(null);
    readColumn(columns, ['3/4/2013', '5/5/2013', '2013-01-31', '11/12/2013']);
    expect(columns.needsAnotherPass).toBe(false);
    expect(columns.problems(['Date'])).toEqual([]);
    expect(columns.notices(['Date'])).toEqual([
      { code: 'date_order_assumed', params: { column: 'Date', count: 2, value: '3/4/2013' } },
    ]);
  });

  it('says nothing when a value shows the column is day first', () => {
    const columns = new DateColumns(null);
    readColumn(columns, ['3/4/2013', '25/4/2013']);
    expect(columns.notices(['Date'])).toEqual([]);
  });

  it('refuses a column that mixes both orders once, and only its values that read neither way', () => {
    const first = new DateColumns(null);
    readColumn(first, ['25/3/2013', '3/25/2013', '26/3/2013']);
    const next = new DateColumns(null, first.plan());
    const readings = readColumn(next, ['25/3/2013', '3/25/2013', '26/3/2013', '31/31/2013']);
    expect(readings).toEqual([
      { ok: true, date: '2013-03-25' },
      { ok: false, problem: null },
      { ok: true, date: '2013-03-26' },
      { ok: false, problem: { code: 'invalid_date', params: {} } },
    ]);
    // On the first row of the fewer order, with its value.
    expect(next.problems(['Date'])).toEqual([
      {
        line: 3,
        value: '3/25/2013',
        column: 'Date',
        problem: {
          code: 'mixed_date_orders',
          params: {
            column: 'Date',
            dayFirstLine: 2,
            dayFirstValue: '25/3/2013',
            dayFirstCount: 2,
            monthFirstLine: 3,
            monthFirstValue: '3/25/2013',
            monthFirstCount: 1,
          },
        },
      },
    ]);
  });

  it('places a mixed column on its row most likely at fault', () => {
    const problemOf = (values: readonly string[]) => {
      const first = new DateColumns(null);
      readColumn(first, values);
      const [found] = first.problems(['Échéance']);
      return [found?.line, found?.value];
    };
    // The fewer order is at fault, wherever it comes.
    expect(problemOf(['05/14/2026', '13/05/2026', '20/05/2026'])).toEqual([2, '05/14/2026']);
    expect(problemOf(['13/05/2026', '05/14/2026', '06/15/2026'])).toEqual([2, '13/05/2026']);
    // As many of each: the row where the second order first shows.
    expect(problemOf(['12/06/2026', '06/13/2026', '19/06/2026'])).toEqual([4, '19/06/2026']);
  });

  it('follows the order the user gives, without looking at the values', () => {
    const columns = new DateColumns('mdy');
    expect(readColumn(columns, ['3/4/2013', '25/3/2013'])).toEqual([
      { ok: true, date: '2013-03-04' },
      { ok: false, problem: { code: 'invalid_date_in_order', params: { format: 'MM/DD/YYYY' } } },
    ]);
    expect(columns.needsAnotherPass).toBe(false);
    expect(columns.notices(['Date'])).toEqual([]);
    // The user's choice is for this file: nothing is learned from it.
    expect(columns.learnedOrder()).toBeNull();
  });

  it('reads one text in the order of each column it is in, however often it comes', () => {
    const plan = {
      orderByColumn: new Map([
        [0, 'mdy' as const],
        [1, 'dmy' as const],
      ]),
      mixedColumns: new Set<number>(),
    };
    const columns = new DateColumns(null, plan);
    for (let round = 0; round < 3; round++) {
      expect(columns.read(0, '3/4/2013', 2 + round)).toEqual({ ok: true, date: '2013-03-04' });
      expect(columns.read(1, '3/4/2013', 2 + round)).toEqual({ ok: true, date: '2013-04-03' });
    }
  });

  it('names the two-digit-year-first format when a date does not read year first', () => {
    const columns = new DateColumns('ymd');
    expect(readColumn(columns, ['26/04/03', '03/04/2026', '2026-04-03'])).toEqual([
      { ok: true, date: '2026-04-03' },
      { ok: false, problem: { code: 'invalid_date_in_order', params: { format: 'YY/MM/DD' } } },
      { ok: true, date: '2026-04-03' },
    ]);
  });
});
