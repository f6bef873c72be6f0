/**
 * `encours import bank FILE` (reached from the import command) and `encours cash …`: bank
 * statements in, receipts matched to invoices (or split between a group's customers). Every line a person reads comes from the catalogue.
 */
import type { Command } from 'commander';
import { acceptSuggestion, correctMatch, reverseMatch } from '#app/cash/decisions';
import { describeEvidence } from '#app/cash/evidence-text';
import { type BankImportSummary, importBankStatement } from '#app/cash/import-bank';
import { matchReceipts } from '#app/cash/match-receipts';
import { listReceipts, type ReceiptView } from '#app/cash/receipts';
import { type SplitPartInput, splitReceipt } from '#app/cash/split-receipt';
import { ensureCompany } from '#app/companies/companies';
import { DomainError } from '#app/errors';
import { isLang, type Lang, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import { registerCashControlCommands } from './cash-control-command.ts';
import { help } from './help-words.ts';
import { printJson } from './output.ts';
import { globalOptions, withContext, withRuntime } from './shared.ts';

export function langOption(value: unknown): Lang {
  const lang = value ?? 'fr';
  if (!isLang(lang))
    throw new DomainError('invalid_input', {
      key: 'errors.cli.choice',
      params: { option: '--lang', choices: 'fr, en' },
    });
  return lang;
}

/**
 * What `cash reverse` says: the allocations a match undone reversed, or for a line linked to a
 * payment recorded before (it allocated nothing itself), that the link is undone and the payment
 * kept — the web's words.
 */
export function reversedText(
  lang: Lang,
  id: number,
  result: { reversedAllocations: number; suggestions: number; recordedPaymentRef: string | null },
): string {
  const t = translator(lang);
  return result.recordedPaymentRef === null
    ? t('cash.reversed', { id, count: result.reversedAllocations })
    : t('cash.page.reversedRecordedDone', {
        ref: result.recordedPaymentRef,
        suggestions: result.suggestions,
      });
}

export async function runBankImport(
  file: string,
  options: { dryRun?: boolean; lang?: string },
  command: Command,
): Promise<void> {
  const lang = langOption(options.lang);
  const global = globalOptions(command);
  try {
    const summary = await withRuntime(command, async (runtime) => {
      if (global.company)
        await ensureCompany({ db: runtime.handle.db }, { companyId: global.company, name: global.company });
      const ctx = await runtime.contextFor(global.company, 'cli');
      return importBankStatement(ctx, { filePath: file, dryRun: options.dryRun ?? false, lang });
    });
    if (global.json) printJson(summary);
    else printBankSummary(summary, lang);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'import_rejected' && !global.json) {
      const errors =
        (error.details as { errors?: { file: string; line: number; reason: string }[] }).errors ?? [];
      for (const problem of errors)
        process.stderr.write(`${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.reason}\n`);
    }
    throw error;
  }
}

function printBankSummary(summary: BankImportSummary, lang: Lang): void {
  const t = translator(lang);
  const write = (text: string) => process.stdout.write(`${text}\n`);
  if (summary.dryRun) write(t('cash.import.dryRun'));
  write(
    t('cash.import.summary', {
      file: summary.file,
      format: summary.format,
      statements: summary.statements.length,
      inserted: summary.transactionsInserted,
      known: summary.transactionsAlreadyKnown,
    }),
  );
  for (const statement of summary.statements)
    write(
      t('cash.import.statement', {
        account: statement.account,
        currency: statement.currency,
        opening: formatMoney(lang, statement.openingMinor, statement.currency),
        closing: formatMoney(lang, statement.closingMinor, statement.currency),
        count: statement.transactions.length,
      }),
    );
  for (const notice of summary.notices) write(notice.message);
}

/** A whole number ≥ 1: an option's value, a transaction number, or the amount of a part of a split. */
function positiveInteger(text: string, what: string, customer = ''): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new DomainError('invalid_input', {
      key: 'errors.cash.option.positive',
      params: { what, customer, value: text },
    });
  return value;
}

export function registerCashCommand(program: Command): void {
  const cash = program.command('cash').description(help('cliHelp.cash.description'));
  cash
    .command('match')
    .description(help('cliHelp.cash.match.description'))
    .option('--auto', help('cliHelp.cash.match.option.auto'))
    .option('--threshold <percent>', help('cliHelp.cash.match.option.threshold'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options: { auto?: boolean; threshold?: string; lang?: string }, command: Command) => {
      const lang = langOption(options.lang);
      const global = globalOptions(command);
      const summary = await withContext(command, (ctx) =>
        matchReceipts(ctx, {
          auto: options.auto ?? false,
          ...(options.threshold ? { threshold: positiveInteger(options.threshold, '--threshold') } : {}),
        }),
      );
      if (global.json) return printJson(summary);
      const t = translator(lang);
      process.stdout.write(`${t('cash.match.summary', { ...summary })}\n`);
      for (const item of summary.items)
        process.stdout.write(
          `${t('cash.match.line', {
            id: item.transactionId,
            amount: formatMoney(lang, item.amountMinor, item.currency),
            customer: item.customerCode ?? '—',
            confidence: item.confidence ?? 0,
            method: item.method ? t(`cashMethod.${item.method}`) : t(`cashOutcome.${item.outcome}`),
            invoices: item.invoices.join(', '),
          })}\n`,
        );
    });
  cash
    .command('receipts')
    .description(help('cliHelp.cash.receipts.description'))
    .option('--view <view>', help('cliHelp.cash.receipts.option.view'), 'to_apply')
    .option('--limit <n>', help('cliHelp.cash.receipts.option.limit'), '50')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (options: { view: string; limit: string; lang?: string }, command: Command) => {
      const lang = langOption(options.lang);
      const list = await withContext(command, (ctx) =>
        listReceipts(ctx, {
          view: options.view as ReceiptView,
          limit: positiveInteger(options.limit, '--limit'),
        }),
      );
      if (globalOptions(command).json) return printJson(list);
      for (const item of list.items) {
        process.stdout.write(
          `#${item.transactionId} ${item.bookingDate} ${formatMoney(lang, item.amountMinor, item.currency)} ${item.counterpartyName ?? ''} ${item.label ?? ''} ${item.remittance ?? ''}\n`,
        );
        for (const suggestion of item.suggestions) {
          process.stdout.write(
            `  ${suggestion.rank}. ${suggestion.customerCode} ${suggestion.customerName} ${suggestion.confidence} % — ${suggestion.invoices.map((line) => line.ref).join(', ')}\n`,
          );
          for (const evidence of suggestion.evidence)
            process.stdout.write(`     · ${describeEvidence(lang, evidence, item.currency)}\n`);
        }
      }
    });
  cash
    .command('accept <transaction>')
    .description(help('cliHelp.cash.accept.description'))
    .option('--rank <n>', help('cliHelp.cash.accept.option.rank'), '1')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (transaction: string, options: { rank: string; lang?: string }, command: Command) => {
      const id = positiveInteger(transaction, 'transaction');
      const result = await withContext(command, (ctx) =>
        acceptSuggestion(ctx, { transactionId: id, rank: positiveInteger(options.rank, '--rank') }),
      );
      if (globalOptions(command).json) return printJson(result);
      process.stdout.write(
        `${translator(langOption(options.lang))('cash.accepted', { id, customer: result.customerCode })}\n`,
      );
    });
  cash
    .command('apply <transaction> <customer> [refs...]')
    .description(help('cliHelp.cash.apply.description'))
    .option('--write-off <minor>', help('cliHelp.cash.apply.option.write-off'), '0')
    .option('--reason <reason>', help('cliHelp.cash.apply.option.reason'), 'bank_charges')
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(
      async (
        transaction: string,
        customer: string,
        refs: string[],
        options: { writeOff: string; reason: string; lang?: string },
        command: Command,
      ) => {
        const id = positiveInteger(transaction, 'transaction');
        if (options.reason !== 'bank_charges' && options.reason !== 'discount')
          throw new DomainError('invalid_input', {
            key: 'errors.cli.choice',
            params: { option: '--reason', choices: 'bank_charges, discount' },
          });
        const writeOffMinor = options.writeOff === '0' ? 0 : positiveInteger(options.writeOff, '--write-off');
        const result = await withContext(command, (ctx) =>
          correctMatch(ctx, {
            transactionId: id,
            customerCode: customer,
            documentRefs: refs,
            writeOffMinor,
            writeOffReason: options.reason as 'bank_charges' | 'discount',
          }),
        );
        if (globalOptions(command).json) return printJson(result);
        process.stdout.write(
          `${translator(langOption(options.lang))('cash.accepted', { id, customer: result.customerCode })}\n`,
        );
      },
    );
  cash
    .command('reverse <transaction>')
    .description(help('cliHelp.cash.reverse.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (transaction: string, options: { lang?: string }, command: Command) => {
      const id = positiveInteger(transaction, 'transaction');
      const result = await withContext(command, (ctx) => reverseMatch(ctx, { transactionId: id }));
      if (globalOptions(command).json) return printJson(result);
      process.stdout.write(`${reversedText(langOption(options.lang), id, result)}\n`);
    });
  cash
    .command('split <transaction> <parts...>')
    .description(help('cliHelp.cash.split.description'))
    .option('--lang <lang>', help('cliHelp.shared.lang'), 'fr')
    .action(async (transaction: string, parts: string[], options: { lang?: string }, command: Command) => {
      const id = positiveInteger(transaction, 'transaction');
      const result = await withContext(command, (ctx) =>
        splitReceipt(ctx, { transactionId: id, parts: parts.map(splitPart) }),
      );
      if (globalOptions(command).json) return printJson(result);
      process.stdout.write(
        `${translator(langOption(options.lang))('cash.split.done', { id, count: result.paymentDocumentIds.length })}\n`,
      );
    });
  registerCashControlCommands(cash);
}

/** `C00001=120000:F1,F2` → the customer, its amount in minor units and the items it settles. */
function splitPart(text: string): SplitPartInput {
  const match = /^([^=]+)=(\d+)(?::(.*))?$/.exec(text);
  if (!match)
    throw new DomainError('invalid_input', { key: 'errors.cash.option.part', params: { value: text } });
  return {
    customerCode: match[1] as string,
    amountMinor: positiveInteger(match[2] as string, 'part', match[1]),
    documentRefs: (match[3] ?? '').split(',').filter(Boolean),
  };
}
