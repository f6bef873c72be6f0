import { describe, expect, it } from 'vitest';
import { DomainError, errorText } from '../errors.ts';
import { nextFireTime } from './schedules.ts';

/** What a person reads when a schedule's cron expression is refused. */
function refusal(cron: string, lang: 'fr' | 'en' = 'fr'): string {
  try {
    nextFireTime(cron, 'Europe/Paris', new Date('2026-06-30T10:00:00Z'));
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return errorText(error as DomainError, lang);
  }
  throw new Error(`${cron} was accepted`);
}

describe('a cron expression refused in words (walk B item 15)', () => {
  it('says which field is out of its range, never croner’s English', () => {
    expect(refusal('61 * * * *')).toBe(
      'Expression cron «\u00a061 * * * *\u00a0» invalide\u00a0: la minute doit être entre 0 et 59',
    );
    // Croner reports 31 for a day of 32 (its values count from 0): the range is said instead.
    expect(refusal('0 7 32 * *', 'en')).toBe(
      'Invalid cron expression "0 7 32 * *": the day of the month must be from 1 to 31',
    );
    expect(refusal('* * *')).toContain('il faut cinq champs séparés par des espaces');
    expect(refusal('*/x * * * *')).toContain(
      'le champ n°\u00a01 («\u00a0*/x\u00a0») contient des caractères',
    );
    expect(refusal('5-1 * * * *', 'en')).toContain('the range "5-1" runs from the larger to the smaller');
  });
});
