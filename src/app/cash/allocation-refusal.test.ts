import { describe, expect, it } from 'vitest';
import type { LedgerDoc } from '#core/ledger/ledger';
import { errorText } from '../errors.ts';
import { allocationRefusal } from './allocation-refusal.ts';

const doc = (id: number, kind: LedgerDoc['kind'], amountMinor: number): LedgerDoc => ({
  id,
  kind,
  customerCode: 'C1',
  issueDate: '2026-03-01',
  dueDate: '2026-03-31',
  amountMinor,
  currency: 'EUR',
});
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('allocationRefusal', () => {
  it('allows what the ledger rules allow', () => {
    expect(
      allocationRefusal(doc(1, 'invoice', 10_000), doc(2, 'payment', -10_000), 10_000, '2026-03-10', []),
    ).toBe(null);
  });

  it('words an amount over what is open in the reader’s language, the rule’s text kept in the details', () => {
    const refusal = allocationRefusal(
      doc(1, 'invoice', 10_000),
      doc(2, 'payment', -250_000),
      123_456,
      '2026-03-10',
      [],
      'F1',
    );
    expect(refusal?.code).toBe('ledger_rule');
    expect(spaced(errorText(refusal!, 'fr'))).toBe(
      'Lettrage de F1 refusé : le montant de 1 234,56 € dépasse les 100,00 € restant ouverts sur la pièce n° 1',
    );
    expect(refusal?.message).toBe(
      'Matching of F1 refused: the amount of €1,234.56 exceeds the €100.00 still open on document no. 1',
    );
    expect(refusal?.details).toEqual({
      violations: ['amount 123456 exceeds the open amount 10000 of debit 1'],
    });
  });

  it('lists every rule broken, without a document it does not need', () => {
    const other = { ...doc(2, 'payment', -10_000), customerCode: 'C2', currency: 'USD' };
    const refusal = allocationRefusal(doc(1, 'invoice', 10_000), other, 5_000, '2026-03-10', []);
    expect(refusal?.message).toBe(
      'Matching refused: the two documents belong to different customers and the two documents are in different currencies',
    );
  });
});
