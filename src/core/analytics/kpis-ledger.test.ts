import { describe, expect, it } from 'vitest';
import { receivablesAtDates } from './kpis-cube.ts';
import { cubeFromOpening, evaluationIndex, foldDocumentDays, invoicedAndSettled } from './kpis-ledger.ts';

const evalDates = ['2025-01-31', '2025-02-28', '2025-03-31'];

describe('evaluationIndex', () => {
  it('gives the first evaluation date on or after the date', () => {
    expect(evaluationIndex(evalDates, '2025-01-31')).toBe(0);
    expect(evaluationIndex(evalDates, '2025-02-01')).toBe(1);
    expect(evaluationIndex(evalDates, '2025-03-31')).toBe(2);
    expect(evaluationIndex(evalDates, '2025-04-01')).toBeNull();
  });
});

describe('foldDocumentDays', () => {
  const rows = [
    { issueDate: '2024-11-15', kind: 'invoice', dueDate: null, amountMinor: 700 },
    { issueDate: '2025-01-20', kind: 'credit_note', dueDate: null, amountMinor: -30 },
    { issueDate: '2025-02-05', kind: 'invoice', dueDate: '2025-03-07', amountMinor: 1000 },
    { issueDate: '2025-02-10', kind: 'payment', dueDate: null, amountMinor: -400 },
    { issueDate: '2025-03-01', kind: 'write_off', dueDate: null, amountMinor: -50 },
  ];

  it('splits sales by month, the period movements and the cube cells after the first date', () => {
    const figures = foldDocumentDays(rows, evalDates, '2025-02-01');
    expect(Object.fromEntries(figures.salesByMonth)).toEqual({ '2024-11': 700, '2025-02': 1000 });
    expect(Object.fromEntries(figures.invoicedByMonth)).toEqual({ '2025-02': 1000 });
    expect(figures.dailyMovements).toEqual([
      { date: '2025-02-05', amountMinor: 1000 },
      { date: '2025-02-10', amountMinor: -400 },
      { date: '2025-03-01', amountMinor: -50 },
    ]);
    expect(figures.debits).toEqual([{ k: 1, dueDate: '2025-03-07', amountMinor: 1000 }]);
    expect(figures.credits).toEqual([
      { k: 1, amountMinor: -400 },
      { k: 2, amountMinor: -50 },
    ]);
    expect(figures.creditNotesMinor).toBe(0);
  });

  it('counts credit notes from the first day of the period month, like the monthly totals', () => {
    expect(foldDocumentDays(rows, evalDates, '2025-01-25').creditNotesMinor).toBe(-30);
  });
});

describe('cubeFromOpening', () => {
  it('gives the same snapshots as the cube over the whole history', () => {
    // History: an invoice of 500 due 01-15 half paid on 01-20 (before the first date), the rest
    // paid on 02-10; an unapplied payment of -80 issued on 01-25; in February an invoice of 300.
    const whole = receivablesAtDates({
      evalDates,
      debits: [
        { k: 0, dueDate: '2025-01-15', amountMinor: 500 },
        { k: 1, dueDate: '2025-03-10', amountMinor: 300 },
      ],
      credits: [
        { k: 0, amountMinor: -250 - 80 },
        { k: 1, amountMinor: -250 },
      ],
      allocations: [
        { k: 0, dueDate: '2025-01-15', amountMinor: 250 },
        { k: 1, dueDate: '2025-01-15', amountMinor: 250 },
      ],
    });
    const fromOpening = receivablesAtDates(
      cubeFromOpening(
        evalDates,
        { debits: [{ dueDate: '2025-01-15', openMinor: 250 }], creditsMinor: -80 },
        {
          debits: [{ k: 1, dueDate: '2025-03-10', amountMinor: 300 }],
          credits: [{ k: 1, amountMinor: -250 }],
        },
        [{ k: 1, dueDate: '2025-01-15', amountMinor: 250 }],
      ),
    );
    expect(fromOpening).toEqual(whole);
  });
});

describe('invoicedAndSettled', () => {
  it('lists every invoiced month, settled or not, in month order', () => {
    const invoiced = new Map([
      ['2025-02', 1000],
      ['2025-01', 500],
    ]);
    expect(invoicedAndSettled(invoiced, [{ month: '2025-01', settledMinor: 200 }])).toEqual([
      { month: '2025-01', invoicedMinor: 500, settledMinor: 200 },
      { month: '2025-02', invoicedMinor: 1000, settledMinor: 0 },
    ]);
  });
});
