/**
 * `encours predict payments|backtest` and `encours forecast collections`: payment-date
 * predictions, their back-test against naive baselines, and the weekly collection forecast.
 */
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { backtestPredictions } from '#app/forecast/backtest';
import { forecastCollections } from '#app/forecast/collections';
import { predictPayments } from '#app/forecast/predictions';
import { printBacktest } from './backtest-text.ts';
import { type CollectionCut, printCollections } from './forecast-collections-text.ts';
import { registerForecastCost } from './forecast-cost-command.ts';
import { registerForecastHistory } from './forecast-history-command.ts';
import { printPredictions } from './forecast-payments-text.ts';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { globalOptions, parseLang, withContext } from './shared.ts';

function weeksOf(text: string): number {
  const weeks = Number(text);
  if (!Number.isInteger(weeks))
    throw new DomainError('invalid_input', {
      key: 'errors.cli.wholeNumber',
      params: { option: '--weeks', value: text },
    });
  return weeks;
}

export function registerForecastCommands(program: Command): void {
  const predict = program.command('predict').description(help('cliHelp.predict.description'));
  predict
    .command('payments')
    .description(help('cliHelp.predict.payments.description'))
    .option('--as-of <date>', help('cliHelp.shared.asOfCutOff'))
    .option('--customer <code>', help('cliHelp.shared.oneCustomerOnly'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const answer = await withContext(command, (ctx) =>
        predictPayments(ctx, { asOf: options.asOf, customerCode: options.customer, lang }),
      );
      if (globalOptions(command).json) return printJson(answer);
      printPredictions(answer, lang);
    });
  predict
    .command('backtest')
    .description(help('cliHelp.predict.backtest.description'))
    .option('--from <date>', help('cliHelp.predict.backtest.option.from'))
    .option('--to <date>', help('cliHelp.predict.backtest.option.to'))
    .option('--with-forest', help('cliHelp.predict.backtest.option.with-forest'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const result = await withContext(command, (ctx) =>
        backtestPredictions(ctx, {
          from: options.from,
          to: options.to,
          withForest: options.withForest === true,
        }),
      );
      if (globalOptions(command).json) return printJson(result);
      printBacktest(result, lang);
    });
  registerForecastCost(predict);
  const forecast = program.command('forecast').description(help('cliHelp.forecast.description'));
  registerForecastHistory(forecast);
  forecast
    .command('collections')
    .description(help('cliHelp.forecast.collections.description'))
    .option('--as-of <date>', help('cliHelp.shared.asOfCutOff'))
    .option('--weeks <n>', help('cliHelp.forecast.collections.option.weeks'), '13')
    .option('--by <period>', help('cliHelp.forecast.collections.option.by'), 'week')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang = parseLang(options.lang);
      const by = periodOf(options.by);
      const answer = await withContext(command, (ctx) =>
        forecastCollections(ctx, {
          asOf: options.asOf,
          weeks: weeksOf(options.weeks),
          by: by === 'week' ? [] : [by],
        }),
      );
      if (globalOptions(command).json) return printJson(answer);
      printCollections(answer, by, lang);
    });
}

function periodOf(text: string): CollectionCut {
  if (text === 'day' || text === 'week' || text === 'month') return text;
  throw new DomainError('invalid_input', {
    key: 'errors.cli.choice',
    params: { option: '--by', choices: 'day, week, month' },
  });
}
