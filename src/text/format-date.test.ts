import { describe, expect, it } from 'vitest';
import { formatDate } from './format.ts';

const NBSP = '\u00a0';

describe('formatDate', () => {
  it('writes the first of the month as « 1er » in a long French date, and only there', () => {
    expect(formatDate('fr', '2026-06-01', { long: true })).toBe(`1er${NBSP}juin${NBSP}2026`);
    expect(formatDate('fr', '2026-06-11', { long: true })).toBe(`11${NBSP}juin${NBSP}2026`);
    expect(formatDate('fr', '2026-06-01')).toBe('01/06/2026');
    expect(formatDate('en', '2026-06-01', { long: true })).toBe(`1${NBSP}June${NBSP}2026`);
  });

  it('keeps a long date on one line: day, month and year joined by no-break spaces', () => {
    for (const lang of ['fr', 'en'] as const) {
      for (const iso of ['2026-05-14', '2026-07-15', '2025-12-01']) {
        const long = formatDate(lang, iso, { long: true });
        expect(long).not.toMatch(/[^\S\u00a0]/);
        expect(long.split(NBSP)).toHaveLength(3);
      }
    }
    expect(formatDate('fr', '2026-05-14', { long: true })).toBe(`14${NBSP}mai${NBSP}2026`);
  });
});
