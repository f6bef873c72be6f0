/**
 * Cash after application, on the database: a statement's return line bounces the receipt it sends
 * back (allocations reversed, invoice reopened, bounced-payment document, customer event), a
 * bounce entered by hand charges a fee, unapplied cash is aged, the month's bank reconciliation
 * lists every difference, and a FEC's customer accounts tie out with the sub-ledger — or show the
 * document that differs.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBouncedPayment } from '#app/cash/bounce';
import { importBankStatement } from '#app/cash/import-bank';
import { matchReceipts } from '#app/cash/match-receipts';
import { reconcileBankToLedger, reconcileLedgerToSubLedger } from '#app/cash/reconcile';
import { ledgerReconciliationExport, ledgerReferenceText } from '#app/cash/reconcile-export';
import { bounceReturns, listReturns } from '#app/cash/returns';
import { listUnappliedCash } from '#app/cash/unapplied';
import { ensureCompany } from '#app/companies/companies';
import { getCustomerFile } from '#app/customers/customers';
import { loadDataset } from '#app/demo/load-dataset';
import type { DomainError } from '#app/errors';
import { importFec } from '#app/fec/import-fec';
import type { LedgerDocument } from '#core/types';
import { customer } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

const invoice = (ref: string, customerCode: string, amountMinor: number): LedgerDocument => ({
  kind: 'invoice',
  source: 'erp',
  externalRef: ref,
  customerCode,
  issueDate: '2026-05-02',
  dueDate: '2026-06-01',
  valueDate: null,
  amountMinor,
  currency: 'EUR',
  label: null,
});

interface Line {
  ref: string;
  amount: string;
  debit?: boolean;
  date: string;
  name?: string;
  iban?: string;
  e2e?: string;
  text?: string;
  reason?: string;
}

function camt(id: string, lines: Line[]): string {
  const signed = (line: Line) => Math.round(Number(line.amount) * 100) * (line.debit ? -1 : 1);
  const total = lines.reduce((sum, line) => sum + signed(line), 0);
  const entries = lines.map(
    (
      l,
    ) => `<Ntry><Amt Ccy="EUR">${l.amount}</Amt><CdtDbtInd>${l.debit ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>${l.date}</Dt></BookgDt><AcctSvcrRef>${l.ref}</AcctSvcrRef><NtryDtls><TxDtls>
${l.e2e ? `<Refs><EndToEndId>${l.e2e}</EndToEndId></Refs>` : ''}
${l.name ? `<RltdPties><Dbtr><Nm>${l.name}</Nm></Dbtr>${l.iban ? `<DbtrAcct><Id><IBAN>${l.iban}</IBAN></Id></DbtrAcct>` : ''}</RltdPties>` : ''}
${l.text ? `<RmtInf><Ustrd>${l.text}</Ustrd></RmtInf>` : ''}
${l.reason ? `<RtrInf><Rsn><Cd>${l.reason}</Cd></Rsn></RtrInf>` : ''}</TxDtls></NtryDtls></Ntry>`,
  );
  const balance = (code: string, minor: number) =>
    `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${(Math.abs(minor) / 100).toFixed(2)}</Amt><CdtDbtInd>${minor < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2026-06-01</Dt></Dt></Bal>`;
  return `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>${id}</MsgId></GrpHdr><Stmt><Id>${id}</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
${balance('OPBD', 0)}${balance('CLBD', total)}${entries.join('\n')}</Stmt></BkToCstmrStmt></Document>`;
}

const PAYER_IBAN = 'FR7630004000031234567890143';
let database: TestDatabase;
let dir: string;
const ctx = () => database.context('CTRL', '2026-06-30');

async function importStatement(id: string, lines: Line[]) {
  const path = join(dir, `${id}.xml`);
  await writeFile(path, camt(id, lines));
  return importBankStatement(ctx(), { filePath: path });
}

async function openOf(code: string) {
  const file = await getCustomerFile(ctx(), code, '2026-06-30');
  return Object.fromEntries(file.openItems.map((item) => [item.externalRef, item.openMinor]));
}

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'encours-cash-control-'));
  await loadDataset(ctx(), {
    company: { code: 'CTRL', name: 'Contrôle SA', currency: 'EUR', asOf: '2026-06-30' },
    customers: [
      customer('C00001', { name: 'Dupont Distribution SARL' }),
      customer('C00002', { name: 'Vernhes et Fils SAS' }),
    ],
    documents: [
      invoice('F2026-000101', 'C00001', 120_000),
      invoice('F2026-000102', 'C00001', 45_000),
      invoice('F2026-000201', 'C00002', 30_000),
    ],
    allocations: [],
    orders: [],
    events: [],
    users: [],
  });
});
afterAll(async () => database?.close());

describe('bounced payments, unapplied cash and reconciliations', () => {
  it('queues the matching, then bounces the receipt a return line sends back', async () => {
    const imported = await importStatement('JUNE-1', [
      {
        ref: 'R1',
        amount: '1200.00',
        date: '2026-06-10',
        name: 'DUPONT DISTRIBUTION',
        iban: PAYER_IBAN,
        e2e: 'E2E-1',
        text: 'FACT F2026-000101',
      },
      { ref: 'R2', amount: '300.00', date: '2026-06-11', name: 'VERNHES ET FILS', text: 'F2026-000201' },
      { ref: 'R3', amount: '99.00', date: '2026-06-12', name: 'X' },
    ]);
    expect(imported.matchJobId).toEqual(expect.any(Number));
    const matched = await matchReceipts(ctx(), { auto: true });
    expect(matched).toMatchObject({ applied: 2, receipts: 3 });
    expect(await openOf('C00001')).toEqual({ 'F2026-000102': 45_000 });

    await importStatement('JUNE-2', [
      { ref: 'RET1', amount: '1200.00', debit: true, date: '2026-06-15', e2e: 'E2E-1', reason: 'AM04' },
    ]);
    const returns = await listReturns(ctx());
    expect(returns.items).toHaveLength(1);
    expect(returns.items[0]?.candidates[0]).toMatchObject({ confidence: 98, customerCode: 'C00001' });
    const outcome = await bounceReturns(ctx());
    expect(outcome.bounced).toMatchObject([
      {
        customerCode: 'C00001',
        bounceRef: 'IMP-BANK-1',
        amountMinor: 120_000,
        reversedAllocations: 1,
        feeMinor: 0,
      },
    ]);
    expect(await openOf('C00001')).toEqual({ 'F2026-000101': 120_000, 'F2026-000102': 45_000 });
    const file = await getCustomerFile(ctx(), 'C00001', '2026-06-30');
    expect(file.balanceMinor).toBe(165_000);
    const events = await ctx()
      .db.selectFrom('customer_events')
      .select(['kind', 'detail', 'document_ref'])
      .where('company_id', '=', 'CTRL')
      .where('kind', '=', 'bounced_payment')
      .execute();
    // French formats separate thousands and the euro sign with no-break spaces.
    expect(
      events.map((event) => ({ ...event, detail: event.detail.replace(/[\u00a0\u202f]/g, ' ') })),
    ).toEqual([
      {
        kind: 'bounced_payment',
        document_ref: 'IMP-BANK-1',
        detail: 'Règlement BANK-1 de 1 200,00 € revenu impayé (motif : provision insuffisante).',
      },
    ]);
  });

  it('records a bounce by hand with a fee, once', async () => {
    const bounce = await recordBouncedPayment(ctx(), {
      transactionId: 2,
      bounceDate: '2026-06-20',
      reason: 'chèque sans provision',
      feeMinor: 1_500,
    });
    expect(bounce).toMatchObject({ customerCode: 'C00002', amountMinor: 30_000, feeMinor: 1_500 });
    expect(await openOf('C00002')).toEqual({ 'F2026-000201': 30_000, 'FRAIS-IMP-BANK-2': 1_500 });
    await expect(recordBouncedPayment(ctx(), { transactionId: 2 })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('ages unapplied cash', async () => {
    const unapplied = await listUnappliedCash(ctx(), { asOf: '2026-06-30' });
    expect(unapplied.receipts.items.map((item) => [item.amountMinor, item.ageDays])).toEqual([[9_900, 18]]);
    expect(unapplied.aging).toEqual([expect.objectContaining({ currency: 'EUR', totalMinor: 9_900 })]);
    expect(unapplied.aging[0]?.buckets[0]).toMatchObject({ key: 'd0_30', bankMinor: 9_900, count: 1 });
  });

  it('reads as of the company’s reference date when no date is given, not the machine’s today', async () => {
    const later = database.context('CTRL', '2026-12-06');
    const unapplied = await listUnappliedCash(later, {});
    expect(unapplied.receipts.items.map((item) => item.ageDays)).toEqual([18]);
    const report = await reconcileBankToLedger(later, {});
    expect([report.from, report.to]).toEqual(['2026-06-01', '2026-06-30']);
  });

  it('reconciles the bank with the sub-ledger over the days the statements cover, differences explained', async () => {
    const report = await reconcileBankToLedger(ctx(), { asOf: '2026-06-30' });
    // The statements run from 1 to 15 June: the bounce entered by hand on the 20th is not compared.
    expect(report).toMatchObject({
      from: '2026-06-01',
      to: '2026-06-30',
      coverage: [{ accountKey: 'FR7630006000011234567890189', from: '2026-06-01', to: '2026-06-15' }],
      bankReceiptsMinor: 159_900,
      bankReturnsMinor: -120_000,
      ledgerPaymentsMinor: 150_000,
      ledgerBouncesMinor: -120_000,
      differenceMinor: 9_900,
    });
    expect(report.differences.map((line) => [line.code, line.amountMinor])).toEqual([
      ['bank_not_recorded', 9_900],
    ]);
    // A statement up to the 25th brings the 20th in: the bounce the bank never showed is listed.
    await importStatement('JUNE-3', [{ ref: 'R4', amount: '50.00', date: '2026-06-25', name: 'Y' }]);
    const later = await reconcileBankToLedger(ctx(), { asOf: '2026-06-30' });
    expect(later.coverage).toEqual([
      { accountKey: 'FR7630006000011234567890189', from: '2026-06-01', to: '2026-06-25' },
    ]);
    expect(later).toMatchObject({ ledgerBouncesMinor: -150_000, differenceMinor: 44_900 });
    expect(later.differences.map((line) => [line.code, line.amountMinor])).toEqual([
      ['bank_not_recorded', 9_900],
      ['bounce_not_in_bank', -30_000],
      ['bank_not_recorded', 5_000],
    ]);
  });

  it('compares nothing over days no statement covers', async () => {
    const report = await reconcileBankToLedger(ctx(), { from: '2026-06-26', asOf: '2026-07-31' });
    expect(report).toMatchObject({ coverage: [], differenceMinor: 0, differences: [], statements: [] });
    // A company whose ledger holds a June payment but no statement at all: no difference either.
    const other = database.context('NOSTMT', '2026-06-30');
    await loadDataset(other, {
      company: { code: 'NOSTMT', name: 'Sans relevé SA', currency: 'EUR', asOf: '2026-06-30' },
      customers: [customer('C00001', { name: 'Dupont Distribution SARL' })],
      documents: [
        invoice('F2026-000901', 'C00001', 10_000),
        {
          ...invoice('REG-000901', 'C00001', -10_000),
          kind: 'payment',
          issueDate: '2026-06-10',
          dueDate: '2026-06-10',
        },
      ],
      allocations: [],
      orders: [],
      events: [],
      users: [],
    });
    const none = await reconcileBankToLedger(other, { asOf: '2026-06-30' });
    expect(none).toMatchObject({ coverage: [], ledgerPaymentsMinor: 0, differenceMinor: 0, differences: [] });
  });
});

describe('general ledger to sub-ledger', () => {
  const HEADER =
    'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise';
  const entry = (num: number, account: string, aux: string, piece: string, debit: string, credit: string) =>
    `VE|Ventes|${num}|2026050${num}|${account}|Clients|${aux}|${aux ? `Client ${aux}` : ''}|${piece}|2026050${num}|Facture ${piece}|${debit}|${credit}|||20260531||`;
  const LINES = [
    entry(1, '411000', 'GL1', 'F1', '1200,00', '0,00'),
    entry(1, '706000', '', 'F1', '0,00', '1200,00'),
    entry(2, '411000', 'GL2', 'F2', '500,00', '0,00'),
    entry(2, '706000', '', 'F2', '0,00', '500,00'),
  ];
  const EXTRA = [
    entry(3, '411000', 'GL2', 'F3', '80,00', '0,00'),
    entry(3, '706000', '', 'F3', '0,00', '80,00'),
  ];
  const gl = () => database.context('GLREC', '2026-06-30');

  it('ties out on the FEC imported, and names the document the general ledger has more', async () => {
    const imported = join(dir, 'imported.txt');
    const later = join(dir, 'later.txt');
    await writeFile(imported, [HEADER, ...LINES].join('\n'));
    await writeFile(later, [HEADER, ...LINES, ...EXTRA].join('\n'));
    await ensureCompany(gl(), { companyId: 'GLREC', name: 'Grand livre SA' });
    await importFec(gl(), { filePath: imported });
    const same = await reconcileLedgerToSubLedger(gl(), { asOf: '2026-06-30', fecPath: imported });
    expect(same).toMatchObject({
      glMinor: 170_000,
      subLedgerMinor: 170_000,
      differenceMinor: 0,
      customers: 2,
    });
    expect(same.differences).toEqual([]);
    const more = await reconcileLedgerToSubLedger(gl(), { asOf: '2026-06-30', fecPath: later });
    expect(more).toMatchObject({ glMinor: 178_000, subLedgerMinor: 170_000, differenceMinor: 8_000 });
    expect(more.differences).toMatchObject([
      {
        customerCode: 'GL2',
        differenceMinor: 8_000,
        documents: [{ code: 'missing_in_subledger', glMinor: 8_000 }],
      },
    ]);
  });

  it('says a refused FEC stopped the reconciliation, one problem for a header it cannot split', async () => {
    const semicolons = join(dir, 'semicolons.txt');
    await writeFile(semicolons, [HEADER, ...LINES].map((row) => row.replace(/\|/g, ';')).join('\n'));
    const refused = await reconcileLedgerToSubLedger(gl(), { asOf: '2026-06-30', fecPath: semicolons }).then(
      () => null,
      (error: DomainError) => error,
    );
    expect(refused?.code).toBe('import_rejected');
    expect(refused?.message).toMatch(
      /^Le rapprochement n’a pas pu être fait\u00a0: semicolons\.txt refusé, 1 problème dans le FEC/,
    );
    expect(refused?.message).not.toMatch(/rien n’a été importé/);
    const details = refused?.details as { errors: { code: string }[] } | undefined;
    expect(details?.errors.map((one) => one.code)).toEqual(['fec_header_unreadable']);
  });

  it('explains a gap by the documents open at the date, never by those settled on both sides', async () => {
    const old = database.context('GLOPEN', '2026-06-30');
    await loadDataset(old, {
      company: { code: 'GLOPEN', name: 'Ouvertes SA', currency: 'EUR', asOf: '2026-06-30' },
      customers: [customer('C00001', { name: 'Dupont Distribution SARL' })],
      documents: [
        { ...invoice('F2023-000001', 'C00001', 765_082), issueDate: '2023-03-01', dueDate: '2023-04-01' },
        {
          ...invoice('CHQ-2023-0001', 'C00001', -765_082),
          kind: 'payment',
          issueDate: '2023-04-02',
          dueDate: '2023-04-02',
        },
        invoice('F2026-000300', 'C00001', 50_000),
      ],
      allocations: [
        {
          debitRef: 'F2023-000001',
          creditRef: 'CHQ-2023-0001',
          amountMinor: 765_082,
          allocationDate: '2023-04-02',
        },
      ],
      orders: [],
      events: [],
      users: [],
    });
    // The FEC: the open invoice, one more, and an invoice lettered with its payment in May.
    const line = (
      journal: string,
      num: number,
      account: string,
      aux: string,
      piece: string,
      amount: string,
    ) => {
      const [debit, credit] = amount.startsWith('-') ? ['0,00', amount.slice(1)] : [amount, '0,00'];
      const letter = piece === 'F2026-000299' ? 'A|20260520' : '|';
      return `${journal}|${journal === 'VE' ? 'Ventes' : 'Banque'}|${num}|2026050${num}|${account}|Clients|${aux}|${aux ? 'Dupont' : ''}|${piece}|2026050${num}|Facture ${piece}|${debit}|${credit}|${letter}|20260531||`;
    };
    const fec = join(dir, 'open.txt');
    await writeFile(
      fec,
      [
        HEADER,
        line('VE', 1, '411000', 'C00001', 'F2026-000300', '500,00'),
        line('VE', 1, '706000', '', 'F2026-000300', '-500,00'),
        line('VE', 3, '411000', 'C00001', 'F2026-000301', '80,00'),
        line('VE', 3, '706000', '', 'F2026-000301', '-80,00'),
        line('VE', 2, '411000', 'C00001', 'F2026-000299', '100,00'),
        line('VE', 2, '706000', '', 'F2026-000299', '-100,00'),
        line('BQ', 4, '411000', 'C00001', 'F2026-000299', '-100,00'),
        line('BQ', 4, '512000', '', 'F2026-000299', '100,00'),
      ].join('\n'),
    );
    const report = await reconcileLedgerToSubLedger(old, { asOf: '2026-06-30', fecPath: fec });
    expect(report).toMatchObject({ glMinor: 58_000, subLedgerMinor: 50_000, differenceMinor: 8_000 });
    const listed = report.differences.flatMap((one) => one.documents);
    // The FEC's keys are not the invoice numbers: both open invoices of the FEC, and the open one of
    // Encours; not the 2023 invoice and its cheque, nor the FEC's invoice lettered with its payment.
    expect(listed.map((doc) => [doc.code, doc.differenceMinor]).sort()).toEqual([
      ['missing_in_gl', -50_000],
      ['missing_in_subledger', 50_000],
      ['missing_in_subledger', 8_000],
    ]);
    const words = listed.map((doc) => ledgerReferenceText('fr', report, doc.ref)).sort();
    expect(words).toEqual([
      'F2026-000300',
      'Pièce F2026-000300 — journal VE, écriture n°\u00a01 du 01/05/2026',
      'Pièce F2026-000301 — journal VE, écriture n°\u00a03 du 03/05/2026',
    ]);
    const exported = ledgerReconciliationExport(report, {
      lang: 'fr',
      company: { name: 'Ouvertes SA', addressLines: [] },
      printedOn: '2026-06-30',
    });
    expect(exported.table.rows.map((row) => row[1])).toEqual(['', ...words]);
  });
});
