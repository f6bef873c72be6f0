/**
 * The customer file's open items say where each invoice stands in the dunning, on the demo company
 * (30 June 2026), for Bricolage du Parc (C00006): before Encours sent anything, the steps the
 * imported story's reminder of 5 June raised its invoices to, as the planner counts them; then a
 * formal notice recorded by hand, an invoice handed over to a lawyer (and withdrawn), each read back
 * from the use case and from `GET /api/customers/:code`; for Guérin Négoce (C00162), an imported
 * reminder that had reached the formal notice, which the level stops below, then the imported formal
 * notices by registered letter that followed, each the notice itself. The promises to pay API
 * names the customer and gives each instalment's deadline and state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { getCustomerFile } from '#app/customers/customers';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { loadPlanData } from '#app/dunning/plan-data';
import { recordPromise } from '#app/dunning/promises';
import { handOver, savePartner } from '#app/legal/handover';
import { recordStepReports } from '#app/legal/handover-steps';
import { EXAMPLE_STEPS } from '#core/dunning/policy';
import type { ApiServer } from '#http/api-types';
import { buildServer } from '#http/server';
import { translator } from '#text/catalogue';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { type Session, signIn } from './http-fixture.ts';

const AS_OF = '2026-06-30';
const CODE = 'C00006';
let database: TestDatabase;
let ctx: AppContext;
let app: ApiServer;
let manager: Session;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', AS_OF);
  app = await buildServer(database.runtime, { webRoot: null });
  manager = await signIn(app, 'claire.moreau@cb2c.example');
}, 600_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** Each open item's reference with its follow-up, from the use case. */
async function followUps(asOf = AS_OF) {
  const file = await getCustomerFile(ctx, CODE, asOf);
  return file.openItems.map(({ externalRef, lastDunningStep, handedOver }) => ({
    externalRef,
    lastDunningStep,
    handedOver,
  }));
}

const imported = (level: number) => {
  const step = EXAMPLE_STEPS[level - 1]!;
  return {
    sentOn: '2026-06-05',
    level,
    stepCode: step.code,
    stepKind: step.kind,
    channel: null,
    stepChannel: step.channel,
    source: 'imported',
    cappedBefore: null,
  };
};

async function fileOverHttp() {
  const response = await app.inject({
    method: 'GET',
    url: `/api/customers/${CODE}`,
    headers: manager.headers,
  });
  expect(response.statusCode).toBe(200);
  return response.json().openItems as Record<string, unknown>[];
}

describe('the open items’ dunning follow-up', () => {
  it('shows the steps the imported reminders raised the invoices to, as the planner counts them', async () => {
    expect(await followUps()).toEqual([
      { externalRef: 'F2026-001100', lastDunningStep: imported(4), handedOver: false },
      { externalRef: 'F2026-001223', lastDunningStep: imported(3), handedOver: false },
      { externalRef: 'F2026-001860', lastDunningStep: null, handedOver: false },
    ]);
    // The planner's own levels, from the same state and story.
    const plan = await loadPlanData(ctx.db, 'CB2C', { asOf: AS_OF, customerCodes: [CODE] });
    expect(plan.invoices.map((invoice) => [invoice.level, invoice.lastStepDate])).toEqual([
      [4, '2026-06-05'],
      [3, '2026-06-05'],
      [0, null],
    ]);
    // « call » and « reminder_2 » of the default policy: a call, then the second reminder.
    expect(EXAMPLE_STEPS[3]).toMatchObject({ code: 'call', kind: 'reminder', channel: 'call_task' });
    // The day before, the file reads the reminder of 5 May: F2026-001100 was two days late, so the
    // only step whose date had come was the courtesy one (the planner's rule); the others were not due.
    expect((await followUps('2026-06-04')).map((item) => [item.externalRef, item.lastDunningStep])).toEqual([
      ['F2026-001100', { ...imported(1), sentOn: '2026-05-05' }],
      ['F2026-001223', null],
      ['F2026-001860', null],
    ]);
  });

  it('says when an imported reminder had reached the formal notice the level stops below', async () => {
    // Guérin Négoce (C00162): the story's « seconde relance par courrier » of 5 January 2026 found
    // F2025-003393, due 7 November 2025, 59 days late, past the notice's D+45; the level stops at the
    // call, the notice is Encours's to send (as it stood on 20 January).
    const before = await getCustomerFile(ctx, 'C00162', '2026-01-20');
    const oldest = before.openItems.find((item) => item.externalRef === 'F2025-003393');
    expect(oldest?.lastDunningStep).toEqual({
      ...imported(4),
      sentOn: '2026-01-05',
      cappedBefore: 'formal_notice',
    });
    // One reminder 33 days after the due date (C00006's of 5 June) had not reached it.
    expect((await followUps())[0]?.lastDunningStep?.cappedBefore).toBeNull();
    expect(
      translator('fr')('dunningFollowUp.step.importedCapped', {
        date: '05/01/2026',
        before: 'formal_notice',
      }),
    ).toBe(
      'niveau déduit de la relance importée du 05/01/2026, arrêté avant la mise en demeure\u00a0: l’historique n’en prouve pas l’envoi, Encours enverra la sienne',
    );
  });

  it('counts an imported formal notice by registered letter as the notice, dated by its line', async () => {
    // From 5 February 2026 the story's lines read « Relance niveau 3 (mise en demeure en recommandé
    // avec AR) »: the latest, of 5 May, put every invoice then overdue on notice — the legal file
    // and its warnings read the same notice (legal-handover-letter.test.ts).
    const file = await getCustomerFile(ctx, 'C00162', AS_OF);
    const noticed = file.openItems.filter((item) => item.lastDunningStep?.stepKind === 'formal_notice');
    expect(noticed.map((item) => item.externalRef)).toContain('F2025-003393');
    for (const item of noticed) {
      expect(item.dueDate < '2026-05-05').toBe(true);
      expect(item.lastDunningStep).toEqual({ ...imported(5), sentOn: '2026-05-05' });
    }
    // Those due since were in no notice: their own steps.
    const later = file.openItems.filter((item) => item.kind === 'invoice' && item.dueDate >= '2026-05-05');
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((item) => item.lastDunningStep?.stepKind !== 'formal_notice')).toBe(true);
    expect(translator('fr')('dunningFollowUp.step.importedNotice', { date: '05/05/2026' })).toBe(
      'en recommandé avec AR le 05/05/2026, selon l’historique importé (accusé de réception non conservé dans Encours)',
    );
  });

  it('shows a formal notice recorded by hand as Encours’s step, with its channel', async () => {
    const done = await recordManualReminder(ctx, {
      customerCode: CODE,
      channel: 'registered_letter',
      stepCode: 'formal_notice',
      documentRefs: ['F2026-001100'],
      doneOn: AS_OF,
    });
    expect(done).toMatchObject({ stepCode: 'formal_notice', level: 5 });
    const [first, second] = await followUps();
    expect(first).toEqual({
      externalRef: 'F2026-001100',
      lastDunningStep: {
        sentOn: AS_OF,
        level: 5,
        stepCode: 'formal_notice',
        stepKind: 'formal_notice',
        channel: 'registered_letter',
        stepChannel: 'registered_letter',
        source: 'encours',
        cappedBefore: null,
      },
      handedOver: false,
    });
    expect(second?.lastDunningStep).toEqual(imported(3));
  });

  it('marks an invoice handed over until its file is withdrawn', async () => {
    const partner = await savePartner(ctx, {
      name: 'Cabinet Roux',
      kind: 'lawyer',
      email: 'contentieux@roux-avocats.example',
      addressLines: ['Maître Anne Roux', '3 place Bellecour', '69002 Lyon'],
      amicableCommissionBps: 1000,
      judicialCommissionBps: 1800,
      fileFeeMinor: 0,
      judicialFeeMinor: 0,
      currency: 'EUR',
    });
    const file = await handOver(ctx, {
      customerCode: CODE,
      partnerId: partner.partnerId,
      invoices: ['F2026-001223'],
    });
    expect((await followUps()).map((item) => [item.externalRef, item.handedOver])).toEqual([
      ['F2026-001100', false],
      ['F2026-001223', true],
      ['F2026-001860', false],
    ]);
    // The API answers the same fields as the use case, the schema keeping every one of them.
    const overHttp = await fileOverHttp();
    expect(
      overHttp.map((item) => [item['externalRef'], item['lastDunningStep'], item['handedOver']]),
    ).toEqual((await followUps()).map((item) => [item.externalRef, item.lastDunningStep, item.handedOver]));
    expect(overHttp[1]).toMatchObject({ externalRef: 'F2026-001223', daysPastDue: 47, openMinor: 50_711 });

    await recordStepReports(ctx, [{ fileId: file.fileId, step: 'withdrawn', date: AS_OF }]);
    expect((await followUps()).map((item) => item.handedOver)).toEqual([false, false, false]);
  });
});

describe('the promises to pay API', () => {
  it('names the customer and gives each instalment’s deadline and state', async () => {
    const recorded = await recordPromise(ctx, {
      customerCode: CODE,
      instalments: [
        { dueDate: '2026-07-15', amountMinor: 30_000 },
        { dueDate: '2026-07-31', amountMinor: 40_000 },
      ],
      note: 'Virement promis par le comptable',
    });
    const response = await app.inject({
      method: 'GET',
      url: `/api/dunning/promises?customerCode=${CODE}`,
      headers: manager.headers,
    });
    expect(response.statusCode).toBe(200);
    const promises = response.json() as Record<string, unknown>[];
    expect(promises).toHaveLength(1);
    expect(promises[0]).toMatchObject({
      promiseId: recorded.promiseId,
      customerCode: CODE,
      customerName: 'Bricolage du Parc',
      madeOn: AS_OF,
      documentRefs: [],
      assessment: {
        status: 'pending',
        promisedMinor: 70_000,
        paidMinor: 0,
        instalments: [
          {
            dueDate: '2026-07-15',
            deadline: '2026-07-17',
            amountMinor: 30_000,
            paidMinor: 0,
            status: 'pending',
          },
          {
            dueDate: '2026-07-31',
            deadline: '2026-08-02',
            amountMinor: 40_000,
            paidMinor: 0,
            status: 'pending',
          },
        ],
      },
    });
  });
});
