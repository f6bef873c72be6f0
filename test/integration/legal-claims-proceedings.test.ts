/**
 * Claims to declare for customers in proceedings that the BODACC watch never read: the demo's
 * Traiteur Durand is in receivership by its status, dated by its story (no announcement). The
 * claims list knows it from the same source as the provision and the forecast; the story's line,
 * written on the BODACC publication's day, words the judgment (12 May), its publication (14 May),
 * the court and the mandataire: the list takes each from it, with the invoices open on the
 * judgment's date (checked against an independent replay of the generated ledger), the interest
 * stopped that day, the 40 € indemnity of each invoice late then, and the deadline two months from
 * the publication. The credit department prepares the claim (the story's facts by default, once
 * per judgment), prints its letter — the same total, the court named — and records it as declared;
 * the collector reads but may not. A customer known in procedure by its status alone has no
 * deadline until a person gives the judgment's date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDataset } from '#app/demo/demo';
import { claimDeadline } from '#core/legal/claims';
import { LedgerReplay } from '#demo/index';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { formatMoney } from '#text/format';
import { HAS_POPPLER, oneLine, pdfText } from '../support/poppler.ts';
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
  it('lists Traiteur Durand’s claim with the judgment, court and mandataire its story words', async () => {
    const list = await claims(manager);
    expect(list).toMatchObject({ asOf: '2026-06-30', mayDeclare: true, mayPrintLetter: true });
    const durand = list.items.filter((claim: { customerCode: string }) => claim.customerCode === DURAND);
    const open = openAt(DURAND, JUDGMENT);
    expect(open.length).toBeGreaterThan(0);
    const story = generateDemoDataset().events.filter((event) => event.customerCode === DURAND);
    const mandataire = story
      .map((event) => event.detail)
      .join(' ')
      .match(/Mandataire judiciaire\u00a0: (Me [^.]+)\./)?.[1];
    expect(mandataire).toBeDefined();
    expect(durand).toEqual([
      expect.objectContaining({
        claimId: null,
        customerName: 'Traiteur Durand',
        procedure: 'receivership',
        source: 'story',
        inProceedings: true,
        // The story's line is dated by the publication; the judgment's date is in its words.
        judgmentDate: JUDGMENT,
        judgmentDateStated: true,
        publicationDate: STORY_DATE,
        // Two months from the publication; 14 July 2026 is a public holiday (CPC 642).
        deadline: '2026-07-15',
        deadlineEstimated: false,
        court: 'Tribunal de commerce de Saint-Étienne',
        mandataire,
        mandataireAddress: null,
        status: 'to_declare',
        principalMinor: sum(open),
        secured: false,
      }),
    ]);
    // The demo's story says the same: the claim is still to be declared, by that day.
    expect(story.map((event) => event.detail).join(' ')).toContain('à déclarer à Me');
    expect(story.map((event) => event.detail).join(' ')).toContain('avant le 15/07/2026');
    const claim = durand[0];
    expect(claim.items.map((item: { documentRef: string }) => item.documentRef).sort()).toEqual(
      open.map((debit) => debit.document.externalRef).sort(),
    );
    // 40 € for each invoice already late on the judgment's day, none for those falling due after it.
    const late = open.filter((debit) => debit.document.dueDate < JUDGMENT);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(open.length);
    expect(claim.indemnityMinor).toBe(late.length * 4_000);
    expect(claim.totalMinor).toBe(claim.principalMinor + claim.interestMinor + claim.indemnityMinor);
    expect(claim.storyLine.text).toMatch(/Mandataire judiciaire\u00a0: Me /);
    expect(await claims(collector)).toMatchObject({ mayDeclare: false, mayPrintLetter: false });
  });

  it('prepares the claim once from the story’s facts, prints it with the listed total and records it', async () => {
    const refused = await post(collector, '/api/legal/claims', { customerCode: DURAND });
    expect(refused.statusCode).toBe(403);
    const [listed] = (await claims(manager, DURAND)).items;
    // A program that gives nothing but the customer gets what the list knows.
    const prepared = await post(manager, '/api/legal/claims', { customerCode: DURAND });
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
      court: 'Tribunal de commerce de Saint-Étienne',
      mandataire: listed.mandataire,
      interestMinor: listed.interestMinor,
      indemnityMinor: listed.indemnityMinor,
      totalMinor: listed.totalMinor,
    });
    expect(claim.claimId).toBeGreaterThan(0);
    const body = {
      customerCode: DURAND,
      judgmentDate: JUDGMENT,
      publicationDate: STORY_DATE,
      mandataire: 'Me François',
      mandataireAddress: '12 rue Michelet\n42000 Saint-Étienne',
    };
    expect((await post(manager, '/api/legal/claims', body)).json().claimId).toBe(claim.claimId);
    // The prepared claim is the customer's one: no second claim derived from the story.
    expect((await claims(manager, DURAND)).items).toEqual([
      expect.objectContaining({ claimId: claim.claimId, totalMinor: listed.totalMinor }),
    ]);

    const letter = await app.inject({
      method: 'GET',
      url: `/api/legal/claims/${claim.claimId}/letter.pdf`,
      ...manager,
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toContain('application/pdf');
    if (HAS_POPPLER) {
      // A justified line stretches at its spaces only: « Saint-Étienne » is read whole.
      const text = oneLine(pdfText(letter.rawPayload)).replace(/[\u00a0\u202f]/g, ' ');
      const total = formatMoney('fr', listed.totalMinor, 'EUR').replace(/[\u00a0\u202f]/g, ' ');
      expect(text).toContain(
        'Par jugement du 12 mai 2026 rendu par le Tribunal de commerce de Saint-Étienne, une procédure de redressement judiciaire a été ouverte',
      );
      expect(text).not.toContain('non précisé');
      expect(text).toContain(`Total déclaré ${total}`);
      expect(text).toContain(`Nous déclarons ainsi la somme de ${total}`);
      expect(text).toContain(listed.mandataire);
    }

    const url = `/api/legal/claims/${claim.claimId}/declaration`;
    expect((await post(manager, url, { declaredOn: '2026-05-01' })).statusCode).toBe(400);
    const declared = await post(manager, url, { declaredOn: '2026-05-21' });
    expect(declared.statusCode).toBe(200);
    expect(declared.json()).toMatchObject({
      status: 'declared',
      declaredOn: '2026-05-21',
      mandataire: listed.mandataire,
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
      court: null,
      mandataire: null,
    });
    // Neither court nor mandataire known: the letter's sentence goes without the court, never « non
    // précisé » in its middle, and the envelope names the procedure's mandataire judiciaire.
    const letter = await app.inject({
      method: 'GET',
      url: `/api/legal/claims/${prepared.json().claimId}/letter.pdf`,
      ...manager,
    });
    expect(letter.statusCode).toBe(200);
    if (HAS_POPPLER) {
      const text = oneLine(pdfText(letter.rawPayload)).replace(/[\u00a0\u202f]/g, ' ');
      expect(text).toContain('Mandataire judiciaire liquidation judiciaire de');
      expect(text).toMatch(
        /Par jugement du 22 juin 2026, une procédure de liquidation judiciaire a été ouverte à l’égard de la société /,
      );
      expect(text).not.toContain('non précisé');
    }
  });
});
