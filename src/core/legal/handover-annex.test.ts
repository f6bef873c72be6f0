import { describe, expect, it } from 'vitest';
import { isDebtorExchange, statedPieceCount } from './handover-annex.ts';

const line = (kind: string, contest = false, internalFollowUp = false) => ({
  kind,
  contest,
  internalFollowUp,
});

describe('annex 3: the exchanges with the debtor', () => {
  it('keeps calls, promises, disputes and bounced payments', () => {
    for (const kind of ['call', 'promise', 'dispute', 'bounced_payment'])
      expect(isDebtorExchange(line(kind))).toBe(true);
  });

  it('leaves out risk alerts, order decisions, limit changes, insolvency watch and internal notes', () => {
    for (const kind of ['risk_alert', 'order_decision', 'limit_change', 'insolvency', 'note'])
      expect(isDebtorExchange(line(kind))).toBe(false);
  });

  it('keeps a note that records the debtor contesting, and leaves out a dispute’s internal follow-up', () => {
    expect(isDebtorExchange(line('note', true))).toBe(true);
    expect(isDebtorExchange(line('dispute', false, true))).toBe(false);
  });
});

describe('the pieces an imported reminder covered', () => {
  it('reads their count, or none', () => {
    expect(
      statedPieceCount('Relance niveau 2 (seconde relance par courrier) : 5 pièces échues pour 10 809,95 €'),
    ).toBe(5);
    expect(statedPieceCount('Relance niveau 1 : 1 pièce échue pour 3 000,00 €')).toBe(1);
    expect(statedPieceCount('Relance téléphonique, le client promet un virement')).toBeNull();
  });
});
