#!/usr/bin/env node
/**
 * `encours` command line: a thin shell over the use cases of src/app. Exit codes come from the
 * error table of src/app/errors.ts (documented in the README).
 */
import { Command } from 'commander';
import { DomainError, exitCodeOf } from '#app/errors';
import { registerCustomerCommands } from './customers-commands.ts';
import { registerDemoCommand } from './demo-command.ts';
import { registerImportCommand } from './import-command.ts';
import { registerReportCommand } from './report-command.ts';
import { registerServeCommands } from './serve-commands.ts';

const program = new Command('encours')
  .description('Encours — credit risk and receivables (poste client)')
  .option(
    '--db <url>',
    'database: postgres://… for a server, memory:// for a throwaway embedded one (env DATABASE_URL)',
  )
  .option('--data-dir <dir>', 'directory of the embedded database (env ENCOURS_DATA_DIR, default ./data)')
  .option('--company <code>', 'company (tenant) code; default: the only company, or the demo company CB2C')
  .option('--json', 'print exactly one JSON document on stdout')
  .showHelpAfterError()
  .exitOverride();

registerServeCommands(program);
registerDemoCommand(program);
registerImportCommand(program);
registerCustomerCommands(program);
registerReportCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
    process.exitCode = 0;
  } else if (typeof code === 'string' && code.startsWith('commander.')) {
    process.exitCode = 2;
  } else {
    reportError(error);
  }
}

function reportError(error: unknown): void {
  const json = program.opts<{ json?: boolean }>().json;
  if (error instanceof DomainError) {
    if (json) {
      process.stdout.write(
        `${JSON.stringify({ error: { code: error.code, message: error.message, details: error.details ?? null } }, null, 2)}\n`,
      );
    }
    process.stderr.write(`encours: ${error.message}\n`);
  } else {
    process.stderr.write(`encours: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exitCode = exitCodeOf(error);
}
