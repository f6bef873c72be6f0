/**
 * Bank statement import on the database: idempotent, overlapping statements share their entries,
 * an unknown account is created with a notice, a statement that does not add up or a file with
 * a DTD is rejected with nothing written, and the HTTP upload runs the same use case.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBankStatement } from '#app/cash/import-bank';
import { DomainError } from '#app/errors';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { openHttpFixture, type Session, signIn } from './http-fixture.ts';

interface Line {
  ref: string;
  amount: string;
  date: string;
  name?: string;
  text?: string;
}

function camt(id: string, opening: string, closing: string, lines: Line[]): string {
  const entries = lines
    .map(
      (
        line,
      ) => `<Ntry><Amt Ccy="EUR">${line.amount.replace('-', '')}</Amt><CdtDbtInd>${line.amount.startsWith('-') ? 'DBIT' : 'CRDT'}</CdtDbtInd><Sts>BOOK</Sts>
  <BookgDt><Dt>${line.date}</Dt></BookgDt><AcctSvcrRef>${line.ref}</AcctSvcrRef>
  <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>${line.name ?? 'CLIENT 3'}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>${line.text ?? ''}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>${id}</MsgId></GrpHdr>
<Stmt><Id>${id}</Id><Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${opening}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-04-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-04-30</Dt></Dt></Bal>
${entries}</Stmt></BkToCstmrStmt></Document>`;
}

const FIRST = camt('S1', '1000.00', '3600.00', [
  { ref: 'R1', amount: '2500.00', date: '2026-04-10', text: 'FACTURE F1' },
  { ref: 'R2', amount: '100.00', date: '2026-04-11' },
]);
// Overlaps the first: R2 again, then one new entry.
const SECOND = camt('S2', '3500.00', '3550.00', [
  { ref: 'R2', amount: '100.00', date: '2026-04-11' },
  { ref: 'R3', amount: '-50.00', date: '2026-04-12' },
]);

let database: TestDatabase;
let app: ApiServer;
let manager: Session;
let dir: string;

const file = async (name: string, text: string) => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};
const ctx = () => database.context('WEB');

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  manager = await signIn(app, 'claire@web.test');
  dir = await mkdtemp(join(tmpdir(), 'encours-cash-'));
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('bank statement import', () => {
  it('creates the unknown account with a notice and stores each transaction once', async () => {
    const summary = await importBankStatement(ctx(), { filePath: await file('s1.xml', FIRST), lang: 'en' });
    expect(summary).toMatchObject({
      format: 'camt.053',
      transactionsInserted: 2,
      transactionsAlreadyKnown: 0,
      receiptsToApply: 2,
      statements: [
        {
          account: 'FR7630006000011234567890189',
          openingMinor: 100_000,
          closingMinor: 360_000,
          accountCreated: true,
        },
      ],
    });
    expect(summary.notices.map((notice) => notice.message)).toEqual([
      'Bank account FR7630006000011234567890189 was unknown: created.',
    ]);
    const again = await importBankStatement(ctx(), { filePath: await file('s1-again.xml', FIRST) });
    expect(again).toMatchObject({ transactionsInserted: 0, transactionsAlreadyKnown: 2, receiptsToApply: 0 });
    expect(again.notices.map((notice) => notice.code)).toEqual(['statementKnown']);
  });

  it('an overlapping statement adds only the entries not seen before', async () => {
    const summary = await importBankStatement(ctx(), { filePath: await file('s2.xml', SECOND) });
    expect(summary).toMatchObject({ transactionsInserted: 1, transactionsAlreadyKnown: 1 });
    expect(summary.statements[0]?.transactions.map((t) => [t.bankRef, t.isNew, t.direction])).toEqual([
      ['R2', false, 'receipt'],
      ['R3', true, 'outgoing'],
    ]);
  });

  it('rejects a statement that does not add up, naming the figures, and writes nothing', async () => {
    const bad = camt('S3', '0.00', '10.00', [{ ref: 'R9', amount: '9.99', date: '2026-04-20' }]);
    const error = await importBankStatement(ctx(), { filePath: await file('s3.xml', bad) }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    const [problem] = ((error as DomainError).details as { errors: { code: string; reason: string }[] })
      .errors;
    expect(problem?.code).toBe('statement_unbalanced');
    // French money is spaced with (narrow) no-break spaces.
    expect(problem?.reason.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'le relevé S3 ne s’équilibre pas : solde d’ouverture 0,00 € + mouvements 9,99 € = 9,99 €, mais solde de clôture 10,00 € (écart 0,01 €)',
    );
    const retried = await importBankStatement(ctx(), {
      filePath: await file('s3-fixed.xml', bad.replace('>10.00<', '>9.99<')),
    });
    expect(retried.transactionsInserted).toBe(1);
  });

  it('rejects an entry with a bad amount or no date with its problem, not a database error', async () => {
    const codesOf = async (name: string, text: string) => {
      const error = await importBankStatement(ctx(), { filePath: await file(name, text) }).catch(
        (caught) => caught,
      );
      expect(error).toBeInstanceOf(DomainError);
      return ((error as DomainError).details as { errors: { code: string }[] }).errors.map((e) => e.code);
    };
    // The faulty entry comes first, the statement's end after it: nothing of it may be stored.
    const lines = [
      { ref: 'R20', amount: '5.00', date: '2026-04-22' },
      { ref: 'R21', amount: '1.00', date: '2026-04-23' },
    ];
    const good = camt('S20', '0.00', '6.00', lines);
    expect(await codesOf('s20-amount.xml', good.replace('>5.00<', '>cinq<'))).toContain(
      'bank_invalid_amount',
    );
    const undated = good.replace('<BookgDt><Dt>2026-04-22</Dt></BookgDt>', '');
    expect(await codesOf('s20-date.xml', undated)).toEqual(['entry_without_date']);
    // Nothing was written: the good file then stores both entries.
    const summary = await importBankStatement(ctx(), { filePath: await file('s20.xml', good) });
    expect(summary.transactionsInserted).toBe(2);
  });

  it('a dry run reports without writing', async () => {
    const next = camt('S4', '0.00', '1.00', [{ ref: 'R10', amount: '1.00', date: '2026-04-21' }]);
    const path = await file('s4.xml', next);
    expect((await importBankStatement(ctx(), { filePath: path, dryRun: true })).transactionsInserted).toBe(1);
    expect((await importBankStatement(ctx(), { filePath: path })).transactionsInserted).toBe(1);
  });
});

describe('POST /api/imports/bank', () => {
  const upload = (text: string, query = '') => {
    const boundary = 'encoursbankboundary';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="releve.xml"\r\n` +
      `Content-Type: application/xml\r\n\r\n${text}\r\n--${boundary}--\r\n`;
    return app.inject({
      method: 'POST',
      url: `/api/imports/bank${query}`,
      headers: { ...manager.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  };

  it('imports an uploaded statement and answers the summary', async () => {
    const response = await upload(
      FIRST.replaceAll('S1', 'S5').replaceAll('R1', 'R51').replaceAll('R2', 'R52'),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      file: 'releve.xml',
      format: 'camt.053',
      transactionsInserted: 2,
    });
  });

  it('refuses a file with a DTD (XXE) with a problem document', async () => {
    const response = await upload(
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>`,
      '?lang=en',
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'import_rejected',
      errors: [{ code: 'xml_doctype_refused', file: 'releve.xml' }],
    });
  });

  it('is closed to a salesperson', async () => {
    const alice = await signIn(app, 'alice@web.test');
    const response = await app.inject({ method: 'POST', url: '/api/imports/bank', headers: alice.headers });
    expect(response.statusCode).toBe(403);
  });
});

describe('the cash workbench routes', () => {
  it('matches, lists receipts with their suggestions, accepts one', async () => {
    const match = await app.inject({
      method: 'POST',
      url: '/api/cash/match',
      headers: manager.headers,
      payload: { auto: true },
    });
    expect(match.statusCode).toBe(200);
    // Twelve customers are called "Client …" and F1 is too short a reference to look for: the
    // name is no evidence, so nothing is applied without a person.
    expect(match.json()).toMatchObject({ applied: 0, unmatched: 0 });
    const waiting = await app.inject({ method: 'GET', url: '/api/cash/receipts', headers: manager.headers });
    expect(waiting.statusCode).toBe(200);
    const first = waiting.json().items.find((item: { amountMinor: number }) => item.amountMinor === 250_000);
    expect(first.suggestions[0]).toMatchObject({
      customerCode: 'K03',
      rank: 1,
      method: 'exact_amount',
      invoices: [{ ref: 'F1' }],
    });
    expect(first.suggestions[0].confidence).toBeLessThan(90);
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/cash/receipts/${first.transactionId}/accept`,
      headers: manager.headers,
      payload: {},
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ customerCode: 'K03' });
    const again = await app.inject({
      method: 'POST',
      url: `/api/cash/receipts/${first.transactionId}/accept`,
      headers: manager.headers,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    const applied = await app.inject({
      method: 'GET',
      url: '/api/cash/receipts?view=applied',
      headers: manager.headers,
    });
    expect(applied.json().items.map((item: { customerCode: string }) => item.customerCode)).toEqual(['K03']);
  });
});
