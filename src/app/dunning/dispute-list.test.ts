import { describe, expect, it } from 'vitest';
import type { ImportedDisputeRow } from '#db/dunning/dispute-cases';
import { importedParticulars, importedView, settledImportedView } from './dispute-list.ts';

const row = (note: string): ImportedDisputeRow => ({
  eventId: 7,
  customerCode: 'C1',
  customerName: 'Alpha SARL',
  salesperson: null,
  documentId: 1,
  documentRef: 'F1',
  amountMinor: 80_000,
  openMinor: 80_000,
  currency: 'EUR',
  openedOn: '2026-06-05',
  note,
});

describe('an imported dispute in the list', () => {
  it('takes its reason and desk from its story line when the words tell them', () => {
    const damaged = 'Réclamation : colis endommagés à la livraison (réserves sur le bon du transporteur)';
    expect(importedView(row(damaged))).toMatchObject({ reason: 'delivery', department: 'logistics' });
    expect(importedView(row('Le client retourne une partie de la livraison'))).toMatchObject({
      reason: 'quality',
      department: 'quality',
    });
    expect(importedParticulars('Remise de 5 % non appliquée')).toEqual({
      reason: 'price',
      department: 'sales',
    });
  });

  it('shows what its invoice still owes: an imported dispute knows no disputed amount', () => {
    expect(importedView({ ...row('Palette écrasée'), openMinor: 30_000 }).amountMinor).toBe(30_000);
  });

  it('keeps the general case when they do not', () => {
    expect(importedView(row('dispute'))).toMatchObject({ reason: 'other', department: 'customer_service' });
    expect(importedParticulars('')).toEqual({ reason: 'other', department: 'customer_service' });
  });
});

describe('an imported dispute whose invoice was settled', () => {
  const settled = (creditedMinor: number) => {
    const { openMinor: _open, salesperson: _salesperson, ...rest } = row('Palette écrasée');
    return settledImportedView({ ...rest, resolvedOn: '2026-06-25', creditedMinor });
  };

  it('is resolved on the day the invoice was settled, by how credit notes settled it', () => {
    expect(settled(80_000)).toMatchObject({
      source: 'imported',
      status: 'resolved',
      resolution: 'credit_note',
      resolvedOn: '2026-06-25',
      cycleDays: 20,
      eventId: 7,
      disputeId: null,
    });
    expect(settled(30_000).resolution).toBe('partial_credit');
    // Nothing is open any more: it shows the invoice's amount, the one the credits are set against.
    expect(settled(30_000).amountMinor).toBe(80_000);
    expect(settled(0).resolution).toBe('paid');
  });
});
