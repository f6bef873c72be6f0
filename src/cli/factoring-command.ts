/**
 * `encours factoring contract|contracts|assign|collect|recourse|account|reconcile|batch`: factoring
 * contracts, batches of invoices assigned to the factor, the factor's collections and recourse,
 * the current account and its reconciliation with the factor's statement. `--json` prints the use
 * case's result as one JSON document.
 */
import type { Command } from 'commander';
import { DomainError } from '#app/errors';
import { assignInvoices, listFactoringContracts, saveFactoringContract } from '#app/legal/factoring';
import {
  applyRecourse,
  getFactoringAccount,
  getFactoringBatch,
  recordFactorCollections,
} from '#app/legal/factoring-account';
import { reconcileFactorStatement } from '#app/legal/factoring-reconcile';
import { parseAmountToMinor } from '#core/money';
import { toLang, translator } from '#text/catalogue';
import {
  accountLines,
  batchLines,
  closedLines,
  contractLine,
  reconciliationLines,
} from './factoring-print.ts';
import { idArgument } from './legal-values.ts';
import { plain, printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

const print = (lines: string[]) => process.stdout.write(`${plain(lines.join('\n'))}\n`);
const refsOf = (text: string | undefined) =>
  (text ?? '')
    .split(/[,;\s]+/)
    .map((ref) => ref.trim())
    .filter(Boolean);

function amountOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const minor = parseAmountToMinor(text, { exponent: 2 });
  if (minor === null || minor < 0)
    throw new DomainError('invalid_input', {
      key: 'errors.cli.amount',
      params: { option: name, value: text },
    });
  return minor;
}

function integerOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value))
    throw new DomainError('invalid_input', {
      key: 'errors.cli.wholeNumber',
      params: { option: name, value: text },
    });
  return value;
}

function registerContract(factoring: Command): void {
  factoring
    .command('contract <code>')
    .description('save a factoring contract, or a new version of it (in force from --from)')
    .requiredOption('--factor <name>', 'the factor')
    .option('--iban <iban>', 'the factor’s IBAN, printed on reminders of assigned invoices')
    .option('--bic <bic>', 'the factor’s BIC')
    .option('--currency <code>', 'currency of the contract (default: the company’s)')
    .option('--recourse-days <days>', 'with recourse: charge-back this many days after the due date')
    .requiredOption(
      '--advance-rate <bps>',
      'share of (assigned − reserve) advanced, basis points (10000 = all)',
    )
    .requiredOption('--commission <bps>', 'factoring commission on the assigned amount, basis points')
    .option('--min-commission <amount>', 'minimum commission per invoice (e.g. 15.00)')
    .requiredOption('--financing-rate <bps>', 'yearly financing rate on the advance, basis points')
    .option('--day-count <days>', '360 (default) or 365 days a year', '360')
    .option('--collection-delay <days>', 'interest runs to the due date + these days', '0')
    .requiredOption('--reserve-rate <bps>', 'guarantee fund on the assigned amount, basis points')
    .option('--fee-per-invoice <amount>', 'fixed fee per invoice')
    .option('--fee-per-batch <amount>', 'fixed fee per batch')
    .option('--fees-vat <bps>', 'VAT on commission and fees, basis points (2000 = 20 %)', '0')
    .option('--factor-collects', 'the factor reminds the customers itself: our dunning leaves them out')
    .option('--customer-types <types>', 'default rule: customer types, comma-separated')
    .option('--min-amount <amount>', 'default rule: minimum invoice amount')
    .option('--from <date>', 'in force from (default: the reference date)')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (code: string, o, command: Command) => {
      const recourseDays = integerOption(o.recourseDays, '--recourse-days');
      const row = await withContext(command, (ctx) =>
        saveFactoringContract(ctx, {
          code,
          factorName: o.factor,
          factorIban: o.iban,
          factorBic: o.bic,
          currency: o.currency,
          withRecourse: recourseDays !== undefined && recourseDays > 0,
          recourseDays,
          advanceRateBps: integerOption(o.advanceRate, '--advance-rate') as number,
          commissionBps: integerOption(o.commission, '--commission') as number,
          minCommissionMinor: amountOption(o.minCommission, '--min-commission'),
          financingRateBps: integerOption(o.financingRate, '--financing-rate') as number,
          dayCountBasis: integerOption(o.dayCount, '--day-count') as 360 | 365,
          collectionDelayDays: integerOption(o.collectionDelay, '--collection-delay'),
          reserveRateBps: integerOption(o.reserveRate, '--reserve-rate') as number,
          feePerInvoiceMinor: amountOption(o.feePerInvoice, '--fee-per-invoice'),
          feePerBatchMinor: amountOption(o.feePerBatch, '--fee-per-batch'),
          feesVatRateBps: integerOption(o.feesVat, '--fees-vat'),
          factorCollects: Boolean(o.factorCollects),
          rule: {
            customerTypes: refsOf(o.customerTypes),
            minAmountMinor: amountOption(o.minAmount, '--min-amount'),
          },
          effectiveFrom: o.from,
        }),
      );
      if (globalOptions(command).json) return printJson(row);
      print([contractLine(toLang(o.lang), row)]);
    });
  factoring
    .command('contracts')
    .description('every version of every factoring contract')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (o, command: Command) => {
      const items = await withContext(command, (ctx) => listFactoringContracts(ctx));
      if (globalOptions(command).json) return printJson({ items });
      const lang = toLang(o.lang);
      print(
        items.length === 0
          ? [translator(lang)('factoring.cli.noContract')]
          : items.map((c) => contractLine(lang, c)),
      );
    });
}

function registerBatches(factoring: Command): void {
  factoring
    .command('assign <contract>')
    .description('assign a batch of invoices to the factor (bordereau de cession); --preview records nothing')
    .option('--invoices <refs>', 'invoice references, comma-separated (without: the rule picks)')
    .option(
      '--customer-types <types>',
      'rule: customer types, comma-separated (default: the contract’s rule)',
    )
    .option('--min-amount <amount>', 'rule: minimum invoice amount')
    .option('--due-until <date>', 'rule: invoices due on or before this date')
    .option('--date <date>', 'date of the batch (default: the reference date)')
    .option('--financing-date <date>', 'when the factor pays (default: the batch date)')
    .option('--preview', 'compute without recording')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (contractCode: string, o, command: Command) => {
      const refs = refsOf(o.invoices);
      const ruled = o.customerTypes !== undefined || o.minAmount !== undefined || o.dueUntil !== undefined;
      const view = await withContext(command, (ctx) =>
        assignInvoices(ctx, {
          contractCode,
          refs,
          rule: ruled
            ? {
                customerTypes: refsOf(o.customerTypes),
                minAmountMinor: amountOption(o.minAmount, '--min-amount'),
                dueUntil: o.dueUntil,
              }
            : undefined,
          batchDate: o.date,
          financingDate: o.financingDate,
          preview: Boolean(o.preview),
        }),
      );
      if (globalOptions(command).json) return printJson(view);
      print(batchLines(toLang(o.lang), view));
    });
  factoring
    .command('batch <id>')
    .description('one batch with its invoices and where each stands')
    .action(async (id: string, _o, command: Command) => {
      const batchId = idArgument(id, 'batch');
      printJson(await withContext(command, (ctx) => getFactoringBatch(ctx, batchId)));
    });
  factoring
    .command('collect')
    .description('the factor collected these invoices: reserve released, interest adjusted, invoice settled')
    .requiredOption('--invoices <refs>', 'invoice references, comma-separated')
    .option('--date <date>', 'date of the collection (default: the reference date)')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (o, command: Command) => {
      const items = await withContext(command, (ctx) =>
        recordFactorCollections(ctx, { refs: refsOf(o.invoices), date: o.date }),
      );
      if (globalOptions(command).json) return printJson({ items });
      print(closedLines(toLang(o.lang), items));
    });
  factoring
    .command('recourse')
    .description(
      'charge back the assigned invoices unpaid beyond the recourse delay (with-recourse contracts)',
    )
    .option('--as-of <date>', 'date (default: the reference date)')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (o, command: Command) => {
      const result = await withContext(command, (ctx) => applyRecourse(ctx, { asOf: o.asOf }));
      if (globalOptions(command).json) return printJson(result);
      print(closedLines(toLang(o.lang), result.closed));
    });
}

function registerAccount(factoring: Command): void {
  factoring
    .command('account <contract>')
    .description('the current account with the factor: movements, balance, guarantee fund, outstanding')
    .option('--as-of <date>', 'date (default: the reference date)')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (contractCode: string, o, command: Command) => {
      const account = await withContext(command, (ctx) =>
        getFactoringAccount(ctx, { contractCode, asOf: o.asOf }),
      );
      if (globalOptions(command).json) return printJson(account);
      print(accountLines(toLang(o.lang), account));
    });
  factoring
    .command('reconcile <contract> <file>')
    .description('reconcile the current account with the factor’s statement (CSV or XLSX)')
    .option('--from <date>', 'start of the period (default: the statement’s first date)')
    .option('--to <date>', 'end of the period (default: the statement’s last date)')
    .option('--tolerance <days>', 'days a booking may lag ours', '3')
    .option('--lang <lang>', 'fr or en', 'fr')
    .action(async (contractCode: string, file: string, o, command: Command) => {
      const result = await withContext(command, (ctx) =>
        reconcileFactorStatement(ctx, {
          contractCode,
          filePath: file,
          fileName: file.split(/[\\/]/).at(-1),
          from: o.from,
          to: o.to,
          toleranceDays: integerOption(o.tolerance, '--tolerance'),
        }),
      );
      if (globalOptions(command).json) return printJson(result);
      print(reconciliationLines(toLang(o.lang), result));
    });
}

export function registerFactoringCommand(program: Command): void {
  const factoring = program
    .command('factoring')
    .description(
      'factoring: contracts, batches assigned to the factor, current account and its reconciliation',
    );
  registerContract(factoring);
  registerBatches(factoring);
  registerAccount(factoring);
}
