/**
 * A run's registered letters from the command line — `encours dunning registered RUN`,
 * `registered-number LETTER NUMBER --deposited DATE`, `registered-outcome LETTER --outcome CODE
 * --on DATE` — through the API's use cases, so with its refusals in the catalogue's words; and a
 * registered letter whose number is recorded is at La Poste: its action can no longer be cancelled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import type { ApiServer } from '#http/api-types';
import type { TestDatabase } from '../support/test-db.ts';
import { emailOf, encoursOn, openHttpFixture, type Session, signIn } from './http-fixture.ts';

let database: TestDatabase;
let app: ApiServer;
let collector: Session;
let runId = 0;
/** The run's formal notice to K03, and a registered letter to K03 recorded by hand later. */
let notice = 0;
let manual = 0;
const NBSP = '\u00a0';

const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });
const encours = (...args: string[]) => encoursOn(database, ...args);
const json = async (...args: string[]) => {
  const result = await encours('--json', ...args);
  return { status: result.status, body: JSON.parse(result.stdout) };
};

beforeAll(async () => {
  ({ database, app } = await openHttpFixture());
  // K03's F1 (2,500.00 €, due 31 March) was called about on 5 May: on 20 May its next step is
  // the formal notice by registered letter.
  await recordManualReminder(database.context('WEB', '2026-05-05'), {
    customerCode: 'K03',
    channel: 'call_task',
    stepCode: 'call',
    doneOn: '2026-05-05',
  });
  collector = await signIn(app, emailOf('collector'));
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

describe('encours dunning registered', () => {
  it('lists the run’s registered letters, nothing recorded yet', async () => {
    const listed = await encours('dunning', 'registered', String(runId));
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `Relances du 20${NBSP}mai${NBSP}2026${NBSP}: 1 lettre recommandée, dans l’ordre du lot d’impression`,
    );
    expect(lines[2]).toMatch(
      /^Lettre +Client +Destinataire +Montant réclamé +N° de recommandé +Déposée le +Avis de réception$/,
    );
    expect(lines[4]).toMatch(new RegExp(`^ *${notice} +K03 +Client 3 +[\\d  ,]+ € +— +— +—$`));
    const { status, body } = await json('dunning', 'registered', String(runId));
    expect(status).toBe(0);
    expect(body).toMatchObject({
      runId,
      asOf: '2026-05-20',
      registeredLetters: [{ actionId: notice, customerCode: 'K03', tracking: null }],
    });
  });

  it('records the number typed in its groups and the day (ISO or French), once', async () => {
    const recorded = await encours(
      'dunning',
      'registered-number',
      String(notice),
      '1a',
      '123',
      '456',
      '7890',
      '1',
      '--deposited',
      '21/05/2026',
    );
    expect(recorded).toEqual({
      status: 0,
      stdout: `Lettre recommandée n°${NBSP}${notice}${NBSP}: recommandé n°${NBSP}1A 123 456 7890 1 déposé le 21/05/2026 — En attente de l’avis de réception\n`,
    });
    const again = await encours(
      'dunning',
      'registered-number',
      String(notice),
      '1A12345678901',
      '--deposited',
      '2026-05-21',
      '--lang',
      'en',
    );
    expect(again.stdout.split('\n')).toEqual([
      `Registered letter ${notice}: registered post no. 1A 123 456 7890 1 posted on 21/05/2026 — Awaiting the acknowledgement of receipt`,
      'Already recorded: nothing changed.',
      '',
    ]);
    // The CLI is the local operator: the recording is the company's, by the command line.
    const tracking = (
      await call(collector, 'GET', `/api/dunning/registered-letters/${notice}/tracking`)
    ).json();
    expect(tracking.history).toHaveLength(1);
    expect(tracking.tracking).toMatchObject({
      trackingNumber: '1A 123 456 7890 1',
      depositedOn: '2026-05-21',
    });
  });

  it('records the outcome, then lists the letter with its number, deposit and receipt', async () => {
    const { status, body } = await json(
      'dunning',
      'registered-outcome',
      String(notice),
      '--outcome',
      'delivered',
      '--on',
      '2026-05-23',
    );
    expect(status).toBe(0);
    expect(body).toMatchObject({
      actionId: notice,
      recorded: true,
      tracking: { trackingNumber: '1A 123 456 7890 1', outcome: 'delivered', outcomeOn: '2026-05-23' },
    });
    expect(body.history).toHaveLength(2);
    const listed = await encours('dunning', 'registered', String(runId));
    expect(listed.stdout.trimEnd().split('\n')[4]).toMatch(
      /K03 +Client 3 .* 1A 123 456 7890 1 +21\/05\/2026 +AR signé le 23\/05\/2026$/,
    );
    const english = await encours('dunning', 'registered', String(runId), '--lang', 'en');
    expect(english.stdout).toContain('Receipt signed on 23/05/2026');
  });

  it('refuses as the API does, in the catalogue’s words, with the error’s exit code', async () => {
    const badNumber = await json(
      'dunning',
      'registered-number',
      String(manual),
      '1A 123 456 789',
      '--deposited',
      '2026-05-26',
    );
    expect(badNumber).toEqual({
      status: 2,
      body: {
        error: {
          code: 'invalid_input',
          message: `«${NBSP}1A 123 456 789${NBSP}» n’est pas un numéro de recommandé${NBSP}: 13 caractères, 2 lettres ou chiffres puis 11 chiffres (par exemple 1A 123 456 7890 1).`,
          details: null,
        },
      },
    });
    const taken = await json(
      'dunning',
      'registered-number',
      String(manual),
      '1A 123 456 7890 1',
      '--deposited',
      '2026-05-26',
    );
    expect([taken.status, taken.body.error.message]).toEqual([
      5,
      'Le numéro de recommandé 1A 123 456 7890 1 est déjà celui de la lettre envoyée au client K03 le 20/05/2026.',
    ]);
    const noNumber = await json(
      'dunning',
      'registered-outcome',
      String(manual),
      '--outcome',
      'delivered',
      '--on',
      '2026-05-28',
    );
    expect([noNumber.status, noNumber.body.error.message]).toEqual([
      2,
      `Enregistrez d’abord le numéro de la lettre recommandée n°${NBSP}${manual} et sa date de dépôt.`,
    ]);
    const badOutcome = await json(
      'dunning',
      'registered-outcome',
      String(notice),
      '--outcome',
      'signed',
      '--on',
      '2026-05-23',
      '--lang',
      'en',
    );
    expect(badOutcome.status).toBe(2);
    expect(badOutcome.body.error.message).toMatch(
      /^Registered letter outcome: "signed" is not accepted; possible values: delivered \(.+\), returned_unclaimed/,
    );
    expect(
      (await json('dunning', 'registered-number', '999999', '1A 123 456 7890 2', '--deposited', '2026-05-26'))
        .status,
    ).toBe(4);
    expect((await json('dunning', 'registered', 'x')).body.error.message).toBe(
      `«${NBSP}x${NBSP}» n’est pas un numéro de campagne.`,
    );
    expect((await json('dunning', 'registered', '999')).status).toBe(4);
    // A date the calendar lacks is refused before anything runs.
    const day = await json(
      'dunning',
      'registered-outcome',
      String(notice),
      '--outcome',
      'delivered',
      '--on',
      '31/02/2026',
    );
    expect(day.status).toBe(2);
  });
});

describe('cancelling a registered letter', () => {
  it('is refused once its number is recorded: the letter is at La Poste', async () => {
    const refused = await call(collector, 'POST', `/api/dunning/actions/${notice}/cancel`);
    expect([refused.statusCode, refused.json().code, refused.json().detail]).toEqual([
      409,
      'conflict',
      `La relance n°${NBSP}${notice} ne peut plus être annulée${NBSP}: sa lettre recommandée est à La Poste (n°${NBSP}1A 123 456 7890 1, déposée le 21/05/2026).`,
    ]);
    const english = await call(collector, 'POST', `/api/dunning/actions/${notice}/cancel?lang=en`);
    expect(english.json().detail).toBe(
      `Dunning action ${notice} can no longer be cancelled: its registered letter is with La Poste (no. 1A 123 456 7890 1, posted on 21/05/2026).`,
    );
    // Nothing changed: the letter is still sent, its tracking still recordable.
    const actions = (await call(collector, 'GET', '/api/dunning/actions?customerCode=K03')).json().items;
    expect(actions.find((a: { actionId: number }) => a.actionId === notice).status).toBe('sent');
  });

  it('is still possible while no number is recorded', async () => {
    const cancelled = await call(collector, 'POST', `/api/dunning/actions/${manual}/cancel`);
    expect([cancelled.statusCode, cancelled.json().status]).toEqual([200, 'cancelled']);
  });
});
