/**
 * The matching's copy of the ledger (src/app/cash/ledger-view.ts) against plain reads of the
 * database: as loaded, and after the ledger changed behind it — a month of receipts applied
 * (payments, write-offs, invoices settled or paid in part, credits left open) and an invoice
 * written — once refreshed. Every customer's open items, the customers owing an amount and the
 * documents of every reference's digits must be what the database answers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { demoBankMonth } from '#app/cash/demo-receipts';
import {
  databaseLedger,
  type LedgerView,
  loadLedgerView,
  type MatchingLedger,
  refreshLedgerView,
} from '#app/cash/ledger-view';
import { matchReceipts } from '#app/cash/match-receipts';
import type { AppContext } from '#app/context';
import { digitsKey } from '#core/cash/references';
import { insertLedgerDocuments } from '#db/cash/batch-writes';
import { DEMO_AS_OF } from '#demo/index';
import { importInto } from '../support/cash-one-by-one.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

/** What a ledger answers about every customer, every digits key and a few amounts. */
async function answers(ctx: AppContext, ledger: MatchingLedger) {
  const customers = (
    await ctx.db.selectFrom('customers').select('code').where('company_id', '=', ctx.companyId).execute()
  ).map((row) => row.code);
  const refs = await ctx.db
    .selectFrom('documents')
    .select('external_ref')
    .where('company_id', '=', ctx.companyId)
    .execute();
  const keys = [...new Set(refs.flatMap((row) => digitsKey(row.external_ref) ?? []))];
  const items = (await ledger.openItemsOf(customers)).sort((a, b) => a.documentId - b.documentId);
  const amounts = [...new Set(items.slice(0, 40).map((item) => item.openMinor))];
  const owing = (await ledger.customersOwing(amounts)).map((row) => `${row.customerCode}:${row.openMinor}`);
  return { items, owing: owing.sort(), documents: await ledger.documentsByDigits(keys) };
}

describe("the matching's copy of the ledger", () => {
  it('answers as the database, as loaded and once refreshed after changes behind it', async () => {
    const database = await openDemoTestDatabase();
    opened.push(database);
    const ctx = database.context('CB2C', DEMO_AS_OF);
    let view: LedgerView = await loadLedgerView(ctx);
    const loaded = await answers(ctx, view);
    expect(loaded.items.length).toBeGreaterThan(100);
    expect(loaded.documents.length).toBeGreaterThan(100);
    expect(loaded).toEqual(await answers(ctx, databaseLedger(ctx)));

    await importInto(ctx, demoBankMonth().camt);
    expect((await matchReceipts(ctx, { auto: true })).applied).toBeGreaterThan(100);
    const [customer] = loaded.items;
    await insertLedgerDocuments(ctx.db, ctx.companyId, [
      {
        kind: 'invoice',
        source: 'erp',
        externalRef: 'F2026-9876543',
        customerCode: customer?.customerCode ?? '',
        issueDate: '2026-06-01',
        amountMinor: 12_345,
        currency: 'EUR',
        label: null,
      },
    ]);
    expect(await answers(ctx, view)).not.toEqual(await answers(ctx, databaseLedger(ctx)));
    view = await refreshLedgerView(ctx, view);
    const refreshed = await answers(ctx, view);
    expect(refreshed).toEqual(await answers(ctx, databaseLedger(ctx)));
    expect(refreshed.documents.some((document) => document.externalRef === 'F2026-9876543')).toBe(true);
  }, 300_000);
});
