/**
 * The monthly reconciliations of receipts (seed 002):
 * - `reconcileBankToLedger`: over the month ending at `asOf` (or from `from`), what the bank booked
 *   (receipts, returns) against what the sub-ledger recorded (payments, bounced payments), each
 *   difference listed (a receipt not applied yet, a payment recorded from elsewhere that the bank
 *   has not shown, a bounce entered by hand…), with the statements' balances of the period;
 * - `reconcileLedgerToSubLedger`: the customer control accounts (411, 413, 416 by default) of a
 *   FEC at `asOf` against every customer's balance in Encours, per customer and, where they
 *   differ, per document — the FEC's lines carry the same references its import gave them.
 */
import { startOfMonth } from '#core/calendar';
import {
  type BankReconciliation,
  type LedgerReconciliation,
  reconcileBank,
  reconcileLedger,
} from '#core/cash/reconcile';
import {
  bankLinesOfPeriod,
  customerBalancesAt,
  customerDocumentsAt,
  ledgerPaymentsOfPeriod,
  type StatementFigure,
  statementsOfPeriod,
} from '#db/cash/reconcile-queries';
import { companyCurrency } from '#db/fec/fec-writes';
import { stagedLineOf } from '#importers/fec/fec-reconstruct';
import { readFecFile } from '#importers/fec/read-fec';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { DEFAULT_CUSTOMER_ACCOUNTS } from '../fec/import-fec.ts';
import { rejection } from '../fec/import-fec-write.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string, what: string): string {
  if (!DATE.test(date)) throw new DomainError('invalid_input', `${what} must be a date YYYY-MM-DD`);
  return date;
}

function refuseSalesperson(ctx: AppContext): void {
  if (ctx.user?.role === 'salesperson')
    throw new DomainError('forbidden', 'reconciliations are not narrowed to a salesperson');
}

export interface BankReconciliationReport extends BankReconciliation {
  from: string;
  to: string;
  currency: string;
  statements: StatementFigure[];
}

export async function reconcileBankToLedger(
  ctx: AppContext,
  input: { asOf?: string; from?: string },
): Promise<BankReconciliationReport> {
  refuseSalesperson(ctx);
  const to = checkDate(input.asOf ?? ctx.clock.today(), 'asOf');
  const from = checkDate(input.from ?? startOfMonth(to), 'from');
  if (from > to) throw new DomainError('invalid_input', 'the period starts after it ends');
  const [bank, ledger, statements, currency] = await Promise.all([
    bankLinesOfPeriod(ctx.db, ctx.companyId, from, to),
    ledgerPaymentsOfPeriod(ctx.db, ctx.companyId, from, to),
    statementsOfPeriod(ctx.db, ctx.companyId, from, to),
    companyCurrency(ctx.db, ctx.companyId),
  ]);
  return { from, to, currency: currency ?? 'EUR', statements, ...reconcileBank(bank, ledger) };
}

export interface LedgerReconciliationReport extends LedgerReconciliation {
  asOf: string;
  currency: string;
  file: string;
  accounts: string[];
  /** Labels of the documents listed in the differences (reference → label). */
  labels: Record<string, string>;
}

/** Balance by customer and reference of a FEC's customer-account lines dated by `asOf`. */
async function generalLedgerAt(
  filePath: string,
  accounts: readonly string[],
  asOf: string,
): Promise<{ balances: Map<string, Map<string, number>>; labels: Map<string, string> }> {
  const balances = new Map<string, Map<string, number>>();
  const labels = new Map<string, string>();
  // The import ranks identical lines of one entry (`ref-2`…); the same rank finds the same document.
  const seen = new Map<string, number>();
  const read = await readFecFile(filePath, {
    customerAccountPrefixes: accounts,
    onCustomerLines: (lines) => {
      for (const line of lines) {
        if (line.amountMinor === 0) continue;
        const staged = stagedLineOf(line, 'other');
        const rank = (seen.get(staged.baseRef) ?? 0) + 1;
        seen.set(staged.baseRef, rank);
        if (line.ecritureDate > asOf) continue;
        const ref = rank === 1 ? staged.baseRef : `${staged.baseRef}-${rank}`;
        const byRef = balances.get(staged.customerCode) ?? new Map<string, number>();
        byRef.set(ref, (byRef.get(ref) ?? 0) + line.amountMinor);
        balances.set(staged.customerCode, byRef);
        if (staged.label) labels.set(ref, staged.label);
      }
    },
  });
  if (!read.ok) throw rejection(read.fileName, read.errors);
  return { balances, labels };
}

export async function reconcileLedgerToSubLedger(
  ctx: AppContext,
  input: { asOf?: string; fecPath: string; fileName?: string; accounts?: string[] },
): Promise<LedgerReconciliationReport> {
  refuseSalesperson(ctx);
  const asOf = checkDate(input.asOf ?? ctx.clock.today(), 'asOf');
  const accounts = input.accounts?.length ? input.accounts : [...DEFAULT_CUSTOMER_ACCOUNTS];
  const gl = await generalLedgerAt(input.fecPath, accounts, asOf);
  const totals = await customerBalancesAt(ctx.db, ctx.companyId, asOf);
  const glTotal = (code: string) => [...(gl.balances.get(code)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const differing = [...new Set([...gl.balances.keys(), ...totals.keys()])].filter(
    (code) => glTotal(code) !== (totals.get(code) ?? 0),
  );
  // Only the customers that differ are read document by document: the others tie out in total.
  const subLedger = new Map<string, Map<string, number>>();
  for (const [code, balanceMinor] of totals) subLedger.set(code, new Map([['', balanceMinor]]));
  for (const code of differing) subLedger.set(code, new Map());
  for (const row of await customerDocumentsAt(ctx.db, ctx.companyId, differing, asOf)) {
    const byRef = subLedger.get(row.customerCode) as Map<string, number>;
    byRef.set(row.externalRef, (byRef.get(row.externalRef) ?? 0) + Number(row.amountMinor));
    if (row.label) gl.labels.set(row.externalRef, row.label);
  }
  const result = reconcileLedger(gl.balances, subLedger);
  const listed = new Set(result.differences.flatMap((customer) => customer.documents.map((doc) => doc.ref)));
  return {
    asOf,
    currency: (await companyCurrency(ctx.db, ctx.companyId)) ?? 'EUR',
    file: input.fileName ?? input.fecPath.split(/[\\/]/).at(-1) ?? input.fecPath,
    accounts,
    labels: Object.fromEntries([...gl.labels].filter(([ref]) => listed.has(ref))),
    ...result,
  };
}
