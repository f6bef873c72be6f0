/** `encours demo`: load the demo company SA CB2C, print its manifest, or build a scale data set. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { demoBankMonth } from '#app/cash/demo-receipts';
import { generateDemoDataset, loadDemoCompany, loadScaleCompany } from '#app/demo/demo';
import { DomainError } from '#app/errors';
import { toLang, translator } from '#text/catalogue';
import { formatNumber } from '#text/format';
import { manifestLines } from './demo-print.ts';
import { help } from './help-words.ts';
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
    .description(help('cliHelp.demo.description'))
    .option('--manifest', help('cliHelp.demo.option.manifest'))
    .option('--reset', help('cliHelp.demo.option.reset'))
    .option('--customers <n>', help('cliHelp.demo.option.customers'))
    .option('--invoices <n>', help('cliHelp.demo.option.invoices'))
    .option('--seed <n>', help('cliHelp.demo.option.seed'))
    .option('--bank-month <file>', help('cliHelp.demo.option.bank-month'))
    .option('--lang <lang>', help('cliHelp.demo.option.lang'), 'fr')
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
