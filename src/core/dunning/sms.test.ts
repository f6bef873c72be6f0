import { describe, expect, it } from 'vitest';
import { gsm7Length, toGsm7 } from './sms.ts';

describe('SMS-ready text', () => {
  it('maps French typography to the GSM 7-bit alphabet', () => {
    expect(toGsm7('Merci de régulariser avant le 15/07 : 1\u202f200,00\u00a0€ — l’équipe')).toBe(
      "Merci de régulariser avant le 15/07 : 1 200,00 € - l'équipe",
    );
    expect(toGsm7('Reçu, tête-à-tête, Œuvre ✓')).toBe('ReÇu, tete-à-tete, OEuvre ?');
  });

  it('counts the euro sign as two septets', () => {
    expect(gsm7Length('12,00 €')).toBe(8);
    expect(gsm7Length('a'.repeat(160))).toBe(160);
  });
});
