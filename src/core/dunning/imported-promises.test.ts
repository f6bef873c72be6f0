import { describe, expect, it } from 'vitest';
import { referenceWordsOf } from './imported-promise-invoices.ts';
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
      invoiceCheck: null,
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
      invoiceCheck: null,
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
        invoiceCheck: null,
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
      invoiceCheck: null,
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
      invoiceCheck: null,
    });
    expect(reason(promise('Promet de régler le solde le 20/06/2026')).reason).toBe('no_amount');
    expect(reason(promise('Promesse : 500,00 € le 15/06/2026 et 500,00 € le 25/06/2026')).reason).toBe(
      'instalments',
    );
    const pounds = promise('Promesse de règlement de 1 000,00 € pour le 20/06/2026', '2026-06-10', 'GBP');
    expect(reason(pounds).reason).toBe('currency');
  });
});

describe('an imported promise naming its invoices but no amount, judged on them', () => {
  const promise = (detail: string, madeOn = '2026-06-10', currency = 'EUR') => ({
    madeOn,
    currency,
    terms: importedPromiseTerms(detail, madeOn),
  });
  const line = promise('Promet de régler la facture F2026-000412 pour le 20/06/2026');
  const invoice = (allocations: { date: string; amountMinor: number }[], ref = 'F2026-000412') => ({
    ref,
    amountMinor: 100_000,
    allocations,
  });
  // Payments of the customer that settled other invoices: not what this line promised.
  const otherPayments = [{ date: '2026-06-15', amountMinor: 500_000 }];

  it('reads the references the line and its document column may name, never a date or an amount', () => {
    expect(
      referenceWordsOf(
        'Promet de régler F2026-000412 et f2026-000415. pour le 20/06/2026 (3 974,82 €)',
        null,
      ),
    ).toEqual(['F2026-000412', 'F2026-000415']);
    expect(referenceWordsOf('Promesse pour le 20/06/2026', 'F2026-000412')).toEqual(['F2026-000412']);
  });

  it('is kept when every invoice it names was settled by the promised date, and says when', () => {
    const settled = [
      invoice([
        { date: '2026-06-12', amountMinor: 40_000 },
        { date: '2026-06-18', amountMinor: 60_000 },
      ]),
      invoice([{ date: '2026-06-14', amountMinor: 100_000 }], 'F2026-000415'),
    ];
    expect(assessImportedPromise(line, otherPayments, '2026-06-30', settled)).toEqual({
      status: 'kept',
      reason: null,
      paidMinor: null,
      invoiceCheck: {
        refs: ['F2026-000412', 'F2026-000415'],
        on: '2026-06-20',
        openMinor: 0,
        settledOn: '2026-06-18',
      },
    });
    // Settled by the as-of date while the promised date has not come: kept already.
    expect(assessImportedPromise(line, [], '2026-06-19', settled).status).toBe('kept');
  });

  it('is broken when one of them still owed something at the promised date, a bounce by then counted', () => {
    // Paid on the 15th, the payment bounced on the 17th (its allocation reversed), paid again after the date.
    const bounced = invoice([
      { date: '2026-06-15', amountMinor: 100_000 },
      { date: '2026-06-17', amountMinor: -100_000 },
      { date: '2026-06-25', amountMinor: 100_000 },
    ]);
    expect(assessImportedPromise(line, otherPayments, '2026-06-30', [bounced])).toEqual({
      status: 'broken',
      reason: null,
      paidMinor: null,
      invoiceCheck: { refs: ['F2026-000412'], on: '2026-06-20', openMinor: 100_000, settledOn: null },
    });
    const oneOpen = [
      invoice([{ date: '2026-06-12', amountMinor: 100_000 }]),
      invoice([{ date: '2026-06-12', amountMinor: 30_000 }], 'F2026-000415'),
    ];
    expect(assessImportedPromise(line, otherPayments, '2026-06-30', oneOpen).invoiceCheck).toMatchObject({
      openMinor: 70_000,
      settledOn: null,
    });
    expect(assessImportedPromise(line, otherPayments, '2026-06-30', oneOpen).status).toBe('broken');
  });

  it('is pending while the promised date has not passed, read at the as-of date', () => {
    const partly = invoice([
      { date: '2026-06-12', amountMinor: 30_000 },
      { date: '2026-06-19', amountMinor: 70_000 },
    ]);
    expect(assessImportedPromise(line, otherPayments, '2026-06-15', [partly])).toEqual({
      status: 'pending',
      reason: null,
      paidMinor: null,
      invoiceCheck: { refs: ['F2026-000412'], on: '2026-06-15', openMinor: 70_000, settledOn: null },
    });
    expect(assessImportedPromise(line, otherPayments, '2026-06-20', [invoice([])]).status).toBe('pending');
    expect(assessImportedPromise(line, otherPayments, '2026-06-21', [invoice([])]).status).toBe('broken');
  });

  it('stays not verifiable without a date or an invoice of the ledger, and leaves a stated amount to the payments', () => {
    const settled = [invoice([{ date: '2026-06-12', amountMinor: 100_000 }])];
    expect(assessImportedPromise(line, otherPayments, '2026-06-30', []).reason).toBe('no_amount');
    const undated = promise('Promet de régler la facture F2026-000412 bientôt');
    expect(assessImportedPromise(undated, otherPayments, '2026-06-30', settled).reason).toBe('no_date');
    // Instalments whose split the line does not say: judged on the invoices by the last date.
    const instalments = promise('Réglera F2026-000412 en deux fois, le 15/06/2026 et le 20/06/2026');
    expect(assessImportedPromise(instalments, [], '2026-06-30', settled).status).toBe('kept');
    // An amount stated: read from the payments, as before, whatever the invoices say.
    const stated = promise('Promesse de 2 000,00 € pour le 20/06/2026 (facture F2026-000412)');
    expect(assessImportedPromise(stated, [], '2026-06-30', settled)).toMatchObject({
      status: 'broken',
      invoiceCheck: null,
    });
    // The ledger's currency does not matter: an invoice is settled or not in its own.
    const pounds = promise('Réglera F2026-000412 le 20/06/2026', '2026-06-10', 'GBP');
    expect(assessImportedPromise(pounds, [], '2026-06-30', settled).status).toBe('kept');
  });
});
