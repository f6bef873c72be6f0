import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, onScreen, withMinusSigns } from './format.ts';

describe('the minus sign of negative figures', () => {
  it('writes a negative figure with U+2212 in both languages', () => {
    expect(onScreen(formatMoney('fr', -37_371_133, 'EUR'), 'fr')).toBe('\u2212373\u202f711,33\u00a0€');
    expect(onScreen(formatPercent('fr', -0.02), 'fr')).toBe('\u22122\u00a0%');
    expect(onScreen(formatMoney('en', -60_095, 'EUR'), 'en')).toBe('\u2212€600.95');
  });

  it('puts it before the figures of a worded French text, never inside a reference or a date', () => {
    const worded = `Disponible\u00a0: ${formatMoney('fr', -37_371_133, 'EUR')} (-2\u00a0%)`;
    expect(withMinusSigns(worded, 'fr')).toBe(
      'Disponible\u00a0: \u2212373\u202f711,33\u00a0€ (\u22122\u00a0%)',
    );
    expect(withMinusSigns('-5,3', 'fr')).toBe('\u22125,3');
    const references = 'écriture IMP2024-0001\u00a0; F2026-000927 du 2026-06-30, tranche 1-30 j, - 3 lignes';
    expect(withMinusSigns(references, 'fr')).toBe(references);
    expect(withMinusSigns('Balance -€600.95', 'en')).toBe('Balance \u2212€600.95');
  });
});
