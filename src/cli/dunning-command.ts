/**
 * `encours dunning plan|run|schedule`: the dunning runs from the command line (disputes and
 * promises to pay are in dispute-command.ts, the runs awaiting approval in dunning-proposals-command.ts,
 * the registered letters' tracking in dunning-registered-command.ts).
 */
import type { Command } from 'commander';
import { scheduleDailyDunning } from '#app/dunning/dunning-schedule';
import { executeDunningRun } from '#app/dunning/execute-run';
import { type DunningRunView, previewDunningRun } from '#app/dunning/plan-run';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { registerDunningCaseCommands } from './dunning-case-command.ts';
import { runLines } from './dunning-print.ts';
import { registerDunningProposalCommands } from './dunning-proposals-command.ts';
import { registerDunningRatesCommands } from './dunning-rates-command.ts';
import { registerDunningRegisteredCommands } from './dunning-registered-command.ts';
import { registerDunningSendCommand } from './dunning-send-command.ts';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
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
  for (const line of runLines(view, lang)) process.stdout.write(`${line}\n`);
}

function registerRunCommands(program: Command): void {
  const dunning = program.command('dunning').description(help('cliHelp.dunning.description'));
  dunning
    .command('plan')
    .description(help('cliHelp.dunning.plan.description'))
    .option('--as-of <date>', help('cliHelp.shared.runDate'))
    .option('--customer <code...>', help('cliHelp.dunning.plan.option.customer'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const input = { asOf: options.asOf, customerCodes: options.customer };
      const view = await withContext(command, (ctx) => previewDunningRun(ctx, input));
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
  registerDunningRegisteredCommands(dunning);
  registerDunningRatesCommands(dunning);
  registerDunningProposalCommands(dunning);
}

export function registerDunningCommands(program: Command): void {
  registerRunCommands(program);
}
