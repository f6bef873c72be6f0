import { describe, expect, it } from 'vitest';
import {
  formatTrackingNumber,
  isRegisteredOutcome,
  normaliseTrackingNumber,
  REGISTERED_OUTCOMES,
} from './registered-mail.ts';

describe('La Poste registered letter numbers', () => {
  it('keeps a number typed in the slip’s groups, or without them, as its 13 characters', () => {
    expect(normaliseTrackingNumber('1A 123 456 7890 1')).toBe('1A12345678901');
    expect(normaliseTrackingNumber('1A12345678901')).toBe('1A12345678901');
    expect(normaliseTrackingNumber('  2c 000 000 0000 9 ')).toBe('2C00000000009');
    // Pasted from a PDF or the web page: no-break and narrow no-break spaces, a tab.
    expect(normaliseTrackingNumber('1A\u00a0123\u202f456\t7890 1')).toBe('1A12345678901');
    expect(normaliseTrackingNumber('99 123 456 7890 1')).toBe('9912345678901');
  });

  it('refuses what is not two letters or digits then eleven digits', () => {
    for (const typed of [
      '',
      '1A 123 456 7890',
      '1A 123 456 7890 12',
      '1A 123 456 789O 1',
      'AAA 23 456 7890 1',
      '1A-123-456-7890-1',
      'RR123456785FR',
      'É1 123 456 7890 1',
    ])
      expect(normaliseTrackingNumber(typed), typed).toBeNull();
  });

  it('shows a stored number in the slip’s groups', () => {
    expect(formatTrackingNumber('1A12345678901')).toBe('1A 123 456 7890 1');
    expect(formatTrackingNumber(normaliseTrackingNumber('2c00000000009') ?? '')).toBe('2C 000 000 0000 9');
    expect(formatTrackingNumber('short')).toBe('short');
  });

  it('knows the three outcomes the post office reports', () => {
    expect(REGISTERED_OUTCOMES).toEqual(['delivered', 'returned_unclaimed', 'returned_unknown_address']);
    expect(isRegisteredOutcome('delivered')).toBe(true);
    expect(isRegisteredOutcome('lost')).toBe(false);
  });
});
