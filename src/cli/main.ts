#!/usr/bin/env node
/**
 * `encours` command line: a thin shell over the use cases of src/app. Exit codes come from the
 * error table of src/app/errors.ts (documented in the README).
 */
import { runCli } from './run.ts';

const exitCode = await runCli(process.argv.slice(2));
// A command that ended normally may have set its own exit code (a failed job): left as it is.
if (exitCode !== undefined) process.exitCode = exitCode;
