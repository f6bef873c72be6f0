import { describe, expect, it } from 'vitest';
import {
  customerCodeFor,
  frenchVatNumber,
  isLuhnValid,
  luhnCheckDigit,
  sirenForIndex,
  siretFor,
} from './identifiers.ts';

describe('French company identifiers', () => {
  it('computes Luhn keys of real SIREN / SIRET numbers', () => {
    expect(luhnCheckDigit('73282932')).toBe(0);
    expect(isLuhnValid('732829320')).toBe(true);
    expect(isLuhnValid('73282932000074')).toBe(true);
    expect(isLuhnValid('732829321')).toBe(false);
  });

  it('derives the intra-community VAT number from the SIREN', () => {
    // Worked example of the French tax administration: SIREN 404 833 048 → FR 83 404833048.
    expect(frenchVatNumber('404833048')).toBe('FR83404833048');
  });

  it('generates distinct valid SIRENs, public bodies starting with 2', () => {
    const sirens = Array.from({ length: 5_000 }, (_, index) => sirenForIndex(index, index % 7 === 0));
    expect(new Set(sirens).size).toBe(sirens.length);
    expect(sirens.every((siren) => siren.length === 9 && isLuhnValid(siren))).toBe(true);
    expect(sirenForIndex(14, true).startsWith('2')).toBe(true);
    const siret = siretFor(sirens[0] ?? '', 12);
    expect(siret).toHaveLength(14);
    expect(isLuhnValid(siret)).toBe(true);
  });

  it('formats customer codes', () => {
    expect(customerCodeFor(1)).toBe('C00001');
    expect(customerCodeFor(300)).toBe('C00300');
  });
});
