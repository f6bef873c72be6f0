/**
 * `encours cash bounce|returns|unapplied|reconcile …`: bounced payments, unapplied cash and the
 * monthly reconciliations. Every line a person reads comes from the catalogue.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { recordBouncedPayment } from '#app/cash/bounce';
import { returnReasonText } from '#app/cash/bounce-words';
import { reconcileBankToLedger, reconcileLedgerToSubLedger } from '#app/cash/reconcile';
import { bankReconciliationExport, ledgerReconciliationExport } from '#app/cash/reconcile-export';
import { bounceReturns, listReturns } from '#app/cash/returns';
import { listUnappliedCash } from '#app/cash/unapplied';
import { DomainError } from '#app/errors';
import { EXPORT_FORMATS, type ExportFormat, renderReport } from '#app/reports/report-tables';
import { label, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { langOption } from './cash-command.ts';
import { printReconciliation, printUnappliedLines } from './cash-control-print.ts';
import { amountOption } from './cli-values.ts';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { globalOptions, withContext } from './shared.ts';

const write = (text: string) => process.stdout.write(`${text}\n`);

function wholeNumber(text: string, what: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new DomainError('invalid_input', {
      key: 'errors.cli.positiveNumber',
      params: { option: what, value: text },
    });
  return value;
}

const amount = (text: string, what: string): number => amountOption(text, what);

function exportFormat(format: string | undefined, out: string | undefined): ExportFormat | null {
  if (format === undefined) return null;
  if (!EXPORT_FORMATS.includes(format as ExportFormat))
    throw new DomainError('invalid_input', {
      key: 'errors.cli.choice',
      params: { option: '--format', choices: EXPORT_FORMATS.join(', ') },
    });
  if (!out) throw new DomainError('invalid_input', { key: 'errors.cli.formatNeedsOut' });
  return format as ExportFormat;
}

interface BounceOptions {
  payment?: string;
  return?: string;
  date?: string;
  reason?: string;
  fee?: string;
  lang?: string;
}

function registerBounce(cash: Command): void {
  cash
    .command('bounce [transaction]')
    .description(help('cliHelp.cash.bounce.description'))
    .option('--payment <ref>', help('cliHelp.cash.bounce.option.payment'))
    .option('--return <transaction>', help('cliHelp.cash.bounce.option.return'))
    .option('--date <date>', help('cliHelp.cash.bounce.option.date'))
    .option('--reason <reason>', help('cliHelp.cash.bounce.option.reason'))
    .option('--fee <amount>', help('cliHelp.cash.bounce.option.fee'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (transaction: string | undefined, options: BounceOptions, command: Command) => {
      const lang = langOption(options.lang);
      const result = await withContext(command, (ctx) =>
        recordBouncedPayment(ctx, {
          ...(transaction ? { transactionId: wholeNumber(transaction, 'transaction') } : {}),
          ...(options.payment ? { paymentRef: options.payment } : {}),
          ...(options.return ? { returnTransactionId: wholeNumber(options.return, '--return') } : {}),
          ...(options.date ? { bounceDate: options.date } : {}),
          ...(options.reason ? { reason: options.reason } : {}),
          ...(options.fee ? { feeMinor: amount(options.fee, '--fee') } : {}),
        }),
      );
      if (globalOptions(command).json) return printJson(result);
      write(
        translator(lang)('cash.bounced', {
          payment: result.paymentRef,
          amount: formatMoney(lang, result.amountMinor, result.currency),
          customer: result.customerCode,
          count: result.reopenedDocumentIds.length,
          fee: formatMoney(lang, result.feeMinor, result.currency),
          hasFee: result.feeMinor > 0 ? 'yes' : 'no',
        }),
      );
    });
  cash
    .command('returns')
    .description(help('cliHelp.cash.returns.description'))
    .option('--auto', help('cliHelp.cash.returns.option.auto'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options: { auto?: boolean; lang?: string }, command: Command) => {
      const lang = langOption(options.lang);
      const t = translator(lang);
      if (options.auto) {
        const outcome = await withContext(command, (ctx) => bounceReturns(ctx));
        if (globalOptions(command).json) return printJson(outcome);
        write(t('cash.returns.bounced', { count: outcome.bounced.length, waiting: outcome.waiting }));
        return;
      }
      const list = await withContext(command, (ctx) => listReturns(ctx));
      if (globalOptions(command).json) return printJson(list);
      if (list.items.length === 0) {
        write(t('cash.returns.none'));
        return;
      }
      for (const line of list.items) {
        const reason = returnReasonText(lang, line.returnReason);
        write(
          t('cash.returns.line', {
            id: line.transactionId,
            date: formatDate(lang, line.bookingDate),
            amount: formatMoney(lang, line.amountMinor, line.currency),
            label: line.counterpartyName ?? line.label ?? '',
            reason,
            hasReason: reason ? 'yes' : 'no',
          }),
        );
        for (const candidate of line.candidates)
          write(
            t('cash.returns.candidate', {
              confidence: candidate.confidence,
              id: candidate.transactionId,
              date: formatDate(lang, candidate.bookingDate),
              customer: candidate.customerCode ?? '—',
              evidence: candidate.evidence.map((code) => label(lang, 'cashReturnEvidence', code)).join(', '),
            }),
          );
      }
    });
}

function registerUnapplied(cash: Command): void {
  cash
    .command('unapplied')
    .description(help('cliHelp.cash.unapplied.description'))
    .option('--as-of <date>', help('cliHelp.cash.unapplied.option.as-of'))
    .option('--limit <n>', help('cliHelp.cash.unapplied.option.limit'), '100')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options: { asOf?: string; limit: string; lang?: string }, command: Command) => {
      const lang = langOption(options.lang);
      const t = translator(lang);
      const report = await withContext(command, (ctx) =>
        listUnappliedCash(ctx, {
          ...(options.asOf ? { asOf: options.asOf } : {}),
          limit: wholeNumber(options.limit, '--limit'),
        }),
      );
      if (globalOptions(command).json) return printJson(report);
      write(t('cash.unapplied.title', { date: formatDate(lang, report.asOf) }));
      for (const aging of report.aging) {
        const money = (minor: number) => formatMoney(lang, minor, aging.currency);
        for (const bucket of aging.buckets)
          write(
            t('cash.unapplied.agingLine', {
              bucket: label(lang, 'agingBucket', bucket.key),
              bank: money(bucket.bankMinor),
              account: money(bucket.accountMinor),
              count: bucket.count,
            }),
          );
        write(t('cash.unapplied.total', { amount: money(aging.totalMinor) }));
      }
      printUnappliedLines(lang, report);
    });
}

interface ReconcileOptions {
  asOf?: string;
  from?: string;
  fec?: string;
  accounts?: string;
  lang?: string;
  format?: string;
  out?: string;
}

function registerReconcile(cash: Command): void {
  cash
    .command('reconcile <kind>')
    .description(help('cliHelp.cash.reconcile.description'))
    .option('--as-of <date>', help('cliHelp.cash.reconcile.option.as-of'))
    .option('--from <date>', help('cliHelp.cash.reconcile.option.from'))
    .option('--fec <file>', help('cliHelp.cash.reconcile.option.fec'))
    .option('--accounts <prefixes>', help('cliHelp.cash.reconcile.option.accounts'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .option('--format <format>', help('cliHelp.shared.format'))
    .option('--out <file>', help('cliHelp.shared.out'))
    .action(async (kind: string, options: ReconcileOptions, command: Command) => {
      if (kind !== 'bank' && kind !== 'ledger')
        throw new DomainError('invalid_input', { key: 'errors.cli.reconcileKind' });
      const lang = langOption(options.lang);
      const format = exportFormat(options.format, options.out);
      const fecPath = options.fec;
      if (kind === 'ledger' && !fecPath)
        throw new DomainError('invalid_input', { key: 'errors.cli.reconcileFec' });
      const { report, file } = await withContext(command, async (ctx) => {
        if (kind === 'bank') {
          const bank = await reconcileBankToLedger(ctx, {
            ...(options.asOf ? { asOf: options.asOf } : {}),
            ...(options.from ? { from: options.from } : {}),
          });
          const rendered = format
            ? await renderReport(ctx, bankReconciliationExport, bank, format, lang)
            : null;
          return { report: bank, file: rendered };
        }
        const ledger = await reconcileLedgerToSubLedger(ctx, {
          fecPath: fecPath as string,
          lang,
          ...(options.asOf ? { asOf: options.asOf } : {}),
          ...(options.accounts ? { accounts: options.accounts.split(',').map((part) => part.trim()) } : {}),
        });
        const rendered = format
          ? await renderReport(ctx, ledgerReconciliationExport, ledger, format, lang)
          : null;
        return { report: ledger, file: rendered };
      });
      if (file && options.out) {
        writeFileSync(options.out, file);
        process.stderr.write(`${translator(lang)('cash.reconcile.written', { file: options.out })}\n`);
      }
      if (globalOptions(command).json) return printJson(report);
      if (!file) printReconciliation(lang, report);
    });
}

export function registerCashControlCommands(cash: Command): void {
  registerBounce(cash);
  registerUnapplied(cash);
  registerReconcile(cash);
}
