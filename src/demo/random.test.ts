import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from './random.ts';

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed and differs otherwise', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 5 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('derives independent streams from labels', () => {
    expect(deriveSeed(1, 'invoices', 'C00001')).toBe(deriveSeed(1, 'invoices', 'C00001'));
    expect(deriveSeed(1, 'ab', 'c')).not.toBe(deriveSeed(1, 'a', 'bc'));
  });

  it('draws uniform-looking values within bounds', () => {
    const rng = createRng(7);
    const values = Array.from({ length: 20_000 }, () => rng.next());
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 1);
    const integers = Array.from({ length: 1_000 }, () => rng.int(3, 5));
    expect(new Set(integers)).toEqual(new Set([3, 4, 5]));
    expect(rng.weighted([['only', 1]])).toBe('only');
  });
});
