/**
 * The batch path of automatic cash application against the path it replaced (each receipt on its
 * own in a savepoint, test/support/cash-one-by-one.ts) on a statement made to hit the rules inside
 * one batch — two receipts for the same invoice (the second is refused by the allocation rule and
 * stays a suggestion), a difference written off, a group receipt — and two runs at the same time:
 * each receipt is applied once, none already applied is touched, no document is over-allocated.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { matchReceipts } from '#app/cash/match-receipts';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import type { LedgerDocument } from '#core/types';
import { customer } from '../scenarios/ledger-builder.ts';
import { importInto, ledgerOfMatching, matchReceiptsOneByOne } from '../support/cash-one-by-one.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

const invoice = (ref: string, customerCode: string, amountMinor: number): LedgerDocument => ({
  kind: 'invoice',
  source: 'erp',
  externalRef: ref,
  customerCode,
  issueDate: '2026-04-01',
  dueDate: '2026-05-31',
  valueDate: null,
  amountMinor,
  currency: 'EUR',
  label: null,
});

function statement(lines: { ref: string; amount: string; name: string; text: string }[]): string {
  const total = lines.reduce((sum, line) => sum + Math.round(Number(line.amount) * 100), 0);
  const entries = lines
    .map(
      (
        line,
      ) => `<Ntry><Amt Ccy="EUR">${line.amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-06-15</Dt></BookgDt>
<AcctSvcrRef>${line.ref}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${line.name}</Nm></Dbtr></RltdPties>
<RmtInf><Ustrd>${line.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>B1</MsgId></GrpHdr>
<Stmt><Id>SB1</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${(total / 100).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-30</Dt></Dt></Bal>
${entries}</Stmt></BkToCstmrStmt></Document>`;
}

async function loadSmallCompany(ctx: AppContext) {
  await loadDataset(ctx, {
    company: { code: 'BATCH', name: 'Batch SA', currency: 'EUR', asOf: '2026-06-30' },
    customers: [
      customer('C00001', { name: 'Dupont Distribution SARL' }),
      customer('C00002', { name: 'Vernhes et Fils SAS' }),
      customer('G00001', { name: 'Holding Garnier SA' }),
      customer('C00005', { name: 'Garnier Lyon', groupCode: 'G00001' }),
      customer('C00006', { name: 'Garnier Lille', groupCode: 'G00001' }),
    ],
    documents: [
      invoice('F2026-000101', 'C00001', 120_000),
      invoice('F2026-000102', 'C00001', 45_000),
      invoice('F2026-000201', 'C00002', 30_000),
      invoice('F2026-000501', 'C00005', 60_000),
      invoice('F2026-000601', 'C00006', 25_000),
    ],
    allocations: [],
    orders: [],
    events: [],
    users: [],
  });
}

describe('a statement that hits the rules inside one batch', () => {
  it('the second receipt for a settled invoice stays a suggestion, as one by one', async () => {
    const [batchDb, referenceDb] = [await openTestDatabase(), await openTestDatabase()];
    opened.push(batchDb, referenceDb);
    const batch = batchDb.context('BATCH');
    const reference = referenceDb.context('BATCH');
    const camt = statement([
      { ref: 'R1', amount: '1200.00', name: 'DUPONT DISTRIBUTION', text: 'FACT F2026-000101' },
      { ref: 'R2', amount: '1200.00', name: 'DUPONT DISTRIBUTION', text: 'FACT F2026-000101' },
      { ref: 'R3', amount: '298.00', name: 'VERNHES ET FILS', text: 'FACT F2026-000201' },
      { ref: 'R4', amount: '850.00', name: 'HOLDING GARNIER', text: 'FACT F2026-000501 F2026-000601' },
      { ref: 'R5', amount: '450.00', name: 'DUPONT DISTRIBUTION', text: 'FACT F2026-000102' },
    ]);
    for (const ctx of [batch, reference]) {
      await loadSmallCompany(ctx);
      await importInto(ctx, camt);
    }
    const summary = await matchReceipts(batch, { auto: true, batchSize: 3 });
    expect(await matchReceiptsOneByOne(reference, 3)).toBe(summary.applied);
    const outcomes = summary.items.map((item) => [item.invoices.join('+'), item.outcome, item.writeOffMinor]);
    expect(outcomes).toEqual([
      ['F2026-000101', 'applied', 0],
      ['F2026-000101', 'suggested', 0],
      ['F2026-000201', 'applied', 200],
      ['F2026-000501+F2026-000601', 'applied', 0],
      ['F2026-000102', 'applied', 0],
    ]);
    const written = await ledgerOfMatching(batch);
    expect(written.documents.length).toBe(6); // 3 payments, 2 group parts, 1 write-off
    expect(written).toEqual(await ledgerOfMatching(reference));
    expect((await matchReceipts(batch, { auto: true })).applied).toBe(0);
  }, 120_000);
});

describe('two runs at the same time', () => {
  it('apply each receipt once and leave the applied ones applied', async () => {
    const database = await openTestDatabase();
    opened.push(database);
    const ctx = database.context('BATCH');
    await loadSmallCompany(ctx);
    await importInto(
      ctx,
      statement([
        { ref: 'S1', amount: '1200.00', name: 'DUPONT DISTRIBUTION', text: 'FACT F2026-000101' },
        { ref: 'S2', amount: '1200.00', name: 'DUPONT DISTRIBUTION', text: 'FACT F2026-000101' },
        { ref: 'S3', amount: '850.00', name: 'HOLDING GARNIER', text: 'FACT F2026-000501 F2026-000601' },
      ]),
    );
    const runs = await Promise.all([matchReceipts(ctx, { auto: true }), matchReceipts(ctx, { auto: true })]);
    expect(runs.map((run) => run.applied).sort()).toEqual([0, 2]);
    const decisions = await ctx.db
      .selectFrom('cash_decisions')
      .select(['transaction_id'])
      .where('company_id', '=', 'BATCH')
      .execute();
    expect(decisions).toHaveLength(2);
    const receipts = await ctx.db
      .selectFrom('bank_transactions')
      .select(['bank_ref', 'status'])
      .where('company_id', '=', 'BATCH')
      .orderBy('bank_ref')
      .execute();
    expect(receipts.map((row) => [row.bank_ref, row.status])).toEqual([
      ['S1', 'applied'],
      ['S2', 'suggested'],
      ['S3', 'applied'],
    ]);
    const overdrawn = await sql<{ n: number }>`
      select count(*)::int8 as n from open_items o join documents d
        on d.company_id = o.company_id and d.document_id = o.document_id
      where o.company_id = 'BATCH' and sign(o.open_minor) <> sign(d.amount_minor)`.execute(ctx.db);
    expect(Number(overdrawn.rows[0]?.n)).toBe(0);
  }, 120_000);
});
