import { describe, expect, it } from 'vitest';
import { noticePendingInvoices } from './handover-selection.ts';

describe('the invoices a hand-over leaves out by default', () => {
  // The imported notice of 05/05 named every invoice overdue then; Encours's of 30/06 the newer ones.
  const notices = [
    { date: '2026-05-05', deadline: '2026-05-13', refs: ['F1', 'F2', 'F3'] },
    { date: '2026-06-30', deadline: '2026-07-08', refs: ['F3', 'F4', 'F5'] },
  ];

  it('leaves out the invoices whose latest notice still gives time to pay, up to its deadline day', () => {
    const refs = ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'];
    const held = [{ noticeDate: '2026-06-30', deadline: '2026-07-08', refs: ['F3', 'F4', 'F5'] }];
    expect(noticePendingInvoices('2026-06-30', refs, notices)).toEqual(held);
    // The deadline day is still the debtor's; they go from the day after.
    expect(noticePendingInvoices('2026-07-08', refs, notices)).toEqual(held);
    expect(noticePendingInvoices('2026-07-09', refs, notices)).toEqual([]);
  });

  it('reads the latest notice of each invoice, whatever the order given, and groups by notice', () => {
    const older = { date: '2026-06-25', deadline: '2026-07-03', refs: ['F1'] };
    expect(
      noticePendingInvoices('2026-07-01', ['F5', 'F1', 'F2'], [...notices].reverse().concat(older)),
    ).toEqual([
      { noticeDate: '2026-06-25', deadline: '2026-07-03', refs: ['F1'] },
      { noticeDate: '2026-06-30', deadline: '2026-07-08', refs: ['F5'] },
    ]);
    expect(noticePendingInvoices('2026-06-30', ['F6'], notices)).toEqual([]);
  });
});
