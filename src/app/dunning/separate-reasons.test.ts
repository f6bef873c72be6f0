import { describe, expect, it } from 'vitest';
import type { DunningInvoiceRow } from '#db/dunning/dunning-state';
import { separateReason, separateWhy } from './separate-reasons.ts';

const ASOF = '2026-06-30';
const row = (ref: string, id: number, state: Partial<DunningInvoiceRow> = {}): DunningInvoiceRow => ({
  documentId: id,
  documentRef: ref,
  customerCode: 'C00162',
  issueDate: '2026-03-19',
  dueDate: '2026-04-18',
  amountMinor: 1_101_203,
  openMinor: 1_101_203,
  currency: 'EUR',
  level: 3,
  lastStepDate: '2026-05-05',
  formalNoticeDate: null,
  disputed: false,
  promiseDate: null,
  promiseAmountMinor: null,
  pausedUntil: null,
  pauseReason: null,
  pauseId: null,
  handedOver: false,
  settlements: [],
  ...state,
});
/** The day's call task holds invoice 1 (F2026-000927), as Guérin Négoce's on 30 June 2026. */
const sameDay = new Map([['1', 'call_task']]);

describe('why a reminder leaves an overdue invoice out', () => {
  it('says our credit team will call about an invoice on the day’s call list', () => {
    const onCall = row('F2026-000927', 1);
    expect(separateReason(onCall, ASOF, sameDay)).toBe('call');
    expect(separateWhy('fr', [onCall], ASOF, true, sameDay)).toBe(
      'notre service crédit vous appellera à son sujet',
    );
    expect(separateWhy('en', [onCall], ASOF, true, sameDay)).toBe('our credit team will call you about it');
  });

  it('gives each invoice its reason, by number when the sentence names them, by count otherwise', () => {
    const rows = [
      row('F-1', 1),
      row('F-2', 2, { disputed: true }),
      row('F-3', 3, { promiseDate: '2026-07-15', promiseAmountMinor: 1_000 }),
      row('F-4', 4),
      row('F-5', 5),
    ];
    expect(separateWhy('fr', rows, ASOF, true, sameDay).split('\u00a0; ')).toEqual([
      'F-2 fait l’objet d’une contestation que nous examinons',
      'F-3 fait l’objet de votre promesse de règlement au 15\u00a0juillet\u00a02026',
      'notre service crédit vous appellera au sujet de la facture F-1',
      'F-4, F-5 restent dues, et nous vous remercions de les régler également',
    ]);
    expect(separateWhy('en', rows, ASOF, false, sameDay)).toBe(
      'one of them is under review following your query; one of them is covered by your promise to pay on 15\u00a0July\u00a02026; our credit team will call you about one of them; 2 of them are still due, and we would ask you to settle them too',
    );
  });

  it('speaks of them all at once when one reason covers them', () => {
    const paused = [
      row('F-1', 1, { pausedUntil: '2026-07-31' }),
      row('F-2', 2, { pausedUntil: '2026-08-31' }),
    ];
    expect(separateWhy('fr', paused, ASOF, true)).toBe('leur relance est suspendue');
    const handed = [row('F-1', 1, { handedOver: true })];
    expect(separateWhy('fr', handed, ASOF, true)).toBe('elle est suivie par notre service contentieux');
    // A pause ended before the day is no reason any more.
    expect(separateReason(row('F-9', 9, { pausedUntil: '2026-06-01' }), ASOF)).toBe('other');
  });

  it('recalls that invoices under an earlier formal notice remain due under it, with its date', () => {
    const noticed = [
      row('F2026-001141', 1, { formalNoticeDate: '2026-06-05' }),
      row('F2026-001243', 2, { formalNoticeDate: '2026-06-05' }),
    ];
    expect(separateReason(noticed[0] as DunningInvoiceRow, ASOF)).toBe('noticed');
    expect(separateWhy('fr', noticed, ASOF, true)).toBe(
      'elles restent dues au titre de notre mise en demeure du 5\u00a0juin\u00a02026',
    );
    expect(separateWhy('en', noticed, ASOF, true)).toBe(
      'they remain due under our formal notice of 5\u00a0June\u00a02026',
    );
    const mixed = [row('F2025-002225', 3, { formalNoticeDate: '2026-05-05' }), ...noticed];
    expect(separateWhy('fr', mixed, ASOF, true, new Map([['3', 'call_task']]))).toBe(
      'notre service crédit vous appellera au sujet de la facture F2025-002225\u00a0; F2026-001141, F2026-001243 restent dues au titre de notre mise en demeure du 5\u00a0juin\u00a02026',
    );
  });
});
