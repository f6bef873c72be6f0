import { describe, expect, it } from 'vitest';
import { contestInText, isContestLine, readContests, type StoryLineFact } from './handover-contest.ts';

const line = (
  date: string,
  kind: string,
  detail: string,
  documentRef: string | null = null,
  followUp = false,
): StoryLineFact => ({ date, kind, documentRef, detail, followUp });

describe('a contest in the words of a story line', () => {
  it('reads a contest of the amount, returned goods and a credit note awaited, in French and English', () => {
    for (const words of [
      'Appel de Julien Petit à Éric Fontaine : conteste le montant, envoi d’un relevé de compte',
      'Le client retourne une partie de la livraison (quincaillerie) — avoir à établir',
      'Client mécontent, réclamation sur la remise',
      'Refuse de payer tant que le litige n’est pas réglé',
      'Customer disputes the invoice amount',
      'Waiting for a credit note to be issued',
    ])
      expect(contestInText(words), words).toBe(true);
  });

  it('reads none in a call without one, nor where a contest is denied', () => {
    for (const words of [
      'Appel de Julien Petit à Éric Fontaine : promesse de règlement obtenue',
      'Appel de Julien Petit à Éric Fontaine : messagerie, message laissé',
      'Le client ne conteste pas la dette, demande un échéancier',
      'Facture non contestée, paiement en retard de trésorerie',
      'Aucun litige : retard de trésorerie',
      'Il a retourné notre appel ce matin',
      'The customer does not dispute the amount',
    ])
      expect(contestInText(words), words).toBe(false);
  });

  it('reads a payment the bank returned as a payment incident, not goods returned', () => {
    for (const words of [
      // The demo's words for a bounced cheque (its story line, and a note of the same incident).
      'Chèque de 4 812,30 € (paiement RC2025-000412 du 14/03/2025) retourné impayé par la banque, motif\u00a0: provision insuffisante — écriture IMP-0007\u00a0; F2025-001920 de nouveau due.',
      'Chèque RC2024-000311 du 02/05/2024 réglant F2024-001551 revenu impayé (IMP-0003 du 10/05/2024)\u00a0: le lettrage a été annulé, la facture est de nouveau due.',
      'Impayé — chèque retourné par la banque (provision insuffisante), paiement RC2024-000311',
      'LCR retournée impayée le 05/06/2026',
      'Prélèvement SEPA rejeté : compte clos',
      'Cheque returned unpaid by the bank',
    ])
      expect(contestInText(words), words).toBe(false);
    // Goods returned stay a contest, beside a payment or a bounced cheque in the same line.
    for (const words of [
      'Paiement partiel reçu, le client retourne une partie de la livraison',
      'Chèque retourné impayé\u00a0; le client conteste le montant',
      'Retour de marchandise — avoir à établir',
    ])
      expect(contestInText(words), words).toBe(true);
  });

  it('counts a dispute line, not the lines that follow one up, and reads only calls, notes and promises', () => {
    expect(isContestLine(line('2026-03-02', 'dispute', 'Litige ouvert (qualité)', 'F1'))).toBe(true);
    expect(isContestLine(line('2026-04-02', 'dispute', 'Litige résolu : avoir émis.', 'F1', true))).toBe(
      false,
    );
    expect(isContestLine(line('2026-04-02', 'note', 'Le client conteste le prix'))).toBe(true);
    expect(isContestLine(line('2026-04-02', 'risk_alert', 'Contestation : classe B → E'))).toBe(false);
  });
});

describe('the contests of a legal file', () => {
  const handed = { refs: ['F2024-001412', 'F2025-002041'], firstIssue: '2024-04-30' };

  it('counts the days the account or a handed invoice was contested, not the other invoices', () => {
    const reading = readContests(
      [
        line('2023-11-15', 'dispute', 'Réclamation : colis endommagés', 'F2023-001432'),
        line('2023-12-01', 'call', 'Appel : conteste le montant'),
        line('2025-02-11', 'call', 'Appel : conteste le montant, envoi d’un relevé de compte'),
        line('2025-05-07', 'call', 'Appel : promesse de règlement obtenue'),
        line('2025-06-09', 'call', 'Appel : conteste le montant'),
        line('2025-06-09', 'dispute', 'Litige ouvert (prix)', 'F2025-002041'),
        line('2025-12-20', 'dispute', 'Retour de marchandise — avoir à établir', 'F2025-004419'),
      ],
      handed,
    );
    expect(reading.file).toEqual({
      count: 2,
      first: '2025-02-11',
      last: '2025-06-09',
      refs: ['F2025-002041'],
      account: true,
    });
    // The 2023 quarrels came before these invoices; the return is about another invoice.
    expect(reading.elsewhere).toEqual({ count: 3, refs: ['F2023-001432', 'F2025-004419'], earlier: true });
    expect(reading.contests).toEqual([true, true, true, false, true, true, true]);
  });

  it('finds none in a story without contest', () => {
    const reading = readContests(
      [line('2025-05-07', 'call', 'Appel : promesse de règlement obtenue')],
      handed,
    );
    expect(reading).toEqual({ file: null, elsewhere: null, contests: [false] });
  });
});
