/**
 * A month of receipts for the demo company, generated from its ledger as a bank reports them
 * (transfers with references typed every which way and misspelt names, direct debits, cheque
 * deposits with or without the invoice, partial payments, receipts nobody can place) and the
 * payments the ledger already records over the month, imported as a camt.053 and applied
 * automatically: at least 90 % go straight through — applied without a person, to the right
 * customer and invoices, or linked to the very payment the ledger records — none is applied to the
 * wrong customer, and no payment already recorded is applied a second time.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBankMonth } from '#app/cash/demo-receipts';
import { importBankStatement } from '#app/cash/import-bank';
import { type MatchReceiptsSummary, matchReceipts } from '#app/cash/match-receipts';
import type { AppContext } from '#app/context';
import type { DemoReceipt } from '#demo/bank-month';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let receipts: DemoReceipt[];
let summary: MatchReceiptsSummary;
let idsByRef: Map<string, number>;
/** The reference of the payment each applied receipt is (bank line → payment document). */
let paymentRefOf: Map<number, string>;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
  const month = demoBankMonth();
  receipts = month.receipts;
  const path = join(await mkdtemp(join(tmpdir(), 'encours-demo-month-')), 'releve-juin.xml');
  await writeFile(path, month.camt);
  const imported = await importBankStatement(ctx, { filePath: path });
  expect(imported.transactionsInserted).toBe(receipts.length);
  summary = await matchReceipts(ctx, { auto: true });
  const rows = await ctx.db
    .selectFrom('bank_transactions')
    .select(['transaction_id', 'bank_ref'])
    .where('company_id', '=', 'CB2C')
    .execute();
  idsByRef = new Map(rows.map((row) => [row.bank_ref ?? '', row.transaction_id]));
  const payments = await ctx.db
    .selectFrom('bank_transactions as t')
    .innerJoin('documents as d', (join) =>
      join.onRef('d.company_id', '=', 't.company_id').onRef('d.document_id', '=', 't.payment_document_id'),
    )
    .select(['t.transaction_id', 'd.external_ref'])
    .where('t.company_id', '=', 'CB2C')
    .execute();
  paymentRefOf = new Map(payments.map((row) => [row.transaction_id, row.external_ref]));
}, 600_000);

const outcomeOf = (index: number) =>
  summary.items.find(
    (item) => item.transactionId === idsByRef.get(`CB2C-2026-06-${String(index + 1).padStart(5, '0')}`),
  );
afterAll(async () => database?.close());

describe('a month of demo receipts', () => {
  it('has the mix a bank statement has', () => {
    const kinds = Object.groupBy(receipts, (receipt) => receipt.kind);
    expect(receipts.length).toBeGreaterThanOrEqual(120);
    expect(kinds.transfer?.length).toBeGreaterThan(80);
    expect(kinds.cheque?.some((receipt) => receipt.remittance === null)).toBe(true);
    expect(kinds.unknown?.length).toBeGreaterThan(0);
    expect(receipts.some((receipt) => receipt.remittance?.startsWith('ACOMPTE'))).toBe(true);
  });

  it('has no payment from a customer under a collective procedure (L. 622-7 forbids it)', async () => {
    const inProcedure = await ctx.db
      .selectFrom('customers')
      .select('code')
      .where('company_id', '=', 'CB2C')
      .where('status', 'in', ['safeguard', 'receivership', 'liquidation'])
      .execute();
    expect(inProcedure.length).toBeGreaterThan(0);
    const codes = new Set(inProcedure.map((row) => row.code));
    expect(receipts.filter((receipt) => codes.has(receipt.truth?.customerCode ?? ''))).toEqual([]);
  });

  it('goes straight through for at least 90 %, never to the wrong customer', () => {
    let straight = 0;
    const wrong: string[] = [];
    for (const [index, receipt] of receipts.entries()) {
      const item = outcomeOf(index);
      if (item?.outcome !== 'applied') continue;
      if (item.customerCode !== receipt.truth?.customerCode) {
        wrong.push(`${receipt.label} → ${item.customerCode}`);
        continue;
      }
      const recorded = receipt.truth.recordedRef;
      if (
        recorded ? paymentRefOf.get(item.transactionId) === recorded : sameRefs(item.invoices, receipt.truth)
      )
        straight++;
    }
    const rate = straight / receipts.length;
    console.info(
      `demo month: ${receipts.length} receipts, ${summary.applied} applied automatically, ${straight} straight through (${(rate * 100).toFixed(1)} %), ${summary.suggested} suggested, ${summary.unmatched} without a lead`,
    );
    expect(wrong).toEqual([]);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  it('never applies a payment the ledger already records a second time: each is linked to it, or waits', () => {
    const recorded = receipts.flatMap((receipt, index) =>
      receipt.truth?.recordedRef ? [{ receipt, index }] : [],
    );
    expect(recorded.length).toBeGreaterThan(300);
    const outcomes = recorded.map(({ receipt, index }) => {
      const item = outcomeOf(index);
      return {
        outcome: item?.outcome,
        method: item?.method,
        invoices: item?.invoices,
        right:
          item?.outcome !== 'applied' || paymentRefOf.get(item.transactionId) === receipt.truth?.recordedRef,
      };
    });
    // Applied only as the recorded payment (no new payment, no invoice), and to the right one.
    expect(outcomes.filter((item) => item.outcome === 'applied' && item.method !== 'recorded')).toEqual([]);
    expect(outcomes.filter((item) => !item.right)).toEqual([]);
    expect(outcomes.filter((item) => (item.invoices?.length ?? 0) > 0)).toEqual([]);
    // Any that waits (a misspelt payer naming no invoice) is proposed as that payment.
    const waiting = outcomes.filter((item) => item.outcome !== 'applied');
    expect(waiting.length).toBeLessThanOrEqual(5);
    expect(waiting.every((item) => item.method === 'recorded')).toBe(true);
  });
});

describe('invoices written as a number and a year (« 1331 DU 2026 »)', () => {
  it('are read as the invoices of that year and number: each such receipt goes straight through', () => {
    const written = receipts.flatMap((receipt, index) =>
      / \d{1,6} DU 20\d\d\b/.test(`${receipt.label} ${receipt.remittance ?? ''}`) ? [{ receipt, index }] : [],
    );
    expect(written.length).toBeGreaterThan(40);
    const astray = written.flatMap(({ receipt, index }) => {
      const item = outcomeOf(index);
      const recorded = receipt.truth?.recordedRef;
      const straight =
        item?.outcome === 'applied' &&
        item.customerCode === receipt.truth?.customerCode &&
        (recorded
          ? paymentRefOf.get(item.transactionId) === recorded
          : sameRefs(item.invoices, receipt.truth) && item.unappliedMinor === 0);
      return straight ? [] : [`${receipt.label} ${receipt.remittance} → ${item?.outcome} ${item?.invoices}`];
    });
    expect(astray).toEqual([]);
  });
});

const sameRefs = (applied: readonly string[], truth: { invoiceRefs: readonly string[] }) =>
  [...applied].sort().join() === [...truth.invoiceRefs].sort().join();
