/**
 * `encours import bank FILE` / `POST /api/imports/bank`: a bank statement file (camt.053/054,
 * CFONB 120, OFX) is read, every statement is checked (opening + booked entries = closing, one
 * currency), and its transactions are stored in one transaction. Idempotent: a statement already
 * imported and transactions already known (by their stable key, also across overlapping
 * statements) add nothing. An account seen for the first time is created, with a notice.
 */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import { insertAudit } from '#db/audit/audit-queries';
import type { NewBankTransaction } from '#db/cash/bank-writes';
import type { Database } from '#db/infra/schema';
import {
  BankFileError,
  type BankFormat,
  type BankProblem,
  bankProblem,
  type ParsedStatement,
} from '#importers/bank/bank-types';
import {
  type BankFileRead,
  type BankFileScan,
  readBankFile,
  scanBankFile,
} from '#importers/bank/parse-bank-file';
import { balanceCheckOf } from '#importers/bank/transactions';
import { type Lang, translator } from '#text/catalogue';
import { formatMoney } from '#text/format';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { jobsOf } from '../jobs/jobs.ts';
import { StatementImport } from './import-statement.ts';
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
  try {
    // The hash and encoding pass reads the whole file: made before the transaction, not inside it.
    const scan = await scanBankFile(input.filePath);
    if (scan.format === null) throw new BankFileError([bankProblem('bank_unknown_format')]);
    return await storeFile(ctx, input, fileName, lang, { ...scan, format: scan.format });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    if (error instanceof BankFileError) throw rejection(fileName, error.problems, lang);
    throw error;
  }
}

/** The file read and stored in one transaction (rolled back by a dry run). */
async function storeFile(
  ctx: AppContext,
  input: ImportBankInput,
  fileName: string,
  lang: Lang,
  scan: BankFileScan & { format: BankFormat },
): Promise<BankImportSummary> {
  const read: BankFileRead = { sha256: '', format: null };
  const summary: BankImportSummary = {
    file: fileName,
    format: scan.format,
    dryRun: input.dryRun ?? false,
    statements: [],
    transactionsInserted: 0,
    transactionsAlreadyKnown: 0,
    receiptsToApply: 0,
    matchJobId: null,
    notices: [],
  };
  return ctx.db.transaction().execute(async (trx) => {
    // The file is stored as it is read; its problems, found on the way or at its end, undo it all.
    const returnsInserted = await storeStatements(trx, ctx, input.filePath, { read, scan }, summary, lang);
    // The reader tells the exact camt version from the statement itself.
    summary.format = read.format ?? summary.format;
    await insertAudit(trx, ctx.companyId, ctx.actor, {
      action: 'bank.import',
      entity: 'bank_statement',
      entityKey: fileName,
      before: null,
      after: {
        format: summary.format,
        statements: summary.statements.map((statement) => statement.statementRef),
        transactionsInserted: summary.transactionsInserted,
      },
    });
    if (summary.dryRun) throw new DryRunRollback(summary);
    if (summary.receiptsToApply + returnsInserted > 0) {
      const job = await jobsOf(ctx).enqueue(CASH_MATCH_KIND, { auto: true }, { db: trx, ifActive: 'return' });
      summary.matchJobId = job.id;
    }
    return summary;
  });
}

/**
 * Every statement of the file stored, item by item; the number of returns stored. The file's own
 * problems (BankFileError) are thrown as soon as found or at its end, before those of its
 * statements (balances, currencies, dates), which are all thrown together after.
 */
async function storeStatements(
  trx: Kysely<Database>,
  ctx: AppContext,
  filePath: string,
  { read, scan }: { read: BankFileRead; scan: BankFileScan },
  summary: BankImportSummary,
  lang: Lang,
): Promise<number> {
  const t = translator(lang);
  const notice = (code: string, params: Record<string, string | number>) =>
    summary.notices.push({ code, params, message: t(`cash.notice.${code}`, params) });
  const problems: BankProblem[] = [];
  let returnsInserted = 0;
  let current: StatementImport | null = null;
  for await (const item of readBankFile(filePath, read, scan)) {
    if (item.kind === 'statement') {
      const file = { fileName: summary.file, fileSha256: read.sha256, format: read.format ?? summary.format };
      current = new StatementImport(trx, { ...ctx, db: trx }, file, item.statement);
    } else if (item.kind === 'entry') {
      // The file is refused at its end: a refused entry is not a row to store meanwhile.
      if (!item.refused) await current?.entry(item.entry);
    } else if (current) {
      const statement = item.statement;
      const stored = await current.end(notice);
      const { bookedTotalMinor, entryProblems } = current.checks();
      problems.push(...balanceProblems(statement, bookedTotalMinor, lang), ...entryProblems);
      const counts = current.counts();
      summary.transactionsInserted += counts.inserted;
      summary.transactionsAlreadyKnown += counts.alreadyKnown;
      summary.receiptsToApply += current.receiptsToApply;
      returnsInserted += current.returnsInserted;
      summary.statements.push({
        statementRef: statement.id,
        account: stored.accountKey,
        iban: statement.account.iban,
        currency: stored.currency,
        openingMinor: statement.opening?.amountMinor ?? null,
        closingMinor: statement.closing?.amountMinor ?? null,
        fromDate: statement.fromDate,
        toDate: statement.toDate,
        accountCreated: stored.created,
        alreadyImported: stored.known,
        transactions: current.transactions().map(({ row, isNew }) => describe(row, isNew)),
      });
      current = null;
    }
  }
  if (problems.length > 0) throw new BankFileError(problems);
  return returnsInserted;
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
function balanceProblems(statement: ParsedStatement, bookedTotalMinor: number, lang: Lang): BankProblem[] {
  const money = (amountMinor: number, currency: string) => formatMoney(lang, amountMinor, currency);
  const check = balanceCheckOf(statement, bookedTotalMinor);
  if (!check || check.ok || !statement.opening || !statement.closing) return [];
  const { opening, closing } = statement;
  if (check.reason === 'currency')
    return [
      {
        code: 'statement_currency_mismatch',
        params: {
          statement: statement.id,
          openingCurrency: opening.currency,
          closingCurrency: closing.currency,
        },
        line: 0,
      },
    ];
  return [
    {
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
    },
  ];
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
  // The rows keep the language asked for the file; the message follows whoever reads the error.
  const first = problems[0];
  const reason = (reader: Lang) =>
    first ? translator(reader)(`cashProblem.${first.code}`, first.params) : '';
  return new DomainError(
    'import_rejected',
    { key: 'errors.cash.bankFileRejected', params: { file: fileName, reason } },
    { errors },
  );
}
