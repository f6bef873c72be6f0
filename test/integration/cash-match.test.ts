/**
 * Cash application on the database: receipts of a bank statement matched to customers and
 * invoices — applied above the threshold through the ledger's allocations, suggested below —,
 * a person's correction teaching the payer so that the next receipt from it is applied, a
 * reversal giving the invoice back its open amount, and a group receipt (a parent paying two
 * subsidiaries with one transfer) applied to both, reversed, then split by a person, and at last
 * sent back by the bank: it bounces as a whole, whichever of its payments is named.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBouncedPayment } from '#app/cash/bounce';
import { acceptSuggestion, correctMatch, reverseMatch } from '#app/cash/decisions';
import { importBankStatement } from '#app/cash/import-bank';
import { matchReceipts } from '#app/cash/match-receipts';
import { listReceipts } from '#app/cash/receipts';
import { reconcileBankToLedger } from '#app/cash/reconcile';
import { listReturns } from '#app/cash/returns';
import { splitReceipt } from '#app/cash/split-receipt';
import { getCustomerFile } from '#app/customers/customers';
import { loadDataset } from '#app/demo/load-dataset';
import type { LedgerDocument } from '#core/types';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const invoice = (
  ref: string,
  customerCode: string,
  amountMinor: number,
  issueDate = '2026-04-01',
): LedgerDocument => ({
  kind: 'invoice',
  source: 'erp',
  externalRef: ref,
  customerCode,
  issueDate,
  dueDate: '2026-05-31',
  valueDate: null,
  amountMinor,
  currency: 'EUR',
  label: null,
});

interface Receipt {
  ref: string;
  amount: string;
  name: string;
  iban?: string;
  text: string;
  /** A return line (money out, with the bank's reason code). */
  returned?: string;
}

let statementNumber = 0;
function statement(receipts: Receipt[]): string {
  statementNumber++;
  const total = receipts.reduce(
    (sum, receipt) => sum + Math.round(Number(receipt.amount) * 100) * (receipt.returned ? -1 : 1),
    0,
  );
  const entries = receipts
    .map(
      (
        r,
      ) => `<Ntry><Amt Ccy="EUR">${r.amount}</Amt><CdtDbtInd>${r.returned ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-06-1${statementNumber}</Dt></BookgDt>
<AcctSvcrRef>${r.ref}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${r.name}</Nm></Dbtr>${r.iban ? `<DbtrAcct><Id><IBAN>${r.iban}</IBAN></Id></DbtrAcct>` : ''}</RltdPties>
<RmtInf><Ustrd>${r.text}</Ustrd></RmtInf>${r.returned ? `<RtrInf><Rsn><Cd>${r.returned}</Cd></Rsn></RtrInf>` : ''}</TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>M${statementNumber}</MsgId></GrpHdr>
<Stmt><Id>ST${statementNumber}</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-06-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${(Math.abs(total) / 100).toFixed(2)}</Amt><CdtDbtInd>${total < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2026-06-30</Dt></Dt></Bal>
${entries}</Stmt></BkToCstmrStmt></Document>`;
}

const PAYER_IBAN = 'FR7630004000031234567890143';
let database: TestDatabase;
let dir: string;
const ctx = () => database.context('CASH');

async function importReceipts(receipts: Receipt[]) {
  const path = join(dir, `statement-${statementNumber + 1}.xml`);
  await writeFile(path, statement(receipts));
  return importBankStatement(ctx(), { filePath: path });
}

async function openOf(code: string) {
  const file = await getCustomerFile(ctx(), code, '2026-06-30');
  return Object.fromEntries(
    file.openItems
      .filter((item) => item.kind === 'invoice')
      .map((item) => [item.externalRef, item.openMinor]),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'encours-cash-match-'));
  await loadDataset(ctx(), {
    company: { code: 'CASH', name: 'Cash SA', currency: 'EUR', asOf: '2026-06-30' },
    customers: [
      customer('C00001', { name: 'Dupont Distribution SARL' }),
      customer('C00002', { name: 'Vernhes et Fils SAS' }),
      customer('C00003', { name: 'Boulangerie Martin' }),
      customer('C00004', { name: 'Quincaillerie Lemoine' }),
      customer('G00001', { name: 'Holding Garnier SA' }),
      customer('C00005', { name: 'Garnier Lyon', groupCode: 'G00001' }),
      customer('C00006', { name: 'Garnier Lille', groupCode: 'G00001' }),
    ],
    documents: [
      invoice('F2026-000101', 'C00001', 120_000),
      invoice('F2026-000102', 'C00001', 45_000),
      invoice('F2026-000201', 'C00002', 30_000, '2026-03-01'),
      invoice('F2026-000202', 'C00002', 20_000),
      invoice('F2026-000301', 'C00003', 77_700),
      invoice('F2026-000302', 'C00003', 15_000),
      invoice('F2026-000401', 'C00004', 33_300),
      invoice('F2026-000501', 'C00005', 60_000),
      invoice('F2026-000601', 'C00006', 25_000),
    ],
    allocations: [],
    orders: [],
    events: [],
    users: [],
  });
});
afterAll(async () => database?.close());

describe('cash application', () => {
  it('applies what it recognises and suggests the rest', async () => {
    await importReceipts([
      { ref: 'A1', amount: '1200.00', name: 'DUPONT DISTRIBUTION', text: 'FACT F2026-000101' },
      { ref: 'A2', amount: '500.00', name: 'VERNES ET FILS', text: 'REGLEMENT AVRIL' },
      { ref: 'A3', amount: '333.00', name: 'REMISE CHQ 1234567', text: '' },
      { ref: 'A4', amount: '777.00', name: 'SCI LES TILLEULS', iban: PAYER_IBAN, text: 'LOYER' },
    ]);
    const summary = await matchReceipts(ctx(), { auto: true });
    const outcome = Object.fromEntries(
      summary.items.map((item) => [
        item.invoices.join('+') || item.transactionId,
        [item.outcome, item.customerCode, item.method],
      ]),
    );
    expect(outcome).toEqual({
      'F2026-000101': ['applied', 'C00001', 'references'],
      'F2026-000201+F2026-000202': ['applied', 'C00002', 'combination'],
      'F2026-000401': ['suggested', 'C00004', 'exact_amount'],
      'F2026-000301': ['suggested', 'C00003', 'exact_amount'],
    });
    expect(await openOf('C00001')).toEqual({ 'F2026-000102': 45_000 });
    expect(await openOf('C00002')).toEqual({});
    const applied = await listReceipts(ctx(), { view: 'applied' });
    expect(
      applied.items.map((item) => [
        item.customerCode,
        item.decision?.decision,
        item.decision?.confidence,
        item.applications.flatMap((a) => a.items.map((line) => [line.ref, line.amountMinor])),
      ]),
    ).toEqual([
      [
        'C00002',
        'auto',
        expect.any(Number),
        [
          ['F2026-000201', 30_000],
          ['F2026-000202', 20_000],
        ],
      ],
      ['C00001', 'auto', expect.any(Number), [['F2026-000101', 120_000]]],
    ]);
    const waiting = await listReceipts(ctx(), { view: 'to_apply' });
    // Newest first; nothing but their amounts points to a customer, so both wait for a person.
    expect(waiting.items.map((item) => [item.counterpartyName, item.suggestions[0]?.confidence])).toEqual([
      ['SCI LES TILLEULS', 72],
      ['REMISE CHQ 1234567', 72],
    ]);
    expect(waiting.items[0]?.suggestions[0]?.evidence).toContainEqual({ code: 'amount_only' });
  });

  it('a person corrects a suggestion; the next receipt from that payer is applied with more confidence', async () => {
    const waiting = await listReceipts(ctx(), { view: 'to_apply' });
    const tilleuls = waiting.items.find((item) => item.counterpartyName === 'SCI LES TILLEULS');
    const before = tilleuls?.suggestions[0]?.confidence ?? 0;
    await correctMatch(ctx(), {
      transactionId: tilleuls?.transactionId ?? 0,
      customerCode: 'C00003',
      documentRefs: ['F2026-000301'],
    });
    expect(await openOf('C00003')).toEqual({ 'F2026-000302': 15_000 });
    await importReceipts([
      { ref: 'B1', amount: '150.00', name: 'SCI LES TILLEULS', iban: PAYER_IBAN, text: 'LOYER JUIN' },
    ]);
    const next = await matchReceipts(ctx(), { auto: true });
    const learned = next.items.find((item) => item.amountMinor === 15_000);
    expect(learned).toMatchObject({ outcome: 'applied', customerCode: 'C00003', invoices: ['F2026-000302'] });
    expect(learned?.confidence ?? 0).toBeGreaterThan(before);
  });

  it('accepting a suggestion applies it; reversing a match reopens the invoice', async () => {
    const waiting = await listReceipts(ctx(), { view: 'to_apply' });
    const cheque = waiting.items.find((item) => item.counterpartyName === 'REMISE CHQ 1234567');
    await acceptSuggestion(ctx(), { transactionId: cheque?.transactionId ?? 0 });
    expect(await openOf('C00004')).toEqual({});
    // The applied list says what was settled and how: a suggestion at 72 % that a person accepted.
    const applied = (await listReceipts(ctx(), { view: 'applied' })).items.find(
      (item) => item.transactionId === cheque?.transactionId,
    );
    expect(applied?.applications.map((a) => [a.customerCode, a.items])).toEqual([
      [
        'C00004',
        [{ documentId: expect.any(Number), ref: 'F2026-000401', kind: 'invoice', amountMinor: 33_300 }],
      ],
    ]);
    expect(applied?.decision).toMatchObject({ decision: 'accepted', confidence: 72, decidedBy: 'test' });
    const reversed = await reverseMatch(ctx(), { transactionId: cheque?.transactionId ?? 0 });
    expect(await openOf('C00004')).toEqual({ 'F2026-000401': 33_300 });
    const file = await getCustomerFile(ctx(), 'C00004', '2026-06-30');
    expect(file.balanceMinor).toBe(33_300);
    // It waits again with its suggestions made anew: the invoice it reopened, the payer's name now
    // known from the acceptance (more confidence than before).
    expect(reversed.suggestions).toBe(1);
    const again = await listReceipts(ctx(), { view: 'to_apply' });
    expect(again.items.map((item) => [item.counterpartyName, item.status])).toEqual([
      ['REMISE CHQ 1234567', 'suggested'],
    ]);
    const [suggestion] = again.items[0]?.suggestions ?? [];
    expect([suggestion?.customerCode, suggestion?.confidence, suggestion?.method]).toEqual([
      'C00004',
      88,
      'exact_amount',
    ]);
    expect(suggestion?.invoices.map((line) => [line.ref, line.amountMinor])).toEqual([
      ['F2026-000401', 33_300],
    ]);
    expect(again.items[0]?.decision).toBeNull();
  });
});

describe('a group receipt', () => {
  const balanceOf = async (code: string) => (await getCustomerFile(ctx(), code, '2026-06-30')).balanceMinor;

  it('one transfer from the parent pays two subsidiaries: one payment each; reversed, then split by hand', async () => {
    await importReceipts([
      { ref: 'G1', amount: '850.00', name: 'HOLDING GARNIER', text: 'FACT F2026-000501 F2026-000601' },
    ]);
    const summary = await matchReceipts(ctx(), { auto: true });
    const grouped = summary.items.find((item) => item.amountMinor === 85_000);
    expect(grouped).toMatchObject({
      outcome: 'applied',
      customerCode: 'G00001',
      method: 'group',
      confidence: 97,
      invoices: ['F2026-000501', 'F2026-000601'],
    });
    const id = grouped?.transactionId ?? 0;
    expect([await openOf('C00005'), await openOf('C00006')]).toEqual([{}, {}]);
    const payments = await ctx()
      .db.selectFrom('documents')
      .select(['external_ref', 'customer_code', 'amount_minor'])
      .where('company_id', '=', 'CASH')
      .where('external_ref', 'like', `BANK-${id}/%`)
      .orderBy('external_ref')
      .execute();
    expect(payments).toEqual([
      { external_ref: `BANK-${id}/C00005`, customer_code: 'C00005', amount_minor: -60_000 },
      { external_ref: `BANK-${id}/C00006`, customer_code: 'C00006', amount_minor: -25_000 },
    ]);
    const applied = (await listReceipts(ctx(), { view: 'applied' })).items.find(
      (i) => i.transactionId === id,
    );
    expect(applied?.applications.map((a) => [a.customerCode, a.amountMinor])).toEqual([
      ['C00005', 60_000],
      ['C00006', 25_000],
    ]);

    await reverseMatch(ctx(), { transactionId: id });
    expect([await openOf('C00005'), await openOf('C00006')]).toEqual([
      { 'F2026-000501': 60_000 },
      { 'F2026-000601': 25_000 },
    ]);
    expect([await balanceOf('C00005'), await balanceOf('C00006'), await balanceOf('G00001')]).toEqual([
      60_000, 25_000, 0,
    ]);

    // Split by hand: C00006 gets more than it owes, the rest stays unapplied on its account.
    await expect(
      splitReceipt(ctx(), {
        transactionId: id,
        parts: [
          { customerCode: 'C00005', amountMinor: 50_000, documentRefs: ['F2026-000501'] },
          { customerCode: 'C00006', amountMinor: 30_000, documentRefs: ['F2026-000601'] },
        ],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const split = await splitReceipt(ctx(), {
      transactionId: id,
      parts: [
        { customerCode: 'C00005', amountMinor: 50_000, documentRefs: ['F2026-000501'] },
        { customerCode: 'C00006', amountMinor: 35_000, documentRefs: ['F2026-000601'] },
      ],
    });
    expect(split.paymentDocumentIds).toHaveLength(2);
    expect([await openOf('C00005'), await openOf('C00006')]).toEqual([{ 'F2026-000501': 10_000 }, {}]);
    expect([await balanceOf('C00005'), await balanceOf('C00006')]).toEqual([10_000, -10_000]);
    const taught = await ctx()
      .db.selectFrom('cash_payers')
      .select(['payer_kind', 'customer_code'])
      .where('company_id', '=', 'CASH')
      .where('payer_value', '=', 'HOLDING GARNIER')
      .execute();
    expect(taught).toEqual([{ payer_kind: 'name', customer_code: 'G00001' }]);
    const bank = await reconcileBankToLedger(ctx(), { asOf: '2026-06-30' });
    expect(
      bank.differences.filter((d) => d.transactionId === id || d.documentRef?.startsWith(`BANK-${id}`)),
    ).toEqual([]);

    await reverseMatch(ctx(), { transactionId: id });
    expect([await balanceOf('C00005'), await balanceOf('C00006')]).toEqual([60_000, 25_000]);
  });
  it('a group receipt the bank sends back bounces as a whole, whichever of its payments is named', async () => {
    const again = await matchReceipts(ctx(), { auto: true });
    const grouped = again.items.find((item) => item.amountMinor === 85_000);
    expect(grouped).toMatchObject({ outcome: 'applied', customerCode: 'G00001', method: 'group' });
    const id = grouped?.transactionId ?? 0;
    expect([await openOf('C00005'), await openOf('C00006')]).toEqual([{}, {}]);
    await importReceipts([
      { ref: 'G1-RET', amount: '850.00', name: 'HOLDING GARNIER', text: 'RETOUR', returned: 'AC04' },
    ]);
    const returnLine = (await listReturns(ctx())).items.find((line) => line.amountMinor === -85_000);
    // The payments in force (the line's third application, after two reversals).
    const inForce = await ctx()
      .db.selectFrom('cash_applications as a')
      .innerJoin('documents as d', (join) =>
        join.onRef('d.company_id', '=', 'a.company_id').onRef('d.document_id', '=', 'a.payment_document_id'),
      )
      .select('d.external_ref')
      .where('a.company_id', '=', 'CASH')
      .where('a.transaction_id', '=', id)
      .where('a.reversed_by_decision_id', 'is', null)
      .orderBy('a.application_id')
      .execute();
    const [lyon, lille] = inForce.map((row) => row.external_ref);
    expect([lyon, lille]).toEqual([`BANK-${id}-3/C00005`, `BANK-${id}-3/C00006`]);
    // One part named, with the line's return: both payments come back, the fee once, to the payer.
    const bounce = await recordBouncedPayment(ctx(), {
      paymentRef: lille ?? '',
      returnTransactionId: returnLine?.transactionId ?? 0,
      bounceDate: '2026-06-30',
      feeMinor: 1_000,
    });
    expect(bounce).toMatchObject({
      customerCode: 'G00001',
      amountMinor: 85_000,
      reversedAllocations: 2,
      feeMinor: 1_000,
    });
    expect(bounce.parts.map((part) => [part.customerCode, part.bounceRef, part.amountMinor])).toEqual([
      ['C00005', `IMP-${lyon}`, 60_000],
      ['C00006', `IMP-${lille}`, 25_000],
    ]);
    expect([await openOf('C00005'), await openOf('C00006')]).toEqual([
      { 'F2026-000501': 60_000 },
      { 'F2026-000601': 25_000 },
    ]);
    expect([await balanceOf('C00005'), await balanceOf('C00006'), await balanceOf('G00001')]).toEqual([
      60_000, 25_000, 1_000,
    ]);
    const lines = await ctx()
      .db.selectFrom('bank_transactions')
      .select(['transaction_id', 'status'])
      .where('company_id', '=', 'CASH')
      .where('transaction_id', 'in', [id, returnLine?.transactionId ?? 0])
      .orderBy('transaction_id')
      .execute();
    expect(lines.map((line) => line.status)).toEqual(['bounced', 'bounced']);
    const events = await ctx()
      .db.selectFrom('customer_events')
      .select(['customer_code', 'document_ref'])
      .where('company_id', '=', 'CASH')
      .where('kind', '=', 'bounced_payment')
      .orderBy('customer_code')
      .execute();
    expect(events).toEqual([
      { customer_code: 'C00005', document_ref: `IMP-${lyon}` },
      { customer_code: 'C00006', document_ref: `IMP-${lille}` },
    ]);
    // The return line is one line for the bank: it ties out with both bounced payments.
    const bank = await reconcileBankToLedger(ctx(), { asOf: '2026-06-30' });
    expect(
      bank.differences.filter(
        (d) =>
          d.transactionId === id ||
          d.transactionId === returnLine?.transactionId ||
          d.documentRef?.startsWith(`IMP-BANK-${id}-3`),
      ),
    ).toEqual([]);
    // Named by the line or by the other part, it is already back.
    await expect(recordBouncedPayment(ctx(), { transactionId: id })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(recordBouncedPayment(ctx(), { paymentRef: lyon ?? '' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});
