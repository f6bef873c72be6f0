import { describe, expect, it } from 'vitest';
import type { ImportedDisputeRow } from '#db/dunning/dispute-cases';
import { importedParticulars, importedView } from './dispute-list.ts';

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

  it('keeps the general case when they do not', () => {
    expect(importedView(row('dispute'))).toMatchObject({ reason: 'other', department: 'customer_service' });
    expect(importedParticulars('')).toEqual({ reason: 'other', department: 'customer_service' });
  });
});
