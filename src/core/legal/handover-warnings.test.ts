import { describe, expect, it } from 'vitest';
import { handoverWarnings, isNoChaseNote } from './handover-warnings.ts';

describe('hand-over warnings', () => {
  it('warns of no reminder, no formal notice and a note asking not to chase, in that order', () => {
    expect(
      handoverWarnings({
        reminderCount: 0,
        formalNoticeDate: null,
        notes: [
          {
            date: '2024-02-12',
            detail: 'Client historique suivi par M. Roux : ne pas relancer sans son accord.',
          },
          { date: '2026-03-16', detail: 'Retard passager de trésorerie, maintenir les livraisons.' },
        ],
      }),
    ).toEqual([
      { code: 'no_reminder' },
      { code: 'no_formal_notice' },
      {
        code: 'no_chase_note',
        date: '2024-02-12',
        note: 'Client historique suivi par M. Roux : ne pas relancer sans son accord.',
      },
    ]);
  });

  it('has nothing to say of a file reminded and put on notice', () => {
    expect(handoverWarnings({ reminderCount: 3, formalNoticeDate: '2026-05-12', notes: [] })).toEqual([]);
    expect(handoverWarnings({ reminderCount: 2, formalNoticeDate: null, notes: [] })).toEqual([
      { code: 'no_formal_notice' },
    ]);
  });

  it.each([
    ['ne pas relancer sans son accord', true],
    ['Ne PLUS le relancer', true],
    ['Pas de relance avant la fin du mois', true],
    ['Relances suspendues, livraisons au comptant uniquement.', true],
    ['Relances uniquement avec son accord', true],
    ['Commandes validées sans son accord préalable', false],
    ['Do not chase: key account', true],
    ['No reminders until the audit is over', true],
    ['Relance niveau 2 envoyée', false],
    ['Appel au service comptable : promesse de règlement', false],
    ['Le client demande un relevé de compte', false],
  ])('« %s » asks not to chase: %s', (note, expected) => {
    expect(isNoChaseNote(note)).toBe(expected);
  });
});
