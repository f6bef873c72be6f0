/**
 * Claims to declare for customers in proceedings that the BODACC watch never read: the demo's
 * Traiteur Durand is in receivership by its status, dated by its story (no announcement). The
 * claims list knows it from the same source as the provision and the forecast, with the invoices
 * open on the story's date (checked against an independent replay of the generated ledger) and a
 * deadline estimated two months from that date. The credit department prepares the claim with the
 * judgment and its publication (exact deadline, once per judgment), prints its letter and records
 * it as declared; the collector reads but may not. A customer known in procedure by its status
 * alone has no deadline until a person gives the judgment's date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '#app/demo/demo';
import { claimDeadline } from '#core/legal/claims';
import { LedgerReplay } from '#demo/index';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { type Session, signIn } from './http-fixture.ts';

const DURAND = 'C00105';
const STORY_DATE = '2026-05-14';
const JUDGMENT = '2026-05-12';

let database: TestDatabase;
let app: ApiServer;
let replay: LedgerReplay;
let manager: Session;
let collector: Session;

const openAt = (code: string, date: string) => replay.openDebitsAt(code, date);
const sum = (debits: { openMinor: number }[]) => debits.reduce((total, debit) => total + debit.openMinor, 0);

async function claims(session: Session, customer?: string) {
  const query = customer ? `?customer=${customer}` : '';
  const response = await app.inject({ method: 'GET', url: `/api/legal/claims${query}`, ...session });
  expect(response.statusCode).toBe(200);
  return response.json();
}

const post = (session: Session, url: string, payload: object) =>
  app.inject({ method: 'POST', url, payload, ...session });

beforeAll(async () => {
  database = await openDemoTestDatabase();
  const demo = generateDemoDataset();
  replay = new LedgerReplay(demo.documents, demo.allocations, demo.reversals);
  app = await buildServer(database.runtime, { webRoot: null });
  manager = await signIn(app, 'claire.moreau@cb2c.example');
  collector = await signIn(app, 'julien.petit@cb2c.example');
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('claims of customers in proceedings known from their status and story', () => {
  it('lists Traiteur Durand’s claim with its pre-judgment invoices and an estimated deadline', async () => {
    const list = await claims(manager);
    expect(list).toMatchObject({ asOf: '2026-06-30', mayDeclare: true, mayPrintLetter: true });
    const durand = list.items.filter((claim: { customerCode: string }) => claim.customerCode === DURAND);
    const open = openAt(DURAND, STORY_DATE);
    expect(open.length).toBeGreaterThan(0);
    expect(durand).toEqual([
      expect.objectContaining({
        claimId: null,
        customerName: 'Traiteur Durand',
        procedure: 'receivership',
        source: 'story',
        inProceedings: true,
        judgmentDate: STORY_DATE,
        publicationDate: null,
        // 14 July 2026 is a public holiday: the period runs to the next working day (CPC 642).
        deadline: '2026-07-15',
        deadlineEstimated: true,
        status: 'to_declare',
        principalMinor: sum(open),
        secured: false,
      }),
    ]);
    // The demo's story says the same: the claim is still to be declared, by that day.
    const story = generateDemoDataset().events.filter((event) => event.customerCode === DURAND);
    expect(story.map((event) => event.detail).join(' ')).toContain('à déclarer à Me');
    expect(story.map((event) => event.detail).join(' ')).toContain('avant le 15/07/2026');
    expect(durand[0].items.map((item: { documentRef: string }) => item.documentRef).sort()).toEqual(
      open.map((debit) => debit.document.externalRef).sort(),
    );
    expect(durand[0].totalMinor).toBe(durand[0].principalMinor + durand[0].interestMinor);
    expect(durand[0].storyLine.text).toMatch(/Mandataire judiciaire : Me /);
    expect(await claims(collector)).toMatchObject({ mayDeclare: false, mayPrintLetter: false });
  });

  it('prepares the claim once with the judgment and its publication, prints it and records it declared', async () => {
    const refused = await post(collector, '/api/legal/claims', { customerCode: DURAND });
    expect(refused.statusCode).toBe(403);
    const body = {
      customerCode: DURAND,
      judgmentDate: JUDGMENT,
      publicationDate: STORY_DATE,
      mandataire: 'Me François',
      mandataireAddress: '12 rue Michelet\n42000 Saint-Étienne',
    };
    const prepared = await post(manager, '/api/legal/claims', body);
    expect(prepared.statusCode).toBe(200);
    const claim = prepared.json();
    expect(claim).toMatchObject({
      source: 'prepared',
      judgmentDate: JUDGMENT,
      publicationDate: STORY_DATE,
      deadline: claimDeadline(STORY_DATE),
      deadlineEstimated: false,
      status: 'to_declare',
      principalMinor: sum(openAt(DURAND, JUDGMENT)),
      mandataire: 'Me François',
    });
    expect(claim.claimId).toBeGreaterThan(0);
    expect((await post(manager, '/api/legal/claims', body)).json().claimId).toBe(claim.claimId);
    // The prepared claim is the customer's one: no second claim derived from the story.
    expect((await claims(manager, DURAND)).items).toEqual([
      expect.objectContaining({ claimId: claim.claimId }),
    ]);

    const letter = await app.inject({
      method: 'GET',
      url: `/api/legal/claims/${claim.claimId}/letter.pdf`,
      ...manager,
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('application/pdf');

    const url = `/api/legal/claims/${claim.claimId}/declaration`;
    expect((await post(manager, url, { declaredOn: '2026-05-01' })).statusCode).toBe(400);
    const declared = await post(manager, url, { declaredOn: '2026-05-21' });
    expect(declared.statusCode).toBe(200);
    expect(declared.json()).toMatchObject({
      status: 'declared',
      declaredOn: '2026-05-21',
      mandataire: 'Me François',
    });
    expect((await post(manager, url, {})).statusCode).toBe(409);
    const audit = await database.runtime.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('company_id', '=', 'CB2C')
      .where('entity', '=', 'legal_claim')
      .execute();
    expect(audit.map((row) => row.action).sort()).toEqual(['legal.claim_declare', 'legal.claim_prepare']);
  });

  it('lists the claims as they stood on an earlier date: none before the judgment', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/legal/claims?customer=${DURAND}&asOf=2026-05-01`,
      ...manager,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ asOf: '2026-05-01', items: [] });
  });

  it('has no deadline for a procedure known by the status alone until the judgment is given', async () => {
    const outside = await post(manager, '/api/legal/claims', { customerCode: 'C00001' });
    expect(outside.statusCode).toBe(400);
    // Imported in liquidation, no story line: the status alone says so (dated by the file's creation).
    await database.runtime.handle.db
      .updateTable('customers')
      .set({ status: 'liquidation', created_at: new Date('2025-01-02T09:00:00Z') })
      .where('company_id', '=', 'CB2C')
      .where('code', '=', 'C00001')
      .execute();
    const [claim] = (await claims(manager, 'C00001')).items;
    expect(claim).toMatchObject({
      claimId: null,
      source: 'status',
      procedure: 'liquidation',
      judgmentDate: null,
      deadline: null,
      principalMinor: sum(openAt('C00001', '2026-06-30')),
    });
    expect((await post(manager, '/api/legal/claims', { customerCode: 'C00001' })).statusCode).toBe(400);
    const prepared = await post(manager, '/api/legal/claims', {
      customerCode: 'C00001',
      judgmentDate: '2026-06-22',
    });
    expect(prepared.json()).toMatchObject({
      source: 'prepared',
      deadline: claimDeadline('2026-06-22'),
      deadlineEstimated: true,
      principalMinor: sum(openAt('C00001', '2026-06-22')),
    });
  });
});
