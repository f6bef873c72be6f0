import { describe, expect, it, vi } from 'vitest';
import { reversedText } from './cash-command.ts';
import { runCli } from './run.ts';

/** `encours …` in this process: its exit code and what it said on stderr (refused before any database). */
async function refused(args: string[]): Promise<{ status: number | undefined; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write);
  try {
    return { status: await runCli(['--db', 'memory://', ...args]), stderr };
  } finally {
    spy.mockRestore();
  }
}

describe('encours cash and legal commands refusing a value', () => {
  it('say why in French by default and in English with --lang en', async () => {
    expect(await refused(['cash', 'reverse', 'abc'])).toEqual({
      status: 2,
      stderr: 'encours: Numéro d’opération\u00a0: nombre entier positif attendu, reçu «\u00a0abc\u00a0»\n',
    });
    expect(await refused(['cash', 'reverse', '-3', '--lang', 'en'])).toEqual({
      status: 2,
      stderr: 'encours: The transaction number must be a positive whole number, got -3\n',
    });
    expect(await refused(['writeoff', 'approve', 'x', '--user', 'a@b.c', '--lang', 'en'])).toEqual({
      status: 2,
      stderr: 'encours: Not a proposal number: x\n',
    });
  });
});

describe('encours cash reverse, in words', () => {
  it('says how many allocations a match undone reversed', () => {
    expect(reversedText('fr', 12, { reversedAllocations: 2, suggestions: 1, recordedPaymentRef: null })).toBe(
      'Lettrage de l’encaissement n° 12 annulé (2 affectations contrepassées).',
    );
  });

  it('says that a link to a payment recorded before is undone and the payment kept, as the web does', () => {
    const linked = { reversedAllocations: 0, suggestions: 1, recordedPaymentRef: 'RG-0001' };
    expect(reversedText('fr', 12, linked)).toBe(
      'Lien défait\u00a0: le règlement enregistré RG-0001 est conservé, et l’encaissement est de nouveau à lettrer, avec 1 suggestion.',
    );
    expect(reversedText('en', 12, { ...linked, suggestions: 0 })).toBe(
      'Link undone: recorded payment RG-0001 is kept, and the receipt waits to be applied again, with no suggestion.',
    );
  });
});
