import { describe, expect, it } from 'vitest';
import { legalFileStage } from './legal-file-stage.ts';

const handed = { partnerKind: 'lawyer', handedOverOn: '2026-06-30' };

describe('legalFileStage', () => {
  it('names the hand-over while the partner has reported no step, never « aucune étape »', () => {
    const none = { ...handed, state: { step: null, stepDate: null, phase: 'amicable' } };
    expect(legalFileStage('fr', none)).toBe('Transmis à l’avocat le 30/06/2026');
    expect(legalFileStage('fr', { ...none, partnerKind: 'agency' })).toBe(
      'Transmis à la société de recouvrement le 30/06/2026',
    );
    expect(legalFileStage('en', none)).toBe('Handed over to the lawyer on 30/06/2026');
  });

  it('gives the latest step with its date and phase', () => {
    const step = {
      ...handed,
      state: { step: 'injunction_filed', stepDate: '2026-07-15', phase: 'judicial' },
    };
    expect(legalFileStage('fr', step)).toBe(
      'Requête en injonction de payer déposée le 15/07/2026 · judiciaire',
    );
  });
});
