#!/usr/bin/env node
/**
 * `encours` command line: a thin shell over the use cases of src/app. Exit codes come from the
 * error table of src/app/errors.ts (documented in the README).
 */
import { Command } from 'commander';
import { DomainError, exitCodeOf } from '#app/errors';
import { registerFor } from './commands.ts';

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

const json = process.argv.includes('--json');

try {
  // Only the module of the command being run is loaded (see commands.ts).
  await registerFor(program, process.argv.slice(2));
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
    process.exitCode = 0;
  } else if (typeof code === 'string' && code.startsWith('commander.')) {
    // Commander has already said what is wrong on stderr; --json still gets its one document.
    if (json) printError('invalid_input', (error as Error).message.replace(/^error: /, ''));
    process.exitCode = 2;
  } else {
    reportError(error);
  }
}

/** With --json, every outcome prints exactly one JSON document on stdout, errors included. */
function printError(code: string, message: string, details: unknown = null): void {
  process.stdout.write(`${JSON.stringify({ error: { code, message, details } }, null, 2)}\n`);
}

function reportError(error: unknown): void {
  if (error instanceof DomainError) {
    if (json) printError(error.code, error.message, error.details ?? null);
    process.stderr.write(`encours: ${error.message}\n`);
  } else {
    // Details of a bug go to stderr only; the JSON document says that it happened, not how.
    if (json) printError('unexpected', 'unexpected error (details on stderr)');
    process.stderr.write(`encours: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exitCode = exitCodeOf(error);
}
