/**
 * A hand-over on the day of a formal notice, and the receipt of the notice in the injunction
 * checklist (issue 15). Guérin Négoce was put on notice on 5 May 2026 for G1-1 and G1-2 and on
 * 30 June for G1-3 and G1-4 (eight days to pay: until 8 July), both by registered letter. Handed
 * over on 30 June with the form left empty, the file takes G1-1 and G1-2 only: G1-3 and G1-4 are
 * left out, said so in the preview, the CLI, the API and the cover letter (in the past tense once
 * the deadline is over); named, or asked for, they are taken. A customer whose every overdue invoice
 * is under the running notice gets nothing handed over by default, and is told why. The notice of
 * 5 May is « disponible » in annex 4 only once La Poste's signed receipt is recorded: before, no
 * number and no receipt are recorded, and the checklist says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { recordRegisteredOutcome, recordTrackingNumber } from '#app/dunning/registered-tracking';
import { savePartner } from '#app/legal/handover';
import { getLegalFileDetail } from '#app/legal/handover-checklist';
import { buildHandoverPackage } from '#app/legal/handover-package';
import { checkHandOver, leftOutText } from '#app/legal/handover-warnings';
import { buildServer } from '#http/server';
import { formatMoney } from '#text/format';
import { injunctionPieceStatus } from '#text/injunction-pieces';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { cliOutput } from '../support/cli-output.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { PASSWORD, signIn } from './http-fixture.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

const AS_OF = '2026-06-30';
const NBSP = '\u00a0';
const money = (minor: number) => formatMoney('fr', minor, 'EUR');
let database: TestDatabase;
let partnerId = 0;
let mayNotice = 0;
const ctx = (): AppContext => database.context('LPN', AS_OF);

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('LPN')
    .addCustomer('G1', { name: 'Guérin Négoce' })
    .addCustomer('G2', { name: 'Garage Morel' });
  b.invoice('G1', '2026-02-13', '2026-03-15', eur(5_000), 'G1-1');
  b.invoice('G1', '2026-03-11', '2026-04-10', eur(3_000), 'G1-2');
  b.invoice('G1', '2026-04-20', '2026-05-20', eur(2_000), 'G1-3');
  b.invoice('G1', '2026-05-02', '2026-06-01', eur(1_500), 'G1-4');
  b.invoice('G2', '2026-04-20', '2026-05-20', eur(900), 'G2-1');
  await loadDataset(
    { ...ctx(), actor: 'test' },
    {
      ...b.dataset(AS_OF),
      users: [{ email: 'claire@lpn.test', role: 'credit_manager', salesperson: null, name: 'claire' }],
    },
  );
  partnerId = (await savePartner(ctx(), CABINET_DURAND)).partnerId;
  const remind = (customerCode: string, documentRefs: string[], stepCode: string, doneOn: string) =>
    recordManualReminder(ctx(), {
      customerCode,
      documentRefs,
      channel: stepCode === 'formal_notice' ? 'registered_letter' : 'letter',
      stepCode,
      doneOn,
    });
  await remind('G1', ['G1-1', 'G1-2'], 'reminder_2', '2026-04-20');
  mayNotice = (await remind('G1', ['G1-1', 'G1-2'], 'formal_notice', '2026-05-05')).actions[0]!.actionId;
  await remind('G1', ['G1-3', 'G1-4'], 'reminder_2', '2026-06-10');
  await remind('G1', ['G1-3', 'G1-4'], 'formal_notice', AS_OF);
  await remind('G2', ['G2-1'], 'reminder_2', '2026-06-10');
  await remind('G2', ['G2-1'], 'formal_notice', AS_OF);
}, 120_000);
afterAll(async () => database?.close());

/** `encours --company LPN --json …` in this process, on the test database: its one JSON document. */
async function encoursJson(...args: string[]): Promise<{ status: number; json: unknown }> {
  const { status, stdout } = await cliOutput(database.runtime, 'LPN', ['--json', ...args]);
  return { status, json: JSON.parse(stdout) };
}

const LEFT_OUT = {
  noticeDate: AS_OF,
  deadline: '2026-07-08',
  invoices: [
    { documentRef: 'G1-3', dueDate: '2026-05-20', openMinor: eur(2_000) },
    { documentRef: 'G1-4', dueDate: '2026-06-01', openMinor: eur(1_500) },
  ],
  totalMinor: eur(3_500),
};

describe('a hand-over on the day of a formal notice', () => {
  it('leaves out the invoices whose notice still gives time to pay, and says so', async () => {
    const check = await checkHandOver(ctx(), { customerCode: 'G1', partnerId });
    expect(check.invoices.map((i) => i.documentRef)).toEqual(['G1-1', 'G1-2']);
    expect(check.totalMinor).toBe(eur(8_000));
    expect(check.leftOut).toEqual([LEFT_OUT]);
    // The notice of the invoices taken ran out on 13 May: nothing is pending for them.
    expect(check.warnings.map((w) => w.code)).not.toContain('notice_deadline_pending');
    expect(leftOutText('fr', LEFT_OUT, 'EUR')).toBe(
      `2 factures laissées de côté (${money(eur(3_500))})${NBSP}: délai de la mise en demeure du 30/06/2026 en cours jusqu’au 08/07/2026 — G1-3, G1-4`,
    );
    expect(leftOutText('en', LEFT_OUT, 'EUR')).toBe(
      `2 invoices left out (${formatMoney('en', eur(3_500), 'EUR')}): the formal notice of 30/06/2026 gives time to pay until 08/07/2026 — G1-3, G1-4`,
    );
  });

  it('takes them when asked for, or named, with the warning of the deadline', async () => {
    const all = await checkHandOver(ctx(), { customerCode: 'G1', partnerId, includePendingNotice: true });
    expect(all.invoices.map((i) => i.documentRef)).toEqual(['G1-1', 'G1-2', 'G1-3', 'G1-4']);
    expect(all.leftOut).toEqual([]);
    expect(all.warnings).toContainEqual({
      code: 'notice_deadline_pending',
      date: AS_OF,
      deadline: '2026-07-08',
    });
    const named = await checkHandOver(ctx(), { customerCode: 'G1', partnerId, invoices: ['G1-3'] });
    expect([named.invoices.map((i) => i.documentRef), named.leftOut]).toEqual([['G1-3'], []]);
  });

  it('hands nothing over by default when every overdue invoice is under the running notice', async () => {
    await expect(checkHandOver(ctx(), { customerCode: 'G2', partnerId })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const { status, json } = await encoursJson(
      'legal',
      'handover',
      'G2',
      '--partner',
      String(partnerId),
      '--check',
    );
    expect(status).not.toBe(0);
    expect(JSON.stringify(json)).toContain(
      `La seule facture échue du client G2 relève d’une mise en demeure dont le délai de paiement court encore (la dernière, du 30/06/2026, jusqu’au 08/07/2026)${NBSP}: aucune n’est transmise par défaut.`,
    );
    const asked = await encoursJson(
      'legal',
      'handover',
      'G2',
      '--partner',
      String(partnerId),
      '--check',
      '--include-pending-notice',
    );
    expect(asked.status).toBe(0);
    expect(
      (asked.json as { invoices: { documentRef: string }[] }).invoices.map((i) => i.documentRef),
    ).toEqual(['G2-1']);
  });

  it('answers the same over the API, which takes includePendingNotice', async () => {
    const app = await buildServer(database.runtime, { webRoot: null });
    try {
      const manager = await signIn(app, 'claire@lpn.test', PASSWORD);
      const check = (payload: object) =>
        app.inject({ method: 'POST', url: '/api/legal/files/check', headers: manager.headers, payload });
      const left = await check({ customerCode: 'G1', partnerId });
      expect(left.statusCode).toBe(200);
      expect(left.json().leftOut).toEqual([LEFT_OUT]);
      const asked = await check({ customerCode: 'G1', partnerId, includePendingNotice: true });
      expect([asked.statusCode, asked.json().invoices.length, asked.json().leftOut]).toEqual([200, 4, []]);
    } finally {
      await app.close();
    }
  });

  it('tells the cover letter of the file what was left out, and in annex 4 what became of the notice', async () => {
    const { status, json } = await encoursJson('legal', 'handover', 'G1', '--partner', String(partnerId));
    expect(status).toBe(0);
    const handed = json as {
      fileId: number;
      invoices: { documentRef: string }[];
      leftOut: { message: string }[];
    };
    expect(handed.invoices.map((i) => i.documentRef)).toEqual(['G1-1', 'G1-2']);
    expect(handed.leftOut.map((l) => l.message)).toEqual([leftOutText('fr', LEFT_OUT, 'EUR')]);

    const letter = await buildHandoverPackage(ctx(), { fileId: handed.fileId, date: AS_OF });
    const leftOut = `2 autres factures échues (G1-3 et G1-4, soit ${money(eur(3_500))}) ne vous sont pas transmises${NBSP}: le délai de paiement laissé par notre mise en demeure du 30${NBSP}juin${NBSP}2026`;
    expect(letter.text.demand).toContain(`${leftOut} court jusqu’au 8${NBSP}juillet${NBSP}2026.`);
    // The notice of the invoices handed over ran out long ago: « restée sans effet ».
    expect(letter.text.demand.join(' ')).toMatch(
      /le 5\u00a0mai\u00a02026 par lettre recommandée avec accusé de réception, restée sans effet/,
    );
    const later = await buildHandoverPackage(ctx(), { fileId: handed.fileId, date: '2026-07-20' });
    expect(later.text.demand).toContain(
      `${leftOut} courait jusqu’au 8${NBSP}juillet${NBSP}2026 lors de la transmission.`,
    );

    // The notice of 5 May recorded by hand: no La Poste number, no receipt — not « disponible ».
    const notice = async () =>
      (await getLegalFileDetail(ctx(), { fileId: handed.fileId })).checklist.pieces.find(
        (p) => p.piece === 'formal_notice_ar',
      )!;
    expect(await notice()).toMatchObject({
      status: 'to_provide',
      date: '2026-05-05',
      receipt: 'not_deposited',
    });
    expect(injunctionPieceStatus('fr', await notice())).toBe(
      `à fournir (mise en demeure du 05/05/2026${NBSP}: numéro de recommandé et accusé de réception non enregistrés)`,
    );
    await recordTrackingNumber(ctx(), {
      actionId: mayNotice,
      trackingNumber: '1A 123 456 7890 1',
      depositedOn: '2026-05-05',
    });
    expect(injunctionPieceStatus('fr', await notice())).toBe(
      `à fournir (mise en demeure envoyée le 05/05/2026, accusé de réception attendu) — recommandé n°${NBSP}1A 123 456 7890 1 déposé le 05/05/2026, avis de réception non reçu`,
    );
    await recordRegisteredOutcome(ctx(), {
      actionId: mayNotice,
      outcome: 'delivered',
      outcomeOn: '2026-05-07',
    });
    expect(await notice()).toMatchObject({ status: 'on_record', receipt: 'signed' });
    expect(injunctionPieceStatus('fr', await notice())).toBe(
      `disponible dans Encours (du 05/05/2026) — recommandé n°${NBSP}1A 123 456 7890 1 déposé le 05/05/2026, AR signé le 07/05/2026`,
    );
  });

  it('lists the file once handed over without saying its hand-over twice', async () => {
    // The previous case handed G1 over; before any report from the partner, the line says so.
    const { status, stdout } = await cliOutput(database.runtime, 'LPN', ['legal', 'files']);
    expect(status).toBe(0);
    expect(stdout).toContain('transmis le 30/06/2026 — pas encore de retour du partenaire — transmis ');
    expect(stdout).not.toMatch(/Transmis à l’avocat le/u);
  });
});
