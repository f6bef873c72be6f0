/**
 * `encours import bank FILE` / `POST /api/imports/bank`: a bank statement file (camt.053/054,
 * CFONB 120, OFX) is read, every statement is checked (opening + booked entries = closing, one
 * currency), and its transactions are stored in one transaction. Idempotent: a statement already
 * imported and transactions already known (by their stable key, also across overlapping
 * statements) add nothing. An account seen for the first time is created, with a notice.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { insertAudit } from '#db/audit/audit-queries';
import {
  type BankAccountInput,
  ensureBankAccount,
  insertBankTransactions,
  insertStatement,
  type NewBankTransaction,
} from '#db/cash/bank-writes';
import {
  BankFileError,
  type BankFormat,
  type BankProblem,
  type ParsedStatement,
} from '#importers/bank/bank-types';
import { parseBankFile } from '#importers/bank/parse-bank-file';
import {
  accountKeyOf,
  type BankTransaction,
  balanceCheckOf,
  bookedEntries,
  transactionsOf,
} from '#importers/bank/transactions';
import { type Lang, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { jobsOf } from '../jobs/jobs.ts';
import { CASH_MATCH_KIND } from './match-job.ts';

export interface ImportBankInput {
  filePath: string;
  fileName?: string;
  dryRun?: boolean;
  lang?: Lang;
}

export interface ImportedTransaction {
  key: string;
  bookingDate: string;
  valueDate: string | null;
  amountMinor: number;
  currency: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  endToEndId: string | null;
  bankRef: string | null;
  creditorRef: string | null;
  remittance: string | null;
  label: string | null;
  direction: NewBankTransaction['direction'];
  isNew: boolean;
}

export interface ImportedStatement {
  statementRef: string;
  account: string;
  iban: string | null;
  currency: string;
  openingMinor: number | null;
  closingMinor: number | null;
  fromDate: string | null;
  toDate: string | null;
  accountCreated: boolean;
  alreadyImported: boolean;
  transactions: ImportedTransaction[];
}

export interface BankImportSummary {
  file: string;
  format: BankFormat;
  dryRun: boolean;
  statements: ImportedStatement[];
  transactionsInserted: number;
  transactionsAlreadyKnown: number;
  /** Receipts stored that wait for cash application. */
  receiptsToApply: number;
  /** The cash application job the import queued (or joined), when it brought receipts or returns. */
  matchJobId: number | null;
  notices: { code: string; params: Record<string, string | number>; message: string }[];
}

class DryRunRollback extends Error {
  readonly summary: BankImportSummary;
  constructor(summary: BankImportSummary) {
    super('dry run');
    this.summary = summary;
  }
}

export async function importBankStatement(
  ctx: AppContext,
  input: ImportBankInput,
): Promise<BankImportSummary> {
  const fileName = input.fileName ?? basename(input.filePath);
  const lang = input.lang ?? 'fr';
  let parsed: Awaited<ReturnType<typeof parseBankFile>>;
  try {
    parsed = await parseBankFile(input.filePath);
  } catch (error) {
    if (error instanceof BankFileError) throw rejection(fileName, error.problems, lang);
    throw error;
  }
  const problems = parsed.statements.flatMap((statement) => statementProblems(statement, lang));
  if (problems.length > 0) throw rejection(fileName, problems, lang);
  const fileSha256 = createHash('sha256')
    .update(await readFile(input.filePath))
    .digest('hex');
  const summary: BankImportSummary = {
    file: fileName,
    format: parsed.format,
    dryRun: input.dryRun ?? false,
    statements: [],
    transactionsInserted: 0,
    transactionsAlreadyKnown: 0,
    receiptsToApply: 0,
    matchJobId: null,
    notices: [],
  };
  const t = translator(lang);
  const notice = (code: string, params: Record<string, string | number>) =>
    summary.notices.push({ code, params, message: t(`cash.notice.${code}`, params) });
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      let returnsInserted = 0;
      for (const statement of parsed.statements) {
        const transactions = transactionsOf(statement);
        const currency =
          statement.account.currency ?? statement.closing?.currency ?? transactions[0]?.currency ?? 'EUR';
        const account: BankAccountInput = {
          accountKey: accountKeyOf(statement),
          iban: statement.account.iban,
          otherId: statement.account.otherId,
          currency,
          name: statement.account.ownerName,
        };
        const { accountId, created } = await ensureBankAccount(trx, ctx.companyId, ctx.actor, account);
        if (created) notice('accountCreated', { account: account.accountKey });
        if (!statement.opening) notice('noOpeningBalance', { statement: statement.id });
        const pending = statement.entries.length - bookedEntries(statement).length;
        if (pending > 0) notice('pendingSkipped', { count: pending, statement: statement.id });
        const stored = await insertStatement(trx, ctx.companyId, ctx.actor, {
          accountId,
          format: parsed.format,
          statementRef: statement.id,
          messageId: statement.messageId,
          fromDate: statement.fromDate,
          toDate: statement.toDate,
          openingMinor: statement.opening?.amountMinor ?? null,
          closingMinor: statement.closing?.amountMinor ?? null,
          currency,
          fileName,
          fileSha256,
          transactionCount: transactions.length,
        });
        if (stored.known) notice('statementKnown', { statement: statement.id });
        const rows = transactions.map(toRow);
        const inserted = await insertBankTransactions(
          trx,
          ctx.companyId,
          accountId,
          stored.statementId,
          rows,
        );
        summary.transactionsInserted += inserted.size;
        summary.transactionsAlreadyKnown += rows.length - inserted.size;
        summary.receiptsToApply += rows.filter(
          (row) => row.direction === 'receipt' && inserted.has(row.key),
        ).length;
        returnsInserted += rows.filter((row) => row.direction === 'return' && inserted.has(row.key)).length;
        summary.statements.push({
          statementRef: statement.id,
          account: account.accountKey,
          iban: statement.account.iban,
          currency,
          openingMinor: statement.opening?.amountMinor ?? null,
          closingMinor: statement.closing?.amountMinor ?? null,
          fromDate: statement.fromDate,
          toDate: statement.toDate,
          accountCreated: created,
          alreadyImported: stored.known,
          transactions: rows.map((row) => describe(row, inserted.has(row.key))),
        });
      }
      await insertAudit(trx, ctx.companyId, ctx.actor, {
        action: 'bank.import',
        entity: 'bank_statement',
        entityKey: fileName,
        before: null,
        after: {
          format: parsed.format,
          statements: summary.statements.map((statement) => statement.statementRef),
          transactionsInserted: summary.transactionsInserted,
        },
      });
      if (summary.dryRun) throw new DryRunRollback(summary);
      if (summary.receiptsToApply + returnsInserted > 0) {
        const job = await jobsOf(ctx).enqueue(
          CASH_MATCH_KIND,
          { auto: true },
          { db: trx, ifActive: 'return' },
        );
        summary.matchJobId = job.id;
      }
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

function toRow(transaction: BankTransaction): NewBankTransaction {
  const direction = transaction.isReturn ? 'return' : transaction.amountMinor > 0 ? 'receipt' : 'outgoing';
  const { isReturn: _ignored, ...rest } = transaction;
  return { ...rest, direction };
}

function describe(row: NewBankTransaction, isNew: boolean): ImportedTransaction {
  return {
    key: row.key,
    bookingDate: row.bookingDate,
    valueDate: row.valueDate,
    amountMinor: row.amountMinor,
    currency: row.currency,
    counterpartyName: row.counterpartyName,
    counterpartyIban: row.counterpartyIban,
    endToEndId: row.endToEndId,
    bankRef: row.bankRef,
    creditorRef: row.creditorRef,
    remittance: row.remittance,
    label: row.label,
    direction: row.direction,
    isNew,
  };
}

/** A statement must add up and keep to one currency; its figures go into the message. */
function statementProblems(statement: ParsedStatement, lang: Lang): BankProblem[] {
  const problems: BankProblem[] = [];
  const money = (amountMinor: number, currency: string) => formatMoney(lang, amountMinor, currency);
  const check = balanceCheckOf(statement);
  if (check && !check.ok && statement.opening && statement.closing) {
    const { opening, closing } = statement;
    if (check.reason === 'currency')
      problems.push({
        code: 'statement_currency_mismatch',
        params: {
          statement: statement.id,
          openingCurrency: opening.currency,
          closingCurrency: closing.currency,
        },
        line: 0,
      });
    else
      problems.push({
        code: 'statement_unbalanced',
        params: {
          statement: statement.id,
          opening: money(opening.amountMinor, opening.currency),
          entries: money(check.totalEntriesMinor, opening.currency),
          expected: money(check.expectedClosingMinor, opening.currency),
          closing: money(closing.amountMinor, closing.currency),
          difference: money(check.differenceMinor, closing.currency),
        },
        line: 0,
      });
  }
  const accountCurrency = statement.account.currency ?? statement.opening?.currency ?? null;
  for (const entry of bookedEntries(statement)) {
    if (accountCurrency && entry.currency !== accountCurrency)
      problems.push({
        code: 'entry_currency_mismatch',
        params: { statement: statement.id, accountCurrency, currency: entry.currency },
        line: entry.line,
      });
    if (!entry.bookingDate && !entry.valueDate)
      problems.push({ code: 'entry_without_date', params: { statement: statement.id }, line: entry.line });
  }
  return problems;
}

function rejection(fileName: string, problems: readonly BankProblem[], lang: Lang): DomainError {
  const t = translator(lang);
  const errors = problems.map((found) => ({
    file: fileName,
    line: found.line,
    column: null,
    value: null,
    code: found.code,
    params: found.params,
    reason: t(`cashProblem.${found.code}`, found.params),
  }));
  const first = errors[0]?.reason ?? '';
  return new DomainError('import_rejected', `${fileName}: ${first}`, { errors });
}
