/**
 * `encours dunning pause|unpause|pauses|manual`: pausing one invoice's reminders and recording a
 * reminder made outside Encours.
 */
import type { Command } from 'commander';
import { listInvoicePauses, pauseInvoice, unpauseInvoice } from '#app/dunning/invoice-pauses';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { DomainError } from '#app/errors';
import { label, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { help } from './help-words.ts';
import { printJson, printTable } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

function pauseNumber(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.notANumber',
      params: { what: 'pause', value: text },
    });
  return id;
}

function registerPauseCommands(dunning: Command): void {
  dunning
    .command('pause <invoice>')
    .description(help('cliHelp.dunning.pause.description'))
    .requiredOption('--until <date>', help('cliHelp.dunning.pause.option.until'))
    .requiredOption('--reason <text>', help('cliHelp.dunning.pause.option.reason'))
    .option('--customer <code>', help('cliHelp.dunning.pause.option.customer'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (invoice: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const row = await withContext(command, (ctx) =>
        pauseInvoice(ctx, {
          documentRef: invoice,
          customerCode: options.customer,
          reason: options.reason,
          pausedUntil: options.until,
        }),
      );
      if (globalOptions(command).json) return printJson(row);
      const text = translator(lang)('dunningCases.cli.paused', {
        invoice: row.documentRef,
        until: formatDate(lang, row.pausedUntil),
        id: row.pauseId,
      });
      process.stdout.write(`${text}\n`);
    });
  dunning
    .command('unpause <pause>')
    .description(help('cliHelp.dunning.unpause.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (idText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const pauseId = pauseNumber(idText);
      const row = await withContext(command, (ctx) => unpauseInvoice(ctx, { pauseId }));
      if (globalOptions(command).json) return printJson(row);
      const text = translator(lang)('dunningCases.cli.unpaused', {
        id: row.pauseId,
        invoice: row.documentRef,
      });
      process.stdout.write(`${text}\n`);
    });
  dunning
    .command('pauses')
    .description(help('cliHelp.dunning.pauses.description'))
    .option('--customer <code>', help('cliHelp.shared.oneCustomerOnly'))
    .option('--as-of <date>', help('cliHelp.dunning.pauses.option.as-of'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const rows = await withContext(command, (ctx) =>
        listInvoicePauses(ctx, { customerCode: options.customer, activeOn: options.asOf }),
      );
      if (globalOptions(command).json) return printJson(rows);
      const t = translator(lang);
      if (rows.length === 0) return void process.stdout.write(`${t('dunningCases.page.noPauses')}\n`);
      printTable(rows, [
        { header: 'N°', value: (r) => String(r.pauseId), align: 'right' },
        { header: t('dunning.page.customer'), value: (r) => r.customerCode },
        { header: t('dunning.page.invoice'), value: (r) => r.documentRef },
        { header: t('dunningCases.page.pauseUntil'), value: (r) => formatDate(lang, r.pausedUntil) },
        { header: t('dunningCases.page.pauseReason'), value: (r) => r.reason.slice(0, 40) },
      ]);
    });
}

export function registerDunningCaseCommands(dunning: Command): void {
  registerPauseCommands(dunning);
  dunning
    .command('manual <customer>')
    .description(help('cliHelp.dunning.manual.description'))
    .requiredOption('--channel <channel>', help('cliHelp.dunning.manual.option.channel'))
    .option('--step <code>', help('cliHelp.dunning.manual.option.step'))
    .option('--invoice <ref...>', help('cliHelp.dunning.manual.option.invoice'))
    .option('--date <date>', help('cliHelp.dunning.manual.option.date'))
    .option('--note <text>', help('cliHelp.dunning.manual.option.note'))
    .option('--interest', help('cliHelp.dunning.manual.option.interest'))
    .option('--no-interest', help('cliHelp.dunning.manual.option.no-interest'))
    .option('--indemnity', help('cliHelp.dunning.manual.option.indemnity'))
    .option('--no-indemnity', help('cliHelp.dunning.manual.option.no-indemnity'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (customerCode: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const result = await withContext(command, (ctx) =>
        recordManualReminder(ctx, {
          customerCode,
          channel: options.channel,
          stepCode: options.step,
          documentRefs: options.invoice,
          doneOn: options.date,
          note: options.note,
          claimInterest: options.interest,
          claimIndemnity: options.indemnity,
        }),
      );
      if (globalOptions(command).json) return printJson(result);
      const text = translator(lang)('dunningCases.cli.manual', {
        step: `${label(lang, 'dunningStepKind', result.stepKind)} — ${result.stepCode}`,
        count: result.documentRefs.length,
      });
      const claims = result.actions.map((a) =>
        translator(lang)('dunningCases.page.manualSaved', {
          total: formatMoney(lang, a.totalDueMinor, a.currency),
          interest: formatMoney(lang, a.interestTotalMinor, a.currency),
          indemnity: formatMoney(lang, a.indemnityTotalMinor, a.currency),
        }),
      );
      process.stdout.write(`${[text, ...claims].join('\n')}\n`);
    });
}
