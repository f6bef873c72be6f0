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
    .description("pauses one invoice's reminders until a date, for a reason")
    .requiredOption('--until <date>', 'last day of the pause (YYYY-MM-DD)')
    .requiredOption('--reason <text>', 'why (shown in the run preview)')
    .option('--customer <code>', 'the customer, when two have an invoice with this reference')
    .option('--lang <lang>', 'fr or en', 'fr')
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
    .description('lifts a pause from today: the invoice is reminded again')
    .option('--lang <lang>', 'fr or en', 'fr')
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
    .description('the invoices whose reminders are paused')
    .option('--customer <code>', 'one customer only')
    .option('--as-of <date>', 'only the pauses in force on this date')
    .option('--lang <lang>', 'fr or en', 'fr')
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
    .description('records a reminder made outside Encours (it counts as its step)')
    .requiredOption('--channel <channel>', 'email, letter, registered_letter, call_task or sms')
    .option('--step <code>', "the policy step it stands for (default: the step today's run would send)")
    .option('--invoice <ref...>', "the invoices it was about (default: those today's run would remind)")
    .option('--date <date>', 'when it was done (YYYY-MM-DD); default: today')
    .option('--note <text>', 'what was said or sent')
    .option('--interest', 'late-payment interest was claimed (default: as the step says)')
    .option('--no-interest', 'no late-payment interest was claimed')
    .option('--indemnity', 'the 40 € fixed indemnity was claimed (default: as the step says)')
    .option('--no-indemnity', 'no fixed indemnity was claimed')
    .option('--lang <lang>', 'fr or en', 'fr')
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
