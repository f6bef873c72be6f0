import { describe, expect, it } from 'vitest';
import { assessImportedPromise, importedPromiseTerms } from './imported-promises.ts';

describe('the terms of an imported promise line', () => {
  it('reads the promised date and the amount the demo’s lines state', () => {
    expect(
      importedPromiseTerms('Promesse de règlement de 1 890,83 € pour le 29/06/2026', '2026-06-11'),
    ).toEqual({ promisedOn: '2026-06-29', amountMinor: 189_083, severalDates: false });
    expect(
      importedPromiseTerms('Promesse de paiement de 12\u202f500 EUR le 3 juillet 2026', '2026-06-20'),
    ).toEqual({ promisedOn: '2026-07-03', amountMinor: 1_250_000, severalDates: false });
  });

  it('takes the call’s own day for the promised date only when the line names no later one', () => {
    expect(
      importedPromiseTerms('Promesse du 11/06/2026 : virement de 500,00 € le 1er juillet 2026', '2026-06-11'),
    ).toEqual({ promisedOn: '2026-07-01', amountMinor: 50_000, severalDates: false });
    expect(
      importedPromiseTerms('Virement de 500,00 € promis pour ce jour, le 11/06/2026', '2026-06-11'),
    ).toEqual({ promisedOn: '2026-06-11', amountMinor: 50_000, severalDates: false });
    // A date before the line (an invoice's, a former call's) is no promised date.
    expect(importedPromiseTerms('Facture du 02/03/2026 : promesse de 800,00 €', '2026-06-11')).toEqual({
      promisedOn: null,
      amountMinor: 80_000,
      severalDates: false,
    });
  });

  it('reads no amount when the line names several later dates (instalments), nor one it does not state', () => {
    expect(
      importedPromiseTerms('Promesse : 1 000,00 € le 15/07/2026 et 1 000,00 € le 31/07/2026', '2026-06-30'),
    ).toEqual({ promisedOn: '2026-07-31', amountMinor: null, severalDates: true });
    expect(importedPromiseTerms('Promet de régler le solde le 15/07/2026', '2026-06-30')).toEqual({
      promisedOn: '2026-07-15',
      amountMinor: null,
      severalDates: false,
    });
    // 30 February is no date.
    expect(
      importedPromiseTerms('Promesse de 100,00 € pour le 30/02/2026', '2026-02-01').promisedOn,
    ).toBeNull();
  });
});

describe('the status of an imported promise, read from the ledger', () => {
  const promise = (detail: string, madeOn = '2026-06-10', currency = 'EUR') => ({
    madeOn,
    currency,
    terms: importedPromiseTerms(detail, madeOn),
  });
  const line = promise('Promesse de règlement de 1 000,00 € pour le 20/06/2026');

  it('is kept when the payments after the line and by the promised date cover the amount', () => {
    const payments = [
      { date: '2026-06-12', amountMinor: 60_000 },
      { date: '2026-06-20', amountMinor: 40_000 },
    ];
    expect(assessImportedPromise(line, payments, '2026-06-30')).toEqual({
      status: 'kept',
      reason: null,
      paidMinor: 100_000,
    });
  });

  it('is broken when they do not by the promised date, a later payment or a bounced one left out', () => {
    const payments = [
      { date: '2026-06-12', amountMinor: 60_000 },
      { date: '2026-06-15', amountMinor: 40_000 },
      { date: '2026-06-16', amountMinor: -40_000 },
      { date: '2026-06-21', amountMinor: 40_000 },
    ];
    expect(assessImportedPromise(line, payments, '2026-06-30')).toEqual({
      status: 'broken',
      reason: null,
      paidMinor: 60_000,
    });
  });

  it('is pending until the promised date has passed', () => {
    const payments = [{ date: '2026-06-12', amountMinor: 60_000 }];
    expect(assessImportedPromise(line, payments, '2026-06-20').status).toBe('pending');
    expect(assessImportedPromise(line, payments, '2026-06-21').status).toBe('broken');
    // What is paid after the as-of date is not known then.
    expect(assessImportedPromise(line, [{ date: '2026-06-19', amountMinor: 100_000 }], '2026-06-15')).toEqual(
      {
        status: 'pending',
        reason: null,
        paidMinor: 0,
      },
    );
  });

  it('is not verifiable when only a payment of the line’s own day would keep it', () => {
    const payments = [
      { date: '2026-06-10', amountMinor: 70_000 },
      { date: '2026-06-18', amountMinor: 30_000 },
    ];
    expect(assessImportedPromise(line, payments, '2026-06-30')).toEqual({
      status: 'unverifiable',
      reason: 'same_day',
      paidMinor: 30_000,
    });
    // Too little even with it: broken.
    expect(assessImportedPromise(line, payments.slice(0, 1), '2026-06-30').status).toBe('broken');
  });

  it('is not verifiable when the line says no date or no amount, names instalments, or the ledger is not in euros', () => {
    const paid = [{ date: '2026-06-12', amountMinor: 500_000 }];
    const reason = (p: ReturnType<typeof promise>) => assessImportedPromise(p, paid, '2026-06-30');
    expect(reason(promise('Promesse de règlement de 1 000,00 € la semaine prochaine'))).toEqual({
      status: 'unverifiable',
      reason: 'no_date',
      paidMinor: null,
    });
    expect(reason(promise('Promet de régler le solde le 20/06/2026')).reason).toBe('no_amount');
    expect(reason(promise('Promesse : 500,00 € le 15/06/2026 et 500,00 € le 25/06/2026')).reason).toBe(
      'instalments',
    );
    const pounds = promise('Promesse de règlement de 1 000,00 € pour le 20/06/2026', '2026-06-10', 'GBP');
    expect(reason(pounds).reason).toBe('currency');
  });
});
