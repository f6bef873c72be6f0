/** `encours jobs schedule add|list|remove`: the recurring jobs a worker starts on their cron. */
import type { Command } from 'commander';
import { addSchedule, listSchedules, removeSchedule } from '#app/jobs/schedules';
import { label, translator } from '#text/catalogue';
import { formatDateTime } from '#text/format';
import { help } from './help-words.ts';
import { companyContext, jobId, langOf, parseJson } from './jobs-values.ts';
import { printJson, printTable } from './output.ts';
import { globalOptions, withRuntime } from './shared.ts';

export function registerScheduleCommands(jobs: Command): void {
  const schedule = jobs.command('schedule').description(help('cliHelp.jobs.schedule.description'));
  schedule
    .command('add <kind>')
    .description(help('cliHelp.jobs.schedule.add.description'))
    .requiredOption('--cron <expression>', help('cliHelp.jobs.schedule.add.option.cron'))
    .option('--time-zone <zone>', help('cliHelp.jobs.schedule.add.option.time-zone'))
    .option('--payload <json>', help('cliHelp.jobs.schedule.add.option.payload'))
    .option('--disabled', help('cliHelp.jobs.schedule.add.option.disabled'))
    .action(async (kind: string, options, command: Command) => {
      const lang = langOf(command);
      const view = await withRuntime(command, async (runtime) =>
        addSchedule(await companyContext(runtime, command), {
          kind,
          cron: options.cron,
          timeZone: options.timeZone,
          payload: parseJson(options.payload, '--payload'),
          enabled: !options.disabled,
        }),
      );
      if (globalOptions(command).json) return printJson(view);
      process.stdout.write(
        `${translator(lang)('jobs.cli.scheduleAdded', {
          id: view.id,
          kind: label(lang, 'jobKind', view.kind),
          cron: view.cron,
          timeZone: view.timeZone,
          next: formatDateTime(lang, view.nextFireAt, view.timeZone),
        })}\n`,
      );
    });
  schedule
    .command('list')
    .description(help('cliHelp.jobs.schedule.list.description'))
    .action(async (_options, command: Command) => {
      const lang = langOf(command);
      const schedules = await withRuntime(command, async (runtime) =>
        listSchedules(await companyContext(runtime, command)),
      );
      if (globalOptions(command).json) return printJson(schedules);
      const t = translator(lang);
      printTable(schedules, [
        { header: t('jobs.id'), value: (s) => String(s.id), align: 'right' },
        { header: t('jobs.kind'), value: (s) => label(lang, 'jobKind', s.kind) },
        { header: t('jobs.cron'), value: (s) => s.cron },
        { header: t('jobs.timeZone'), value: (s) => s.timeZone },
        { header: t('jobs.enabled'), value: (s) => t(s.enabled ? 'common.yes' : 'common.no') },
        { header: t('jobs.nextFire'), value: (s) => formatDateTime(lang, s.nextFireAt, s.timeZone) },
        { header: t('jobs.lastFire'), value: (s) => formatDateTime(lang, s.lastFiredAt, s.timeZone) },
      ]);
    });
  schedule
    .command('remove <id>')
    .description(help('cliHelp.jobs.schedule.remove.description'))
    .action(async (id: string, _options, command: Command) => {
      const scheduleId = jobId(id);
      await withRuntime(command, async (runtime) =>
        removeSchedule(await companyContext(runtime, command), scheduleId),
      );
      if (globalOptions(command).json) return printJson({ removed: scheduleId });
      process.stdout.write(
        `${translator(langOf(command))('jobs.cli.scheduleRemoved', { id: scheduleId })}\n`,
      );
    });
}
