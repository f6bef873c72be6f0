/** `encours customers list` and `encours customer show CODE`. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { getCustomerFileDocument } from '#app/customers/customer-file-document';
import { getCustomerFile, listCustomers } from '#app/customers/customers';
import { DomainError } from '#app/errors';
import type { CustomerSort } from '#db/customers/customer-list';
import { label, toLang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { paymentTermsLabel } from '#text/payment-terms';
import { integerOption, wroteLine } from './cli-values.ts';
import { help } from './help-words.ts';
import { money, plain, printJson, printTable } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

const SORTS = ['code', 'name', 'balance', 'overdue'];

export function registerCustomerCommands(program: Command): void {
  const customers = program.command('customers').description(help('cliHelp.customers.description'));
  customers
    .command('list')
    .description(help('cliHelp.customers.list.description'))
    .option('--as-of <date>', help('cliHelp.shared.asOfToday'))
    .option('--search <text>', help('cliHelp.customers.list.option.search'))
    .option('--salesperson <name>', help('cliHelp.shared.salesperson'))
    .option('--type <customerType>', help('cliHelp.shared.customerType'))
    .option('--overdue', help('cliHelp.customers.list.option.overdue'))
    .option('--sort <field>', help('cliHelp.customers.list.option.sort', { fields: SORTS.join('|') }), 'code')
    .option('--limit <n>', help('cliHelp.customers.list.option.limit'))
    .option('--lang <lang>', help('cliHelp.shared.langText'), 'fr')
    .action(async (options, command: Command) => {
      if (!SORTS.includes(options.sort))
        throw new DomainError('invalid_input', {
          key: 'errors.cli.choice',
          params: { option: '--sort', choices: SORTS.join(', ') },
        });
      const lang = toLang(options.lang);
      const limit =
        options.limit === undefined ? undefined : integerOption(options.limit, '--limit', { min: 0 }, lang);
      const result = await withContext(command, (ctx) =>
        listCustomers(ctx, {
          asOf: options.asOf,
          filter: {
            search: options.search,
            salesperson: options.salesperson,
            customerType: options.type,
            overdueOnly: options.overdue,
          },
          sort: options.sort as CustomerSort,
          ...(limit === undefined ? {} : { limit }),
        }),
      );
      if (globalOptions(command).json) {
        printJson(
          result.items.map((c) => ({
            code: c.code,
            name: c.name,
            customerType: c.customerType,
            salesperson: c.salesperson,
            creditLimitMinor: c.creditLimitMinor,
            balanceMinor: c.balanceMinor,
            overdueMinor: c.overdueMinor,
            currency: c.currency,
          })),
        );
        return;
      }
      const t = translator(lang);
      const title = t('cli.customers.title', {
        date: formatDate(lang, result.asOf),
        shown: result.items.length,
        total: result.total,
      });
      process.stdout.write(`${plain(title)}\n\n`);
      printTable(result.items, [
        { header: t('cli.col.code'), value: (c) => c.code },
        { header: t('cli.col.name'), value: (c) => c.name.slice(0, 38) },
        { header: t('cli.col.type'), value: (c) => label(lang, 'customerType', c.customerType) },
        { header: t('cli.col.salesperson'), value: (c) => c.salesperson ?? '' },
        {
          header: t('cli.col.limit'),
          value: (c) => money(c.creditLimitMinor, c.currency, lang),
          align: 'right',
        },
        {
          header: t('cli.col.balance'),
          value: (c) => money(c.balanceMinor, c.currency, lang),
          align: 'right',
        },
        {
          header: t('cli.col.overdue'),
          value: (c) => money(c.overdueMinor, c.currency, lang),
          align: 'right',
        },
      ]);
    });

  program
    .command('customer')
    .description(help('cliHelp.customer.description'))
    .command('show <code>')
    .description(help('cliHelp.customer.show.description'))
    .option('--as-of <date>', help('cliHelp.customer.show.option.as-of'))
    .option('--lang <lang>', help('cliHelp.customer.show.option.lang'), 'fr')
    .option('--pdf <file>', help('cliHelp.customer.show.option.pdf'))
    .action(async (code: string, options, command: Command) => {
      if (options.pdf) {
        const { pdf } = await withContext(command, (ctx) =>
          getCustomerFileDocument(ctx, code, { asOf: options.asOf, lang: options.lang }),
        );
        writeFileSync(options.pdf, pdf);
        process.stderr.write(wroteLine(options.pdf, toLang(options.lang)));
        return;
      }
      const lang = toLang(options.lang);
      // The story lines in the language asked for, in the JSON document as in the text.
      const file = await withContext(command, (ctx) => getCustomerFile(ctx, code, options.asOf, lang));
      if (globalOptions(command).json) {
        printJson(file);
        return;
      }
      printCustomerFile(file, lang);
    });
}

type CustomerFile = Awaited<ReturnType<typeof getCustomerFile>>;

function printCustomerFile(file: CustomerFile, lang: 'fr' | 'en'): void {
  const t = translator(lang);
  const c = file.customer;
  const text = (value: unknown) =>
    value === null || value === undefined || value === '' ? '—' : String(value);
  const write = (line: string) => process.stdout.write(`${plain(line)}\n`);
  write(t('cli.customer.header', { code: c['code'], name: c['name'], date: formatDate(lang, file.asOf) }));
  write(
    t('cli.customer.identity', {
      type: label(lang, 'customerType', String(c['customerType'])),
      salesperson: text(c['salesperson']),
      terms: termsLabel(lang, String(c['paymentTerms'])),
      status: label(lang, 'customerStatus', String(c['status'])),
    }),
  );
  write(
    t('cli.customer.ids', {
      siren: text(c['siren']),
      vat: text(c['vatNumber']),
      city: c['city'] ?? '',
      country: c['country'] ?? '',
    }),
  );
  const limit = (c['creditLimitMinor'] as number | null) ?? null;
  write(
    t('cli.customer.figures', {
      balance: money(file.balanceMinor, file.currency, lang),
      overdue: money(file.overdueMinor, file.currency, lang),
      limit: money(limit, file.currency, lang),
    }),
  );
  write(`\n${t('cli.customer.openItems')}`);
  printTable(file.openItems, [
    { header: t('cli.col.kind'), value: (i) => label(lang, 'documentKind', i.kind) },
    { header: t('cli.col.reference'), value: (i) => i.externalRef },
    { header: t('cli.col.issued'), value: (i) => formatDate(lang, i.issueDate) },
    { header: t('cli.col.due'), value: (i) => formatDate(lang, i.dueDate) },
    {
      header: t('cli.col.daysLate'),
      value: (i) => (i.openMinor > 0 ? String(i.daysPastDue) : ''),
      align: 'right',
    },
    { header: t('cli.col.amount'), value: (i) => money(i.amountMinor, i.currency, lang), align: 'right' },
    { header: t('cli.col.open'), value: (i) => money(i.openMinor, i.currency, lang), align: 'right' },
  ]);
  if (file.events.length === 0) return;
  write(`\n${t('cli.customer.events')}`);
  for (const event of file.events.slice(0, 10))
    write(
      `  ${formatDate(lang, event.eventDate)}  ${label(lang, 'eventKind', event.kind).padEnd(22)} ${event.detail}`,
    );
}

/** Stored terms in words; terms that do not parse are shown as they were written. */
function termsLabel(lang: 'fr' | 'en', spec: string): string {
  return paymentTermsLabel(lang, spec) ?? spec;
}
