/**
 * The web pages' pure text helpers for dates and the forecast model (web/src/components/day-date.ts,
 * web/src/pages/forecast/model-version.ts): a date typed day first becomes the ISO date the API
 * takes, a job's progress says « 04/03/2026 » (not 2026-03-04), and the forecast names its model
 * in words (« version 8 »), its code left to the tooltip and the JSON.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '#text/catalogue';
import { modelVersionNumber } from '../../src/text/model-version.ts';
import { parseDayFirst, withDatesWorded } from '../../web/src/components/day-date.ts';

describe('dates typed and shown in the web pages', () => {
  it('reads a date typed day first, and nothing else', () => {
    expect(parseDayFirst('30/06/2026')).toBe('2026-06-30');
    expect(parseDayFirst(' 1.6.2026 ')).toBe('2026-06-01');
    expect(parseDayFirst('31/02/2026')).toBeNull();
    expect(parseDayFirst('2026-06-30')).toBeNull();
    expect(parseDayFirst('')).toBeNull();
  });

  it('words the ISO dates of a progress message, and leaves its other values', () => {
    expect(withDatesWorded('fr', { day: '2026-03-04', customers: 12, code: 'x' })).toEqual({
      day: '04/03/2026',
      customers: 12,
      code: 'x',
    });
    const progress = translator('fr')(
      'procedure.progress.replay',
      withDatesWorded('fr', { day: '2026-03-04' }),
    );
    expect(progress).toBe('Rejeu jour par jour\u00a0: 04/03/2026 atteint');
  });
});

describe('the forecast model named for a person', () => {
  it('says the version in words, never the code', () => {
    expect(modelVersionNumber('delay-shrinkage-8')).toBe('8');
    expect(modelVersionNumber('challenger')).toBe('challenger');
    for (const lang of ['fr', 'en'] as const) {
      const text = translator(lang)('forecast.page.asOf', {
        asOf: '30/06/2026',
        version: modelVersionNumber('delay-shrinkage-8'),
      });
      expect(text).toContain('30/06/2026');
      expect(text).toContain('version 8');
      expect(text).not.toContain('delay-shrinkage');
    }
  });
});
