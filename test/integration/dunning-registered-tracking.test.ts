/**
 * What became of a run's registered letters (migration 0075): La Poste's number typed on the run
 * page and the outcome the post office reports, recorded over the API one recording after the
 * other (a correction is a new row, the table refuses edits); refused when the number is not a La
 * Poste number, names another letter, or the role does not send reminders. The number then shows
 * in the deposit list, the customer's story tells the formal notice and its receipt, and a legal
 * file's checklist names them on its formal notice piece.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { recordTrackingNumber } from '#app/dunning/registered-tracking';
import { handOver, savePartner } from '#app/legal/handover';
import type { ApiServer } from '#http/api-types';
import { injunctionPieceStatus } from '#text/injunction-pieces';
import { eventText } from '#text/story';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, openHttpFixture, type Session, signIn } from './http-fixture.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let collector: Session;
let manager: Session;
let runId = 0;
/** The run's formal notice to K03, and a registered letter recorded by hand for K03 later. */
let notice = 0;
let manual = 0;
const NBSP = '\u00a0';

const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const recordNumber = (session: Session, id: number, trackingNumber: string, depositedOn: string) =>
  call(session, 'POST', `/api/dunning/registered-letters/${id}/tracking-number`, {
    trackingNumber,
    depositedOn,
  });
const recordOutcome = (session: Session, id: number, outcome: string, outcomeOn: string) =>
  call(session, 'POST', `/api/dunning/registered-letters/${id}/outcome`, { outcome, outcomeOn });

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  // K03's F1 (2,500.00 €, due 31 March) was called about on 5 May: on 20 May, 50 days late, its
  // next step is the formal notice by registered letter.
  await recordManualReminder(database.context('WEB', '2026-05-05'), {
    customerCode: 'K03',
    channel: 'call_task',
    stepCode: 'call',
    doneOn: '2026-05-05',
  });
  collector = await signIn(app, emailOf('collector'));
  manager = await signIn(app, emailOf('credit_manager'));
  const run = await call(collector, 'POST', '/api/dunning/runs', { asOf: '2026-05-20' });
  expect(run.statusCode).toBe(200);
  runId = run.json().runId;
  const delivery = (await call(collector, 'GET', `/api/dunning/runs/${runId}/delivery`)).json();
  notice = delivery.registeredLetters[0].actionId;
  const posted = await recordManualReminder(database.context('WEB', '2026-05-26'), {
    customerCode: 'K03',
    channel: 'registered_letter',
    stepCode: 'formal_notice',
    documentRefs: ['F1'],
    doneOn: '2026-05-26',
  });
  manual = posted.actionIds[0] as number;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('a registered letter’s number', () => {
  it('is kept without its spaces, shown in the slip’s groups, and the deposit list carries it', async () => {
    const before = (await call(collector, 'GET', `/api/dunning/runs/${runId}/delivery`)).json();
    expect(before.registeredLetters[0]).toMatchObject({ customerCode: 'K03', tracking: null });
    const recorded = await recordNumber(collector, notice, `1a${NBSP}123 456  7890 1`, '2026-05-21');
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({
      actionId: notice,
      recorded: true,
      tracking: {
        trackingNumber: '1A 123 456 7890 1',
        depositedOn: '2026-05-21',
        outcome: null,
        outcomeOn: null,
        recordedBy: emailOf('collector'),
      },
    });
    const delivery = (await call(collector, 'GET', `/api/dunning/runs/${runId}/delivery`)).json();
    expect(delivery.registeredLetters[0].tracking).toMatchObject({
      trackingNumber: '1A 123 456 7890 1',
      entries: 1,
    });
    const csv = await call(collector, 'GET', `/api/dunning/runs/${runId}/registered-letters?format=csv`);
    const lines = csv.body.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[1]).toMatch(/^1;K03;Client 3;.*;1A 123 456 7890 1$/);
    // The same number and day again: nothing new is recorded.
    const again = await recordNumber(manager, notice, '1A12345678901', '2026-05-21');
    expect(again.json()).toMatchObject({ recorded: false, history: [{ recordedBy: emailOf('collector') }] });
  });

  it('refuses what is not a La Poste number, a deposit before the letter, and a number another letter holds', async () => {
    const bad = await recordNumber(collector, manual, '1A 123 456 789', '2026-05-26');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toBe(
      `«${NBSP}1A 123 456 789${NBSP}» n’est pas un numéro de recommandé${NBSP}: 13 caractères, 2 lettres ou chiffres puis 11 chiffres (par exemple 1A 123 456 7890 1).`,
    );
    const early = await recordNumber(collector, manual, '1A 123 456 7890 2', '2026-05-25');
    expect([early.statusCode, early.json().detail]).toEqual([
      400,
      `La lettre est datée du 26/05/2026${NBSP}: elle ne peut pas avoir été déposée le 25/05/2026.`,
    ]);
    const taken = await recordNumber(collector, manual, '1A 1234 5678 901', '2026-05-26');
    expect([taken.statusCode, taken.json().detail]).toEqual([
      409,
      'Le numéro de recommandé 1A 123 456 7890 1 est déjà celui de la lettre envoyée au client K03 le 20/05/2026.',
    ]);
    const unknown = await recordNumber(collector, 999_999, '1A 123 456 7890 2', '2026-05-26');
    expect(unknown.statusCode).toBe(404);
    const firstAction = (await call(collector, 'GET', '/api/dunning/actions?customerCode=K03'))
      .json()
      .items.find((a: { channel: string }) => a.channel === 'call_task').actionId;
    expect((await recordNumber(collector, firstAction, '1A 123 456 7890 2', '2026-05-26')).statusCode).toBe(
      404,
    );
  });

  it('is recorded by those who send the letters only', async () => {
    for (const role of ['salesperson', 'director', 'auditor'] as const) {
      const session = await signIn(app, emailOf(role));
      expect((await recordNumber(session, manual, '1A 123 456 7890 2', '2026-05-26')).statusCode, role).toBe(
        403,
      );
      expect((await recordOutcome(session, notice, 'delivered', '2026-05-23')).statusCode, role).toBe(403);
    }
    // The use case refuses too, whoever calls it (the command line, a program).
    const director = {
      email: emailOf('director'),
      name: 'philippe',
      role: 'director' as const,
      salesperson: null,
    };
    await expect(
      recordTrackingNumber(
        { ...database.context('WEB', '2026-05-26'), user: director },
        { actionId: manual, trackingNumber: '1A 123 456 7890 2', depositedOn: '2026-05-26' },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('what the post office reports', () => {
  it('needs the number first, then tells the notice and its receipt in the customer’s story', async () => {
    const tooSoon = await recordOutcome(collector, manual, 'delivered', '2026-05-28');
    expect(tooSoon.statusCode).toBe(400);
    const beforeDeposit = await recordOutcome(collector, notice, 'delivered', '2026-05-20');
    expect(beforeDeposit.statusCode).toBe(400);
    const signed = await recordOutcome(collector, notice, 'delivered', '2026-05-23');
    expect(signed.json()).toMatchObject({
      recorded: true,
      tracking: { trackingNumber: '1A 123 456 7890 1', outcome: 'delivered', outcomeOn: '2026-05-23' },
    });
    expect(signed.json().history).toHaveLength(2);
    const story = (await call(manager, 'GET', '/api/customers/K03?asOf=2026-06-01')).json().events;
    const texts = (lang: 'fr' | 'en') =>
      story.map((event: Parameters<typeof eventText>[1]) => eventText(lang, event));
    expect(texts('fr')).toContain(
      `Mise en demeure envoyée en recommandé n°${NBSP}1A 123 456 7890 1 — AR signé le 23/05/2026`,
    );
    expect(texts('fr')).toContain(
      `Mise en demeure envoyée en recommandé n°${NBSP}1A 123 456 7890 1 (déposée le 21/05/2026)`,
    );
    expect(texts('en')).toContain(
      'Formal notice sent by registered post no. 1A 123 456 7890 1 — receipt signed on 23/05/2026',
    );
    const line = story.find((event: { detail: string }) => event.detail.includes('AR signé'));
    expect(line).toMatchObject({
      kind: 'reminder',
      eventDate: '2026-05-23',
      documentRef: 'REL-20260520-K03',
    });
  });

  it('is corrected by a new row, the one before kept; the rows cannot be edited; each is audited', async () => {
    const corrected = await recordNumber(manager, notice, '1A 123 456 7890 9', '2026-05-21');
    expect(corrected.json()).toMatchObject({
      tracking: { trackingNumber: '1A 123 456 7890 9', outcome: 'delivered', outcomeOn: '2026-05-23' },
    });
    expect(corrected.json().history.map((row: { trackingNumber: string }) => row.trackingNumber)).toEqual([
      '1A 123 456 7890 1',
      '1A 123 456 7890 1',
      '1A 123 456 7890 9',
    ]);
    // The old number is free again: the letter recorded by hand may take it.
    expect((await recordNumber(collector, manual, '1A 123 456 7890 1', '2026-05-26')).statusCode).toBe(200);
    await expect(
      sql`update dunning_registered_tracking set tracking_number = '1A12345678902'`.execute(
        database.context('WEB').db,
      ),
    ).rejects.toThrow(/append-only/);
    const audit = await sql<{ action: string }>`
      select action from audit_log where company_id = 'WEB' and entity = 'dunning_action'
        and entity_key = ${String(notice)} order by audit_id`.execute(database.context('WEB').db);
    expect(audit.rows.map((row) => row.action)).toEqual([
      'dunning.registered_number',
      'dunning.registered_outcome',
      'dunning.registered_number',
    ]);
    const story = (await call(manager, 'GET', '/api/customers/K03?asOf=2026-06-01')).json().events;
    expect(story.map((event: { detail: string }) => event.detail)).toContain(
      `Rectification${NBSP}: Mise en demeure envoyée en recommandé n°${NBSP}1A 123 456 7890 9 — AR signé le 23/05/2026`,
    );
  });
});

describe('a legal file’s formal notice', () => {
  it('names the registered letter and the day its receipt was signed', async () => {
    expect((await recordOutcome(collector, manual, 'delivered', '2026-05-29')).statusCode).toBe(200);
    const ctx = database.context('WEB', '2026-05-27');
    const partner = await savePartner(ctx, CABINET_DURAND);
    // The day after the notice: its invoices are taken only when asked for, its deadline still running.
    const file = await handOver(ctx, {
      customerCode: 'K03',
      partnerId: partner.partnerId,
      date: '2026-05-27',
      includePendingNotice: true,
    });
    const detail = await call(manager, 'GET', `/api/legal/files/${file.fileId}?asOf=2026-06-10`);
    const piece = detail
      .json()
      .checklist.pieces.find((p: { piece: string }) => p.piece === 'formal_notice_ar');
    // The newest formal notice of the file's invoices: the one posted by hand on 26 May.
    expect(piece.registered).toEqual({
      trackingNumber: '1A 123 456 7890 1',
      depositedOn: '2026-05-26',
      outcome: 'delivered',
      outcomeOn: '2026-05-29',
    });
    expect(injunctionPieceStatus('fr', piece)).toBe(
      `disponible dans Encours (du 26/05/2026) — recommandé n°${NBSP}1A 123 456 7890 1 déposé le 26/05/2026, AR signé le 29/05/2026`,
    );
    // As of a day before the receipt was signed, the file knows the deposit only: the receipt is awaited.
    const earlier = await call(manager, 'GET', `/api/legal/files/${file.fileId}?asOf=2026-05-28`);
    const then = earlier
      .json()
      .checklist.pieces.find((p: { piece: string }) => p.piece === 'formal_notice_ar');
    expect(then).toMatchObject({ status: 'to_provide', receipt: 'awaited' });
    expect(injunctionPieceStatus('en', then)).toBe(
      'to provide (formal notice sent on 26/05/2026, acknowledgement of receipt awaited) — registered letter no. 1A 123 456 7890 1 posted on 26/05/2026, acknowledgement of receipt not received',
    );
  });
});
