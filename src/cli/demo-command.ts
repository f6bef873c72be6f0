/** `encours demo`: load the demo company SA CB2C, print its manifest, or build a scale data set. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { demoBankMonth } from '#app/cash/demo-receipts';
import { generateDemoDataset, loadDemoCompany, loadScaleCompany } from '#app/demo/demo';
import { DomainError } from '#app/errors';
import { toLang, translator } from '#text/catalogue';
import { formatNumber } from '#text/format';
import { manifestLines } from './demo-print.ts';
import { plain, printJson } from './output.ts';
import { globalOptions, withRuntime } from './shared.ts';

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0)
    throw new DomainError('invalid_input', {
      key: 'errors.cli.positiveNumber',
      params: { option: name, value },
    });
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
    .option('--bank-month <file>', 'write a month of bank receipts (camt.053) to import with `import bank`')
    .option('--lang <lang>', 'language of the report: fr or en', 'fr')
    .action(async (options, command: Command) => {
      const json = globalOptions(command).json;
      const lang = toLang(options.lang);
      const t = translator(lang);
      const seed = positiveInteger('--seed', options.seed);
      if (options.bankMonth) {
        writeFileSync(options.bankMonth, demoBankMonth(seed).camt);
        process.stderr.write(`${t('cash.reconcile.written', { file: options.bankMonth })}\n`);
        return;
      }
      if (options.manifest) {
        const manifest = generateDemoDataset(seed).manifest;
        if (json) printJson(manifest);
        else for (const line of manifestLines(manifest, lang)) process.stdout.write(`${plain(line)}\n`);
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
        const loaded = t('cli.demo.loaded', {
          code: summary.companyId,
          seconds: formatNumber(lang, seconds, 1),
          customers: summary.customers,
          documents: summary.documents,
          allocations: summary.allocations,
          orders: summary.orders,
          events: summary.events,
          users: summary.users,
        });
        process.stdout.write(`${plain(loaded)}\n`);
      }
    });
}
