/**
 * `encours forecast snapshot|accuracy`: store the week's forecast (or backfill past weeks), and set
 * each elapsed week's receipts against the forecast made for it.
 */
import type { Command } from 'commander';
import { resolveAsOf } from '#app/customers/customers';
import { DomainError } from '#app/errors';
import { forecastAccuracy } from '#app/forecast/accuracy';
import { backfillDates, storeForecastSnapshot } from '#app/forecast/snapshot';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatPercentBps } from '#text/format';
import { help } from './help-words.ts';
import { money, plain, printJson, printTable } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

function wholeNumber(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value))
    throw new DomainError('invalid_input', {
      key: 'errors.cli.wholeNumber',
      params: { option: name, value: text },
    });
  return value;
}

export function registerForecastHistory(forecast: Command): void {
  forecast
    .command('snapshot')
    .description(help('cliHelp.forecast.snapshot.description'))
    .option('--as-of <date>', help('cliHelp.shared.asOfCutOff'))
    .option('--backfill-weeks <n>', help('cliHelp.forecast.snapshot.option.backfill-weeks'), '0')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const backfill = wholeNumber(options.backfillWeeks, '--backfill-weeks');
      const stored = await withContext(command, async (ctx) => {
        const asOf = await resolveAsOf(ctx, options.asOf);
        const dates = backfill > 0 ? backfillDates(asOf, backfill) : [];
        if (dates.at(-1) !== asOf) dates.push(asOf);
        const runs = [];
        // Only the last date's model is kept, as the job does: the retention rule would delete most of
        // the earlier ones (≈ 10 MB each at 100,000 customers) as the next ones are kept.
        for (const date of dates)
          runs.push(await storeForecastSnapshot(ctx, { asOf: date, keepModel: date === dates.at(-1) }));
        return runs;
      });
      if (globalOptions(command).json) return printJson({ runs: stored });
      const t = translator(lang);
      for (const run of stored)
        process.stdout.write(
          `${plain(t('forecast.cli.snapshotStored', { runId: run.runId, asOf: formatDate(lang, run.asOf), model: run.modelVersion, invoices: run.openInvoices, weeks: run.weeks }))}\n`,
        );
    });
  forecast
    .command('accuracy')
    .description(help('cliHelp.forecast.accuracy.description'))
    .option('--as-of <date>', help('cliHelp.forecast.accuracy.option.as-of'))
    .option('--weeks <n>', help('cliHelp.forecast.accuracy.option.weeks'), '26')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const weeks = wholeNumber(options.weeks, '--weeks');
      const answer = await withContext(command, (ctx) =>
        forecastAccuracy(ctx, { asOf: options.asOf, weeks }),
      );
      if (globalOptions(command).json) return printJson(answer);
      printAccuracy(answer, lang);
    });
}

function printAccuracy(answer: Awaited<ReturnType<typeof forecastAccuracy>>, lang: Lang): void {
  const t = translator(lang);
  const cur = answer.currency;
  const heading = t('forecast.cli.accuracyHeading', {
    weeks: answer.weeks.length,
    asOf: formatDate(lang, answer.asOf),
  });
  process.stdout.write(`${plain(heading)}\n`);
  if (answer.weeks.length === 0)
    return void process.stdout.write(`${plain(t('forecast.cli.accuracyNone'))}\n`);
  printTable(answer.weeks, [
    { header: t('forecast.cli.col.week'), value: (row) => formatDate(lang, row.weekStart) },
    { header: t('forecast.cli.col.madeOn'), value: (row) => formatDate(lang, row.forecastAsOf) },
    {
      header: t('forecast.cli.col.forecast'),
      value: (row) => money(row.forecastMinor, cur, lang),
      align: 'right',
    },
    { header: t('forecast.cli.col.low'), value: (row) => money(row.lowMinor, cur, lang), align: 'right' },
    { header: t('forecast.cli.col.high'), value: (row) => money(row.highMinor, cur, lang), align: 'right' },
    {
      header: t('forecast.cli.col.actual'),
      value: (row) => money(row.actualMinor, cur, lang),
      align: 'right',
    },
    { header: t('forecast.cli.col.error'), value: (row) => money(row.errorMinor, cur, lang), align: 'right' },
  ]);
  const summary = t('forecast.cli.accuracySummary', {
    wape: formatPercentBps(lang, answer.wapeBp, 1),
    bias: formatPercentBps(lang, answer.biasBp, 1),
    inside: answer.insideBandWeeks,
    weeks: answer.weeks.length,
  });
  process.stdout.write(`${plain(summary)}\n`);
  if (answer.byHorizon.length === 0) return;
  process.stdout.write(`\n${plain(t('forecastCuts.byHorizonHeading'))}\n`);
  printTable(answer.byHorizon, [
    {
      header: t('forecastCuts.col.horizon'),
      value: (row) => t('forecastCuts.horizonWeeks', { weeks: row.horizonWeeks }),
    },
    { header: t('forecastCuts.col.weeks'), value: (row) => String(row.weeks), align: 'right' },
    {
      header: t('forecastCuts.col.forecast'),
      value: (row) => money(row.forecastMinor, cur, lang),
      align: 'right',
    },
    {
      header: t('forecastCuts.col.actual'),
      value: (row) => money(row.actualMinor, cur, lang),
      align: 'right',
    },
    {
      header: t('forecastCuts.col.wape'),
      value: (row) => formatPercentBps(lang, row.wapeBp, 1),
      align: 'right',
    },
    {
      header: t('forecastCuts.col.bias'),
      value: (row) => formatPercentBps(lang, row.biasBp, 1),
      align: 'right',
    },
    {
      header: t('forecastCuts.col.inside'),
      value: (row) => t('forecastCuts.insideOf', { inside: row.insideBandWeeks, weeks: row.weeks }),
      align: 'right',
    },
  ]);
}
