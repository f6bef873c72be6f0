/** `encours demo`: load the demo company SA CB2C, print its manifest, or build a scale data set. */
import type { Command } from 'commander';
import { generateDemoDataset, loadDemoCompany, loadScaleCompany } from '#app/demo/demo';
import { DomainError } from '#app/errors';
import { printJson } from './output.ts';
import { globalOptions, withRuntime } from './shared.ts';

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0)
    throw new DomainError('invalid_input', `${name} must be a positive integer`);
  return parsed;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load the demo company SA CB2C (fixed data, reference date in the manifest)')
    .option('--manifest', 'print the planted situations instead of loading anything')
    .option('--reset', 'replace the demo company if it is already loaded')
    .option('--customers <n>', 'scale mode: number of customers (company SCALE)')
    .option('--invoices <n>', 'scale mode: number of invoices')
    .option('--seed <n>', 'random seed of the generator')
    .action(async (options, command: Command) => {
      const json = globalOptions(command).json;
      const seed = positiveInteger('--seed', options.seed);
      if (options.manifest) {
        const manifest = generateDemoDataset(seed).manifest;
        if (json) printJson(manifest);
        else {
          process.stdout.write(`Demo SA CB2C, reference date ${manifest.asOf}\n`);
          for (const situation of manifest.situations) {
            process.stdout.write(
              `- ${situation.kind} ${situation.customerCode}${situation.documentRef ? ` ${situation.documentRef}` : ''}: ${situation.note}\n`,
            );
          }
        }
        return;
      }
      const customers = positiveInteger('--customers', options.customers);
      const invoices = positiveInteger('--invoices', options.invoices);
      const started = performance.now();
      const summary = await withRuntime(command, async (runtime) => {
        const ctx = { db: runtime.handle.db, clock: runtime.clock, log: runtime.log, actor: 'cli' };
        if (customers !== undefined || invoices !== undefined) {
          return loadScaleCompany(ctx, {
            customers: customers ?? 1000,
            invoices: invoices ?? 10_000,
            seed,
            replace: options.reset ?? false,
          });
        }
        return loadDemoCompany(ctx, { seed, replace: options.reset ?? false });
      });
      const seconds = Math.round(performance.now() - started) / 1000;
      if (json) printJson({ ...summary, seconds });
      else {
        process.stdout.write(
          `Company ${summary.companyId} loaded in ${seconds} s: ${summary.customers} customers, ${summary.documents} documents, ` +
            `${summary.allocations} allocations, ${summary.orders} orders, ${summary.events} events, ${summary.users} users.\n`,
        );
      }
    });
}
