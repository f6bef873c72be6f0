/**
 * `encours dunning plan|run|schedule`: the dunning runs from the command line (disputes and
 * promises to pay are in dispute-command.ts, the runs awaiting approval in dunning-proposals-command.ts).
 */
import type { Command } from 'commander';
import { scheduleDailyDunning } from '#app/dunning/dunning-schedule';
import { executeDunningRun } from '#app/dunning/execute-run';
import { latenessLines, skippedReasonText } from '#app/dunning/plan-lateness-text';
import { type DunningRunView, previewDunningRun } from '#app/dunning/plan-run';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { registerDunningCaseCommands } from './dunning-case-command.ts';
import { registerDunningProposalCommands } from './dunning-proposals-command.ts';
import { registerDunningRatesCommands } from './dunning-rates-command.ts';
import { registerDunningSendCommand } from './dunning-send-command.ts';
import { help } from './help-words.ts';
import { printJson, printTable } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

function printRun(view: DunningRunView, lang: Lang): void {
  const t = translator(lang);
  // The company reviews before sending: the run became the pending proposal, nothing was sent.
  if (view.proposal !== undefined) {
    const p = view.proposal;
    const date = formatDate(lang, view.asOf);
    process.stdout.write(
      `${p ? t('dunningProposals.proposed', { date, customers: p.customers, actions: p.actions, id: p.proposalId }) : t('dunningProposals.proposedNothing', { date })}\n`,
    );
    return;
  }
  process.stdout.write(
    `${t('dunning.cli.planned', { date: formatDate(lang, view.asOf), actions: view.actions.length, skipped: view.skipped.length })}\n`,
  );
  if (view.runId !== null)
    process.stdout.write(
      `${t('dunning.cli.sent', { run: view.runId, sent: view.actions.length, tasks: view.tasksCreated })}\n`,
    );
  for (const line of latenessLines(lang, view)) process.stdout.write(`${line}\n`);
  for (const file of view.batchFiles)
    process.stdout.write(
      `${t('dunning.cli.batchFile', { part: file.part, parts: file.parts, letters: file.letters, filename: file.filename, path: file.path })}\n`,
    );
  process.stdout.write('\n');
  printTable(view.actions, [
    { header: t('dunning.page.customer'), value: (a) => `${a.customerCode} ${a.customerName}`.slice(0, 36) },
    { header: t('dunning.page.step'), value: (a) => label(lang, 'dunningStepKind', a.stepKind) },
    { header: t('dunning.page.channel'), value: (a) => label(lang, 'dunningChannel', a.channel) },
    {
      header: t('dunning.page.items'),
      value: (a) =>
        a.items
          .map((i) => i.documentRef)
          .join(' ')
          .slice(0, 30),
    },
    {
      header: t('dunning.page.interest'),
      value: (a) => formatMoney(lang, a.interestMinor, a.currency),
      align: 'right',
    },
    {
      header: t('dunning.page.indemnity'),
      value: (a) => formatMoney(lang, a.indemnityMinor, 'EUR'),
      align: 'right',
    },
    {
      header: t('dunning.page.totalDue'),
      value: (a) => formatMoney(lang, a.totalDueMinor, a.currency),
      align: 'right',
    },
  ]);
  if (view.skipped.length === 0) return;
  process.stdout.write(`\n${t('dunning.page.skipped')}\n`);
  printTable(view.skipped, [
    {
      header: t('dunning.page.customer'),
      value: (s) => `${s.customerCode} ${s.customerName ?? ''}`.slice(0, 36),
    },
    { header: t('dunning.page.invoice'), value: (s) => s.documentRef },
    {
      header: t('dunning.page.reason'),
      value: (s) =>
        s.pauseReason === undefined || s.pausedUntil === undefined
          ? skippedReasonText(lang, s)
          : t('dunningCases.skippedPause', { reason: s.pauseReason, until: formatDate(lang, s.pausedUntil) }),
    },
  ]);
}

function registerRunCommands(program: Command): void {
  const dunning = program.command('dunning').description(help('cliHelp.dunning.description'));
  dunning
    .command('plan')
    .description(help('cliHelp.dunning.plan.description'))
    .option('--as-of <date>', help('cliHelp.shared.runDate'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const view = await withContext(command, (ctx) => previewDunningRun(ctx, { asOf: options.asOf }));
      if (globalOptions(command).json) return printJson(view);
      printRun(view, lang);
    });
  dunning
    .command('run')
    .description(help('cliHelp.dunning.run.description'))
    .option('--as-of <date>', help('cliHelp.shared.runDate'))
    .option('--dry-run', help('cliHelp.dunning.run.option.dry-run'))
    .option('--customer <code...>', help('cliHelp.dunning.run.option.customer'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const input = { asOf: options.asOf, customerCodes: options.customer };
      const view = await withContext(command, (ctx) =>
        options.dryRun ? previewDunningRun(ctx, input) : executeDunningRun(ctx, input),
      );
      if (globalOptions(command).json) return printJson(view);
      printRun(view, lang);
    });
  dunning
    .command('schedule')
    .description(help('cliHelp.dunning.schedule.description'))
    .option('--cron <expression>', help('cliHelp.dunning.schedule.option.cron'))
    .action(async (options, command: Command) => {
      const schedule = await withContext(command, (ctx) => scheduleDailyDunning(ctx, options.cron));
      if (globalOptions(command).json) return printJson(schedule);
      process.stdout.write(`${schedule.kind} ${schedule.cron} (${schedule.timeZone})\n`);
    });
  registerDunningCaseCommands(dunning);
  registerDunningSendCommand(dunning);
  registerDunningRatesCommands(dunning);
  registerDunningProposalCommands(dunning);
}

export function registerDunningCommands(program: Command): void {
  registerRunCommands(program);
}
