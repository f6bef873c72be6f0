/**
 * `encours --company <companyId> …args` run in this process on a test database's runtime, for the
 * tests of a command: what it wrote on stdout and its exit status (stderr swallowed; the process's
 * exit code left as it was).
 */
import { vi } from 'vitest';
import type { Runtime } from '#app/runtime';
import { runCli } from '#cli/run';

export async function cliOutput(
  runtime: Runtime,
  companyId: string,
  args: readonly string[],
): Promise<{ status: number; stdout: string }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write);
  const errors = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((() => true) as typeof process.stderr.write);
  const exitCodeBefore = process.exitCode;
  try {
    const status = (await runCli(['--company', companyId, ...args], { runtime })) ?? 0;
    return { status: Number(process.exitCode ?? status), stdout };
  } finally {
    spy.mockRestore();
    errors.mockRestore();
    process.exitCode = exitCodeBefore;
  }
}
