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
import { toLang, translator } from '#text/catalogue';
import { amountOption as cliAmount } from './cli-values.ts';
import {
  accountLines,
  batchLines,
  closedLines,
  contractLine,
  reconciliationLines,
} from './factoring-print.ts';
import { help } from './help-words.ts';
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
  return cliAmount(text, name);
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
    .description(help('cliHelp.factoring.contract.description'))
    .requiredOption('--factor <name>', help('cliHelp.factoring.contract.option.factor'))
    .option('--iban <iban>', help('cliHelp.factoring.contract.option.iban'))
    .option('--bic <bic>', help('cliHelp.factoring.contract.option.bic'))
    .option('--currency <code>', help('cliHelp.factoring.contract.option.currency'))
    .option('--recourse-days <days>', help('cliHelp.factoring.contract.option.recourse-days'))
    .requiredOption('--advance-rate <bps>', help('cliHelp.factoring.contract.option.advance-rate'))
    .requiredOption('--commission <bps>', help('cliHelp.factoring.contract.option.commission'))
    .option('--min-commission <amount>', help('cliHelp.factoring.contract.option.min-commission'))
    .requiredOption('--financing-rate <bps>', help('cliHelp.factoring.contract.option.financing-rate'))
    .option('--day-count <days>', help('cliHelp.factoring.contract.option.day-count'), '360')
    .option('--collection-delay <days>', help('cliHelp.factoring.contract.option.collection-delay'), '0')
    .requiredOption('--reserve-rate <bps>', help('cliHelp.factoring.contract.option.reserve-rate'))
    .option('--fee-per-invoice <amount>', help('cliHelp.factoring.contract.option.fee-per-invoice'))
    .option('--fee-per-batch <amount>', help('cliHelp.factoring.contract.option.fee-per-batch'))
    .option('--fees-vat <bps>', help('cliHelp.factoring.contract.option.fees-vat'), '0')
    .option('--factor-collects', help('cliHelp.factoring.contract.option.factor-collects'))
    .option('--customer-types <types>', help('cliHelp.factoring.contract.option.customer-types'))
    .option('--min-amount <amount>', help('cliHelp.factoring.contract.option.min-amount'))
    .option('--from <date>', help('cliHelp.factoring.contract.option.from'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
    .description(help('cliHelp.factoring.contracts.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
    .description(help('cliHelp.factoring.assign.description'))
    .option('--invoices <refs>', help('cliHelp.factoring.assign.option.invoices'))
    .option('--customer-types <types>', help('cliHelp.factoring.assign.option.customer-types'))
    .option('--min-amount <amount>', help('cliHelp.factoring.assign.option.min-amount'))
    .option('--due-until <date>', help('cliHelp.factoring.assign.option.due-until'))
    .option('--date <date>', help('cliHelp.factoring.assign.option.date'))
    .option('--financing-date <date>', help('cliHelp.factoring.assign.option.financing-date'))
    .option('--preview', help('cliHelp.factoring.assign.option.preview'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
    .description(help('cliHelp.factoring.batch.description'))
    .action(async (id: string, _o, command: Command) => {
      const batchId = idArgument(id, 'batch');
      printJson(await withContext(command, (ctx) => getFactoringBatch(ctx, batchId)));
    });
  factoring
    .command('collect')
    .description(help('cliHelp.factoring.collect.description'))
    .requiredOption('--invoices <refs>', help('cliHelp.shared.invoiceRefs'))
    .option('--date <date>', help('cliHelp.factoring.collect.option.date'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (o, command: Command) => {
      const items = await withContext(command, (ctx) =>
        recordFactorCollections(ctx, { refs: refsOf(o.invoices), date: o.date }),
      );
      if (globalOptions(command).json) return printJson({ items });
      print(closedLines(toLang(o.lang), items));
    });
  factoring
    .command('recourse')
    .description(help('cliHelp.factoring.recourse.description'))
    .option('--as-of <date>', help('cliHelp.shared.dateReference'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (o, command: Command) => {
      const result = await withContext(command, (ctx) => applyRecourse(ctx, { asOf: o.asOf }));
      if (globalOptions(command).json) return printJson(result);
      print(closedLines(toLang(o.lang), result.closed));
    });
}

function registerAccount(factoring: Command): void {
  factoring
    .command('account <contract>')
    .description(help('cliHelp.factoring.account.description'))
    .option('--as-of <date>', help('cliHelp.shared.dateReference'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (contractCode: string, o, command: Command) => {
      const account = await withContext(command, (ctx) =>
        getFactoringAccount(ctx, { contractCode, asOf: o.asOf }),
      );
      if (globalOptions(command).json) return printJson(account);
      print(accountLines(toLang(o.lang), account));
    });
  factoring
    .command('reconcile <contract> <file>')
    .description(help('cliHelp.factoring.reconcile.description'))
    .option('--from <date>', help('cliHelp.factoring.reconcile.option.from'))
    .option('--to <date>', help('cliHelp.factoring.reconcile.option.to'))
    .option('--tolerance <days>', help('cliHelp.factoring.reconcile.option.tolerance'), '3')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
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
  const factoring = program.command('factoring').description(help('cliHelp.factoring.description'));
  registerContract(factoring);
  registerBatches(factoring);
  registerAccount(factoring);
}
