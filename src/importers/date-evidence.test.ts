import { describe, expect, it } from 'vitest';
import { dateEvidence } from './date-evidence.ts';

describe('dateEvidence', () => {
  it('tells what one value says about its column', () => {
    expect(dateEvidence('25/3/2013')).toBe('day_first');
    expect(dateEvidence('3/25/2013')).toBe('month_first');
    expect(dateEvidence('03/04/13')).toBe('ambiguous');
    expect(dateEvidence('5/5/2013')).toBeNull();
    expect(dateEvidence('2013-03-04')).toBeNull();
    expect(dateEvidence('25/13/2013')).toBeNull();
    expect(dateEvidence('3/4-2013')).toBeNull();
    // No date in either order: an invalid value, not evidence.
    expect(dateEvidence('02/30/2024')).toBeNull();
    expect(dateEvidence('31/02/2024')).toBeNull();
    expect(dateEvidence('05/45/2024')).toBeNull();
    expect(dateEvidence('29/02/2023')).toBeNull();
  });
});
