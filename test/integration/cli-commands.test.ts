/**
 * The command table of src/cli/commands.ts says which module defines each top-level command, so
 * that `encours` loads only that module: it must list exactly what the modules register.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, commandNameOf, registerFor } from '../../src/cli/commands.ts';
import { buildInLang, help } from '../../src/cli/help-words.ts';

describe('the CLI command table', () => {
  it('names exactly the top-level commands each module registers, described as the top-level help does', async () => {
    for (const entry of COMMAND_MODULES) {
      const register = await entry.load();
      const program = new Command('encours');
      buildInLang('en', () => register(program));
      expect(program.commands.map((command) => command.name())).toEqual(entry.commands);
      // The top-level help describes each command with the key its module uses, without loading it.
      for (const command of program.commands)
        expect(command.description()).toBe(
          buildInLang('en', () => help(`cliHelp.${command.name()}.description`)),
        );
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
    expect(names).toEqual(COMMAND_MODULES.flatMap((entry) => entry.commands));
    expect(program.commands.every((command) => command.description().length > 0)).toBe(true);
  });
});
