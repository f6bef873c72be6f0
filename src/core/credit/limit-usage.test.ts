import { describe, expect, it } from 'vitest';
import { availableMinor, limitBand } from './limit-usage.ts';

describe('where a customer stands against its limit', () => {
  it('is over it exactly when « Disponible » is negative, whatever makes the exposure', () => {
    // Nordic Home: nothing invoiced, 23 048,34 € of orders against a 15 000 € limit.
    expect(availableMinor(2_304_834, 1_500_000)).toBe(-804_834);
    expect(limitBand(2_304_834, 1_500_000)).toBe('over');
    // One cent over a large limit is over it; exactly at the limit is not.
    expect(limitBand(10_000_001, 10_000_000)).toBe('over');
    expect(limitBand(10_000_000, 10_000_000)).toBe('near');
    // A limit of 0 with anything exposed is over it.
    expect(limitBand(1, 0)).toBe('over');
    expect(limitBand(0, 0)).toBe('under');
  });

  it('is near it from 80 %, under it below, and without a limit with something exposed or not', () => {
    expect(limitBand(800_000, 1_000_000)).toBe('near');
    expect(limitBand(799_999, 1_000_000)).toBe('under');
    // A customer in credit is under its limit.
    expect(limitBand(-20_000, 1_000_000)).toBe('under');
    expect(limitBand(1, null)).toBe('without');
    expect(limitBand(0, null)).toBe('none');
    expect(limitBand(-1, null)).toBe('none');
    expect(availableMinor(1, null)).toBeNull();
  });
});
