/**
 * One statement of a bank file stored while the file is read (import-bank.ts): its account and
 * record when its header comes, its transactions by batches as its entries come, its checks
 * (opening + booked entries = closing, one currency, a date on every entry) and notices at its end.
 * Only the running figures of the statement are held, never its entries; the import's one
 * transaction makes the whole file count or not at all.
 */
import type { Kysely } from 'kysely';
import {
  ensureBankAccount,
  insertBankTransactions,
  insertStatement,
  type NewBankTransaction,
  setStatementTransactionCount,
} from '#db/cash/bank-writes';
import type { Database } from '#db/infra/schema';
import type { BankFormat, BankProblem, ParsedEntry, ParsedStatement } from '#importers/bank/bank-types';
import {
  accountKeyOf,
  type BankTransaction,
  isBooked,
  transactionBuilder,
} from '#importers/bank/transactions';
import type { AppContext } from '../context.ts';

const BATCH = 2000;

export interface StatementFile {
  fileName: string;
  fileSha256: string;
  format: BankFormat;
}

export type Notice = (code: string, params: Record<string, string | number>) => void;

export class StatementImport {
  private readonly trx: Kysely<Database>;
  private readonly ctx: AppContext;
  private readonly file: StatementFile;
  private readonly header: ParsedStatement;
  private readonly accountKey: string;
  private readonly toTransactions: (entry: ParsedEntry) => BankTransaction[];
  private stored: { accountId: number; created: boolean; statementId: number; known: boolean } | null = null;
  private currency: string | null;
  private readonly rows: NewBankTransaction[] = [];
  /** Keys inserted for this statement: a key the file repeats is new each time, as one insert of them all saw it. */
  private readonly inserted = new Set<string>();
  private readonly listed: NewBankTransaction[] = [];
  private entries = 0;
  private booked = 0;
  private transactionCount = 0;
  private bookedTotalMinor = 0;
  private readonly entryProblems: BankProblem[] = [];
  receiptsToApply = 0;
  returnsInserted = 0;

  constructor(trx: Kysely<Database>, ctx: AppContext, file: StatementFile, header: ParsedStatement) {
    this.trx = trx;
    this.ctx = ctx;
    this.file = file;
    this.header = header;
    this.accountKey = accountKeyOf(header);
    this.toTransactions = transactionBuilder(header);
    // Else the first transaction's currency: the account and the record wait for it.
    this.currency = header.account.currency ?? header.closing?.currency ?? null;
  }

  async entry(entry: ParsedEntry): Promise<void> {
    this.entries++;
    if (!isBooked(entry)) return;
    this.booked++;
    this.bookedTotalMinor += entry.amountMinor;
    const accountCurrency = this.header.account.currency ?? this.header.opening?.currency ?? null;
    const statement = this.header.id;
    const problemsBefore = this.entryProblems.length;
    if (accountCurrency && entry.currency !== accountCurrency)
      this.entryProblems.push({
        code: 'entry_currency_mismatch',
        params: { statement, accountCurrency, currency: entry.currency },
        line: entry.line,
      });
    if (!entry.bookingDate && !entry.valueDate)
      this.entryProblems.push({ code: 'entry_without_date', params: { statement }, line: entry.line });
    // The import is refused at the statement's end: a faulty entry is not stored meanwhile (a
    // transaction without a date is not a valid row).
    if (this.entryProblems.length > problemsBefore) return;
    for (const transaction of this.toTransactions(entry)) {
      this.currency ??= transaction.currency;
      this.rows.push(toRow(transaction));
    }
    if (this.rows.length >= BATCH) await this.flush();
  }

  /** The statement's end: what is left stored, its notices given, its problems (checked by `problems`). */
  async end(
    notice: Notice,
  ): Promise<{ accountKey: string; currency: string; created: boolean; known: boolean }> {
    await this.flush();
    const stored = await this.store();
    if (!stored.known)
      await setStatementTransactionCount(
        this.trx,
        this.ctx.companyId,
        stored.statementId,
        this.transactionCount,
      );
    const id = this.header.id;
    if (stored.created) notice('accountCreated', { account: this.accountKey });
    if (!this.header.opening) notice('noOpeningBalance', { statement: id });
    const pending = this.entries - this.booked;
    if (pending > 0) notice('pendingSkipped', { count: pending, statement: id });
    if (stored.known) notice('statementKnown', { statement: id });
    return { accountKey: this.accountKey, currency: this.currency ?? 'EUR', ...stored };
  }

  /** The entries' problems (currency, date), and the booked entries' total for the balance check. */
  checks(): { bookedTotalMinor: number; entryProblems: readonly BankProblem[] } {
    return { bookedTotalMinor: this.bookedTotalMinor, entryProblems: this.entryProblems };
  }

  /** Transactions stored, and those of the file already known (a key the file repeats counts once as stored). */
  counts(): { inserted: number; alreadyKnown: number } {
    return { inserted: this.inserted.size, alreadyKnown: this.transactionCount - this.inserted.size };
  }

  /** The transactions as the summary lists them, with whether each was new. */
  transactions(): { row: NewBankTransaction; isNew: boolean }[] {
    return this.listed.map((row) => ({ row, isNew: this.inserted.has(row.key) }));
  }

  private async store() {
    if (this.stored) return this.stored;
    const currency = this.currency ?? 'EUR';
    const { companyId, actor } = this.ctx;
    const { accountId, created } = await ensureBankAccount(this.trx, companyId, actor, {
      accountKey: this.accountKey,
      iban: this.header.account.iban,
      otherId: this.header.account.otherId,
      currency,
      name: this.header.account.ownerName,
    });
    const { statementId, known } = await insertStatement(this.trx, companyId, actor, {
      accountId,
      format: this.file.format,
      statementRef: this.header.id,
      messageId: this.header.messageId,
      fromDate: this.header.fromDate,
      toDate: this.header.toDate,
      openingMinor: this.header.opening?.amountMinor ?? null,
      closingMinor: this.header.closing?.amountMinor ?? null,
      currency,
      fileName: this.file.fileName,
      fileSha256: this.file.fileSha256,
      // Known at the statement's end (setStatementTransactionCount).
      transactionCount: 0,
    });
    this.stored = { accountId, created, statementId, known };
    return this.stored;
  }

  private async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows.splice(0);
    const { accountId, statementId } = await this.store();
    const keys = await insertBankTransactions(this.trx, this.ctx.companyId, accountId, statementId, rows);
    for (const key of keys) this.inserted.add(key);
    this.transactionCount += rows.length;
    for (const row of rows) {
      const isNew = this.inserted.has(row.key);
      if (isNew && row.direction === 'receipt') this.receiptsToApply++;
      if (isNew && row.direction === 'return') this.returnsInserted++;
      this.listed.push(row);
    }
  }
}

function toRow(transaction: BankTransaction): NewBankTransaction {
  const direction = transaction.isReturn ? 'return' : transaction.amountMinor > 0 ? 'receipt' : 'outgoing';
  const { isReturn: _ignored, ...rest } = transaction;
  return { ...rest, direction };
}
