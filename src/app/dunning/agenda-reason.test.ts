import { describe, expect, it } from 'vitest';
import { reasonOf } from './agenda.ts';

describe('an agenda entry’s overdue trend, worded', () => {
  it('writes a fall with the minus sign in French and a rise with a plus', () => {
    const trend = (input: number) => ({ factor: 'trend' as const, input, points: 5 });
    expect(reasonOf('fr', trend(-2_494_252), 'EUR')).toBe(
      'Évolution de l’échu sur 30 jours\u00a0: \u221224\u202f942,52\u00a0€',
    );
    expect(reasonOf('fr', trend(150_000), 'EUR')).toBe(
      'Évolution de l’échu sur 30 jours\u00a0: +1\u202f500,00\u00a0€',
    );
    expect(reasonOf('en', trend(-2_494_252), 'EUR')).toMatch(/: \u2212€24,942\.52$/);
  });
});
