import { describe, expect, it } from 'vitest';
import { formatDate } from './format.ts';

describe('formatDate', () => {
  it('writes the first of the month as « 1er » in a long French date, and only there', () => {
    expect(formatDate('fr', '2026-06-01', { long: true })).toBe('1er juin 2026');
    expect(formatDate('fr', '2026-06-11', { long: true })).toBe('11 juin 2026');
    expect(formatDate('fr', '2026-06-01')).toBe('01/06/2026');
    expect(formatDate('en', '2026-06-01', { long: true })).toBe('1 June 2026');
  });
});
