/** `encours customers list` and `encours customer show CODE`. */
import type { Command } from 'commander';
import { getCustomerFile, listCustomers } from '#app/customers/customers';
import { DomainError } from '#app/errors';
import { describePaymentTerms, parsePaymentTerms } from '#core/ledger/payment-terms';
import type { CustomerSort } from '#db/customers/customer-list';
import { money, printJson, printTable } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

const SORTS = ['code', 'name', 'balance', 'overdue'];

export function registerCustomerCommands(program: Command): void {
  const customers = program.command('customers').description('customer portfolio');
  customers
    .command('list')
    .description('customers with their balance and overdue amount as of a date')
    .option('--as-of <date>', 'YYYY-MM-DD (default: today, or the demo company reference date)')
    .option('--search <text>', 'filter on code or name')
    .option('--salesperson <name>', 'only this salesperson’s customers')
    .option('--type <customerType>', 'only this customer type')
    .option('--overdue', 'only customers with an overdue amount')
    .option('--sort <field>', `sort by ${SORTS.join('|')}`, 'code')
    .option('--limit <n>', 'at most n customers')
    .action(async (options, command: Command) => {
      if (!SORTS.includes(options.sort))
        throw new DomainError('invalid_input', `--sort must be one of ${SORTS.join(', ')}`);
      const limit = options.limit === undefined ? undefined : Number(options.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) {
        throw new DomainError('invalid_input', '--limit must be a non-negative integer');
      }
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
      process.stdout.write(`Customers as of ${result.asOf} (${result.items.length} of ${result.total})\n\n`);
      printTable(result.items, [
        { header: 'Code', value: (c) => c.code },
        { header: 'Name', value: (c) => c.name.slice(0, 38) },
        { header: 'Type', value: (c) => c.customerType },
        { header: 'Salesperson', value: (c) => c.salesperson ?? '' },
        { header: 'Limit', value: (c) => money(c.creditLimitMinor, c.currency), align: 'right' },
        { header: 'Balance', value: (c) => money(c.balanceMinor, c.currency), align: 'right' },
        { header: 'Overdue', value: (c) => money(c.overdueMinor, c.currency), align: 'right' },
      ]);
    });

  program
    .command('customer')
    .description('one customer')
    .command('show <code>')
    .description('the customer file: identity, balance, open items, orders, events')
    .option('--as-of <date>', 'YYYY-MM-DD')
    .action(async (code: string, options, command: Command) => {
      const file = await withContext(command, (ctx) => getCustomerFile(ctx, code, options.asOf));
      if (globalOptions(command).json) {
        printJson(file);
        return;
      }
      const c = file.customer;
      process.stdout.write(`${c['code']} — ${c['name']}   (as of ${file.asOf})\n`);
      process.stdout.write(
        `Type ${c['customerType']} · salesperson ${c['salesperson'] ?? '—'} · terms ${termsLabel(String(c['paymentTerms']))} · status ${c['status']}\n`,
      );
      process.stdout.write(
        `SIREN ${c['siren'] ?? '—'} · VAT ${c['vatNumber'] ?? '—'} · ${c['city'] ?? ''} ${c['country'] ?? ''}\n`,
      );
      process.stdout.write(
        `Balance ${money(file.balanceMinor, file.currency)} · overdue ${money(file.overdueMinor, file.currency)} · limit ${money(
          (c['creditLimitMinor'] as number | null) ?? null,
          file.currency,
        )}\n\nOpen items\n`,
      );
      printTable(file.openItems, [
        { header: 'Kind', value: (i) => i.kind },
        { header: 'Reference', value: (i) => i.externalRef },
        { header: 'Issued', value: (i) => i.issueDate },
        { header: 'Due', value: (i) => i.dueDate },
        { header: 'Days late', value: (i) => (i.openMinor > 0 ? String(i.daysPastDue) : ''), align: 'right' },
        { header: 'Amount', value: (i) => money(i.amountMinor, i.currency), align: 'right' },
        { header: 'Open', value: (i) => money(i.openMinor, i.currency), align: 'right' },
      ]);
      if (file.events.length > 0) {
        process.stdout.write('\nEvents\n');
        for (const event of file.events.slice(0, 10))
          process.stdout.write(`  ${event.eventDate}  ${event.kind.padEnd(10)} ${event.detail}\n`);
      }
    });
}

function termsLabel(spec: string): string {
  const terms = parsePaymentTerms(spec);
  return terms ? describePaymentTerms(terms, 'en') : spec;
}
