/**
 * The demo statement the cash page offers (app/cash/demo-statement.ts, routes/cash-demo.ts). On the
 * demo company, while no statement is imported: it is offered, its file is the camt.053 of `encours
 * demo --bank-month`, and importing it goes through the bank import — every receipt stored, audited,
 * the matching job queued, which applies most receipts and proposes customers and invoices for
 * others; a second import adds nothing. The statement also holds the ledger's own June payments as
 * the bank booked them: the job links them to those payments, so the June bank reconciliation
 * lists none as recorded but not in the bank — even those whose payer's name is misspelt, their
 * text naming the invoice as « 1446 DU 2026 »; a bank line the matching only suggested as a
 * recorded payment would be paired by one click. A company that is not the demo's is refused, worded from the
 * catalogue; a collector, who may not import statements, may not import it either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBankMonth } from '#app/cash/demo-receipts';
import { silentLogger } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { createJobRunner } from '#app/jobs/runner';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { customer } from '../scenarios/ledger-builder.ts';
import { ledgerDocument } from '../support/ledger-document.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, type Session, signIn } from './http-fixture.ts';

const FILE_NAME = 'releve-demo-cb2c-2026-06.xml';

let database: TestDatabase;
let app: ApiServer;
let manager: Session;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  app = await buildServer(database.runtime, { webRoot: null });
  manager = await signIn(app, 'claire.moreau@cb2c.example');
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (method: 'GET' | 'POST', url: string, session = manager, payload?: object) =>
  app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

async function runJob(jobId: number): Promise<void> {
  const runtime = database.runtime;
  const runner = createJobRunner({
    db: runtime.handle.db,
    log: silentLogger,
    contextFor: (companyId, actor) => runtime.contextFor(companyId, actor),
  });
  await runner.runNext({ jobId });
}

const receipts = async (view: string) =>
  (await call('GET', `/api/cash/receipts?view=${view}&limit=500`)).json() as {
    total: number;
    items: { suggestions: { customerCode: string; invoices: { ref: string }[] }[] }[];
  };

const importAudits = () =>
  database.runtime.handle.db
    .selectFrom('audit_log')
    .select(['actor', 'entity_key'])
    .where('company_id', '=', 'CB2C')
    .where('action', '=', 'bank.import')
    .execute();

describe('the demo statement on the demo company', () => {
  it('is offered while no statement is imported, as the file `encours demo --bank-month` writes', async () => {
    const offer = await call('GET', '/api/cash/demo-statement');
    expect(offer.statusCode).toBe(200);
    expect(offer.json()).toEqual({
      statementsImported: 0,
      available: true,
      fileName: FILE_NAME,
      fromDate: '2026-06-01',
      toDate: '2026-06-30',
    });
    const file = await call('GET', '/api/cash/demo-statement/file');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${FILE_NAME}"`);
    expect(file.body).toBe(demoBankMonth().camt);
  });

  it('is not for a collector, who may not import a statement', async () => {
    const collector = await signIn(app, 'julien.petit@cb2c.example');
    expect((await call('POST', '/api/cash/demo-statement/import', collector)).statusCode).toBe(403);
    expect((await call('GET', '/api/cash/demo-statement/file', collector)).statusCode).toBe(403);
    expect((await call('GET', '/api/cash/demo-statement', collector)).statusCode).toBe(200);
  });

  it('imports as a bank statement: receipts stored, audited, matched by the job into applied and proposed', async () => {
    const response = await call('POST', '/api/cash/demo-statement/import');
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    const count = demoBankMonth().receipts.length;
    expect(summary).toMatchObject({
      file: FILE_NAME,
      format: 'camt.053',
      transactionsInserted: count,
      transactionsAlreadyKnown: 0,
      receiptsToApply: count,
      statements: [{ statementRef: 'CB2C-2026-06', alreadyImported: false, fromDate: '2026-06-01' }],
    });
    expect(summary.matchJobId).toEqual(expect.any(Number));
    expect(await importAudits()).toEqual([{ actor: 'claire.moreau@cb2c.example', entity_key: FILE_NAME }]);
    expect((await receipts('to_apply')).total).toBe(count);

    await runJob(summary.matchJobId);
    const applied = await receipts('applied');
    const waiting = await receipts('to_apply');
    expect(applied.total + waiting.total).toBe(count);
    expect(applied.total).toBeGreaterThan(100);
    const proposed = waiting.items.filter((item) => item.suggestions.length > 0);
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.some((item) => (item.suggestions[0]?.invoices.length ?? 0) > 0)).toBe(true);
    expect((await call('GET', '/api/cash/demo-statement')).json()).toMatchObject({
      statementsImported: 1,
      available: true,
    });
  }, 300_000);

  it('leaves a June reconciliation without false gaps: recorded payments paired with their bank lines', async () => {
    const reconcile = async () =>
      (await call('GET', '/api/cash/reconcile/bank')).json() as {
        from: string;
        to: string;
        differences: { code: string; documentRef: string | null; transactionId: number | null }[];
      };
    const linesOf = (report: Awaited<ReturnType<typeof reconcile>>, code: string) =>
      report.differences.filter((line) => line.code === code);
    const before = await reconcile();
    expect([before.from, before.to]).toEqual(['2026-06-01', '2026-06-30']);
    // The bank lines the matching only suggested as a recorded payment: what stays apart, both sides.
    const waiting = (await receipts('to_apply')).items as unknown as {
      transactionId: number;
      suggestions: { method: string; evidence: { code: string; ref?: string }[] }[];
    }[];
    const suggestedAsRecorded = waiting.filter((item) => item.suggestions[0]?.method === 'recorded');
    const suggestedRefs = suggestedAsRecorded.map(
      (item) => item.suggestions[0]?.evidence.find((clue) => clue.code === 'recorded_payment')?.ref,
    );
    expect(suggestedAsRecorded.length).toBe(0);
    expect(linesOf(before, 'recorded_not_in_bank').map((line) => line.documentRef)).toEqual(
      expect.arrayContaining(suggestedRefs),
    );
    expect(linesOf(before, 'recorded_not_in_bank')).toHaveLength(suggestedRefs.length);
    expect(linesOf(before, 'bank_not_recorded').map((line) => line.transactionId)).toEqual(
      expect.arrayContaining(waiting.map((item) => item.transactionId)),
    );
    expect(linesOf(before, 'bank_not_recorded')).toHaveLength(waiting.length);

    for (const item of suggestedAsRecorded)
      expect(
        (await call('POST', `/api/cash/receipts/${item.transactionId}/accept`, manager, {})).statusCode,
      ).toBe(200);
    const after = await reconcile();
    expect(linesOf(after, 'recorded_not_in_bank')).toEqual([]);
    expect(linesOf(after, 'bank_not_recorded')).toHaveLength(waiting.length - suggestedAsRecorded.length);
    // Left apart on purpose: the cheque of May that bounced on 2 June (IMP2026-0003), whose return the statement does not carry.
    expect(linesOf(after, 'bounce_not_in_bank').map((line) => line.documentRef)).toEqual(['IMP2026-0003']);
    expect(after.differences).toHaveLength(waiting.length - suggestedAsRecorded.length + 1);
  }, 120_000);

  it('adds nothing when imported again', async () => {
    const before = [(await receipts('applied')).total, (await receipts('to_apply')).total];
    const response = await call('POST', '/api/cash/demo-statement/import');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      transactionsInserted: 0,
      transactionsAlreadyKnown: demoBankMonth().receipts.length,
      receiptsToApply: 0,
      matchJobId: null,
      statements: [{ alreadyImported: true }],
    });
    expect([(await receipts('applied')).total, (await receipts('to_apply')).total]).toEqual(before);
    expect((await call('GET', '/api/cash/demo-statement')).json()).toMatchObject({ statementsImported: 1 });
  });
});

describe('the demo statement elsewhere', () => {
  let other: { database: TestDatabase; app: ApiServer };
  beforeAll(async () => {
    other = await openHttpFixture();
    // A company coded CB2C that is not the demo: one invoice the demo's month pays, under the demo's
    // own source, is not the demo's ledger.
    await loadDataset(
      { ...other.database.context('CB2C'), actor: 'test' },
      {
        company: { code: 'CB2C', name: 'Homonyme SA', currency: 'EUR', asOf: '2026-06-30' },
        customers: [customer('C00294')],
        documents: [
          ledgerDocument('invoice', 'F2026-001355', 'C00294', '2026-05-02', '2026-06-01', 798_446, 'demo'),
        ],
        allocations: [],
        orders: [],
        events: [],
        users: [{ email: 'claire@homonyme.test', name: 'Claire', role: 'credit_manager', salesperson: null }],
      },
    );
  });
  afterAll(async () => {
    await other?.app.close();
    await other?.database.close();
  });

  it.each([
    ['WEB', 'claire@web.test'],
    ['CB2C', 'claire@homonyme.test'],
  ])('is not offered to company %s, and refused with the catalogue’s words', async (company, email) => {
    const session = await signIn(other.app, email);
    const ask = (method: 'GET' | 'POST', url: string) =>
      other.app.inject({ method, url, headers: { ...session.headers, 'accept-language': 'fr' } });
    expect((await ask('GET', '/api/cash/demo-statement')).json()).toEqual({
      statementsImported: 0,
      available: false,
      fileName: FILE_NAME,
      fromDate: null,
      toDate: null,
    });
    const refused = `Le relevé de démonstration n’existe que pour la société de démonstration SA CB2C\u00a0: la société ${company} n’a pas les factures qu’il règle`;
    for (const [method, url] of [
      ['GET', '/api/cash/demo-statement/file'],
      ['POST', '/api/cash/demo-statement/import'],
    ] as const) {
      const response = await ask(method, url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found', detail: refused });
    }
    const statements = await other.database.runtime.handle.db
      .selectFrom('bank_statements')
      .select('statement_id')
      .execute();
    expect(statements).toEqual([]);
  });
});
