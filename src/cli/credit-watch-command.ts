/**
 * `encours credit balance-sheets FILE`, `credit schedule`, `credit remind`, `credit webhook-secret`:
 * the credit department's files, schedules and ERP link.
 */
import type { Command } from 'commander';
import { scheduleCreditJobs } from '#app/credit/credit-schedules';
import { importBalanceSheetFile } from '#app/credit/financial-data';
import { remindLateLimitRequests } from '#app/credit/limit-reminders';
import { createWebhookSecret } from '#app/credit/order-webhook';
import { type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDateTime } from '#text/format';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

export function registerCreditWatchCommands(credit: Command): void {
  credit
    .command('balance-sheets <file>')
    .description(help('cliHelp.credit.balance-sheets.description'))
    .option('--dry-run', help('cliHelp.credit.balance-sheets.option.dry-run'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (file: string, options, command: Command) => {
      const lang: Lang = toLang(options.lang);
      const summary = await withContext(command, (ctx) =>
        importBalanceSheetFile(ctx, { filePath: file, lang, dryRun: options.dryRun === true }),
      );
      if (globalOptions(command).json) return printJson(summary);
      const params = { rows: summary.rows, customers: summary.customers.length };
      process.stdout.write(`${translator(lang)('credit.cli.sheetsImported', params)}\n`);
    });
  credit
    .command('schedule')
    .description(help('cliHelp.credit.schedule.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang: Lang = toLang(options.lang);
      const schedules = await withContext(command, (ctx) => scheduleCreditJobs(ctx));
      if (globalOptions(command).json) return printJson(schedules);
      const t = translator(lang);
      for (const schedule of schedules) {
        const kind = label(lang, 'jobKind', schedule.kind);
        const next = formatDateTime(lang, schedule.nextFireAt, schedule.timeZone);
        process.stdout.write(`${t('credit.cli.scheduled', { kind, cron: schedule.cron, next })}\n`);
      }
    });
  credit
    .command('remind')
    .description(help('cliHelp.credit.remind.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const result = await withContext(command, (ctx) => remindLateLimitRequests(ctx));
      if (globalOptions(command).json) return printJson(result);
      const n = result.reminded.length;
      process.stdout.write(`${translator(toLang(options.lang))('credit.cli.reminded', { n })}\n`);
    });
  credit
    .command('webhook-secret')
    .description(help('cliHelp.credit.webhook-secret.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const result = await withContext(command, (ctx) => createWebhookSecret(ctx));
      if (globalOptions(command).json) return printJson(result);
      process.stdout.write(`${translator(toLang(options.lang))('credit.cli.secret', result)}\n`);
    });
}
