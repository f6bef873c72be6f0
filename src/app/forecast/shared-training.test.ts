import { describe, expect, it } from 'vitest';
import { sharedReads, sharedTraining } from './shared-training.ts';

const counted = () => {
  let reads = 0;
  const read = async () => {
    reads += 1;
    await new Promise((resolve) => setTimeout(resolve, 10));
    return { readAs: reads };
  };
  return { read, reads: () => reads };
};

describe('reads shared by the calls that see the same data', () => {
  it('reads once for calls with the same key, at the same time or later', async () => {
    const db = {};
    const { read, reads } = counted();
    const [first, second] = await Promise.all([
      sharedTraining(db, 'C1|2026-06-30|951:951:', read),
      sharedTraining(db, 'C1|2026-06-30|951:951:', read),
    ]);
    expect(reads()).toBe(1);
    expect(second).toBe(first);
    // Done, it is still given to the next call at the same snapshot.
    expect(await sharedTraining(db, 'C1|2026-06-30|951:951:', read)).toBe(first);
    expect(reads()).toBe(1);
    // Another snapshot (a write in between), another date, another database: read apart.
    await Promise.all([
      sharedTraining(db, 'C1|2026-06-30|952:952:', read),
      sharedTraining(db, 'C1|2026-06-29|951:951:', read),
      sharedTraining({}, 'C1|2026-06-30|951:951:', read),
    ]);
    expect(reads()).toBe(4);
  });

  it('keeps the last few keys per database, the latest used last out', async () => {
    const shared = sharedReads(2);
    const db = {};
    const { read, reads } = counted();
    await shared(db, 'a', read);
    await shared(db, 'b', read);
    await shared(db, 'a', read);
    await shared(db, 'c', read);
    expect(reads()).toBe(3);
    // 'b' was the least lately used: gone; 'a' and 'c' kept.
    await shared(db, 'a', read);
    await shared(db, 'c', read);
    expect(reads()).toBe(3);
    await shared(db, 'b', read);
    expect(reads()).toBe(4);
  });

  it('lets a failed read fail every waiting call, and the next call try again', async () => {
    const db = {};
    let attempts = 0;
    const failing = async () => {
      attempts += 1;
      throw new Error('database gone');
    };
    const calls = [sharedTraining(db, 'k', failing), sharedTraining(db, 'k', failing)];
    for (const call of calls) await expect(call).rejects.toThrow('database gone');
    expect(attempts).toBe(1);
    await expect(sharedTraining(db, 'k', failing)).rejects.toThrow('database gone');
    expect(attempts).toBe(2);
  });
});
