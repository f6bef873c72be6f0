import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDueDate } from '../core/ledger/payment-terms.ts';
import type { Allocation, LedgerDocument } from '../core/types.ts';
import { DEMO_AS_OF, DEMO_HISTORY_START } from './demo-types.ts';
import { generateScale } from './scale.ts';
import { writeScaleCustomersCsv, writeScaleInvoicesCsv } from './scale-csv.ts';

function collect(batches: Iterable<LedgerDocument[]>): LedgerDocument[] {
  const all: LedgerDocument[] = [];
  for (const batch of batches) all.push(...batch);
  return all;
}

describe('scale generator', () => {
  const options = { customers: 500, invoices: 20_000, seed: 3 };

  it('streams the requested invoices, the same whatever the batch size', () => {
    const scale = generateScale(options);
    expect(scale.customers).toHaveLength(500);
    const byThousand = collect(scale.invoiceBatches(1_000));
    const bySeven = collect(generateScale(options).invoiceBatches(7_777));
    expect(byThousand).toHaveLength(20_000);
    expect(bySeven).toEqual(byThousand);
    const batchSizes = [...scale.invoiceBatches(6_000)].map((batch) => batch.length);
    expect(batchSizes).toEqual([6_000, 6_000, 6_000, 2_000]);
  });

  it('produces sound invoices over the 36 months before the as-of date', () => {
    const scale = generateScale(options);
    const invoices = collect(scale.invoiceBatches(5_000));
    const codes = new Map(scale.customers.map((customer) => [customer.code, customer.paymentTerms]));
    expect(new Set(invoices.map((invoice) => invoice.externalRef)).size).toBe(invoices.length);
    expect(invoices[0]?.issueDate).toBe('2023-07-03');
    expect(invoices[invoices.length - 1]?.issueDate.slice(0, 7)).toBe('2026-06');
    for (const invoice of invoices) {
      expect(invoice.issueDate <= DEMO_AS_OF).toBe(true);
      expect(Number.isSafeInteger(invoice.amountMinor) && invoice.amountMinor > 0).toBe(true);
      expect(invoice.dueDate).toBe(computeDueDate(invoice.issueDate, codes.get(invoice.customerCode) ?? ''));
    }
    expect(new Set(invoices.map((invoice) => invoice.customerCode)).size).toBeGreaterThan(450);
  });

  it('spreads the invoices over the months asked for, 36 by default', () => {
    expect(generateScale(options).historyStart).toBe(DEMO_HISTORY_START);
    expect(generateScale({ ...options, months: 36 }).historyStart).toBe(DEMO_HISTORY_START);
    const fiveYears = generateScale({ ...options, months: 60 });
    expect(fiveYears.historyStart).toBe('2021-07-01');
    expect(fiveYears.customers).toEqual(generateScale(options).customers);
    const invoices = collect(fiveYears.invoiceBatches(5_000));
    expect(invoices).toHaveLength(20_000);
    expect(invoices[0]?.issueDate).toBe('2021-07-01');
    expect(invoices[invoices.length - 1]?.issueDate.slice(0, 7)).toBe('2026-06');
    expect(new Set(invoices.map((invoice) => invoice.externalRef)).size).toBe(invoices.length);
    const years = new Set(invoices.map((invoice) => invoice.issueDate.slice(0, 4)));
    expect([...years].sort()).toEqual(['2021', '2022', '2023', '2024', '2025', '2026']);
    expect(() => generateScale({ ...options, months: 0 })).toThrow(RangeError);
  });

  it('is deterministic and seed-dependent', () => {
    const first = collect(generateScale(options).invoiceBatches(10_000));
    expect(collect(generateScale(options).invoiceBatches(10_000))).toEqual(first);
    expect(collect(generateScale({ ...options, seed: 4 }).invoiceBatches(10_000))).not.toEqual(first);
  });

  // Speed is measured by `npm run bench`; this checks the batches add up to the count asked for.
  it('generates exactly the invoices asked for, in batches', () => {
    const sizes: number[] = [];
    for (const batch of generateScale({ customers: 500, invoices: 25_001 }).invoiceBatches(10_000))
      sizes.push(batch.length);
    expect(sizes).toEqual([10_000, 10_000, 5_001]);
  });
});

describe('scale CSV files', () => {
  it('writes customers and invoices in the French ERP format', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'encours-scale-'));
    try {
      const small = { customers: 40, invoices: 300, seed: 11 };
      expect(await writeScaleCustomersCsv(join(directory, 'clients.csv'), small)).toBe(40);
      expect(await writeScaleInvoicesCsv(join(directory, 'factures.csv'), small)).toBe(300);
      const customerLines = (await readFile(join(directory, 'clients.csv'), 'utf8')).trimEnd().split('\n');
      const invoiceLines = (await readFile(join(directory, 'factures.csv'), 'utf8')).trimEnd().split('\n');
      expect(customerLines[0]).toBe(
        'Code client;Raison sociale;Type de client;Commercial;Conditions de paiement;Plafond;Devise',
      );
      expect(invoiceLines[0]).toBe("N° facture;Code client;Date facture;Date d'échéance;Montant TTC;Devise");
      expect(customerLines).toHaveLength(41);
      expect(invoiceLines).toHaveLength(301);
      for (const line of customerLines.slice(1)) {
        expect(line).toMatch(
          /^C\d{5};[^;]+;(Grande distribution|Grossiste|Détaillant indépendant|PME|Secteur public|Export);[^;]+;\d+ jours (nets|fin de mois( le \d+)?);(\d+,\d{2})?;EUR$/,
        );
      }
      for (const line of invoiceLines.slice(1)) {
        expect(line).toMatch(/^F20\d\d-\d{7};C\d{5};\d\d\/\d\d\/20\d\d;\d\d\/\d\d\/20\d\d;\d+,\d{2};EUR$/);
      }
      const [ref, , issue, , amount] = (invoiceLines[1] ?? '').split(';');
      const invoice = collect(generateScale(small).invoiceBatches(300))[0];
      expect(ref).toBe(invoice?.externalRef);
      expect(issue).toBe(
        `${invoice?.issueDate.slice(8, 10)}/${invoice?.issueDate.slice(5, 7)}/${invoice?.issueDate.slice(0, 4)}`,
      );
      expect(amount?.replace(',', '')).toBe(String(invoice?.amountMinor));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('settled scale ledger', () => {
  const settled = generateScale({ customers: 300, invoices: 6_000 });
  const gather = (batchSize: number) => {
    const all = {
      documents: [] as LedgerDocument[],
      allocations: [] as Allocation[],
      reversals: [] as Allocation[],
    };
    for (const batch of settled.ledgerBatches(batchSize)) {
      all.documents.push(...batch.documents);
      all.allocations.push(...batch.allocations);
      all.reversals.push(...batch.reversals);
    }
    return all;
  };
  const ledger = gather(1_000);

  it('does not depend on the batch size', () => {
    expect(gather(777)).toEqual(ledger);
  });

  it('looks like a real ledger: partial payments, credit notes, bounces with reversals, open credits', () => {
    const kinds = new Map<string, number>();
    for (const doc of ledger.documents) kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
    expect(kinds.get('invoice')).toBe(6_000);
    expect(kinds.get('payment')).toBeGreaterThan(4_000);
    expect(kinds.get('credit_note')).toBeGreaterThan(100);
    expect(kinds.get('bounced_payment')).toBeGreaterThan(30);
    expect(ledger.reversals.length).toBe(kinds.get('bounced_payment'));
    expect(ledger.documents.some((doc) => doc.externalRef.startsWith('RP-'))).toBe(true); // partial
    expect(ledger.documents.some((doc) => doc.externalRef.startsWith('ACPT-'))).toBe(true); // on account
  });

  it('keeps every ledger rule: no document over-settled, no matching before its documents or after the as-of date', () => {
    const byRef = new Map(ledger.documents.map((doc) => [doc.externalRef, doc]));
    const settledMinor = new Map<string, number>();
    const add = (ref: string, amountMinor: number) =>
      settledMinor.set(ref, (settledMinor.get(ref) ?? 0) + amountMinor);
    for (const row of ledger.allocations) {
      const debit = byRef.get(row.debitRef);
      const credit = byRef.get(row.creditRef);
      expect(debit && credit).toBeTruthy();
      expect(
        row.allocationDate >= (debit?.issueDate ?? '') && row.allocationDate >= (credit?.issueDate ?? ''),
      ).toBe(true);
      expect(row.allocationDate <= settled.asOf).toBe(true);
      add(row.debitRef, row.amountMinor);
      add(row.creditRef, row.amountMinor);
    }
    for (const row of ledger.reversals) {
      expect(
        ledger.allocations.some((a) => a.debitRef === row.debitRef && a.creditRef === row.creditRef),
      ).toBe(true);
      add(row.debitRef, -row.amountMinor);
      add(row.creditRef, -row.amountMinor);
    }
    for (const [ref, amountMinor] of settledMinor) {
      expect(amountMinor).toBeGreaterThanOrEqual(0);
      expect(amountMinor).toBeLessThanOrEqual(Math.abs(byRef.get(ref)?.amountMinor ?? 0));
    }
  });
});
