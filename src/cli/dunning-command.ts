/**
 * `encours dunning plan|run|schedule`, `encours dispute open|resolve` and
 * `encours promise add`: the dunning use cases from the command line.
 */
import type { Command } from 'commander';
import { openDispute, resolveDispute } from '#app/dunning/disputes';
import { scheduleDailyDunning } from '#app/dunning/dunning-schedule';
import { executeDunningRun } from '#app/dunning/execute-run';
import { type DunningRunView, previewDunningRun } from '#app/dunning/plan-run';
import { amountFromText, recordPromise } from '#app/dunning/promises';
import { DomainError } from '#app/errors';
import { type Lang, label, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { registerDunningCaseCommands } from './dunning-case-command.ts';
import { registerDunningSendCommand } from './dunning-send-command.ts';
import { printJson, printTable } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

function printRun(view: DunningRunView, lang: Lang): void {
  const t = translator(lang);
  process.stdout.write(
    `${t('dunning.cli.planned', { date: formatDate(lang, view.asOf), actions: view.actions.length, skipped: view.skipped.length })}\n`,
  );
  if (view.runId !== null)
    process.stdout.write(
      `${t('dunning.cli.sent', { run: view.runId, sent: view.actions.length, tasks: view.tasksCreated })}\n`,
    );
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
          ? label(lang, 'dunningSkip', s.reason)
          : t('dunningCases.skippedPause', { reason: s.pauseReason, until: formatDate(lang, s.pausedUntil) }),
    },
  ]);
}

function registerRunCommands(program: Command): void {
  const dunning = program.command('dunning').description('dunning runs: reminders, letters, formal notices');
  dunning
    .command('plan')
    .description('the reminders due on a date, with interest and indemnity; nothing is sent')
    .option('--as-of <date>', 'run date (YYYY-MM-DD); default: today, or the demo reference date')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const view = await withContext(command, (ctx) => previewDunningRun(ctx, { asOf: options.asOf }));
      if (globalOptions(command).json) return printJson(view);
      printRun(view, lang);
    });
  dunning
    .command('run')
    .description('sends the reminders due on a date: e-mails into the outbox, letters archived as PDF')
    .option('--as-of <date>', 'run date (YYYY-MM-DD); default: today, or the demo reference date')
    .option('--dry-run', 'plan only (same as `dunning plan`)')
    .option('--customer <code...>', 'only these customers (a reviewed selection)')
    .option('--lang <lang>', 'fr or en', 'fr')
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
    .description('runs dunning every business day at 7:00 (a job schedule)')
    .option('--cron <expression>', 'another cron expression')
    .action(async (options, command: Command) => {
      const schedule = await withContext(command, (ctx) => scheduleDailyDunning(ctx, options.cron));
      if (globalOptions(command).json) return printJson(schedule);
      process.stdout.write(`${schedule.kind} ${schedule.cron} (${schedule.timeZone})\n`);
    });
  registerDunningCaseCommands(dunning);
  registerDunningSendCommand(dunning);
}

function registerCaseCommands(program: Command): void {
  const dispute = program
    .command('dispute')
    .description('disputes (litiges): their invoices are not reminded');
  dispute
    .command('open <invoice>')
    .description('opens a dispute on an invoice, routed to a department')
    .requiredOption('--reason <reason>', 'quality, delivery, price, quantity or other')
    .option('--department <department>', 'sales, logistics, quality, accounting or customer_service')
    .option('--amount <amount>', 'disputed amount (default: the invoice amount)')
    .option('--note <text>', 'what the customer says')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (invoice: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const row = await withContext(command, (ctx) =>
        openDispute(ctx, {
          documentRef: invoice,
          reason: options.reason,
          department: options.department,
          amountMinor: options.amount === undefined ? undefined : amountFromText(options.amount),
          note: options.note,
        }),
      );
      if (globalOptions(command).json) return printJson(row);
      process.stdout.write(
        `${translator(lang)('dunning.cli.disputeOpened', { id: row.disputeId, invoice: row.documentRef })}\n`,
      );
    });
  dispute
    .command('resolve <id>')
    .description('resolves a dispute: credit_note, partial_credit or rejected')
    .requiredOption('--resolution <resolution>', 'credit_note, partial_credit or rejected')
    .option('--note <text>', 'how it was settled')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (idText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const disputeId = Number(idText);
      if (!Number.isSafeInteger(disputeId) || disputeId < 1)
        throw new DomainError('invalid_input', `not a dispute number: ${idText}`);
      const row = await withContext(command, (ctx) =>
        resolveDispute(ctx, { disputeId, resolution: options.resolution, note: options.note }),
      );
      if (globalOptions(command).json) return printJson(row);
      process.stdout.write(`${translator(lang)('dunning.cli.disputeResolved', { id: row.disputeId })}\n`);
    });
  const promise = program
    .command('promise')
    .description('promises to pay: their invoices wait until the promised date');
  promise
    .command('add <customer>')
    .description('records a promise to pay, in one or several instalments')
    .requiredOption('--instalment <date=amount...>', 'e.g. 2026-07-15=1500,00 (repeat for several)')
    .option('--invoice <ref...>', 'invoices covered (default: all the open invoices)')
    .option('--note <text>', 'what the customer said')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (customerCode: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const instalments = (options.instalment as string[]).map((text) => {
        const [dueDate, amount] = text.split('=');
        if (!dueDate || !amount)
          throw new DomainError('invalid_input', `--instalment wants date=amount: ${text}`);
        return { dueDate, amountMinor: amountFromText(amount) };
      });
      const view = await withContext(command, (ctx) =>
        recordPromise(ctx, { customerCode, instalments, documentRefs: options.invoice, note: options.note }),
      );
      if (globalOptions(command).json) return printJson(view);
      process.stdout.write(
        `${translator(lang)('dunning.cli.promiseAdded', { id: view.promiseId, customer: customerCode })}\n`,
      );
    });
}

export function registerDunningCommands(program: Command): void {
  registerRunCommands(program);
  registerCaseCommands(program);
}
