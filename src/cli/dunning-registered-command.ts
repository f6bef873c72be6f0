/**
 * `encours dunning registered RUN`, `dunning registered-number LETTER NUMBER --deposited DATE` and
 * `dunning registered-outcome LETTER --outcome CODE --on DATE`: what became of a run's registered
 * letters, as the run page shows and records it — La Poste's number with the day the letter was
 * posted, then the acknowledgement of receipt or the return. The same use cases as the API
 * (`registered-tracking.ts`), so the same refusals; a letter is named by its dunning action's
 * number, the first column of `dunning registered RUN`.
 */
import type { Command } from 'commander';
import {
  recordRegisteredOutcome,
  recordTrackingNumber,
  type TrackingView,
} from '#app/dunning/registered-tracking';
import { getRunDelivery, type RunDeliveryView } from '#app/dunning/run-delivery';
import { DomainError } from '#app/errors';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { help } from './help-words.ts';
import { money, printJson, tableLines } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

/** A run's or a letter's number as typed, refused in the catalogue's words when it is none. */
function idOf(text: string, what: 'run' | 'letter'): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new DomainError('invalid_input', {
      key: 'errors.dunning.notANumber',
      params: { what, value: text },
    });
  return id;
}

type Tracking = RunDeliveryView['registeredLetters'][number]['tracking'];

/** « AR signé le 23/05/2026 », « En attente de l’avis de réception », or a dash before the number. */
function outcomeText(lang: Lang, tracking: Tracking | TrackingView['tracking']): string {
  const t = translator(lang);
  if (!tracking) return '—';
  if (!tracking.outcome || !tracking.outcomeOn) return t('dunningHistory.outcomeWaiting');
  return t('dunningHistory.outcomeState', {
    outcome: tracking.outcome,
    date: formatDate(lang, tracking.outcomeOn),
  });
}

/** The run's registered letters as a table, in the print batch's order, under the deposit list's subtitle. */
export function registeredLetterLines(view: RunDeliveryView, lang: Lang): string[] {
  const t = translator(lang);
  if (view.registeredLetters.length === 0) return [t('dunningHistory.registeredNone')];
  const table = tableLines(view.registeredLetters, [
    { header: t('dunningHistory.cli.letter'), value: (r) => String(r.actionId), align: 'right' },
    { header: t('dunningHistory.customer'), value: (r) => r.customerCode },
    { header: t('dunningHistory.recipient'), value: (r) => r.customerName },
    {
      header: t('dunningHistory.amount'),
      value: (r) => money(r.totalDueMinor, r.currency, lang),
      align: 'right',
    },
    { header: t('dunningHistory.trackingNumber'), value: (r) => r.tracking?.trackingNumber ?? '—' },
    { header: t('dunningHistory.depositedOn'), value: (r) => formatDate(lang, r.tracking?.depositedOn) },
    { header: t('dunningHistory.trackingOutcome'), value: (r) => outcomeText(lang, r.tracking) },
  ]);
  const subtitle = t('dunning.delivery.subtitle', {
    date: formatDate(lang, view.asOf, { long: true }),
    count: view.registeredLetters.length,
  });
  return [subtitle, '', table.header, table.rule, ...table.rows];
}

/** A letter's state once recorded, and whether the command changed anything. */
export function trackingLines(view: TrackingView & { recorded: boolean }, lang: Lang): string[] {
  const t = translator(lang);
  const state = view.tracking;
  if (!state) return [];
  const line = t('dunningHistory.cli.state', {
    id: view.actionId,
    number: state.trackingNumber,
    deposited: formatDate(lang, state.depositedOn),
    outcome: outcomeText(lang, state),
  });
  return view.recorded ? [line] : [line, t('dunningHistory.cli.unchanged')];
}

function print(lines: readonly string[]): void {
  for (const line of lines) process.stdout.write(`${line}\n`);
}

function registerListCommand(dunning: Command): void {
  dunning
    .command('registered <run>')
    .description(help('cliHelp.dunning.registered.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (runText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const runId = idOf(runText, 'run');
      const view = await withContext(command, (ctx) => getRunDelivery(ctx, runId));
      if (globalOptions(command).json)
        return printJson({ runId: view.runId, asOf: view.asOf, registeredLetters: view.registeredLetters });
      print(registeredLetterLines(view, lang));
    });
}

export function registerDunningRegisteredCommands(dunning: Command): void {
  registerListCommand(dunning);
  dunning
    // The number as on the deposit slip, its groups typed apart or not: « 1A 123 456 7890 1 ».
    .command('registered-number <letter> <number...>')
    .description(help('cliHelp.dunning.registered-number.description'))
    .requiredOption('--deposited <date>', help('cliHelp.dunning.registered-number.option.deposited'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (letterText: string, number: string[], options, command: Command) => {
      const lang = parseLang(options.lang);
      const input = {
        actionId: idOf(letterText, 'letter'),
        trackingNumber: number.join(' '),
        depositedOn: options.deposited as string,
      };
      const view = await withContext(command, (ctx) => recordTrackingNumber(ctx, input));
      if (globalOptions(command).json) return printJson(view);
      print(trackingLines(view, lang));
    });
  dunning
    .command('registered-outcome <letter>')
    .description(help('cliHelp.dunning.registered-outcome.description'))
    .requiredOption('--outcome <code>', help('cliHelp.dunning.registered-outcome.option.outcome'))
    .requiredOption('--on <date>', help('cliHelp.dunning.registered-outcome.option.on'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (letterText: string, options, command: Command) => {
      const lang = parseLang(options.lang);
      const input = {
        actionId: idOf(letterText, 'letter'),
        outcome: options.outcome as string,
        outcomeOn: options.on as string,
      };
      const view = await withContext(command, (ctx) => recordRegisteredOutcome(ctx, input));
      if (globalOptions(command).json) return printJson(view);
      print(trackingLines(view, lang));
    });
}
