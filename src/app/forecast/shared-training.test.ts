import { describe, expect, it } from 'vitest';
import { sharedTraining } from './shared-training.ts';

describe('a training shared by the calls that arrive while it runs', () => {
  it('trains once for calls at the same time, again for a later call', async () => {
    const db = {};
    let trainings = 0;
    const train = async () => {
      trainings += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { trainedAs: trainings };
    };
    const [first, second] = await Promise.all([
      sharedTraining(db, 'C1|2026-06-30', train),
      sharedTraining(db, 'C1|2026-06-30', train),
    ]);
    expect(trainings).toBe(1);
    expect(second).toBe(first);
    // Another date, another database: trained apart.
    await Promise.all([
      sharedTraining(db, 'C1|2026-06-29', train),
      sharedTraining({}, 'C1|2026-06-30', train),
    ]);
    expect(trainings).toBe(3);
    // Once it has ended, nothing is kept: the next call reads the data as they are then.
    await sharedTraining(db, 'C1|2026-06-30', train);
    expect(trainings).toBe(4);
  });

  it('lets a failed training fail every waiting call, and the next call try again', async () => {
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
