/**
 * Seeded pseudo-random numbers for the demo generators. The demo must be reproducible byte for byte,
 * so nothing here touches Math.random or the clock: sfc32 (small, fast, passes PractRand) seeded
 * through splitmix32, plus stateless hashing so that independent streams (one per customer, one per
 * concern) do not shift each other when one of them draws more numbers.
 */

/** splitmix32 finaliser: a good 32-bit avalanche, used both to seed and to hash. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over the labels, mixed with the seed: one independent seed per (seed, labels…) tuple. */
export function deriveSeed(seed: number, ...labels: readonly (string | number)[]): number {
  let hash = mix32(seed >>> 0) ^ 0x811c9dc5;
  for (const label of labels) {
    const text = String(label);
    for (let index = 0; index < text.length; index++) {
      hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
    }
    // Separator so that ('ab', 'c') and ('a', 'bc') differ.
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return mix32(hash);
}

/** Uniform float in [0, 1) from a 32-bit hash, for stateless per-item draws. */
export function hashToUnit(value: number): number {
  return mix32(value) / 4_294_967_296;
}

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = mix32(seed);
    this.#b = mix32(this.#a ^ 0x5bd1e995);
    this.#c = mix32(this.#b ^ 0x27d4eb2f);
    this.#d = 1;
    // Discard the first outputs: sfc32 needs a few rounds to decorrelate from its seed.
    for (let round = 0; round < 12; round++) this.nextUint32();
  }

  nextUint32(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const d = this.#d;
    const result = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    this.#c = ((c << 21) | (c >>> 11)) + result;
    return result >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = this.next() * total;
    for (const [value, weight] of entries) {
      threshold -= weight;
      if (threshold < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError('cannot pick from an empty list');
    return last[0];
  }

  /** Standard normal draw (Box–Muller), scaled. */
  normal(mean: number, standardDeviation: number): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return mean + standardDeviation * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Log-normal with median `median`: multiplicative noise for amounts and sizes. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
    }
    return copy;
  }
}

export function createRng(seed: number, ...labels: readonly (string | number)[]): Rng {
  return new Rng(labels.length === 0 ? seed : deriveSeed(seed, ...labels));
}
