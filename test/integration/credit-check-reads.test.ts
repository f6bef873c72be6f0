/**
 * The order check's one-statement read (readCheck) against the separate reads it replaces, on
 * every customer of the demo company: same date, configuration, exposure by bucket, overdue
 * figures, limit, cover, score, group and decision — first as loaded, then after payments (one
 * dated after the reference date), credit notes, ERP orders and recorded checks. Then the caches
 * of the date and of the configuration, changed behind the check's back as another process would.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAsOf } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { readCheck } from '#app/credit/check-reads';
import { creditConfig, putConfigVersion } from '#app/credit/configuration';
import { type CustomerRisk, checkedCustomer, readCustomerRisk } from '#app/credit/customer-risk';
import { checkOrder, decideOrder } from '#app/credit/order-check';
import { importFile } from '#app/imports/import-file';
import { addDays } from '#core/calendar';
import { DEFAULT_ORDER_CHECK_RULES } from '#core/credit/order-check';
import { selectCheckFacts } from '#db/credit/check-facts';
import { BATCH_SLOTS, selectCheckFactsBatched } from '#db/credit/check-facts-batch';
import { type OpenItemLine, selectOpenItemLines } from '#db/credit/exposure-queries';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let dir: string;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
  dir = await mkdtemp(join(tmpdir(), 'encours-check-reads-'));
}, 600_000);
afterAll(async () => {
  await database?.close();
});

/** The reads as the check made them before: one query per fact. */
async function separately(code: string, excludeOrderRef?: string) {
  const asOf = await defaultAsOf(ctx);
  const config = await creditConfig(ctx, asOf);
  const customer = await checkedCustomer(ctx, ctx.db, code, false);
  const risk = await readCustomerRisk(ctx, ctx.db, config, customer, asOf, excludeOrderRef);
  return { asOf, config, risk };
}

/** The score row of the separate read carries its explanation; the check reads the figures only. */
function comparable(risk: CustomerRisk) {
  return { ...risk, score: risk.score && { score: risk.score.score, riskClass: risk.score.riskClass } };
}

async function customerCodes(): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('customers')
    .select('code')
    .where('company_id', '=', 'CB2C')
    .orderBy('code')
    .execute();
  return rows.map((row) => row.code);
}

async function pendingOrderOf(code: string): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('orders')
    .select('order_number')
    .where('company_id', '=', 'CB2C')
    .where('customer_code', '=', code)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row?.order_number;
}

/** Every customer read both ways; returns how many differ from a zero exposure (a sanity count). */
async function expectSameReads(): Promise<number> {
  let exposed = 0;
  for (const code of await customerCodes()) {
    const before = await separately(code);
    const fast = await readCheck(ctx, ctx.db, code, { lock: false });
    expect(fast.asOf, code).toBe(before.asOf);
    expect(fast.config, code).toEqual(before.config);
    expect(comparable(fast.risk), code).toEqual(comparable(before.risk));
    if (fast.risk.exposure.totalMinor !== 0) exposed++;
    const input = { customerCode: code, amountMinor: 2_500_000, asOf: fast.asOf };
    // The same decision function on both reads (evaluateOrder is the separate reads + decideOrder).
    expect(await decideOrder(ctx, ctx.db, fast.config, input, fast.risk), code).toEqual(
      await decideOrder(ctx, ctx.db, before.config, input, before.risk),
    );
    const pending = await pendingOrderOf(code);
    if (pending) {
      const without = await readCheck(ctx, ctx.db, code, { lock: false, excludeOrderRef: pending });
      expect(comparable(without.risk), code).toEqual(comparable((await separately(code, pending)).risk));
    }
  }
  return exposed;
}

async function csv(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** Open invoices of the customers with the most open, for payments and credit notes on them. */
async function openInvoices(count: number) {
  const result = await sql<{ ref: string; customerCode: string; openMinor: number }>`
    select d.external_ref as ref, d.customer_code as "customerCode", o.open_minor::int8 as "openMinor"
      from open_items o join documents d on d.company_id = o.company_id and d.document_id = o.document_id
     where o.company_id = 'CB2C' and d.kind = 'invoice' and o.open_minor > 10000
       and o.first_allocation_date is null
     order by o.open_minor desc, d.document_id limit ${count}`.execute(ctx.db);
  return result.rows;
}

const euros = (minor: number) => (minor / 100).toFixed(2).replace('.', ',');

/** The latest allocation date of the company (open items and settled documents alike). */
async function latestAllocationDate(): Promise<string> {
  const result = await sql<{ latest: string }>`
    select max(allocation_date)::text as latest from allocations where company_id = 'CB2C'`.execute(ctx.db);
  const latest = result.rows[0]?.latest;
  if (!latest) throw new Error('the demo company has allocations');
  return latest;
}

const byLine = (lines: readonly OpenItemLine[]) =>
  lines.map((line) => `${line.dueDate} ${line.openMinor}`).sort();

/**
 * Every customer's open items as the check reads them (the current ones when nothing is
 * allocated after the date) and as the exact read as of the date finds them; returns how many
 * customers have some (a sanity count).
 */
async function expectSameOpenItems(asOf: string): Promise<number> {
  let withItems = 0;
  const codes = await customerCodes();
  const read = await Promise.all(codes.map((code) => selectCheckFactsBatched(ctx.db, 'CB2C', code, asOf)));
  for (const [index, code] of codes.entries()) {
    const exact = await selectOpenItemLines(ctx.db, 'CB2C', code, asOf);
    expect(byLine(read[index]?.items ?? []), `${code} ${asOf}`).toEqual(byLine(exact));
    if (exact.length > 0) withItems++;
  }
  return withItems;
}

describe('the order check reads one statement and finds what the separate reads find', () => {
  it('on every demo customer as loaded', async () => {
    expect(await expectSameReads()).toBeGreaterThan(10);
  });

  it('reads the open items as of a date as the exact read does, allocations after it or not', async () => {
    const asOf = await defaultAsOf(ctx);
    const latest = await latestAllocationDate();
    // Nothing allocated after the reference date nor the latest allocation (the current open
    // items), then dates with allocations after them (the exact read), the very last one included.
    expect(latest <= asOf).toBe(true);
    for (const date of new Set([asOf, latest, addDays(latest, -1), addDays(asOf, -45)]))
      expect(await expectSameOpenItems(date)).toBeGreaterThan(10);
  });

  it('reads checks made together (batches, repeated and unknown codes) as each one alone', async () => {
    const asOf = await defaultAsOf(ctx);
    const codes = await customerCodes();
    const asked = [...codes, ...codes.slice(0, 20).reverse(), 'NO-SUCH-CUSTOMER', codes[0]!];
    expect(asked.length).toBeGreaterThan(BATCH_SLOTS * 2);
    const alone = [];
    for (const code of asked) alone.push(await selectCheckFacts(ctx.db, 'CB2C', code, asOf));
    const together = await Promise.all(
      asked.map((code) => selectCheckFactsBatched(ctx.db, 'CB2C', code, asOf)),
    );
    expect(together).toEqual(alone);
    expect(together.filter((facts) => facts === undefined)).toHaveLength(1);
    expect(together.map((facts) => facts?.customer.code)).toEqual(
      asked.map((code) => (code === 'NO-SUCH-CUSTOMER' ? undefined : code)),
    );
  });

  it('after payments (one after the reference date), credit notes, ERP orders and recorded checks', async () => {
    const [a, b, c, d] = await openInvoices(4);
    if (!a || !b || !c || !d) throw new Error('the demo company has open invoices');
    const payments = await csv(
      'reglements.csv',
      'N° règlement;Code client;Date;Montant;Factures\n' +
        `DIFF-R1;${a.customerCode};25/06/2026;${euros(a.openMinor)};${a.ref}\n` +
        `DIFF-R2;${b.customerCode};05/07/2026;${euros(Math.floor(b.openMinor / 2))};${b.ref}\n`,
    );
    await importFile(ctx, { entity: 'payments', filePath: payments });
    const notes = await csv(
      'avoirs.csv',
      "N° avoir;Client;Date;Montant;Facture d'origine\n" +
        `DIFF-A1;${c.customerCode};20/06/2026;${euros(Math.floor(c.openMinor / 3))};${c.ref}\n`,
    );
    await importFile(ctx, { entity: 'credit-notes', filePath: notes });
    const orders = await csv(
      'commandes.csv',
      'N° commande;Code client;Date de commande;Montant commande;Statut commande\n' +
        `DIFF-C1;${d.customerCode};28/06/2026;12 345,67;en attente\n` +
        `DIFF-C2;${a.customerCode};29/06/2026;800,00;en attente\n`,
    );
    await importFile(ctx, { entity: 'orders', filePath: orders });
    for (const [ref, code] of [
      ['DIFF-K1', d.customerCode],
      ['DIFF-C2', a.customerCode],
    ] as const)
      await checkOrder(ctx, { customerCode: code, amountMinor: 50_000, orderRef: ref });
    expect(await expectSameReads()).toBeGreaterThan(10);
  });

  it('reads the open items as the exact read does after a later allocation and a later invoice', async () => {
    // A payment is now dated after the reference date: the check reads as of it exactly. As of
    // the payment's date nothing is allocated later, but an invoice is issued later: not open then.
    expect(await latestAllocationDate()).toBe('2026-07-05');
    const customerCode = (await openInvoices(1))[0]?.customerCode;
    const invoices = await csv(
      'factures.csv',
      `N° facture;Code client;Date facture;Montant TTC\nDIFF-F1;${customerCode};10/07/2026;4 321,00\n`,
    );
    await importFile(ctx, { entity: 'invoices', filePath: invoices });
    for (const date of [await defaultAsOf(ctx), '2026-07-05', '2026-07-10'])
      expect(await expectSameOpenItems(date)).toBeGreaterThan(10);
  });
});

describe('what the check caches follows changes made behind its back', () => {
  it('a new configuration version is in force at the next check', async () => {
    const code = (await customerCodes())[0]!;
    const first = await readCheck(ctx, ctx.db, code, { lock: false });
    const version = `diff-${Date.now()}`;
    await putConfigVersion(ctx, {
      kind: 'order_rules',
      version,
      effectiveFrom: '2026-01-01',
      body: {
        ...first.config.order_rules,
        overLimitToleranceBps: first.config.order_rules.overLimitToleranceBps + 100,
      },
    });
    const next = await readCheck(ctx, ctx.db, code, { lock: false });
    expect(next.config.order_rules.version).toBe(version);
    expect(next.config.order_rules.overLimitToleranceBps).toBe(
      first.config.order_rules.overLimitToleranceBps + 100,
    );
    expect(next.config).toEqual(await creditConfig(ctx, next.asOf));
    expect(DEFAULT_ORDER_CHECK_RULES.version).not.toBe(version);
  });

  it('a new reference date of the company is the date of the next check', async () => {
    const code = (await customerCodes())[0]!;
    const first = await readCheck(ctx, ctx.db, code, { lock: false });
    await ctx.db
      .updateTable('companies')
      .set({ reference_date: '2026-05-31' })
      .where('company_id', '=', 'CB2C')
      .execute();
    try {
      const next = await readCheck(ctx, ctx.db, code, { lock: false });
      expect(next.asOf).toBe('2026-05-31');
      expect(comparable(next.risk)).toEqual(comparable((await separately(code)).risk));
    } finally {
      await ctx.db
        .updateTable('companies')
        .set({ reference_date: first.asOf })
        .where('company_id', '=', 'CB2C')
        .execute();
    }
  });
});
