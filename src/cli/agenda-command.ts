/**
 * `encours agenda`: the collector's prioritised list for the day (split from dunning-command.ts),
 * a collector's portfolio (`agenda assign`) and what became of an entry (`agenda done|snooze|reassign`).
 */
import type { Command } from 'commander';
import { getAgenda } from '#app/dunning/agenda';
import { setCollectionTarget } from '#app/dunning/collection-targets';
import {
  assignPortfolio,
  decideAgendaEntry,
  type EntryDecision,
  type EntryDecisionOutcome,
} from '#app/dunning/collectors';
import { amountFromText } from '#app/dunning/promises';
import { DomainError } from '#app/errors';
import { addDays } from '#core/calendar';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { AGENDA_LIMIT, agendaPrintLines } from './agenda-print.ts';
import { integerOption } from './cli-values.ts';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

function decisionLine(outcome: EntryDecisionOutcome, lang: Lang): string {
  const t = translator(lang);
  if (outcome.decision === 'reassigned')
    return t('agenda.decision.reassigned', {
      customer: outcome.customerCode,
      collector: outcome.collector ?? '',
      count: outcome.reassignedTaskIds.length,
    });
  if (outcome.decision === 'snoozed') {
    // The day the entry comes back, not the last day it stays hidden.
    const back = addDays(outcome.hiddenThrough ?? outcome.asOf, 1);
    return t('agenda.decision.snoozed', { customer: outcome.customerCode, date: formatDate(lang, back) });
  }
  return t('agenda.decision.done', { customer: outcome.customerCode });
}

/** One subcommand deciding what becomes of a customer's entry of the day. */
function registerDecision(
  agenda: Command,
  name: string,
  description: string,
  decisionOf: (options: Record<string, string>, lang: Lang) => EntryDecision,
  configure: (command: Command) => Command = (command) => command,
): void {
  configure(agenda.command(`${name} <customer>`).description(description)).action(
    async (customer: string, own, command: Command) => {
      const options = optionsOf(command, own);
      const lang = parseLang(options['lang'] ?? 'fr');
      const outcome = await withContext(command, (ctx) =>
        decideAgendaEntry(ctx, {
          customerCode: customer,
          decision: decisionOf(options, lang),
          asOf: options.asOf,
          lang,
        }),
      );
      if (globalOptions(command).json) return printJson(outcome);
      process.stdout.write(`${decisionLine(outcome, lang)}\n`);
    },
  );
}

/**
 * A subcommand's options with those of `agenda` it shares (--collector, --as-of, --lang): the
 * program reads options anywhere on the line, so `agenda` takes them whatever their place.
 */
function optionsOf(command: Command, own: Record<string, string>): Record<string, string> {
  return { ...(command.parent?.opts() as Record<string, string>), ...own };
}

/** The --collector a subcommand needs, or the error saying it is missing. */
function requiredCollector(options: Record<string, string>, lang: Lang): string {
  const collector = options['collector'];
  if (collector === undefined || collector.trim() === '')
    throw new DomainError('invalid_input', translator(lang)('agenda.error.collectorOption'));
  return collector;
}

export function registerAgendaCommand(program: Command): void {
  const agenda = program
    .command('agenda')
    .description(help('cliHelp.agenda.description'))
    .option('--as-of <date>', help('cliHelp.agenda.option.as-of'))
    .option('--collector <email>', help('cliHelp.agenda.option.collector'))
    .option('--limit <n>', help('cliHelp.agenda.option.limit'), String(AGENDA_LIMIT))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options['lang'] ?? 'fr');
      const limit = integerOption(options.limit, '--limit', { min: 0 }, lang);
      const view = await withContext(command, (ctx) =>
        getAgenda(ctx, { asOf: options.asOf, lang, collector: options.collector }),
      );
      if (globalOptions(command).json) return printJson(view);
      for (const line of agendaPrintLines(view, lang, limit)) process.stdout.write(`${line}\n`);
    });

  agenda
    .command('assign <customers...>')
    .description(help('cliHelp.agenda.assign.description'))
    .action(async (customers: string[], own, command: Command) => {
      const options = optionsOf(command, own);
      const lang = parseLang(options['lang'] ?? 'fr');
      // Codes may come one per argument or as a comma-separated list (e.g. pasted from a sheet).
      const codes = customers.flatMap((c) => c.split(','));
      const outcome = await withContext(command, (ctx) => {
        const email = requiredCollector(options, lang);
        const collector = email === 'none' ? null : email;
        return assignPortfolio(ctx, { customerCodes: codes, collector, lang });
      });
      if (globalOptions(command).json) return printJson(outcome);
      const t = translator(lang);
      const count = outcome.assigned.length;
      process.stdout.write(
        `${outcome.collector === null ? t('agenda.unassigned', { count }) : t('agenda.assigned', { count, collector: outcome.collector ?? '' })}\n`,
      );
      if (outcome.unchanged.length > 0)
        process.stdout.write(`${t('agenda.unchanged', { codes: outcome.unchanged.join(', ') })}\n`);
    });

  registerDecision(agenda, 'done', help('cliHelp.agenda.done.description'), () => ({
    kind: 'done',
  }));
  registerDecision(
    agenda,
    'snooze',
    help('cliHelp.agenda.snooze.description'),
    (options) => ({ kind: 'snoozed', until: options['until'] ?? '' }),
    (command) => command.requiredOption('--until <date>', help('cliHelp.agenda.snooze.option.until')),
  );
  registerDecision(agenda, 'reassign', help('cliHelp.agenda.reassign.description'), (options, lang) => ({
    kind: 'reassigned',
    collector: requiredCollector(options, lang),
  }));
  agenda
    .command('target <collector> <month> <amount>')
    .description(help('cliHelp.agenda.target.description'))
    .action(async (collector: string, month: string, amount: string, own, command: Command) => {
      const options = optionsOf(command, own);
      const lang = parseLang(options['lang'] ?? 'fr');
      const progress = await withContext(command, (ctx) =>
        setCollectionTarget(ctx, { collector, month, amountMinor: amountFromText(amount), lang }),
      );
      if (globalOptions(command).json) return printJson(progress);
      process.stdout.write(
        `${translator(lang)('agenda.target.set', {
          month: progress.month,
          collector: progress.collector,
          amount: formatMoney(lang, progress.targetMinor ?? 0, progress.currency),
        })}\n`,
      );
    });
}
