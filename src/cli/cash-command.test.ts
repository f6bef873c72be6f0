import { describe, expect, it, vi } from 'vitest';
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
