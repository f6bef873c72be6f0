/**
 * `encours agenda`: the collector's prioritised list for the day (split from dunning-command.ts).
 */
import type { Command } from 'commander';
import { agendaLines, getAgenda } from '#app/dunning/agenda';
import { translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { printJson } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

export function registerAgendaCommand(program: Command): void {
  program
    .command('agenda')
    .description("the collector's prioritised list for the day, with the reasons for each rank")
    .option('--as-of <date>', 'date (YYYY-MM-DD)')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const view = await withContext(command, (ctx) => getAgenda(ctx, { asOf: options.asOf, lang }));
      if (globalOptions(command).json) return printJson(view);
      const t = translator(lang);
      process.stdout.write(
        `${t('dunning.page.agendaTitle')} — ${formatDate(lang, view.asOf, { long: true })}\n\n`,
      );
      if (view.entries.length === 0) process.stdout.write(`${t('dunning.page.agendaEmpty')}\n`);
      for (const line of agendaLines(view, lang)) process.stdout.write(`${line}\n`);
    });
}
