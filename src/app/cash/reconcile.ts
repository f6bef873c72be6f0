/**
 * The monthly reconciliations of receipts (seed 002):
 * - `reconcileBankToLedger`: over the month ending at `asOf` (or from `from`), what the bank booked
 *   (receipts, returns) against what the sub-ledger recorded (payments, bounced payments), each
 *   difference listed (a receipt not applied yet, a payment recorded from elsewhere that the bank
 *   has not shown, a bounce entered by hand…), with the statements' balances of the period. Only
 *   the days the imported statements cover are compared (per account, from its first statement's
 *   day to its last within the period): a month of ledger payments against one day's statement
 *   would list every other day's payments as missing from the bank. No statement: nothing compared;
 * - `reconcileLedgerToSubLedger`: the customer control accounts (411, 413, 416 by default) of a
 *   FEC at `asOf` against every customer's balance in Encours, per customer and, where they
 *   differ, per document — the FEC's lines carry the same references its import gave them. The
 *   file is read twice (totals per customer with the entries checked in the database, then the
 *   detail of the customers that differ), so memory follows the customers and the differences,
 *   not the number of lines.
 */
import { maxDate, minDate, startOfMonth } from '#core/calendar';
import {
  type BankReconciliation,
  type LedgerReconciliation,
  reconcileBank,
  reconcileLedger,
} from '#core/cash/reconcile';
import {
  type AccountCoverage,
  bankLinesOfPeriod,
  customerBalancesAt,
  customerDocumentsAt,
  ledgerPaymentsOfPeriod,
  type StatementFigure,
  statementCoverage,
  statementsOfPeriod,
} from '#db/cash/reconcile-queries';
import { checkStagedEntries } from '#db/fec/fec-entries';
import { openLineStage } from '#db/fec/fec-stage';
import { companyCurrency } from '#db/fec/fec-writes';
import type { EntryLedger } from '#importers/fec/fec-entries';
import { customerCodeOf, stagedLineOf } from '#importers/fec/fec-reconstruct';
import { type FecLine, readFecFile } from '#importers/fec/read-fec';
import { wordedDate } from '#text/error-words';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { DEFAULT_CUSTOMER_ACCOUNTS } from '../fec/import-fec.ts';
import { rejection } from '../fec/import-fec-write.ts';
import type { ImportChannel, ImportLang } from '../imports/import-problems.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string, what: string): string {
  if (!DATE.test(date))
    throw new DomainError('invalid_input', {
      key: 'errors.cash.notADate',
      params: { field: what, value: date },
    });
  return date;
}

function refuseSalesperson(ctx: AppContext): void {
  if (ctx.user?.role === 'salesperson')
    throw new DomainError('forbidden', {
      key: 'errors.cash.notForSalesperson',
      params: { what: 'reconciliations' },
    });
}

export interface BankReconciliationReport extends BankReconciliation {
  from: string;
  to: string;
  currency: string;
  statements: StatementFigure[];
  /** The days compared, per account (within from–to); empty when no statement covers the period. */
  coverage: AccountCoverage[];
}

export async function reconcileBankToLedger(
  ctx: AppContext,
  input: { asOf?: string; from?: string },
): Promise<BankReconciliationReport> {
  refuseSalesperson(ctx);
  // The company's reference date (the demo's), else today: the month every other page is in.
  const to = checkDate(input.asOf ?? (await defaultAsOf(ctx)), 'asOf');
  const from = checkDate(input.from ?? startOfMonth(to), 'from');
  if (from > to)
    throw new DomainError('invalid_input', {
      key: 'errors.cash.periodReversed',
      params: { from: wordedDate(from), to: wordedDate(to) },
    });
  const coverage = (await statementCoverage(ctx.db, ctx.companyId, from, to)).map((account) => ({
    accountKey: account.accountKey,
    from: maxDate(account.from, from),
    to: minDate(account.to, to),
  }));
  const [bank, ledger, statements, currency] = await Promise.all([
    bankLinesOfPeriod(ctx.db, ctx.companyId, coverage),
    ledgerPaymentsOfPeriod(ctx.db, ctx.companyId, coverage),
    statementsOfPeriod(ctx.db, ctx.companyId, from, to),
    companyCurrency(ctx.db, ctx.companyId),
  ]);
  return { from, to, currency: currency ?? 'EUR', statements, coverage, ...reconcileBank(bank, ledger) };
}

/** Where the FEC holds a piece: what its own lines say, for a person to find it there. */
export interface FecPiece {
  journal: string;
  /** EcritureNum. */
  entry: string;
  date: string;
  /** PieceRef, '' when the line has none. */
  piece: string;
}

export interface LedgerReconciliationReport extends LedgerReconciliation {
  asOf: string;
  currency: string;
  file: string;
  accounts: string[];
  /** Labels of the documents listed in the differences (reference → label). */
  labels: Record<string, string>;
  /** The FEC's own words for the listed pieces it holds (reference → journal, entry, date, piece). */
  fecPieces: Record<string, FecPiece>;
}

/** The entries were checked by the first pass: the second reads the same file again. */
const ENTRIES_CHECKED: EntryLedger = {
  add() {},
  check: async () => ({ entries: 0, unbalanced: [], unbalancedCount: 0, regrouped: [] }),
};

/**
 * The FEC on disk, the name its reader knows it by (an upload's own name, not our temp path), and
 * how a refused file's problems are worded for that reader.
 */
interface FecSource {
  path: string;
  name: string;
  lang: ImportLang;
  channel: ImportChannel;
}

async function readCustomerLines(
  file: FecSource,
  accounts: readonly string[],
  onLine: (line: FecLine) => void,
  entryLedger: EntryLedger,
): Promise<void> {
  const read = await readFecFile(file.path, {
    customerAccountPrefixes: accounts,
    entryLedger,
    onCustomerLines: (lines) => {
      for (const line of lines) if (line.amountMinor !== 0) onLine(line);
    },
  });
  if (!read.ok)
    throw rejection(
      file.name,
      read.errors.map((error) => ({ ...error, file: file.name })),
      file.lang,
      file.channel,
      'fec_reconcile_rejected',
    );
}

/**
 * First pass: each customer's balance in the FEC's customer lines dated by `asOf` — one figure per
 * customer. The entries' balance is checked in the database, as the import checks it (a temporary
 * table dropped with the transaction), so that memory does not grow with the file.
 */
async function generalLedgerTotals(
  ctx: AppContext,
  file: FecSource,
  accounts: readonly string[],
  asOf: string,
): Promise<Map<string, number>> {
  return ctx.db.transaction().execute(async (trx) => {
    const totals = new Map<string, number>();
    const stage = await openLineStage(trx);
    const entries: EntryLedger = {
      add: (lines) => stage.writeEntryLines(lines),
      async check(limit) {
        await stage.finish();
        return checkStagedEntries(trx, limit);
      },
    };
    try {
      await readCustomerLines(
        file,
        accounts,
        (line) => {
          if (line.ecritureDate > asOf) return;
          const code = customerCodeOf(line);
          totals.set(code, (totals.get(code) ?? 0) + line.amountMinor);
        },
        entries,
      );
    } catch (error) {
      await stage.close();
      throw error;
    }
    await stage.finish();
    return totals;
  });
}

/** The general ledger's side of the customers that differ, piece by piece. */
interface GeneralLedgerDetail {
  balances: Map<string, Map<string, number>>;
  labels: Map<string, string>;
  pieces: Map<string, FecPiece>;
  /** Per customer, the pieces with a line not lettered by the date: open in the general ledger. */
  open: Map<string, Set<string>>;
}

/** A line not lettered by the date (no letter, or lettered after it) leaves its piece open then. */
function openAt(line: FecLine, asOf: string): boolean {
  return line.letter === '' || (line.dateLet !== null && line.dateLet > asOf);
}

/**
 * Second pass, for the customers whose balances differ only: their balance by reference, keyed
 * as the FEC import keys its documents. The import ranks identical lines of one entry (`ref-2`…);
 * a line's base reference digests its account, so counting the ranks of these customers' lines
 * alone gives the same ranks.
 */
async function generalLedgerDetail(
  file: FecSource,
  accounts: readonly string[],
  asOf: string,
  customers: ReadonlySet<string>,
): Promise<GeneralLedgerDetail> {
  const detail: GeneralLedgerDetail = {
    balances: new Map(),
    labels: new Map(),
    pieces: new Map(),
    open: new Map(),
  };
  const seen = new Map<string, number>();
  if (customers.size === 0) return detail;
  const onLine = (line: FecLine) => {
    if (!customers.has(customerCodeOf(line))) return;
    const staged = stagedLineOf(line, 'other');
    const rank = (seen.get(staged.baseRef) ?? 0) + 1;
    seen.set(staged.baseRef, rank);
    if (line.ecritureDate > asOf) return;
    const ref = rank === 1 ? staged.baseRef : `${staged.baseRef}-${rank}`;
    const code = staged.customerCode;
    const byRef = detail.balances.get(code) ?? new Map<string, number>();
    byRef.set(ref, (byRef.get(ref) ?? 0) + line.amountMinor);
    detail.balances.set(code, byRef);
    if (staged.label) detail.labels.set(ref, staged.label);
    detail.pieces.set(ref, {
      journal: line.journalCode,
      entry: line.ecritureNum,
      date: line.ecritureDate,
      piece: line.pieceRef === '-' ? '' : line.pieceRef,
    });
    if (openAt(line, asOf)) detail.open.set(code, (detail.open.get(code) ?? new Set()).add(ref));
  };
  await readCustomerLines(file, accounts, onLine, ENTRIES_CHECKED);
  return detail;
}

/** The part of a customer's balance no document is listed for (the whole of it when it ties out). */
const REST = '';

function fileNameOf(input: { fecPath: string; fileName?: string }): string {
  return input.fileName ?? input.fecPath.split(/[\\/]/).at(-1) ?? input.fecPath;
}

export async function reconcileLedgerToSubLedger(
  ctx: AppContext,
  input: {
    asOf?: string;
    fecPath: string;
    fileName?: string;
    accounts?: string[];
    lang?: ImportLang;
    channel?: ImportChannel;
  },
): Promise<LedgerReconciliationReport> {
  refuseSalesperson(ctx);
  const asOf = checkDate(input.asOf ?? (await defaultAsOf(ctx)), 'asOf');
  const accounts = input.accounts?.length ? input.accounts : [...DEFAULT_CUSTOMER_ACCOUNTS];
  // Memory stays bounded by the customers, not the lines: totals first, then the detail of the
  // customers that differ (read again from the file, and document by document from the ledger).
  const file = {
    path: input.fecPath,
    name: fileNameOf(input),
    lang: input.lang ?? 'fr',
    channel: input.channel ?? 'cli',
  };
  const glTotals = await generalLedgerTotals(ctx, file, accounts, asOf);
  const totals = await customerBalancesAt(ctx.db, ctx.companyId, asOf);
  const differing = [...new Set([...glTotals.keys(), ...totals.keys()])].filter(
    (code) => (glTotals.get(code) ?? 0) !== (totals.get(code) ?? 0),
  );
  const gl = await generalLedgerDetail(file, accounts, asOf, new Set(differing));
  for (const [code, balanceMinor] of glTotals)
    if (!gl.balances.has(code)) gl.balances.set(code, new Map([[REST, balanceMinor]]));
  const glRefs = [...gl.balances.values()].flatMap((byRef) => [...byRef.keys()]);
  const subLedger = new Map<string, Map<string, number>>();
  for (const [code, balanceMinor] of totals) subLedger.set(code, new Map([[REST, balanceMinor]]));
  // The differing customers' documents open at the date or named by the FEC; the rest of their
  // balance (documents settled by then) stays one figure that explains nothing.
  const open = new Map<string, Set<string>>();
  for (const row of await customerDocumentsAt(ctx.db, ctx.companyId, differing, asOf, glRefs)) {
    const byRef = subLedger.get(row.customerCode) as Map<string, number>;
    const amountMinor = Number(row.amountMinor);
    byRef.set(row.externalRef, (byRef.get(row.externalRef) ?? 0) + amountMinor);
    byRef.set(REST, (byRef.get(REST) ?? 0) - amountMinor);
    if (row.open) open.set(row.customerCode, (open.get(row.customerCode) ?? new Set()).add(row.externalRef));
    if (row.label) gl.labels.set(row.externalRef, row.label);
  }
  const result = reconcileLedger(
    gl.balances,
    subLedger,
    (code, ref) =>
      ref !== REST && (open.get(code)?.has(ref) === true || gl.open.get(code)?.has(ref) === true),
  );
  const listed = new Set(result.differences.flatMap((customer) => customer.documents.map((doc) => doc.ref)));
  return {
    asOf,
    currency: (await companyCurrency(ctx.db, ctx.companyId)) ?? 'EUR',
    file: file.name,
    accounts,
    labels: Object.fromEntries([...gl.labels].filter(([ref]) => listed.has(ref))),
    fecPieces: Object.fromEntries([...gl.pieces].filter(([ref]) => listed.has(ref))),
    ...result,
  };
}
