/**
 * A reminder e-mail that never reached the debtor is not a step reached (issue 12). Three customers
 * under a policy that e-mails its two reminders; the outbox is dispatched through a mail server that
 * refuses Atelier Bernard's address for good (SMTP 550). The next run sends Bernard its first
 * reminder again, saying why, where Brasserie Faure, whose e-mail went out, gets the second one; an
 * e-mail still in the outbox (Comptoir Lemaire's, and Bernard's second try) is not proposed twice.
 * The dunning log says what became of each e-mail instead of « Envoyée », and a hand-over check
 * says that no reminder reached Bernard rather than that none was sent. Droguerie Martin's address
 * is refused too, but Martin has a postal address: its reminder goes again by letter, where
 * Bernard, without one, gets it by e-mail again with the address to check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { executeDunningRun } from '#app/dunning/execute-run';
import { DEFAULT_POLICY } from '#app/dunning/plan-data';
import { previewDunningRun } from '#app/dunning/plan-run';
import { savePolicyVersion } from '#app/dunning/policies';
import { listDunningActions } from '#app/dunning/queries';
import { savePartner } from '#app/legal/handover';
import { checkHandOver, warningText } from '#app/legal/handover-warnings';
import { dispatchOutbox, type MailTransport } from '#app/mail/dispatch';
import { buildServer } from '#http/server';
import { translator } from '#text/catalogue';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { cliOutput } from '../support/cli-output.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

const BERNARD = 'compta@bernard.example';
const MARTIN = 'compta@martin.example';
const MANAGER = 'claire@due.test';
let database: TestDatabase;
const ctx = (today: string): AppContext => database.context('DUE', today);
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** A mail server that accepts every message but those to `refused`, which it refuses for good. */
const server = (refused: readonly string[]): MailTransport => ({
  async send(envelope) {
    if (envelope.to.some((to) => refused.includes(to)))
      throw Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 });
    return { providerMessageId: '250 2.0.0 queued' };
  },
});

const dispatch = (date: string, refused: readonly string[]) => {
  const { db, clock, log } = ctx(date);
  return dispatchOutbox({ db, clock, log, transport: server(refused) });
};

/** Each planned action as customer, step and, per invoice, its level before and its reason. */
const planned = async (date: string) =>
  (await previewDunningRun(ctx(date), { asOf: date })).actions.map((a) => [
    a.customerCode,
    a.step,
    a.channel,
    a.items.map((i) => [i.documentRef, i.fromLevel, i.raisedBy ?? null]),
  ]);

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('DUE')
    .addCustomer('A1', { name: 'Atelier Bernard', billingEmail: BERNARD })
    .addCustomer('B1', { name: 'Brasserie Faure', billingEmail: 'compta@faure.example' })
    .addCustomer('C1', { name: 'Comptoir Lemaire', billingEmail: 'ap@lemaire.example' })
    .addCustomer('D1', {
      name: 'Droguerie Martin',
      billingEmail: MARTIN,
      address: { line1: '3 rue Mercière', line2: null, postalCode: '69002', city: 'Lyon', country: 'FR' },
    });
  b.invoice('A1', '2026-03-25', '2026-04-24', eur(2_400), 'A1-1');
  b.invoice('B1', '2026-03-25', '2026-04-24', eur(3_600), 'B1-1');
  b.invoice('C1', '2026-04-10', '2026-05-10', eur(1_800), 'C1-1');
  b.invoice('D1', '2026-03-25', '2026-04-24', eur(1_200), 'D1-1');
  const manager = { email: MANAGER, name: 'Claire', role: 'credit_manager' as const, salesperson: null };
  await loadDataset(
    { ...ctx('2026-05-01'), actor: 'test' },
    { ...b.dataset('2026-06-30'), users: [manager] },
  );
  const step = (code: string, offsetDays: number, channel: string) => ({
    ...DEFAULT_POLICY.steps.find((s) => s.code === code)!,
    offsetDays,
    channel: channel as 'email',
  });
  const { version: _version, ...builtIn } = DEFAULT_POLICY;
  await savePolicyVersion(ctx('2026-05-01'), {
    ...builtIn,
    effectiveFrom: '2026-01-01',
    steps: [
      step('reminder_1', 5, 'email'),
      step('reminder_2', 15, 'email'),
      step('formal_notice', 30, 'letter'),
      step('handover', 60, 'call_task'),
    ],
  });
  // 4 May: first reminders by e-mail to A1, B1 and D1; the server refuses A1's and D1's for good.
  await executeDunningRun(ctx('2026-05-04'), { asOf: '2026-05-04' });
  expect(await dispatch('2026-05-04', [BERNARD, MARTIN])).toMatchObject({ sent: 1, failed: 2 });
}, 300_000);
afterAll(async () => database?.close());

describe('a reminder e-mail refused for good', () => {
  it('is not sent again the day it failed', async () => {
    expect(await planned('2026-05-04')).toEqual([]);
  });

  it('is proposed again at the next run, with why, not the next step; a delivered one escalates', async () => {
    expect(await planned('2026-05-20')).toEqual([
      [
        'A1',
        'reminder_1',
        'email',
        [['A1-1', 0, { kind: 'resend', failedOn: '2026-05-04', channel: 'email' }]],
      ],
      ['B1', 'reminder_2', 'email', [['B1-1', 1, null]]],
      ['C1', 'reminder_1', 'email', [['C1-1', 0, null]]],
      [
        'D1',
        'reminder_1',
        'letter',
        [['D1-1', 0, { kind: 'resend', failedOn: '2026-05-04', channel: 'letter' }]],
      ],
    ]);
    const { status, stdout } = await cliOutput(database.runtime, 'DUE', [
      'dunning',
      'plan',
      '--as-of',
      '2026-05-20',
    ]);
    expect(status).toBe(0);
    const text = spaced(stdout);
    expect(text).toContain('Factures portées au-delà de leur prochaine étape ou relancées à nouveau');
    expect(text).toContain(
      'renvoyée : l’e-mail du 04/05/2026 n’a pas été remis au client (échec d’envoi) ; adresse e-mail à vérifier',
    );
    expect(text).toContain(
      'renvoyée par courrier : l’e-mail du 04/05/2026 n’a pas été remis (échec d’envoi)',
    );
  });

  it('while an e-mail waits in the outbox, its step is not proposed twice', async () => {
    await executeDunningRun(ctx('2026-05-20'), { asOf: '2026-05-20' });
    // Nothing dispatched since: A1's second try and C1's first reminder are still to send.
    expect(await planned('2026-05-21')).toEqual([]);
    // D1's reminder went by post: a letter, the step reached, nothing in the outbox.
    const martin = await listDunningActions(ctx('2026-05-21'), { customerCode: 'D1' });
    expect(martin.items.map((a) => [a.actionDate, a.stepCode, a.channel, a.delivery])).toEqual([
      ['2026-05-20', 'reminder_1', 'letter', null],
      ['2026-05-04', 'reminder_1', 'email', 'failed'],
    ]);
  });

  it('the dunning log says what became of each e-mail, in the API too', async () => {
    const log = await listDunningActions(ctx('2026-05-21'), { customerCode: 'A1' });
    expect(log.items.map((a) => [a.actionDate, a.stepCode, a.status, a.delivery])).toEqual([
      ['2026-05-20', 'reminder_1', 'sent', 'pending'],
      ['2026-05-04', 'reminder_1', 'sent', 'failed'],
    ]);
    const faure = await listDunningActions(ctx('2026-05-21'), { customerCode: 'B1' });
    expect(faure.items.map((a) => a.delivery)).toEqual(['pending', 'sent']);
    const t = translator('fr');
    expect(spaced(t('dunningHistory.delivery', { delivery: 'failed' }))).toBe(
      'E-mail non remis (échec d’envoi)',
    );
    expect(spaced(t('dunningHistory.delivery', { delivery: 'pending' }))).toBe('E-mail en attente d’envoi');
    const app = await buildServer(database.runtime, { webRoot: null });
    try {
      const session = await signIn(app, MANAGER);
      const answer = await app.inject({
        method: 'GET',
        url: '/api/dunning/actions?customerCode=A1',
        headers: session.headers,
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.json().items.map((a: { delivery: string }) => a.delivery)).toEqual(['pending', 'failed']);
    } finally {
      await app.close();
    }
  });

  it('a hand-over check says no reminder reached the debtor, not that none was sent', async () => {
    const { partnerId } = await savePartner(ctx('2026-05-21'), CABINET_DURAND);
    const check = await checkHandOver(ctx('2026-05-21'), { customerCode: 'A1', partnerId });
    expect(check.warnings[0]).toEqual({
      code: 'no_reminder_delivered',
      date: '2026-05-20',
      delivery: 'pending',
    });
    expect(spaced(warningText('fr', check.warnings[0]!))).toBe(
      'Aucune relance n’est parvenue au débiteur pour ces factures : la dernière, par e-mail du 20/05/2026, ne lui a pas été remise (en attente d’envoi).',
    );
  });
});
