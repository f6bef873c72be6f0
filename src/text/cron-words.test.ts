import { describe, expect, it } from 'vitest';
import { cronShape, cronWords } from './cron-words.ts';

describe('a schedule’s cron expression in words', () => {
  it('words every day, every weekday of the week, Monday to Friday and a day of the month', () => {
    expect(cronWords('fr', '0 2 * * *')).toBe('Tous les jours à 02:00');
    expect(cronWords('en', '0 2 * * *')).toBe('Every day at 02:00');
    expect(cronWords('fr', '0 6 * * 1')).toBe('Tous les lundis à 06:00');
    expect(cronWords('en', '0 6 * * 1')).toBe('Every Monday at 06:00');
    expect(cronWords('fr', '30 7 * * 1-5')).toBe('Du lundi au vendredi à 07:30');
    expect(cronWords('en', '30 7 * * MON-FRI')).toBe('Monday to Friday at 07:30');
    expect(cronWords('fr', '0 6 1 * *')).toBe('Le 1er de chaque mois à 06:00');
    expect(cronWords('fr', '15 18 15 * *')).toBe('Le 15 de chaque mois à 18:15');
    expect(cronWords('en', '0 6 1 * *')).toBe('On the 1st of each month at 06:00');
    expect(cronWords('en', '0 6 2 * *')).toBe('On the 2nd of each month at 06:00');
    expect(cronWords('en', '0 6 23 * *')).toBe('On the 23rd of each month at 06:00');
    expect(cronWords('en', '0 6 11 * *')).toBe('On the 11th of each month at 06:00');
  });

  it('reads Sunday as 0 or 7, the days by their English names, and the nicknames', () => {
    expect(cronWords('fr', '0 6 * * 0')).toBe('Tous les dimanches à 06:00');
    expect(cronWords('fr', '0 6 * * 7')).toBe('Tous les dimanches à 06:00');
    expect(cronWords('en', '5 9 * * fri')).toBe('Every Friday at 09:05');
    expect(cronWords('fr', '@daily')).toBe('Tous les jours à 00:00');
    expect(cronWords('en', '@weekly')).toBe('Every Sunday at 00:00');
    expect(cronWords('en', '@monthly')).toBe('On the 1st of each month at 00:00');
  });

  it('leaves any other shape as the expression itself', () => {
    for (const expression of [
      '*/15 * * * *',
      '0 */2 * * *',
      '0 6,18 * * *',
      '0 6 * * 1,3',
      '0 6 1 1 *',
      '0 6 1 * 1',
      '0 0 6 * * 1',
      '0 24 * * *',
      '0 6 32 * *',
      '0 6 * * 8',
      'tous les lundis',
      '',
    ]) {
      expect(cronShape(expression), expression).toBeNull();
      expect(cronWords('fr', expression)).toBe(expression);
    }
  });
});
