import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from '#app/runtime';
import { runCli } from '#cli/run';

/** A database lent to the command that fails as a bug would: a plain Error, not a DomainError. */
const failing = {
  contextFor: async () => {
    throw new Error('migration 0099_x.sql a changé');
  },
} as unknown as Runtime;

/** `encours …` on the failing database: its exit code, stdout and stderr. */
async function run(args: string[]) {
  let stderr = '';
  let stdout = '';
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write);
  const outSpy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => {
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write);
  try {
    return { status: await runCli(args, { runtime: failing }), stdout, stderr };
  } finally {
    errSpy.mockRestore();
    outSpy.mockRestore();
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('an unexpected error on the command line', () => {
  it('is worded in French by default, without the stack trace', async () => {
    vi.stubEnv('ENCOURS_DEBUG', '');
    expect(await run(['customers', 'list'])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'encours: erreur inattendue\u00a0: migration 0099_x.sql a changé\n',
    });
  });

  it('is worded in English with --lang en, and --json still prints one worded document', async () => {
    vi.stubEnv('ENCOURS_DEBUG', '');
    const answer = await run(['customers', 'list', '--lang', 'en', '--json']);
    expect(answer.status).toBe(1);
    expect(answer.stderr).toBe('encours: unexpected error: migration 0099_x.sql a changé\n');
    expect(JSON.parse(answer.stdout)).toEqual({
      error: { code: 'unexpected', message: 'unexpected error (details on stderr)', details: null },
    });
  });

  it('shows the stack trace after the worded line with ENCOURS_DEBUG=1', async () => {
    vi.stubEnv('ENCOURS_DEBUG', '1');
    const { status, stderr } = await run(['customers', 'list']);
    expect(status).toBe(1);
    const [first, second, third] = stderr.split('\n');
    expect(first).toBe('encours: erreur inattendue\u00a0: migration 0099_x.sql a changé');
    expect(second).toBe('Error: migration 0099_x.sql a changé');
    expect(third).toMatch(/^ {4}at .*cli-unexpected-error\.test\.ts/);
  });
});
