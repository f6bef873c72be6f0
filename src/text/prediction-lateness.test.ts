import { describe, expect, it } from 'vitest';
import { latenessCells, latenessLine, likelyOnTimeReason, modelProbability } from './prediction-lateness.ts';

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

  it('never reads as a certainty: a probability that rounds to 100 % or 0 % is capped (issue 14)', () => {
    // An invoice 12 days late whose model gives 0.998 of passing 30 days late.
    const almostSure = { ...figures, probabilityOver30: 0.998, asOf: '2026-06-30', dueDate: '2026-06-18' };
    expect(latenessLine('fr', almostSure)).toBe(
      'En retard de 12 jours · probabilité de dépasser 30 jours de retard\u00a0: >\u00a099\u00a0%',
    );
    expect(
      latenessLine('en', { ...figures, probabilityLate: 0.002, asOf: '2026-06-30', dueDate: '2026-07-30' }),
    ).toBe('Probability of paying late: < 1%');
    expect(modelProbability('fr', 1)).toBe('>\u00a099\u00a0%');
    expect(modelProbability('fr', 0)).toBe('<\u00a01\u00a0%');
    expect(modelProbability('en', 0.994)).toBe('99%');
    expect(modelProbability('en', 0.006)).toBe('1%');
  });

  it('says a fact in a table instead of a probability once the invoice is past it', () => {
    const at = (dueDate: string) => latenessCells('en', { ...figures, asOf: '2026-06-30', dueDate });
    expect(at('2026-07-15')).toEqual({ late: '42%', over30: '25%' });
    expect(at('2026-06-18')).toEqual({ late: 'already late', over30: '25%' });
    expect(at('2026-05-31')).toEqual({ late: 'already late', over30: '25%' });
    expect(at('2026-05-30')).toEqual({ late: 'already late', over30: 'already > 30 d' });
    expect(
      latenessCells('en', { ...figures, probabilityOver30: 1, asOf: '2026-06-30', dueDate: '2026-06-25' }),
    ).toEqual({
      late: 'already late',
      over30: '> 99%',
    });
  });
});

describe('the reason a pre-due reminder is skipped', () => {
  it('caps the model’s probability like the customer file, not the step’s minimum', () => {
    expect(likelyOnTimeReason('fr', 1_800, 5_000)).toBe(
      'probabilité de retard 18\u00a0% < 50\u00a0%\u00a0: pas de relance avant l’échéance',
    );
    // 0.3 % printed « 0 % » read as a certainty of payment on time.
    expect(likelyOnTimeReason('fr', 30, 5_000)).toBe(
      'probabilité de retard <\u00a01\u00a0% < 50\u00a0%\u00a0: pas de relance avant l’échéance',
    );
    expect(likelyOnTimeReason('en', 9_960, 10_000)).toBe(
      'probability of lateness > 99% < 100%: no reminder before the due date',
    );
  });
});
