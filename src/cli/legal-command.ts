/**
 * `encours watch bodacc [--file FILE]`: BODACC announcements (the records API's JSON, from a file or
 * fetched live for the portfolio's SIRENs) matched to the portfolio; `encours watch schedule`: the
 * daily live watch as a job; `encours company enrich CODE|--all [--file FILE]`: register data of customers, from
 * the API Recherche d'entreprises or offline from a file of its JSON.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { createCompanyDataClient } from '#app/legal/company-data-client';
import { type EnrichItem, enrichCustomers, legalFormLabel } from '#app/legal/enrich-company';
import { type WatchBodaccResult, watchBodacc } from '#app/legal/watch-bodacc';
import { DEFAULT_WATCH_PAYLOAD, watchBodaccLive } from '#app/legal/watch-bodacc-job';
import { scheduleBodaccWatch } from '#app/legal/watch-bodacc-schedule';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { help } from './help-words.ts';
import { plain, printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new DomainError('invalid_input', { key: 'errors.legal.option.cannotRead', params: { path } });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new DomainError('invalid_input', { key: 'errors.legal.option.notJson', params: { path } });
  }
}

function positiveInteger(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new DomainError('invalid_input', {
      key: 'errors.cli.naturalNumber',
      params: { option, value: text },
    });
  return value;
}

function liveSettings(options: { baseUrl: string; timeout: string; retries: string; lookbackDays: string }) {
  return {
    baseUrl: options.baseUrl,
    timeoutMs: positiveInteger(options.timeout, '--timeout'),
    retries: positiveInteger(options.retries, '--retries'),
    lookbackDays: positiveInteger(options.lookbackDays, '--lookback-days'),
  };
}

function printWatch(result: WatchBodaccResult, lang: Lang): void {
  const t = translator(lang);
  const lines = [
    ...result.events.map((event) =>
      t('legal.cli.event', {
        customerCode: event.customerCode,
        judgment: t('legal.judgmentKind', { kind: event.judgmentKind }),
        procedure: t('legal.procedure', { procedure: event.procedure ?? 'other' }),
        judgmentDate: formatDate(lang, event.judgmentDate),
        publicationDate: formatDate(lang, event.publicationDate),
        deadline: event.claimDeadline ? formatDate(lang, event.claimDeadline) : 'none',
      }),
    ),
    ...result.alerts.map((alert) =>
      t('legal.cli.alert', {
        customerCode: alert.customerCode,
        publicationDate: formatDate(lang, alert.publicationDate),
      }),
    ),
  ];
  process.stdout.write(`${plain((lines.length > 0 ? lines : [t('legal.cli.none')]).join('\n'))}\n`);
}

function printEnrich(items: readonly EnrichItem[], lang: Lang): void {
  const t = translator(lang);
  const lines = items.map((item) => {
    if (item.outcome === 'no_siren') return t('legal.cli.enrichNoSiren', { customerCode: item.customerCode });
    if (!item.company)
      return t('legal.cli.enrichNotFound', { customerCode: item.customerCode, siren: item.siren ?? '' });
    return t('legal.cli.enriched', {
      customerCode: item.customerCode,
      legalName: item.company.legalName,
      legalForm: legalFormLabel(lang, item.company.legalFormCode),
      naf: item.company.nafCode ?? '—',
      status: t('legal.status', { status: item.company.administrativeStatus }),
    });
  });
  process.stdout.write(`${plain(lines.join('\n'))}\n`);
}

export function registerLegalCommands(program: Command): void {
  const watch = program.command('watch').description(help('cliHelp.watch.description'));
  watch
    .command('bodacc')
    .description(help('cliHelp.watch.bodacc.description'))
    .option('--file <file>', help('cliHelp.watch.bodacc.option.file'))
    .option('--secured', help('cliHelp.shared.secured'))
    .option('--base-url <url>', help('cliHelp.watch.bodacc.option.base-url'), DEFAULT_WATCH_PAYLOAD.baseUrl)
    .option('--timeout <ms>', help('cliHelp.watch.bodacc.option.timeout'), '10000')
    .option('--retries <n>', help('cliHelp.watch.bodacc.option.retries'), '2')
    .option('--lookback-days <days>', help('cliHelp.watch.bodacc.option.lookback-days'), '14')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const secured = options.secured === true;
      const records = options.file === undefined ? null : await readJsonFile(options.file);
      const result = await withContext(command, (ctx) =>
        records !== null
          ? watchBodacc(ctx, { records, secured })
          : watchBodaccLive(ctx, { ...liveSettings(options), secured }),
      );
      if (globalOptions(command).json) return printJson(result);
      printWatch(result, toLang(options.lang));
    });
  watch
    .command('schedule')
    .description(help('cliHelp.watch.schedule.description'))
    .option('--cron <expression>', help('cliHelp.watch.schedule.option.cron'), '30 6 * * *')
    .option('--secured', help('cliHelp.shared.secured'))
    .option('--base-url <url>', help('cliHelp.watch.schedule.option.base-url'), DEFAULT_WATCH_PAYLOAD.baseUrl)
    .option('--timeout <ms>', help('cliHelp.shared.timeout'), '10000')
    .option('--retries <n>', help('cliHelp.shared.retries'), '2')
    .option('--lookback-days <days>', help('cliHelp.watch.schedule.option.lookback-days'), '14')
    .action(async (options, command: Command) => {
      const schedule = await withContext(command, (ctx) =>
        scheduleBodaccWatch(ctx, {
          cron: options.cron,
          payload: { ...liveSettings(options), secured: options.secured === true },
        }),
      );
      if (globalOptions(command).json) return printJson(schedule);
      process.stdout.write(`${schedule.kind} ${schedule.cron} → ${schedule.nextFireAt ?? '—'}\n`);
    });

  const company = program.command('company').description(help('cliHelp.company.description'));
  company
    .command('enrich [code]')
    .description(help('cliHelp.company.enrich.description'))
    .option('--all', help('cliHelp.company.enrich.option.all'))
    .option('--file <file>', help('cliHelp.company.enrich.option.file'))
    .option(
      '--base-url <url>',
      help('cliHelp.company.enrich.option.base-url'),
      'https://recherche-entreprises.api.gouv.fr',
    )
    .option('--timeout <ms>', help('cliHelp.shared.timeout'), '5000')
    .option('--retries <n>', help('cliHelp.shared.retries'), '2')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (code: string | undefined, options, command: Command) => {
      if ((code === undefined) === (options.all === undefined))
        throw new DomainError('invalid_input', { key: 'errors.credit.option.codeOrAll' });
      const source = options.file
        ? ({ kind: 'file', body: await readJsonFile(options.file) } as const)
        : ({
            kind: 'client',
            client: createCompanyDataClient({
              baseUrl: options.baseUrl,
              timeoutMs: positiveInteger(options.timeout, '--timeout'),
              retries: positiveInteger(options.retries, '--retries'),
            }),
          } as const);
      const result = await withContext(command, (ctx) =>
        enrichCustomers(ctx, { customerCode: code, source }),
      );
      if (globalOptions(command).json) return printJson(result);
      printEnrich(result.items, toLang(options.lang));
    });
}
