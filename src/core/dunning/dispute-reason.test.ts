import { describe, expect, it } from 'vitest';
import { disputeReasonInText } from './dispute-reason.ts';

describe('the reason of a dispute read from its words', () => {
  it.each([
    [
      'Réclamation : colis de quincaillerie endommagés à la livraison (réserves sur le bon du transporteur)',
      'delivery',
    ],
    ['Le client retourne une partie de la livraison (emballages) — avoir à établir', 'quality'],
    ['Courrier : 12 cartons arrivés endommagés (palette écrasée) et une référence non conforme', 'delivery'],
    ['Produit défectueux, le client demande un échange', 'quality'],
    ['Litige sur le prix : remise de 5 % non appliquée', 'price'],
    ['3 cartons manquants sur la livraison', 'quantity'],
    ['Marchandise non livrée à ce jour', 'delivery'],
    ['Customer says the goods were damaged in shipping', 'delivery'],
    ['Wrong price on the invoice', 'price'],
    ['Faulty units returned', 'quality'],
    ['PRIX NON CONFORME AU DEVIS', 'price'],
  ])('%s → %s', (text, reason) => {
    expect(disputeReasonInText(text)).toBe(reason);
  });

  it('says nothing of a text that tells nothing, nor of a payment delay', () => {
    expect(disputeReasonInText('dispute')).toBeNull();
    expect(disputeReasonInText('Litige en cours, voir avec le commercial')).toBeNull();
    expect(disputeReasonInText('Retard de paiement signalé')).toBeNull();
    expect(disputeReasonInText('')).toBeNull();
    expect(disputeReasonInText(null)).toBeNull();
  });
});
