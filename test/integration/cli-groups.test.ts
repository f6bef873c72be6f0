/**
 * A command group run without its subcommand (`encours forecast`) is a usage error like an unknown
 * command: exit 2, the group's help on stderr, and with --json one error document naming the
 * subcommands. Every group of every module is run (src/cli/commands.ts), in this process; the
 * command line is refused before any database is opened.
 */
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_MODULES } from '#cli/commands';
import { buildInLang } from '#cli/help-words';
import { runCli } from '#cli/run';

/** What `encours …args` writes on stdout and stderr, and its exit code. */
async function encours(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const written = { stdout: '', stderr: '' };
  for (const stream of ['stdout', 'stderr'] as const)
    vi.spyOn(process[stream], 'write').mockImplementation(((chunk: string | Uint8Array) => {
      written[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write);
  try {
    const status = (await runCli(args)) ?? 0;
    return { status, ...written };
  } finally {
    vi.restoreAllMocks();
  }
}

/** Every command that only groups subcommands (no action of its own), as the words that run it. */
async function groups(): Promise<{ path: string[]; subcommands: string[] }[]> {
  const found: { path: string[]; subcommands: string[] }[] = [];
  const walk = (command: Command, path: string[]) => {
    // Commander keeps whether a command has an action private: a group has none.
    const hasAction = Boolean((command as unknown as { _actionHandler?: unknown })._actionHandler);
    if (command.commands.length > 0 && !hasAction)
      found.push({ path, subcommands: command.commands.map((sub) => sub.name()) });
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  for (const entry of COMMAND_MODULES) {
    const register = await entry.load();
    const program = new Command('encours');
    buildInLang('fr', () => register(program));
    for (const command of program.commands) walk(command, [command.name()]);
  }
  return found;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a command group without its subcommand', () => {
  it('exits 2 with one JSON error document naming the subcommands, for every group', async () => {
    const all = await groups();
    expect(all.map((group) => group.path.join(' '))).toEqual(
      expect.arrayContaining(['forecast', 'jobs schedule', 'legal partner', 'report']),
    );
    for (const { path, subcommands } of all) {
      const run = await encours('--json', ...path);
      const shown = `encours --json ${path.join(' ')}`;
      expect(run.status, shown).toBe(2);
      const document = JSON.parse(run.stdout) as { error: { code: string; message: string } };
      expect(document.error.code, shown).toBe('invalid_input');
      expect(document.error.message, shown).toBe(
        `Précisez une sous-commande de «\u00a0encours ${path.join(' ')}\u00a0»\u00a0: ${subcommands.join(', ')}`,
      );
    }
  });

  it('shows the group’s help on stderr and exits 2 without --json; in English with --lang en', async () => {
    const french = await encours('forecast');
    expect([french.status, french.stdout]).toEqual([2, '']);
    expect(french.stderr).toContain('Utilisation\u00a0: encours forecast [options] [commande]');
    expect(french.stderr).toMatch(/collections/);
    const english = await encours('--lang', 'en', '--json', 'forecast');
    expect(english.status).toBe(2);
    expect(JSON.parse(english.stdout).error.message).toBe(
      'Name a subcommand of "encours forecast": snapshot, accuracy, collections',
    );
  });

  it('treats the program without a command the same way', async () => {
    const run = await encours('--json');
    expect(run.status).toBe(2);
    const message: string = JSON.parse(run.stdout).error.message;
    expect(message).toMatch(/^Précisez une commande\u00a0: serve, migrate, demo, import, /);
    // The help asked for is no error.
    expect((await encours('forecast', '--help')).status).toBe(0);
    expect((await encours('help', 'forecast')).status).toBe(0);
  });
});
