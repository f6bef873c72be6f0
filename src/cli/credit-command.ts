/** `encours order check …`, `encours credit score CODE|--all`, `encours credit requests`. */
import type { Command } from 'commander';
import { listLimitRequestViews } from '#app/credit/limit-request-queue';
import { checkOrder } from '#app/credit/order-check';
import { rescoreCustomers } from '#app/credit/scoring';
import { DomainError } from '#app/errors';
import { currencyExponent } from '#core/money';
import { type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDateTime, formatNumber } from '#text/format';
import { amountOption } from './cli-values.ts';
import { registerCreditWatchCommands } from './credit-watch-command.ts';
import { help } from './help-words.ts';
import { money, printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

const PAYMENTS = ['prepaid', 'cod', 'terms'] as const;

function amountOf(text: string, currency: string): number {
  return amountOption(text, '--amount', { exponent: currencyExponent(currency) });
}

export function registerCreditCommands(program: Command): void {
  const order = program.command('order').description(help('cliHelp.order.description'));
  order
    .command('check')
    .description(help('cliHelp.order.check.description'))
    .requiredOption('--customer <code>', help('cliHelp.order.check.option.customer'))
    .requiredOption('--amount <n>', help('cliHelp.order.check.option.amount'))
    .option('--currency <code>', help('cliHelp.order.check.option.currency'), 'EUR')
    .option(
      '--payment <mode>',
      help('cliHelp.order.check.option.payment', { modes: PAYMENTS.join('|') }),
      'terms',
    )
    .option('--order <ref>', help('cliHelp.order.check.option.order'))
    .option('--promotion <code>', help('cliHelp.order.check.option.promotion'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      if (!(PAYMENTS as readonly string[]).includes(options.payment))
        throw new DomainError('invalid_input', {
          key: 'errors.cli.choice',
          params: { option: '--payment', choices: PAYMENTS.join(', ') },
        });
      const lang = toLang(options.lang);
      const answer = await withContext(command, (ctx) =>
        checkOrder(ctx, {
          customerCode: options.customer,
          amountMinor: amountOf(options.amount, options.currency),
          currency: options.currency,
          payment: options.payment,
          orderRef: options.order,
          promotionCode: options.promotion,
          lang,
        }),
      );
      if (globalOptions(command).json) return printJson(answer);
      const t = translator(lang);
      const lines = [
        t('credit.cli.decision', { decision: label(lang, 'creditDecision', answer.decision) }),
        ...answer.reasons.map((reason) => `- ${reason.message}`),
        t('credit.cli.figures', {
          exposure: money(answer.exposureMinor, answer.currency, lang),
          limit: money(answer.limitMinor, answer.currency, lang),
          available: money(answer.availableMinor, answer.currency, lang),
          riskClass: answer.class ?? '—',
          score: formatNumber(lang, answer.score, 1),
        }),
        // The core's figures: an order on a promotion's longer terms weighs more than its amount.
        t('credit.cli.afterOrder', {
          exposure: money(answer.exposureAfterOrderMinor, answer.currency, lang),
          available: money(answer.availableAfterOrderMinor, answer.currency, lang),
        }),
        ...(answer.approverRole
          ? [t('credit.cli.approver', { role: label(lang, 'role', answer.approverRole) })]
          : []),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  const credit = program.command('credit').description(help('cliHelp.credit.description'));
  registerCreditWatchCommands(credit);
  credit
    .command('score [code]')
    .description(help('cliHelp.credit.score.description'))
    .option('--all', help('cliHelp.credit.score.option.all'))
    .option('--as-of <date>', help('cliHelp.shared.asOfToday'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (code: string | undefined, options, command: Command) => {
      if ((code === undefined) === (options.all === undefined))
        throw new DomainError('invalid_input', { key: 'errors.credit.option.codeOrAll' });
      const lang: Lang = toLang(options.lang);
      const summary = await withContext(command, (ctx) =>
        rescoreCustomers(ctx, { asOf: options.asOf, customerCode: code }),
      );
      const t = translator(lang);
      if (globalOptions(command).json) {
        return printJson({
          asOf: summary.asOf,
          methodVersion: summary.methodVersion,
          customers: summary.customers,
          scored: summary.scored,
          insufficientData: summary.insufficientData,
          downgrades: summary.downgrades,
          scores:
            code === undefined
              ? undefined
              : summary.scores.map((s) => ({ customerCode: s.customerCode, ...s.result })),
        });
      }
      if (code !== undefined) {
        const result = summary.scores[0]?.result;
        const params = { customer: code, version: summary.methodVersion };
        process.stdout.write(
          `${
            result?.score === null || !result
              ? t('credit.cli.noScore', params)
              : t('credit.cli.score', {
                  ...params,
                  score: formatNumber(lang, result.score, 1),
                  riskClass: result.riskClass ?? '—',
                })
          }\n`,
        );
        // A class forced by collective proceedings says why, or the class would contradict the score.
        if (result?.override)
          process.stdout.write(
            `${t('credit.cli.classOverride', {
              riskClass: result.override.riskClass,
              procedure:
                result.override.procedure === 'insolvency'
                  ? label(lang, 'eventKind', 'insolvency')
                  : label(lang, 'customerStatus', result.override.procedure),
            })}\n`,
          );
        return;
      }
      process.stdout.write(
        `${t('credit.cli.scored', { customers: summary.scored, asOf: summary.asOf, downgrades: summary.downgrades.length })}\n`,
      );
    });
  credit
    .command('requests')
    .description(help('cliHelp.credit.requests.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const lang: Lang = toLang(options.lang);
      const items = await withContext(command, (ctx) => listLimitRequestViews(ctx, { status: 'pending' }));
      if (globalOptions(command).json) return printJson(items);
      const t = translator(lang);
      if (items.length === 0) return void process.stdout.write(`${t('credit.cli.noRequests')}\n`);
      for (const item of items) {
        process.stdout.write(
          `${t('credit.cli.request', {
            id: item.requestId,
            customer: `${item.customerName} (${item.customerCode})`,
            amount: money(item.requestedMinor, item.currency, lang),
            role: label(lang, 'role', item.requiredRole),
            due: formatDateTime(lang, item.dueAt),
            justification: item.justification,
          })}\n`,
        );
      }
    });
}
