/**
 * A lawyer's file claims only the reminders that reached the debtor. Three customers are reminded
 * by runs of a policy that e-mails the first reminder and the formal notice and posts the second
 * reminder; after each run the outbox is dispatched through a mail server that refuses some
 * addresses for good (SMTP 550). Atelier Bernard's first reminder e-mail failed: first for a while
 * (SMTP 451, retried: the next run counts it as sent and escalates), then for good; its file
 * counts one reminder, not two, and annex 1 lists the failed e-mail apart, worded as not delivered. Brasserie
 * Faure's formal notice e-mail failed: the hand-over warns that no notice reached it (in the CLI's
 * JSON and the API's answer too), and the letter and annex 2 say so. Comptoir Lemaire's e-mails went out and count; its
 * formal notice, never dispatched, is still to send: the check warns of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCompanyIdentity } from '#app/companies/companies';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { executeDunningRun } from '#app/dunning/execute-run';
import { DEFAULT_POLICY } from '#app/dunning/plan-data';
import { savePolicyVersion } from '#app/dunning/policies';
import { handOver, savePartner } from '#app/legal/handover';
import { buildHandoverPackage } from '#app/legal/handover-package';
import { checkHandOver, warningText } from '#app/legal/handover-warnings';
import { type DispatchResult, dispatchOutbox, type MailTransport } from '#app/mail/dispatch';
import { buildServer } from '#http/server';
import type { LetterModel } from '#render/letters';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { cliOutput } from '../support/cli-output.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

const AS_OF = '2026-06-30';
const BERNARD = 'compta@bernard.example';
const FAURE = 'compta@faure.example';
const MANAGER = 'claire@lhu.test';
let database: TestDatabase;
let partnerId = 0;
const ctx = (today = AS_OF): AppContext => database.context('LHU', today);
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/**
 * A mail server that accepts every message but those to `refused`, which it refuses for good
 * (550), or for now (451: the outbox retries them).
 */
const server = (refused: readonly string[], responseCode = 550): MailTransport => ({
  async send(envelope) {
    if (envelope.to.some((to) => refused.includes(to)))
      throw Object.assign(new Error(`${responseCode} mailbox unavailable`), { responseCode });
    return { providerMessageId: '250 2.0.0 queued' };
  },
});

async function runAndDispatch(
  date: string,
  refused: readonly string[],
  responseCode?: number,
): Promise<DispatchResult> {
  await executeDunningRun(ctx(date), { asOf: date });
  const { db, clock, log } = ctx(date);
  return dispatchOutbox({ db, clock, log, transport: server(refused, responseCode) });
}

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('LHU')
    .addCustomer('A1', { name: 'Atelier Bernard', billingEmail: BERNARD })
    .addCustomer('B1', { name: 'Brasserie Faure', billingEmail: FAURE })
    .addCustomer('C1', { name: 'Comptoir Lemaire', billingEmail: 'ap@lemaire.example' });
  b.invoice('A1', '2026-03-25', '2026-04-24', eur(2_400), 'A1-1');
  b.invoice('B1', '2026-03-02', '2026-04-01', eur(3_600), 'B1-1');
  b.invoice('C1', '2026-04-10', '2026-05-10', eur(1_800), 'C1-1');
  const manager = { email: MANAGER, name: 'Claire', role: 'credit_manager' as const, salesperson: null };
  await loadDataset({ ...ctx('2026-05-01'), actor: 'test' }, { ...b.dataset(AS_OF), users: [manager] });
  await updateCompanyIdentity(ctx('2026-05-01'), {
    name: 'Dupont Distribution SAS',
    addressLine1: '8 quai Saint-Vincent',
    postalCode: '69001',
    city: 'Lyon',
    siren: '123456789',
  });
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
      step('reminder_2', 15, 'letter'),
      step('formal_notice', 30, 'email'),
      step('handover', 60, 'call_task'),
    ],
    catchUpByAge: false,
    accountFloor: false,
  });
  // 4 May: first reminders by e-mail to A1 and B1; A1's is refused for now, to be retried.
  expect(await runAndDispatch('2026-05-04', [BERNARD], 451)).toMatchObject({ sent: 1, failed: 1 });
  // 20 May: second reminders by post to A1 and B1 (A1's e-mail still to retry counts as sent), C1's
  // first reminder by e-mail, delivered; A1's retried e-mail is refused for good.
  expect(await runAndDispatch('2026-05-20', [BERNARD])).toMatchObject({ sent: 1, failed: 1 });
  // 5 June: formal notices by e-mail to A1 (delivered) and B1 (refused); C1's letter.
  expect(await runAndDispatch('2026-06-05', [FAURE])).toMatchObject({ sent: 1, failed: 1 });
  // 22 June: C1's formal notice, left in the outbox.
  await executeDunningRun(ctx('2026-06-22'), { asOf: '2026-06-22', customerCodes: ['C1'] });
  partnerId = (await savePartner(ctx(), CABINET_DURAND)).partnerId;
}, 300_000);
afterAll(async () => database?.close());

const annexTables = (model: LetterModel) =>
  (model.annexes ?? []).flatMap((block) => (block.type === 'table' ? [block.table] : []));
const annexParagraphs = (model: LetterModel) =>
  (model.annexes ?? []).flatMap((block) => (block.type === 'paragraph' ? [spaced(block.text)] : []));

describe('a reminder e-mail that failed', () => {
  it('is not counted in the letter, and annex 1 lists it apart as not delivered', async () => {
    const check = await checkHandOver(ctx(), { customerCode: 'A1', partnerId });
    expect(check.warnings).toEqual([]);
    const file = await handOver(ctx(), { customerCode: 'A1', partnerId });
    const model = await buildHandoverPackage(ctx(), { fileId: file.fileId });
    const demand = model.text.demand.map(spaced);
    expect(demand.slice(1, 4)).toEqual([
      'Une relance a été adressée au débiteur le 20 mai 2026.',
      'Une mise en demeure lui a été adressée le 5 juin 2026, restée sans effet.',
      'La relance par e-mail du 4 mai 2026 n’est pas parvenue au débiteur (échec d’envoi) ; elle figure à part en annexe 1 et n’est pas comptée parmi les relances adressées.',
    ]);
    const [sent, apart] = annexTables(model);
    expect(sent?.rows.map((row) => [row[0], row[1]])).toEqual([
      ['2026-05-20', 'Relance (niveau 2) — Courrier'],
      ['2026-06-05', 'Mise en demeure (niveau 3) — E-mail'],
    ]);
    expect(apart?.columns[1]?.header).toBe(
      'E-mail non remis au débiteur (non compté parmi les relances adressées)',
    );
    expect(apart?.rows.map((row) => [row[0], row[1], row[2]])).toEqual([
      ['2026-05-04', 'Relance (niveau 1) — e-mail non remis (échec d’envoi)', 'A1-1'],
    ]);
  });
});

describe('a formal notice e-mail that failed', () => {
  it('is warned of before the hand-over, by the CLI and the API too, in place of a notice sent', async () => {
    const check = await checkHandOver(ctx(), { customerCode: 'B1', partnerId });
    expect(check.warnings).toEqual([
      { code: 'formal_notice_undelivered', date: '2026-06-05', delivery: 'failed' },
    ]);
    expect(spaced(warningText('fr', check.warnings[0]!))).toBe(
      'La mise en demeure par e-mail du 05/06/2026 n’est pas parvenue au débiteur (échec d’envoi) : aucune mise en demeure ne lui a été remise, et un avocat la demandera avant toute procédure.',
    );
    const args = [
      '--json',
      'legal',
      'handover',
      'B1',
      '--partner',
      String(partnerId),
      '--check',
      '--lang',
      'en',
    ];
    const { status, stdout } = await cliOutput(database.runtime, 'LHU', args);
    expect(status).toBe(0);
    // The web page's form asks the API, which answers the same warning with what became of the e-mail.
    const app = await buildServer(database.runtime, { webRoot: null });
    try {
      const session = await signIn(app, MANAGER);
      const answer = await app.inject({
        method: 'POST',
        url: '/api/legal/files/check',
        headers: session.headers,
        payload: { customerCode: 'B1', partnerId },
      });
      expect(answer.json().warnings).toEqual(check.warnings);
    } finally {
      await app.close();
    }
    expect(JSON.parse(stdout).warnings).toEqual([
      {
        code: 'formal_notice_undelivered',
        date: '2026-06-05',
        delivery: 'failed',
        message:
          'The formal notice e-mailed on 05/06/2026 never reached the debtor (sending failed): no formal notice was delivered, and a lawyer will ask for one before any proceedings.',
      },
    ]);
  });

  it('is told in the letter and in annex 2 as not delivered, and listed apart in annex 1', async () => {
    const file = await handOver(ctx(), { customerCode: 'B1', partnerId });
    expect(file.warnings.map((w) => w.code)).toEqual(['formal_notice_undelivered']);
    const model = await buildHandoverPackage(ctx(), { fileId: file.fileId });
    expect(spaced(model.text.intro[0]!)).toMatch(/échues et impayées malgré nos relances :$/);
    expect(model.text.demand.slice(1, 3).map(spaced)).toEqual([
      '2 relances ont été adressées au débiteur, du 4 mai 2026 au 20 mai 2026.',
      'La mise en demeure par e-mail du 5 juin 2026 n’est pas parvenue au débiteur (échec d’envoi) : elle figure à part en annexe 1 et ne peut pas être invoquée ; nous vous laissons le soin de le mettre en demeure.',
    ]);
    expect(annexParagraphs(model)).toContain(
      'Aucune mise en demeure n’a été remise au débiteur : celle du 5 juin 2026, par e-mail, ne lui est pas parvenue (échec d’envoi) ; elle figure à part en annexe 1.',
    );
    expect(annexTables(model)[1]?.rows.map((row) => [row[0], row[1]])).toEqual([
      ['2026-06-05', 'Mise en demeure (niveau 3) — e-mail non remis (échec d’envoi)'],
    ]);
  });
});

describe('e-mails delivered, and a formal notice still in the outbox', () => {
  it('counts the e-mail delivered and warns that the notice has not been sent yet', async () => {
    const check = await checkHandOver(ctx(), { customerCode: 'C1', partnerId });
    expect(check.warnings).toEqual([
      { code: 'formal_notice_undelivered', date: '2026-06-22', delivery: 'pending' },
    ]);
    expect(spaced(warningText('fr', check.warnings[0]!))).toContain('(en attente d’envoi)');
  });
});
