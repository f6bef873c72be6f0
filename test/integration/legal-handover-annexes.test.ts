/**
 * What the legal file shows its lawyer, read on a debtor like the demo's Brunet Distribution (issue
 * 15): the imported history reminded K1-1 (« 2 pièces échues », with K1-0 paid since) and put it on
 * notice; K1-2 fell due since and was never reminded; K1-3 was put on notice by Encours on 26
 * September, its time to pay still running, so it is left out. The check's warning names that notice
 * of 26 September as « la dernière »; the cover letter says « malgré nos relances » of K1-1 only and
 * names K1-2 as not yet reminded, and says the notice named K1-1 alone among the invoices handed over,
 * as annex 2 says it named 2 pieces, K1-1 of the file among them; annex 1 pairs each amount the
 * history states with its count of pieces, and gives Encours's steps no level beside the history's own
 * numbering; annex 3 holds the exchanges with the debtor, none of the creditor's internal lines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { handOver, savePartner } from '#app/legal/handover';
import { buildHandoverPackage } from '#app/legal/handover-package';
import { checkHandOver } from '#app/legal/handover-warnings';
import type { CustomerEvent } from '#core/types';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

const AS_OF = '2025-09-30';
let database: TestDatabase;
let partnerId = 0;
const ctx = (): AppContext => database.context('LHA', AS_OF);

const event = (
  kind: CustomerEvent['kind'],
  eventDate: string,
  detail: string,
  documentRef: string | null = null,
) => ({ customerCode: 'K1', kind, eventDate, documentRef, detail }) as CustomerEvent;

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('LHA').addCustomer('K1', { name: 'Brunet Négoce' });
  b.invoice('K1', '2025-04-10', '2025-05-10', eur(2_000), 'K1-0');
  b.invoice('K1', '2025-05-15', '2025-06-15', eur(3_000), 'K1-1');
  b.invoice('K1', '2025-07-20', '2025-08-20', eur(1_500), 'K1-3');
  b.invoice('K1', '2025-08-01', '2025-08-31', eur(1_000), 'K1-2');
  b.payment('K1', '2025-09-15', [['K1-0', eur(2_000)]]);
  const dataset = b.dataset(AS_OF);
  const events = [
    event(
      'reminder',
      '2025-07-01',
      'Relance niveau 2 (seconde relance par courrier) : 2 pièces échues pour 5 000,00 €',
      'K1-0',
    ),
    event(
      'reminder',
      '2025-08-05',
      'Relance niveau 3 (mise en demeure en recommandé avec AR) : 2 pièces échues pour 5 000,00 €, la plus ancienne K1-0 échue depuis 87 jours',
      'K1-0',
    ),
    event('limit_change', '2025-03-01', 'Plafond de crédit fixé à 20 000,00 € sur la base des volumes 2025'),
    event('note', '2025-09-10', 'Le commercial demande la validation des commandes en attente.'),
    event('note', '2025-09-12', 'Le client conteste le montant des pénalités de retard.'),
    event('call', '2025-09-16', 'Appel : le client promet un virement sous huitaine.'),
    event('dispute', '2025-05-20', 'Réclamation : colis endommagés à la livraison.', 'K1-0'),
  ];
  await loadDataset({ ...ctx(), actor: 'test' }, { ...dataset, events: [...dataset.events, ...events] });
  // The creditor's own lines, written by its credit checks: never shown to the lawyer.
  await database.runtime.handle.db
    .insertInto('customer_events')
    .values([
      {
        company_id: 'LHA',
        customer_code: 'K1',
        kind: 'risk_alert',
        event_date: '2025-09-29',
        detail: 'Classe de risque B → D.',
      },
      {
        company_id: 'LHA',
        customer_code: 'K1',
        kind: 'order_decision',
        event_date: '2025-09-29',
        detail: 'Commande CMD-1 de 1 959,63 € — En attente de validation.',
      },
    ])
    .execute();
  partnerId = (await savePartner(ctx(), CABINET_DURAND)).partnerId;
  const remind = (documentRefs: string[], stepCode: string, doneOn: string) =>
    recordManualReminder(ctx(), {
      customerCode: 'K1',
      documentRefs,
      channel: stepCode === 'formal_notice' ? 'registered_letter' : 'letter',
      stepCode,
      doneOn,
    });
  await remind(['K1-1'], 'reminder_2', '2025-09-08');
  await remind(['K1-3'], 'formal_notice', '2025-09-26');
}, 120_000);
afterAll(async () => database?.close());

describe('a debtor reminded for some invoices, put on notice since for others', () => {
  it('warns of the invoice in no notice, naming the customer’s latest notice', async () => {
    const check = await checkHandOver(ctx(), { customerCode: 'K1', partnerId });
    expect(check.invoices.map((i) => i.documentRef)).toEqual(['K1-1', 'K1-2']);
    expect(check.leftOut.map((group) => group.noticeDate)).toEqual(['2025-09-26']);
    expect(check.warnings).toEqual([{ code: 'not_in_formal_notice', date: '2025-09-26', refs: ['K1-2'] }]);
  });

  it('tells the lawyer which invoices were reminded, and shows only the exchanges with the debtor', async () => {
    const file = await handOver(ctx(), { customerCode: 'K1', partnerId });
    const model = await buildHandoverPackage(ctx(), { fileId: file.fileId });
    const plain = (line: string) => line.replace(/[\u00a0\u202f]/g, ' ');
    expect(plain(model.text.intro[0] ?? '')).toMatch(
      /échues et impayées : la facture K1-1 malgré nos relances et notre mise en demeure du 5 août 2025, et la facture K1-2, qui n’a pas encore été relancée :$/,
    );
    expect(model.text.demand.map(plain)).toContain(
      'Une mise en demeure lui a été adressée le 5 août 2025 par lettre recommandée avec accusé de réception (selon l’historique de relances importé ; l’accusé de réception n’est pas joint au dossier) ; parmi les factures transmises, elle ne visait que la facture K1-1 ; elle est restée sans effet.',
    );
    const annexes = model.annexes ?? [];
    const tables = annexes.flatMap((b) => (b.type === 'table' ? [b.table] : []));
    // Annex 1: the history's amount beside its count of pieces; Encours's step without a level.
    expect(tables[0]?.rows.map((row) => [row[0], row[1], row[2], row[3]])).toEqual([
      [
        '2025-07-01',
        expect.stringContaining('Relance niveau 2'),
        `2 pièces échues, dont K1-1 du dossier`,
        500_000,
      ],
      [
        '2025-08-05',
        expect.stringContaining('Relance niveau 3'),
        `2 pièces échues, dont K1-1 du dossier`,
        500_000,
      ],
      ['2025-09-08', expect.not.stringContaining('niveau'), 'K1-1', expect.anything()],
    ]);
    const facts = annexes.flatMap((b) => (b.type === 'facts' ? b.items : []));
    expect(facts.find((f) => f.label === 'Factures')?.value).toBe('2 pièces échues, dont K1-1 du dossier');
    // Annex 3: the call, the dispute and the note recording the debtor's contest; no limit change,
    // risk alert, order decision nor internal note.
    const story = tables.find((table) => table.columns[1]?.header === 'Nature');
    expect(story?.rows.map((row) => [row[0], row[2]])).toEqual([
      ['2025-05-20', 'Réclamation : colis endommagés à la livraison.'],
      ['2025-09-12', 'Le client conteste le montant des pénalités de retard.'],
      ['2025-09-16', 'Appel : le client promet un virement sous huitaine.'],
    ]);
  });
});
