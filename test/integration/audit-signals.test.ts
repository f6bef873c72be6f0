/**
 * A planted internal-audit case is found, and nothing on clean data: a small company whose
 * collector Bob does ordinary work, then whose collector Eve creates a customer and applies a
 * payment to it, and enters a cluster of credit notes, one of them above the threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditSignals, setAuditThresholds } from '#app/audit-signals/audit-signals';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import type { LedgerDocument } from '#core/types';
import { documentIdsByRef, insertAllocations } from '#db/ledger/ledger-writes';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const EVE = 'eve@aud.test';
const BOB = 'bob@aud.test';
const PERIOD = { from: '2025-07-01', to: '2026-06-30' };
let database: TestDatabase;
let ctx: AppContext;

const doc = (
  kind: LedgerDocument['kind'],
  externalRef: string,
  customerCode: string,
  issueDate: string,
  amountMinor: number,
): LedgerDocument => ({
  kind,
  source: 't',
  externalRef,
  customerCode,
  issueDate,
  dueDate: kind === 'invoice' ? '2026-06-30' : issueDate,
  valueDate: null,
  amountMinor,
  currency: 'EUR',
  label: null,
});

async function allocate(
  actor: string,
  debitRef: string,
  creditRef: string,
  amountMinor: number,
  date: string,
) {
  const ids = await documentIdsByRef(ctx.db, 'AUD', 't');
  await insertAllocations(ctx.db, 'AUD', actor, [
    {
      debitDocumentId: ids.get(debitRef)!,
      creditDocumentId: ids.get(creditRef)!,
      amountMinor,
      allocationDate: date,
      reversesAllocationId: null,
      source: 'manual',
    },
  ]);
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = database.context('AUD');
  // Loaded by a process, not a person: nothing of the load is anybody's doing.
  await loadDataset(
    { ...ctx, actor: 'loader' },
    {
      company: { code: 'AUD', name: 'Audit SA', currency: 'EUR', asOf: '2026-06-30' },
      customers: ['C1', 'C2', 'C3'].map((code) => customer(code)),
      documents: [
        doc('invoice', 'F1', 'C1', '2026-05-01', 100_000),
        doc('payment', 'P1', 'C1', '2026-05-20', -100_000),
        doc('invoice', 'F2', 'C2', '2026-04-01', 900_000),
        doc('credit_note', 'AV0', 'C2', '2026-04-10', -10_000),
        doc('invoice', 'F3', 'C3', '2026-05-02', 250_000),
        doc('payment', 'P3', 'C3', '2026-05-25', -250_000),
      ],
      allocations: [],
      orders: [],
      events: [],
      users: [
        { email: EVE, name: 'Eve', role: 'collector', salesperson: null },
        { email: BOB, name: 'Bob', role: 'collector', salesperson: null },
        { email: 'ines@aud.test', name: 'Inès', role: 'auditor', salesperson: null },
      ],
    },
  );
  // Clean work: Bob applies a payment to a customer he did not create, and enters a small credit note.
  await allocate(BOB, 'F1', 'P1', 100_000, '2026-05-20');
  await ctx.db.updateTable('documents').set({ created_by: BOB }).where('external_ref', '=', 'AV0').execute();
}, 600_000);
afterAll(async () => {
  await database?.close();
});

describe('internal-audit signals', () => {
  it('finds nothing in ordinary work', async () => {
    const report = await listAuditSignals(ctx, PERIOD);
    expect(report.signals).toEqual([]);
    expect(report.thresholds.creditNoteMinor).toBe(500_000);
  });

  it('finds the planted case: a payment applied by the creator of the customer, a credit-note cluster', async () => {
    await ctx.db
      .updateTable('customers')
      .set({ created_by: EVE, created_at: '2026-05-10T10:00:00+02:00' })
      .where('code', '=', 'C3')
      .execute();
    await allocate(EVE, 'F3', 'P3', 250_000, '2026-05-26');
    await ctx.db
      .insertInto('documents')
      .values(
        [
          ['AV1', '2026-06-01', -20_000],
          ['AV2', '2026-06-05', -30_000],
          ['AV3', '2026-06-12', -600_000],
        ].map(([ref, date, amount]) => ({
          company_id: 'AUD',
          kind: 'credit_note',
          source: 't',
          external_ref: ref as string,
          customer_code: 'C2',
          issue_date: date as string,
          due_date: date as string,
          amount_minor: amount as number,
          currency: 'EUR',
          created_by: EVE,
        })),
      )
      .execute();
    const report = await listAuditSignals(ctx, { ...PERIOD, lang: 'fr' });
    expect(
      report.signals.map((s) => [s.kind, s.date, s.users, s.customerCodes, s.documents, s.amountMinor]),
    ).toEqual([
      ['credit_cluster', '2026-06-12', [EVE], ['C2'], ['AV1', 'AV2', 'AV3'], 650_000],
      ['large_credit_note', '2026-06-12', [EVE], ['C2'], ['AV3'], 600_000],
      ['payment_by_customer_creator', '2026-05-26', [EVE], ['C3'], ['P3', 'F3'], 250_000],
    ]);
    expect(report.counts).toMatchObject({
      credit_cluster: 1,
      large_credit_note: 1,
      payment_by_customer_creator: 1,
    });
    expect(report.signals[2]?.message).toBe(
      `${EVE} a créé le client C3 le 10/05/2026 puis lettré le règlement P3, F3 pour 2\u202f500,00\u00a0€ le 26/05/2026.`,
    );
  });

  it('follows its thresholds: four credit notes make a cluster, 7 000 € a large one', async () => {
    await setAuditThresholds(
      { ...ctx, actor: 'admin@aud.test' },
      { clusterCount: 4, creditNoteMinor: 700_000 },
    );
    const report = await listAuditSignals(ctx, PERIOD);
    expect(report.signals.map((s) => s.kind)).toEqual(['payment_by_customer_creator']);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('action', '=', 'audit.thresholds')
      .execute();
    expect(audit).toEqual([{ action: 'audit.thresholds', actor: 'admin@aud.test' }]);
  });
});
