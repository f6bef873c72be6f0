/**
 * Delivering a run: the registered letters' deposit list (API and files), where the run's
 * e-mails stand, and `encours dunning send RUN` writing the print batch and the list.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, encoursOn, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let collector: Session;
let alice: Session;

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  // K03 was called about F1 on 5 May (a reminder made outside Encours, at the call step): an
  // invoice climbs one step per run, so the formal notice is its next step, 15 days later (D+30 →
  // D+45 in the policy).
  await recordManualReminder(database.context('WEB', '2026-05-05'), {
    customerCode: 'K03',
    channel: 'call_task',
    stepCode: 'call',
    doneOn: '2026-05-05',
  });
  collector = await signIn(app, emailOf('collector'));
  alice = await signIn(app, 'alice@web.test');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

const encours = (...args: string[]) => encoursOn(database, ...args);

describe('a run delivered', () => {
  // F1 (2,500.00 €, due 31 March) is 50 days late on 20 May, called on 5 May: the formal notice,
  // by registered letter.
  let runId = 0;

  it('lists the run’s registered letter with its recipient, in the batch’s order, for staff only', async () => {
    const run = await call(collector, 'POST', '/api/dunning/runs', { asOf: '2026-05-20' });
    expect(run.statusCode).toBe(200);
    runId = run.json().runId;
    const notice = run.json().actions.find((a: { channel: string }) => a.channel === 'registered_letter');
    expect(notice).toMatchObject({ customerCode: 'K03' });
    const delivery = await call(collector, 'GET', `/api/dunning/runs/${runId}/delivery`);
    expect(delivery.statusCode).toBe(200);
    expect(delivery.json()).toMatchObject({
      runId,
      asOf: '2026-05-20',
      letters: 1,
      registeredLetters: [
        { position: 1, customerCode: 'K03', customerName: 'Client 3', totalDueMinor: notice.totalDueMinor },
      ],
    });
    expect(delivery.json().batchFiles).toHaveLength(1);
    expect((await call(alice, 'GET', `/api/dunning/runs/${runId}/delivery`)).statusCode).toBe(403);
    expect((await call(collector, 'GET', '/api/dunning/runs/999/delivery')).statusCode).toBe(404);
  });

  it('gives the deposit list as CSV in French, amounts in euros, and as a PDF', async () => {
    const csv = await call(collector, 'GET', `/api/dunning/runs/${runId}/registered-letters?format=csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'N°;Code client;Destinataire;Adresse;Code postal;Ville;Somme réclamée;N° de recommandé',
    );
    const totalDue = (await call(collector, 'GET', `/api/dunning/runs/${runId}/delivery`)).json()
      .registeredLetters[0].totalDueMinor;
    expect(lines[1]).toMatch(
      new RegExp(`^1;K03;Client 3;.*;${(totalDue / 100).toFixed(2).replace('.', ',')}`),
    );
    const pdf = await call(collector, 'GET', `/api/dunning/runs/${runId}/registered-letters`);
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([
      200,
      'application/pdf',
      '%PDF-',
    ]);
  });

  it('`dunning send RUN --out DIR` writes the print batch and the list, and says the e-mails wait for SMTP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dunning-send-'));
    const sent = await encours('--json', 'dunning', 'send', String(runId), '--out', dir);
    expect(sent.status).toBe(0);
    const body = JSON.parse(sent.stdout);
    expect(body).toMatchObject({ runId, letters: 1, registeredLetters: 1, smtp: false });
    const written = readdirSync(dir).sort();
    expect(written).toEqual([
      'lot-relances-2026-05-20.pdf',
      `recommandes-lot-${runId}-2026-05-20.csv`,
      `recommandes-lot-${runId}-2026-05-20.pdf`,
    ]);
    expect(readFileSync(join(dir, 'lot-relances-2026-05-20.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await encours('dunning', 'send', '999')).status).not.toBe(0);
  });
});
