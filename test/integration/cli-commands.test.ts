/**
 * The command table of src/cli/commands.ts says which module defines each top-level command, so
 * that `encours` loads only that module: it must list exactly what the modules register.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, commandNameOf, registerFor } from '../../src/cli/commands.ts';

describe('the CLI command table', () => {
  it('names exactly the top-level commands each module registers, with their descriptions', async () => {
    for (const entry of COMMAND_MODULES) {
      const program = new Command('encours');
      (await entry.load())(program);
      expect(
        program.commands.map((command) => ({ name: command.name(), summary: command.description() })),
      ).toEqual(entry.commands);
    }
  });

  it('finds the command name after the global options and their values', () => {
    expect(commandNameOf(['--db', 'memory://', '--json', 'customers', 'list'])).toBe('customers');
    expect(commandNameOf(['--data-dir', 'import', 'demo'])).toBe('demo');
    expect(commandNameOf(['--help'])).toBeUndefined();
  });

  it('lists every command for the top-level help without loading a module', async () => {
    const program = new Command('encours');
    await registerFor(program, ['--help']);
    const names = program.commands.map((command) => command.name());
    expect(names).toEqual(COMMAND_MODULES.flatMap((entry) => entry.commands.map((command) => command.name)));
    expect(program.commands.every((command) => command.description().length > 0)).toBe(true);
  });
});
