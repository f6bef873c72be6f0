/**
 * `encours predict cost` (the cost of the predicted days late, by customer and for the company) and
 * `encours predict financing-rate [--set <bps>]` (the company's rate it is priced at). Registered on
 * the `predict` command of forecast-command.ts.
 */
import type { Command } from 'commander';
import { type FinancingRate, getFinancingRate, setFinancingRate } from '#app/companies/financing-rate';
import { DomainError } from '#app/errors';
import { forecastLateCost, type LateCostReport } from '#app/forecast/late-cost';
import { addDays } from '#core/calendar';
import { BEYOND_HISTORY_DAYS } from '#core/forecast/age-terms';
import { type Lang, toLang, translator } from '#text/catalogue';
import { formatDate, formatNumber, formatPercentBps } from '#text/format';
import { help } from './help-words.ts';
import { money, plain, printJson, printTable } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

/** Customers listed in the text output when --limit is not given (the JSON lists every one). */
const TEXT_CUSTOMERS = 20;

function wholeNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
    throw new DomainError('invalid_input', {
      key: 'errors.cli.naturalNumber',
      params: { option: name, value: text },
    });
  return value;
}

export function registerForecastCost(predict: Command): void {
  predict
    .command('cost')
    .description(help('cliHelp.predict.cost.description'))
    .option('--as-of <date>', help('cliHelp.shared.asOfCutOff'))
    .option('--rate-bps <n>', help('cliHelp.predict.cost.option.rate-bps'))
    .option('--customer <code>', help('cliHelp.shared.oneCustomerOnly'))
    .option('--limit <n>', help('cliHelp.predict.cost.option.limit', { n: TEXT_CUSTOMERS }))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = toLang(options.lang);
      const json = globalOptions(command).json === true;
      const limit = wholeNumber(options.limit, '--limit');
      if (limit === 0) throw new DomainError('invalid_input', { key: 'errors.cli.limit' });
      const report = await withContext(command, (ctx) =>
        forecastLateCost(ctx, {
          asOf: options.asOf,
          rateBps: wholeNumber(options.rateBps, '--rate-bps'),
          customerCode: options.customer,
          limit: limit ?? (json ? undefined : TEXT_CUSTOMERS),
        }),
      );
      if (json) return printJson(report);
      printLateCost(report, lang);
    });
  predict
    .command('financing-rate')
    .description(help('cliHelp.predict.financing-rate.description'))
    .option('--set <bps>', help('cliHelp.predict.financing-rate.option.set'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = toLang(options.lang);
      const set = wholeNumber(options.set, '--set');
      const rate = await withContext(command, (ctx) =>
        set === undefined ? getFinancingRate(ctx) : setFinancingRate(ctx, set),
      );
      if (globalOptions(command).json) return printJson(rate);
      process.stdout.write(`${plain(rateLine(rate, lang))}\n`);
    });
}

function rateLine(rate: FinancingRate, lang: Lang): string {
  return translator(lang)('forecastCost.cli.rate', {
    rate: formatPercentBps(lang, rate.rateBps),
    source: rate.source,
    by: rate.updatedBy ?? '—',
    on: rate.updatedAt ? formatDate(lang, rate.updatedAt.slice(0, 10)) : '—',
  });
}

function printLateCost(report: LateCostReport, lang: Lang): void {
  const t = translator(lang);
  const cur = report.currency;
  const amount = (minor: number) => money(minor, cur, lang);
  const days = (value: number | null) => (value === null ? '—' : plain(formatNumber(lang, value, 1)));
  const asOf = formatDate(lang, report.asOf);
  const lines = [
    t('forecastCost.cli.heading', {
      asOf,
      rate: formatPercentBps(lang, report.rateBps),
      source: t('forecastCost.rateSource', { source: report.rateSource }),
      model: report.modelVersion,
    }),
    t('forecastCost.cli.expected', {
      open: amount(report.openMinor),
      count: report.invoiceCount,
      late: amount(report.lateOpenMinor),
      lateCount: report.lateCount,
    }),
    t('forecastCost.cli.daysLate', {
      days: report.expectedDaysLate === null ? 'none' : days(report.expectedDaysLate),
    }),
    t('forecastCost.cli.cost', {
      cost: amount(report.costMinor),
      ahead: amount(report.costAheadMinor),
      asOf,
    }),
  ];
  if (report.beyondHistoryCount > 0)
    lines.push(
      t('forecastCost.cli.beyondHistory', {
        cost: amount(report.beyondHistoryCostMinor),
        open: amount(report.beyondHistoryOpenMinor),
        count: report.beyondHistoryCount,
        until: formatDate(lang, addDays(report.asOf, BEYOND_HISTORY_DAYS)),
      }),
    );
  if (report.notExpectedCount > 0)
    lines.push(
      t('forecastCost.cli.notExpected', {
        count: report.notExpectedCount,
        open: amount(report.notExpectedOpenMinor),
      }),
    );
  lines.push(t('forecastCost.cli.rounding'));
  process.stdout.write(`${lines.map(plain).join('\n')}\n\n`);
  printTable(report.customers, [
    { header: t('forecastCost.cli.col.customer'), value: (row) => row.customerCode },
    { header: t('forecastCost.cli.col.open'), value: (row) => amount(row.openMinor), align: 'right' },
    { header: t('forecastCost.cli.col.days'), value: (row) => days(row.expectedDaysLate), align: 'right' },
    { header: t('forecastCost.cli.col.cost'), value: (row) => amount(row.costMinor), align: 'right' },
    { header: t('forecastCost.cli.col.ahead'), value: (row) => amount(row.costAheadMinor), align: 'right' },
    {
      header: t('forecastCost.cli.col.notExpected'),
      value: (row) => (row.notExpectedCount > 0 ? amount(row.notExpectedOpenMinor) : ''),
      align: 'right',
    },
  ]);
  const more = report.customerCount - report.customers.length;
  if (more > 0) process.stdout.write(`${plain(t('forecastCost.cli.more', { count: more }))}\n`);
}
