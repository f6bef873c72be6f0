/** `encours import customers|invoices|credit-notes|payments|orders FILE`. */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { ensureCompany } from '#app/companies';
import { DomainError } from '#app/errors';
import { importFile } from '#app/import-file';
import { ENTITIES, type ImportEntity, type ImportError } from '#importers/parse-file';
import { printJson } from './output.ts';
import { globalOptions, withRuntime } from './shared.ts';

function collectMapping(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.lastIndexOf('=');
  if (at <= 0 || at === value.length - 1)
    throw new DomainError('invalid_input', `--map expects column=field, got ${value}`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

export function registerImportCommand(program: Command): void {
  program
    .command('import <entity> <file>')
    .description(`import a CSV or XLSX file of ${ENTITIES.join(', ')} (all-or-nothing, idempotent)`)
    .option('--dry-run', 'check and report what would change, write nothing')
    .option('--map <column=field>', 'read a column under another name (repeatable)', collectMapping, {})
    .action(async (entity: string, file: string, options, command: Command) => {
      if (!(ENTITIES as readonly string[]).includes(entity)) {
        throw new DomainError(
          'invalid_input',
          `unknown import entity "${entity}": use one of ${ENTITIES.join(', ')}`,
        );
      }
      const global = globalOptions(command);
      const bar =
        process.stderr.isTTY && !global.json
          ? new SingleBar({ format: 'Reading {bar} {percentage}% | {value}/{total} bytes' })
          : null;
      try {
        const summary = await withRuntime(command, async (runtime) => {
          if (global.company)
            await ensureCompany(
              { db: runtime.handle.db },
              { companyId: global.company, name: global.company },
            );
          const ctx = await runtime.contextFor(global.company, 'cli');
          let started = false;
          return importFile(ctx, {
            entity: entity as ImportEntity,
            filePath: file,
            dryRun: options.dryRun ?? false,
            mapping: options.map,
            onProgress: (bytesRead, totalBytes) => {
              if (!bar) return;
              if (!started) bar.start(totalBytes, 0);
              started = true;
              bar.update(bytesRead);
            },
          });
        });
        bar?.stop();
        if (global.json) printJson(summary);
        else {
          process.stdout.write(
            `${summary.dryRun ? 'Dry run — nothing written. ' : ''}${summary.file}: ${summary.rows} rows — ${summary.inserted} new, ${summary.updated} updated, ${summary.unchanged} unchanged` +
              (summary.entity === 'payments'
                ? `; ${summary.allocations} allocations, ${summary.unappliedPayments} unapplied payments`
                : '') +
              '\n',
          );
        }
      } catch (error) {
        bar?.stop();
        if (error instanceof DomainError && error.code === 'import_rejected' && !global.json)
          printErrors(error);
        throw error;
      }
    });
}

function printErrors(error: DomainError): void {
  const errors = (error.details as { errors?: ImportError[] } | undefined)?.errors ?? [];
  for (const problem of errors) {
    const where = `${problem.file}:${problem.line}${problem.column ? ` [${problem.column}]` : ''}`;
    process.stderr.write(
      `${where}${problem.value !== null ? ` "${problem.value}"` : ''}: ${problem.reason}\n`,
    );
  }
}
