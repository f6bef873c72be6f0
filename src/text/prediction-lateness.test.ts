import { describe, expect, it } from 'vitest';
import { latenessLine } from './prediction-lateness.ts';

const figures = { probabilityLate: 0.42, probabilityOver30: 0.25, probabilityOver60: 0.1 };

describe('the lateness line of a predicted payment', () => {
  it('gives the probability of lateness while the invoice is not yet due', () => {
    expect(latenessLine('fr', { ...figures, asOf: '2026-06-30', dueDate: '2026-06-30' })).toBe(
      'Probabilité de retard\u00a0: 42\u00a0%',
    );
  });

  it('gives the days late and the chance of passing 30, then 60 days late, once overdue', () => {
    expect(latenessLine('fr', { ...figures, asOf: '2026-06-30', dueDate: '2026-06-29' })).toBe(
      'En retard de 1 jour · probabilité de dépasser 30 jours de retard\u00a0: 25\u00a0%',
    );
    expect(latenessLine('en', { ...figures, asOf: '2026-06-30', dueDate: '2026-05-21' })).toBe(
      'Overdue by 40 days · probability of passing 60 days late: 10%',
    );
  });

  it('gives the days late alone beyond 60 days', () => {
    expect(latenessLine('fr', { ...figures, asOf: '2026-06-30', dueDate: '2026-04-01' })).toBe(
      'En retard de 90 jours',
    );
  });
});
