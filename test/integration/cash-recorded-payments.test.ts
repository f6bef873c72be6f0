/**
 * A statement line that is a payment the ledger already records (core/cash/recorded.ts): the
 * matching links the line to that payment — no second payment, no invoice settled twice, and an
 * open invoice of the same amount stays open —, batch and one by one alike; a second line of the
 * same amount, or one naming an invoice the payment did not settle, is another payment. The applied
 * view shows the line linked to that payment with what the payment settles. The bank
 * reconciliation then pairs the payment with its line. Reversing the link frees the payment
 * without cancelling it (and `encours cash reverse` says so, not « 0 allocations reversed »), and
 * accepting the suggestion made anew links it again.
 */
import { type KyselyPlugin, ValueNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptSuggestion, reverseMatch } from '#app/cash/decisions';
import { matchReceipts } from '#app/cash/match-receipts';
import { listReceipts } from '#app/cash/receipts';
import { reconcileBankToLedger } from '#app/cash/reconcile';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { runCli } from '#cli/run';
import { customer } from '../scenarios/ledger-builder.ts';
import { importInto, ledgerOfMatching, matchReceiptsOneByOne } from '../support/cash-one-by-one.ts';
import { ledgerDocument } from '../support/ledger-document.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-06-30';
const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

interface Line {
  ref: string;
  date: string;
  amount: string;
  name: string;
  text: string;
}

function statement(lines: readonly Line[]): string {
  const total = lines.reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0);
  const entries = lines
    .map(
      (
        line,
      ) => `<Ntry><Amt Ccy="EUR">${line.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${line.date}</Dt></BookgDt>
<AcctSvcrRef>${line.ref}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${line.name}</Nm></Dbtr></RltdPties>
<RmtInf><Ustrd>${line.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>R1</MsgId></GrpHdr>
<Stmt><Id>SR1</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${(total / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-30</Dt></Dt></Bal>
${entries}</Stmt></BkToCstmrStmt></Document>`;
}

/**
 * Dupont owes two invoices of 1,200.00 and paid the first on 12 June (recorded from its remittance
 * advice); Vernhes owes 300.00 and sent 500.00 on 14 June, recorded on account.
 */
async function loadCompany(ctx: AppContext) {
  await loadDataset(ctx, {
    company: { code: 'REC', name: 'Recorded SA', currency: 'EUR', asOf: AS_OF },
    customers: [
      customer('C00001', { name: 'Dupont Distribution SARL' }),
      customer('C00002', { name: 'Vernhes et Fils SAS' }),
    ],
    documents: [
      ledgerDocument('invoice', 'F2026-000101', 'C00001', '2026-04-01', '2026-05-31', 120_000, 'erp'),
      ledgerDocument('invoice', 'F2026-000102', 'C00001', '2026-04-02', '2026-06-01', 120_000, 'erp'),
      ledgerDocument('payment', 'RG-0001', 'C00001', '2026-06-12', '2026-06-12', -120_000, 'erp'),
      ledgerDocument('invoice', 'F2026-000201', 'C00002', '2026-04-01', '2026-05-31', 30_000, 'erp'),
      ledgerDocument('payment', 'RG-0002', 'C00002', '2026-06-14', '2026-06-14', -50_000, 'erp'),
    ],
    allocations: [
      { debitRef: 'F2026-000101', creditRef: 'RG-0001', amountMinor: 120_000, allocationDate: '2026-06-12' },
    ],
    orders: [],
    events: [],
    users: [],
  });
}

const LINES: Line[] = [
  // The bank's side of RG-0001, booked the next day, naming the invoice it paid.
  {
    ref: 'L1',
    date: '2026-06-13',
    amount: '1200.00',
    name: 'DUPONT DISTRIBUTION',
    text: 'FACT F2026-000101',
  },
  // The same amount naming the other invoice: a new payment.
  {
    ref: 'L2',
    date: '2026-06-15',
    amount: '1200.00',
    name: 'DUPONT DISTRIBUTION',
    text: 'FACT F2026-000102',
  },
  // The bank's side of RG-0002, then a second line of that amount: RG-0002 is one bank line.
  { ref: 'L3', date: '2026-06-15', amount: '500.00', name: 'VERNHES ET FILS', text: 'REGLEMENT' },
  { ref: 'L4', date: '2026-06-16', amount: '500.00', name: 'VERNHES ET FILS', text: 'REGLEMENT' },
];

const paymentIds = async (ctx: AppContext) =>
  new Map(
    (
      await ctx.db
        .selectFrom('documents')
        .select(['external_ref', 'document_id'])
        .where('company_id', '=', 'REC')
        .execute()
    ).map((row) => [row.external_ref, row.document_id]),
  );

const lines = (ctx: AppContext) =>
  ctx.db
    .selectFrom('bank_transactions')
    .select(['transaction_id', 'bank_ref', 'status', 'payment_document_id'])
    .where('company_id', '=', 'REC')
    .orderBy('bank_ref')
    .execute();

describe('a statement line that is a payment the ledger already records', () => {
  let ctx: AppContext;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    opened.push(database);
    ctx = database.context('REC', AS_OF);
    await loadCompany(ctx);
    await importInto(ctx, statement(LINES));
  }, 120_000);

  it('is linked to that payment, never applied again to an open invoice', async () => {
    const summary = await matchReceipts(ctx, { auto: true });
    const ids = await paymentIds(ctx);
    const byRef = new Map((await lines(ctx)).map((row) => [row.bank_ref, row]));
    expect(summary.items.map((item) => [item.outcome, item.method, item.invoices.join('+')])).toEqual([
      ['applied', 'recorded', ''],
      ['applied', 'references', 'F2026-000102'],
      ['applied', 'recorded', ''],
      [expect.any(String), expect.not.stringMatching(/^recorded$/), expect.any(String)],
    ]);
    expect(byRef.get('L1')?.payment_document_id).toBe(ids.get('RG-0001'));
    expect(byRef.get('L3')?.payment_document_id).toBe(ids.get('RG-0002'));
    expect(byRef.get('L4')?.payment_document_id).not.toBe(ids.get('RG-0002'));
    // No payment written for the recorded ones: the bank payments are L2's and, if applied, L4's.
    const bankPayments = await ctx.db
      .selectFrom('documents')
      .select('external_ref')
      .where('company_id', '=', 'REC')
      .where('source', '=', 'bank')
      .execute();
    expect(bankPayments.map((row) => row.external_ref)).not.toContain(
      `BANK-${byRef.get('L1')?.transaction_id}`,
    );
    expect(bankPayments.map((row) => row.external_ref)).not.toContain(
      `BANK-${byRef.get('L3')?.transaction_id}`,
    );
    // F2026-000101 was settled once, by RG-0001.
    const settled = await ctx.db
      .selectFrom('allocations')
      .select((eb) => eb.fn.sum<number>('amount_minor').as('total'))
      .where('company_id', '=', 'REC')
      .where('debit_document_id', '=', ids.get('F2026-000101') as number)
      .executeTakeFirstOrThrow();
    expect(Number(settled.total)).toBe(120_000);
  });

  it('shows in the applied view as linked to that payment, with what that payment settles', async () => {
    const ids = await paymentIds(ctx);
    const byRef = new Map((await lines(ctx)).map((row) => [row.bank_ref, row.transaction_id]));
    const applied = new Map(
      (await listReceipts(ctx, { view: 'applied' })).items.map((item) => [item.transactionId, item]),
    );
    const l1 = applied.get(byRef.get('L1') as number);
    // The line settled nothing itself: its payment, recorded before, settled F2026-000101.
    expect(l1?.applications.map((application) => application.items)).toEqual([[]]);
    expect(l1?.recordedPayment).toEqual({
      documentId: ids.get('RG-0001'),
      ref: 'RG-0001',
      items: [
        { documentId: ids.get('F2026-000101'), ref: 'F2026-000101', kind: 'invoice', amountMinor: 120_000 },
      ],
    });
    // Recorded on account: linked, settling nothing.
    expect(applied.get(byRef.get('L3') as number)?.recordedPayment).toEqual({
      documentId: ids.get('RG-0002'),
      ref: 'RG-0002',
      items: [],
    });
    // A line the matching applied to an invoice is not a link.
    const l2 = applied.get(byRef.get('L2') as number);
    expect(l2?.recordedPayment).toBeNull();
    expect(l2?.applications.flatMap((application) => application.items.map((item) => item.ref))).toEqual([
      'F2026-000102',
    ]);
  });

  it('leaves a bank reconciliation that pairs each recorded payment with its line', async () => {
    const report = await reconcileBankToLedger(ctx, { asOf: AS_OF });
    expect(report.differences.filter((line) => line.code === 'recorded_not_in_bank')).toEqual([]);
    const waiting = (await lines(ctx))
      .filter((row) => row.status !== 'applied')
      .map((row) => row.transaction_id);
    expect(report.differences.map((line) => line.transactionId)).toEqual(waiting);
  });

  it('is unlinked by a reversal without cancelling the payment, and linked again from its suggestion', async () => {
    const ids = await paymentIds(ctx);
    const l1 = (await lines(ctx)).find((row) => row.bank_ref === 'L1');
    const reversed = await reverseMatch(ctx, { transactionId: l1?.transaction_id as number });
    expect(reversed.reversedAllocations).toBe(0);
    expect(reversed.recordedPaymentRef).toBe('RG-0001');
    const cancelled = await ctx.db
      .selectFrom('documents')
      .select('external_ref')
      .where('company_id', '=', 'REC')
      .where('kind', '=', 'adjustment')
      .execute();
    expect(cancelled).toEqual([]);
    const report = await reconcileBankToLedger(ctx, { asOf: AS_OF });
    expect(
      report.differences.filter((line) => line.code === 'recorded_not_in_bank').map((l) => l.documentRef),
    ).toEqual(['RG-0001']);
    const accepted = await acceptSuggestion(ctx, { transactionId: l1?.transaction_id as number });
    expect(accepted.paymentDocumentId).toBe(ids.get('RG-0001'));
    expect(accepted.allocationIds).toEqual([]);
    const again = await reconcileBankToLedger(ctx, { asOf: AS_OF });
    expect(again.differences.filter((line) => line.code === 'recorded_not_in_bank')).toEqual([]);
  });

  it('is unlinked by `encours cash reverse`, which says the recorded payment is kept', async () => {
    const l1 = (await lines(ctx)).find((row) => row.bank_ref === 'L1');
    let stdout = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => {
      stdout += chunk;
      return true;
    }) as typeof process.stdout.write);
    try {
      const args = ['--company', 'REC', 'cash', 'reverse', String(l1?.transaction_id)];
      expect((await runCli(args, { runtime: database.runtime })) ?? 0).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(stdout).toMatch(
      /^Lien défait\u00a0: le règlement enregistré RG-0001 est conservé, et l’encaissement est de nouveau à lettrer, avec \d+ suggestions?\.\n$/,
    );
  });
});

/** A context whose database keeps the ids each statement locking documents locks, in order. */
function watchingDocumentLocks(ctx: AppContext): { ctx: AppContext; locks: number[][] } {
  const locks: number[][] = [];
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (node.kind === 'RawNode' && /from documents[\s\S]*for update/.test(node.sqlFragments.join('?')))
        for (const parameter of node.parameters)
          if (ValueNode.is(parameter) && Array.isArray(parameter.value))
            locks.push(parameter.value.map(Number));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, locks };
}

describe('recorded payments, by batch and one by one', () => {
  it('write the same links and ledger, each batch locking its documents once', async () => {
    const [batchDb, referenceDb] = [await openTestDatabase(), await openTestDatabase()];
    opened.push(batchDb, referenceDb);
    const watched = watchingDocumentLocks(batchDb.context('REC', AS_OF));
    const batch = watched.ctx;
    const reference = referenceDb.context('REC', AS_OF);
    for (const ctx of [batch, reference]) {
      await loadCompany(ctx);
      await importInto(ctx, statement(LINES));
    }
    const summary = await matchReceipts(batch, { auto: true, batchSize: 2 });
    // Two batches, each with a recorded payment and an invoice or two: one statement locks each
    // batch's documents, the payments with the invoices, and nothing locks them again.
    const ids = await paymentIds(batch);
    expect(watched.locks).toHaveLength(2);
    expect(watched.locks[0]).toEqual(expect.arrayContaining([ids.get('RG-0001'), ids.get('F2026-000102')]));
    expect(watched.locks[1]).toContain(ids.get('RG-0002'));
    expect(await matchReceiptsOneByOne(reference, 2)).toBe(summary.applied);
    expect(await ledgerOfMatching(batch)).toEqual(await ledgerOfMatching(reference));
    expect((await matchReceipts(batch, { auto: true })).applied).toBe(0);
  }, 120_000);
});
