/**
 * What a hand-over warns of beyond reminders and notes, and what its cover letter may say of the
 * formal notice. Garage Morel was reminded on 2 June 2026 for its three invoices and put on notice
 * on 30 June for two of them (eight days to pay: until 8 July); the third is disputed, and the
 * customer promised on 25 June to pay the second by 15 July. Handed over on 30 June with the
 * invoices under that notice (asked for: by default they are left out, legal-handover-pending-notice),
 * the file warns of the notice's deadline still running, of the invoice in no notice, of the dispute and of
 * the promise; its letter cites the notice for the two invoices it named only, and gives its
 * deadline instead of calling it « restée sans effet ». Dated 20 July, the letter calls it so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { openDispute } from '#app/dunning/disputes';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { recordPromise } from '#app/dunning/promises';
import { handOver, savePartner } from '#app/legal/handover';
import { buildHandoverPackage } from '#app/legal/handover-package';
import { checkHandOver, warningText } from '#app/legal/handover-warnings';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

const AS_OF = '2026-06-30';
let database: TestDatabase;
let partnerId = 0;
const ctx = (): AppContext => database.context('LHC', AS_OF);

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('LHC').addCustomer('M1', { name: 'Garage Morel' });
  b.invoice('M1', '2026-03-16', '2026-04-15', eur(2_400), 'M1-1');
  b.invoice('M1', '2026-04-15', '2026-05-15', eur(1_300), 'M1-2');
  b.invoice('M1', '2026-04-20', '2026-05-20', eur(900), 'M1-3');
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset(AS_OF));
  partnerId = (await savePartner(ctx(), CABINET_DURAND)).partnerId;
  await recordManualReminder(ctx(), {
    customerCode: 'M1',
    documentRefs: ['M1-1', 'M1-2', 'M1-3'],
    channel: 'letter',
    stepCode: 'reminder_2',
    doneOn: '2026-06-02',
  });
  await openDispute(ctx(), {
    documentRef: 'M1-3',
    reason: 'quality',
    openedOn: '2026-06-10',
    note: 'Pièces livrées non conformes.',
  });
  await recordPromise(ctx(), {
    customerCode: 'M1',
    madeOn: '2026-06-25',
    instalments: [{ dueDate: '2026-07-15', amountMinor: eur(1_300) }],
    documentRefs: ['M1-2'],
  });
  await recordManualReminder(ctx(), {
    customerCode: 'M1',
    documentRefs: ['M1-1', 'M1-2'],
    channel: 'registered_letter',
    stepCode: 'formal_notice',
    doneOn: AS_OF,
  });
}, 120_000);
afterAll(async () => database?.close());

describe('a hand-over on the day of the formal notice', () => {
  it('warns of its deadline, of the invoice it left out, of the dispute and of the promise', async () => {
    const check = await checkHandOver(ctx(), {
      customerCode: 'M1',
      partnerId,
      date: AS_OF,
      includePendingNotice: true,
    });
    expect(check.invoices.map((i) => i.documentRef)).toEqual(['M1-1', 'M1-2', 'M1-3']);
    expect(check.warnings).toEqual([
      { code: 'not_in_formal_notice', date: AS_OF, refs: ['M1-3'] },
      { code: 'notice_deadline_pending', date: AS_OF, deadline: '2026-07-08' },
      { code: 'open_dispute', refs: ['M1-3'] },
      { code: 'promise_pending', date: '2026-07-15', refs: ['M1-2'] },
    ]);
    expect(check.warnings.map((w) => warningText('fr', w))).toEqual([
      'La facture M1-3 n’a fait l’objet d’aucune mise en demeure (la dernière, du 30/06/2026, ne la visait pas).',
      'Le délai de paiement laissé par la mise en demeure du 30/06/2026 court jusqu’au 08/07/2026\u00a0: elle ne peut pas encore être dite restée sans effet.',
      'Litige en cours sur la facture M1-3\u00a0: la créance est contestée.',
      'Promesse de paiement en cours sur la facture M1-2 (dernière échéance le 15/07/2026)\u00a0: elle n’est ni échue ni rompue.',
    ]);
    expect(warningText('en', check.warnings[1]!)).toBe(
      'The time to pay given by the formal notice of 30/06/2026 runs until 08/07/2026: it cannot yet be said to have had no effect.',
    );
  });

  it('writes a cover letter that cites the notice only for its invoices, and its deadline until it has passed', async () => {
    const file = await handOver(ctx(), {
      customerCode: 'M1',
      partnerId,
      date: AS_OF,
      includePendingNotice: true,
    });
    expect(file.warnings.map((w) => w.code)).toEqual([
      'not_in_formal_notice',
      'notice_deadline_pending',
      'open_dispute',
      'promise_pending',
    ]);

    const early = await buildHandoverPackage(ctx(), { fileId: file.fileId, date: AS_OF });
    expect(early.text.intro[0]).toMatch(
      /, qui reste redevable des factures suivantes, échues et impayées malgré nos relances\u00a0:$/,
    );
    expect(early.text.demand.slice(1, 3)).toEqual([
      'Une relance a été adressée au débiteur le 2\u00a0juin\u00a02026.',
      'Une mise en demeure lui a été adressée le 30\u00a0juin\u00a02026 par lettre recommandée avec accusé de réception\u00a0; parmi les factures transmises, elle ne visait que les factures M1-1 et M1-2\u00a0; le délai de paiement qu’elle lui laisse court jusqu’au 8\u00a0juillet\u00a02026.',
    ]);

    const later = await buildHandoverPackage(ctx(), { fileId: file.fileId, date: '2026-07-20' });
    expect(later.text.intro[0]).toMatch(
      /, échues et impayées malgré nos relances, dont les factures M1-1 et M1-2 malgré notre mise en demeure du 30\u00a0juin\u00a02026\u00a0:$/,
    );
    expect(later.text.demand[2]).toBe(
      'Une mise en demeure lui a été adressée le 30\u00a0juin\u00a02026 par lettre recommandée avec accusé de réception\u00a0; parmi les factures transmises, elle ne visait que les factures M1-1 et M1-2\u00a0; elle est restée sans effet.',
    );
    const english = await buildHandoverPackage(ctx(), {
      fileId: file.fileId,
      date: '2026-07-20',
      lang: 'en',
    });
    expect(english.text.intro[0]).toMatch(
      /, due and unpaid despite our reminders, invoices M1-1 and M1-2 also despite our formal notice of (June\u00a030,\u00a02026|30\u00a0June\u00a02026):$/,
    );
  });
});
