/**
 * `encours promotion list|submit|approve|reject|show|tag`: marketing promotions' credit terms,
 * submitted by sales or marketing, decided by the credit manager, and their effect.
 */
import type { Command } from 'commander';
import {
  decidePromotion,
  getPromotion,
  listPromotions,
  type PromotionDetail,
  type PromotionView,
  submitPromotion,
  tagPromotionInvoices,
} from '#app/promotions/promotions';
import type { PaymentMode } from '#core/credit/order-check';
import type { OutcomeSummary, PromotionStatus } from '#core/promotions/promotions';
import { type Lang, label, toLang, translator } from '#text/catalogue';
import { formatDate, formatDays, formatPercentBps } from '#text/format';
import { help } from './help-words.ts';
import { money, plain, printJson, printTable } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

function printList(items: readonly PromotionView[], lang: Lang, currency = 'EUR'): void {
  const t = translator(lang);
  if (items.length === 0) return void process.stdout.write(`${t('promotions.none')}\n`);
  printTable(items, [
    { header: t('promotions.column.code'), value: (p) => p.code },
    { header: t('promotions.column.name'), value: (p) => p.name },
    {
      header: t('promotions.column.terms'),
      value: (p) => plain(label(lang, 'paymentTerms', p.paymentTerms)),
    },
    {
      header: t('promotions.column.validity'),
      value: (p) =>
        t('promotions.validity', { from: formatDate(lang, p.validFrom), to: formatDate(lang, p.validTo) }),
    },
    { header: t('promotions.column.status'), value: (p) => t('promotions.status', { status: p.status }) },
    { header: t('promotions.column.orders'), value: (p) => String(p.orders.orderCount), align: 'right' },
    {
      header: t('promotions.column.ordered'),
      value: (p) => money(p.orders.orderedMinor, currency, lang),
      align: 'right',
    },
  ]);
}

function effectLine(lang: Lang, group: string, summary: OutcomeSummary, currency: string): string {
  const t = translator(lang);
  return t('promotions.effect.line', {
    group: t('promotions.effect.group', { group }),
    count: summary.invoiceCount,
    invoiced: money(summary.invoicedMinor, currency, lang),
    open: money(summary.openMinor, currency, lang),
    overdue: money(summary.overdueMinor, currency, lang),
    overdueRate: formatPercentBps(lang, summary.overdueRateBps, 1),
    daysToPay: formatDays(lang, summary.averageDaysToPay),
    daysLate: formatDays(lang, summary.averageDaysLate),
  });
}

function printDetail(p: PromotionDetail, lang: Lang): void {
  const t = translator(lang);
  const lines = [
    `${p.code} — ${p.name} (${t('promotions.status', { status: p.status })})`,
    `${label(lang, 'paymentTerms', p.paymentTerms)}, ${t('promotions.validity', { from: formatDate(lang, p.validFrom), to: formatDate(lang, p.validTo) })}`,
    t('promotions.methods', {
      methods: p.paymentMethods.map((m) => label(lang, 'paymentMode', m)).join(', '),
    }),
    t('promotions.guarantees', {
      guarantees: p.guarantees.map((g) => t('promotions.guarantee', { guarantee: g })).join(', ') || '—',
    }),
    t('promotions.eligible', {
      customers:
        [...p.eligibleCustomers, ...p.eligibleCustomerTypes.map((c) => label(lang, 'customerType', c))].join(
          ', ',
        ) || t('promotions.eligibleAll'),
    }),
    t('promotions.submittedBy', { user: p.submittedBy, date: formatDate(lang, p.submittedAt.slice(0, 10)) }),
    ...(p.decidedBy && p.decidedAt
      ? [t('promotions.decidedBy', { user: p.decidedBy, date: formatDate(lang, p.decidedAt.slice(0, 10)) })]
      : []),
    ...(p.decisionComment ? [t('promotions.comment', { comment: p.decisionComment })] : []),
    t('promotions.orders', {
      count: p.orders.orderCount,
      amount: money(p.orders.orderedMinor, p.currency, lang),
      approved: p.orders.approvedCount,
      held: p.orders.heldCount,
      refused: p.orders.refusedCount,
    }),
    t('promotions.effect', { asOf: formatDate(lang, p.asOf) }),
    `- ${effectLine(lang, 'promotion', p.effect.promotion, p.currency)}`,
    `- ${effectLine(lang, 'others', p.effect.others, p.currency)}`,
  ];
  process.stdout.write(`${plain(lines.join('\n'))}\n`);
}

export function registerPromotionCommands(program: Command): void {
  const promotion = program.command('promotion').description(help('cliHelp.promotion.description'));
  promotion
    .command('list')
    .description(help('cliHelp.promotion.list.description'))
    .option('--status <status>', help('cliHelp.promotion.list.option.status'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options, command: Command) => {
      const items = await withContext(command, (ctx) =>
        listPromotions(ctx, { status: options.status as PromotionStatus | undefined }),
      );
      if (globalOptions(command).json) return printJson(items);
      printList(items, toLang(options.lang));
    });
  promotion
    .command('submit <code>')
    .description(help('cliHelp.promotion.submit.description'))
    .requiredOption('--name <name>', help('cliHelp.promotion.submit.option.name'))
    .requiredOption('--terms <spec>', help('cliHelp.promotion.submit.option.terms'))
    .requiredOption('--from <date>', help('cliHelp.shared.firstDay'))
    .requiredOption('--to <date>', help('cliHelp.shared.lastDay'))
    .option('--methods <list>', help('cliHelp.promotion.submit.option.methods'), 'terms')
    .option('--guarantees <list>', help('cliHelp.promotion.submit.option.guarantees'))
    .option('--customers <list>', help('cliHelp.promotion.submit.option.customers'))
    .option('--customer-types <list>', help('cliHelp.promotion.submit.option.customer-types'))
    .action(async (code: string, options, command: Command) => {
      const view = await withContext(command, (ctx) =>
        submitPromotion(ctx, {
          code,
          name: options.name,
          paymentTerms: options.terms,
          paymentMethods: list(options.methods) as PaymentMode[],
          guarantees: list(options.guarantees),
          validFrom: options.from,
          validTo: options.to,
          eligibleCustomers: list(options.customers),
          eligibleCustomerTypes: list(options.customerTypes),
        }),
      );
      printJson(view);
    });
  for (const decision of ['approve', 'reject'] as const)
    promotion
      .command(`${decision} <code>`)
      .description(
        decision === 'approve'
          ? help('cliHelp.promotion.approve.description')
          : help('cliHelp.promotion.reject.description'),
      )
      .option(
        '--comment <text>',
        help(decision === 'approve' ? 'cliHelp.shared.comment' : 'cliHelp.shared.whyRequired'),
      )
      .action(async (code: string, options, command: Command) => {
        const view = await withContext(command, (ctx) =>
          decidePromotion(ctx, code, { decision, comment: options.comment }),
        );
        printJson(view);
      });
  promotion
    .command('show <code>')
    .description(help('cliHelp.promotion.show.description'))
    .option('--as-of <date>', help('cliHelp.promotion.show.option.as-of'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (code: string, options, command: Command) => {
      const detail = await withContext(command, (ctx) => getPromotion(ctx, code, { asOf: options.asOf }));
      if (globalOptions(command).json) return printJson(detail);
      printDetail(detail, toLang(options.lang));
    });
  promotion
    .command('tag <code>')
    .description(help('cliHelp.promotion.tag.description'))
    .requiredOption('--invoices <refs>', help('cliHelp.shared.invoiceRefs'))
    .action(async (code: string, options, command: Command) => {
      printJson(await withContext(command, (ctx) => tagPromotionInvoices(ctx, code, list(options.invoices))));
    });
}
