/**
 * The cover letter of the legal file package says what the file holds, no more: a customer never
 * reminded is handed over with invoices « restées impayées à ce jour », no reminder or formal
 * notice claimed and only the annexes that hold something listed; a customer reminded and put on
 * notice (recorded by hand, as a reminder made outside Encours) is told so, with the count and the
 * notice's date. The hand-over warns, in the CLI's JSON too, of the missing formal notice and of
 * the customer's note asking not to chase it, without refusing. The debtor's legal form, absent
 * from the register, is read from its name in annex 4. A formal notice by registered letter that
 * only the imported history tells of is a notice sent: the warnings, the letter, annex 2 and the
 * injunction checklist name it, as known from the history, its receipt not in Encours.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { handOver, savePartner } from '#app/legal/handover';
import { buildHandoverPackage } from '#app/legal/handover-package';
import { checkHandOver } from '#app/legal/handover-warnings';
import { runCli } from '#cli/run';
import type { CustomerEvent } from '#core/types';
import { formatDate, formatMoney } from '#text/format';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

const AS_OF = '2025-09-30';
const NOTE = 'Client suivi directement par Mme Roux : ne pas relancer sans son accord.';
let database: TestDatabase;
let partnerId = 0;
const ctx = (): AppContext => database.context('LHL', AS_OF);

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('LHL')
    .addCustomer('D1', { name: 'SARL Dupont Frères' })
    .addCustomer('R1', { name: 'Garage Martin' })
    .addCustomer('H1', { name: 'Négoce Lambert' })
    .addCustomer('M1', { name: 'Guérin Négoce' });
  b.invoice('D1', '2025-05-15', '2025-06-15', eur(3_000), 'D1-1');
  b.invoice('D1', '2025-06-10', '2025-07-10', eur(1_200), 'D1-2');
  b.invoice('R1', '2025-05-20', '2025-06-20', eur(2_000), 'R1-1');
  b.invoice('H1', '2025-05-15', '2025-06-15', eur(3_000), 'H1-1');
  b.invoice('H1', '2025-07-21', '2025-08-20', eur(1_500), 'H1-2');
  // M1: the history names M1-0, paid since and so not in the file, on every line.
  b.invoice('M1', '2025-04-10', '2025-05-10', eur(2_000), 'M1-0');
  b.invoice('M1', '2025-05-15', '2025-06-15', eur(3_000), 'M1-1');
  b.invoice('M1', '2025-06-10', '2025-07-10', eur(1_000), 'M1-2');
  b.invoice('M1', '2025-06-25', '2025-07-25', eur(500), 'M1-3');
  b.invoice('M1', '2025-07-10', '2025-08-10', eur(800), 'M1-4');
  b.invoice('M1', '2025-08-20', '2025-09-20', eur(1_200), 'M1-5');
  b.payment('M1', '2025-09-15', [['M1-0', eur(2_000)]]);
  const dataset = b.dataset(AS_OF);
  const note: CustomerEvent = {
    customerCode: 'D1',
    kind: 'note',
    eventDate: '2024-11-04',
    documentRef: null,
    detail: NOTE,
  };
  // A quarrel of 2024 over an invoice long settled, not one handed over: the letter does not call
  // the claim contested, and says what the quarrel the story annex shows was about.
  const oldDispute: CustomerEvent = {
    customerCode: 'D1',
    kind: 'dispute',
    eventDate: '2024-03-12',
    documentRef: 'D1-0',
    detail: 'Colis endommagé, avoir établi.',
  };
  // The previous system's reminders, imported with the customers: the second a formal notice.
  const history = (eventDate: string, detail: string): CustomerEvent => ({
    customerCode: 'H1',
    kind: 'reminder',
    eventDate,
    documentRef: 'H1-1',
    detail,
  });
  const reminders = [
    history('2025-07-01', 'Relance niveau 1 (relance amiable par e-mail) : 1 pièce échue pour 3 000,00 €'),
    history(
      '2025-08-05',
      'Relance niveau 3 (mise en demeure en recommandé avec AR) : 1 pièce échue pour 3 000,00 €, la plus ancienne H1-1 échue depuis 51 jours',
    ),
  ];
  const guerin = (eventDate: string, detail: string): CustomerEvent => ({
    customerCode: 'M1',
    kind: 'reminder',
    eventDate,
    documentRef: 'M1-0',
    detail,
  });
  const guerinReminders = [
    guerin('2025-07-01', 'Relance niveau 2 (seconde relance par courrier) : 2 pièces échues pour 5 000,00 €'),
    guerin(
      '2025-08-05',
      'Relance niveau 3 (mise en demeure en recommandé avec AR) : 4 pièces échues pour 6 500,00 €, la plus ancienne M1-0 échue depuis 87 jours',
    ),
    guerin(
      '2025-09-05',
      'Relance niveau 3 (mise en demeure en recommandé avec AR) : 5 pièces échues pour 7 300,00 €, la plus ancienne M1-0 échue depuis 118 jours',
    ),
  ];
  await loadDataset(
    { ...ctx(), actor: 'test' },
    { ...dataset, events: [...dataset.events, note, oldDispute, ...reminders, ...guerinReminders] },
  );
  partnerId = (await savePartner(ctx(), CABINET_DURAND)).partnerId;
  const manual = { customerCode: 'R1', documentRefs: ['R1-1'] };
  await recordManualReminder(ctx(), {
    ...manual,
    channel: 'letter',
    stepCode: 'reminder_2',
    doneOn: '2025-07-07',
  });
  await recordManualReminder(ctx(), {
    ...manual,
    channel: 'registered_letter',
    stepCode: 'formal_notice',
    doneOn: '2025-08-04',
  });
}, 120_000);
afterAll(async () => database?.close());

/** `encours --company LHL --json …` in this process, on the test database: its one JSON document. */
async function encoursJson(...args: string[]): Promise<{ status: number; json: unknown }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write);
  try {
    const status =
      (await runCli(['--company', 'LHL', '--json', ...args], { runtime: database.runtime })) ?? 0;
    return { status, json: JSON.parse(stdout) };
  } finally {
    spy.mockRestore();
  }
}

describe('hand-over warnings', () => {
  it('tells them before anything is recorded, and the CLI hands over with them in its JSON', async () => {
    const check = await checkHandOver(ctx(), { customerCode: 'D1', partnerId });
    expect(check.invoices.map((i) => i.documentRef)).toEqual(['D1-1', 'D1-2']);
    expect(check.warnings).toEqual([
      { code: 'no_reminder' },
      { code: 'no_formal_notice' },
      { code: 'no_chase_note', date: '2024-11-04', note: NOTE },
    ]);

    const { status, json } = await encoursJson('legal', 'handover', 'D1', '--partner', String(partnerId));
    expect(status).toBe(0);
    const file = json as { fileId: number; invoices: unknown[]; warnings: unknown[] };
    expect(file.invoices).toHaveLength(2);
    expect(file.warnings).toEqual([
      { code: 'no_reminder', message: 'Aucune relance n’a été adressée au débiteur pour ces factures.' },
      {
        code: 'no_formal_notice',
        message:
          'Aucune mise en demeure n’a été envoyée\u00a0: un avocat la demandera avant toute procédure.',
      },
      {
        code: 'no_chase_note',
        date: '2024-11-04',
        note: NOTE,
        message: `Note du 04/11/2024\u00a0: «\u00a0${NOTE}\u00a0» — vérifier avant de transmettre.`,
      },
    ]);
  });

  it('has nothing to say of a customer reminded and put on notice', async () => {
    const file = await handOver(ctx(), { customerCode: 'R1', partnerId });
    expect(file.warnings).toEqual([]);
  });
});

describe('the cover letter', () => {
  const letterOf = async (customerCode: string) => {
    const files = await database.runtime.handle.db
      .selectFrom('legal_files')
      .select('file_id')
      .where('company_id', '=', 'LHL')
      .where('customer_code', '=', customerCode)
      .execute();
    return buildHandoverPackage(ctx(), { fileId: Number(files[0]!.file_id) });
  };

  it('claims no reminder nor notice for a customer never reminded, and lists only the annexes that hold something', async () => {
    const model = await letterOf('D1');
    expect(model.text.intro).toEqual([
      'Nous vous confions le recouvrement amiable puis, si nécessaire, judiciaire de notre créance sur la société SARL Dupont Frères, qui reste redevable des factures suivantes, échues et restées impayées à ce jour\u00a0:',
    ]);
    expect(model.text.demand.slice(1, 3)).toEqual([
      'Nous n’avons adressé au débiteur ni relance ni mise en demeure\u00a0: nous vous laissons le soin de le mettre en demeure.',
      'À notre connaissance, les factures transmises ne sont pas contestées\u00a0: la contestation figurant en annexe 3 porte sur une autre facture (D1-0).',
    ]);
    expect(model.text.demand.at(-1)).toBe(
      'Vous trouverez en annexe les échanges avec le débiteur (annexe 3) et la liste des pièces utiles à une requête en injonction de payer (annexe 4). Les copies des factures, bons de commande et bons de livraison vous seront adressées sur simple demande.',
    );
    // Annex 4: the form read from the name, not « inconnue ».
    const paragraphs = (model.annexes ?? []).flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain(
      'Forme juridique lue dans la raison sociale (SARL), faute de donnée du registre\u00a0: la vérifier au registre avant de déposer la requête.',
    );
    expect(paragraphs.some((p) => p.includes('inconnue'))).toBe(false);
  });

  it('tells the reminders and the formal notice with its date', async () => {
    const model = await letterOf('R1');
    expect(model.text.intro).toEqual([
      'Nous vous confions le recouvrement amiable puis, si nécessaire, judiciaire de notre créance sur la société Garage Martin, qui reste redevable des factures suivantes, échues et impayées malgré nos relances et notre mise en demeure du 4\u00a0août\u00a02025\u00a0:',
    ]);
    expect(model.text.demand.slice(1, 3)).toEqual([
      'Une relance a été adressée au débiteur le 7\u00a0juillet\u00a02025.',
      'Une mise en demeure lui a été adressée le 4\u00a0août\u00a02025 par lettre recommandée avec accusé de réception, restée sans effet.',
    ]);
    // Annex 3 holds no exchange with the debtor: its story tells only the reminders and the
    // hand-over's own note, the creditor's.
    expect(model.text.demand.at(-1)).toBe(
      'Vous trouverez en annexe l’historique des relances (annexe 1), la mise en demeure (annexe 2) et la liste des pièces utiles à une requête en injonction de payer (annexe 4). Les copies des factures, bons de commande et bons de livraison vous seront adressées sur simple demande.',
    );
    // Annex 1 lists each reminder once, though each is also told in the customer's story.
    const tables = (model.annexes ?? []).flatMap((b) => (b.type === 'table' ? [b.table] : []));
    expect(tables[0]?.rows.map((row) => row[0])).toEqual(['2025-07-07', '2025-08-04']);
  });

  it('says the same in English', async () => {
    const files = await database.runtime.handle.db
      .selectFrom('legal_files')
      .select('file_id')
      .where('company_id', '=', 'LHL')
      .where('customer_code', '=', 'D1')
      .execute();
    const model = await buildHandoverPackage(ctx(), { fileId: Number(files[0]!.file_id), lang: 'en' });
    expect(model.text.intro[0]).toMatch(
      /which still owes the following invoices, due and still unpaid to date:$/,
    );
    expect(model.text.demand.at(-1)).toMatch(
      /^Appended are the exchanges with the debtor \(appendix 3\) and the checklist of the documents an injunction to pay requires \(appendix 4\)\./,
    );
  });
});

describe('a formal notice the imported history tells of', () => {
  it('is the notice sent: the warnings, the letter, annex 2 and the checklist name it as from the history', async () => {
    const check = await checkHandOver(ctx(), { customerCode: 'H1', partnerId });
    // H1-2 fell due after the notice: the only warning.
    expect(check.warnings).toEqual([{ code: 'not_in_formal_notice', date: '2025-08-05', refs: ['H1-2'] }]);
    const file = await handOver(ctx(), { customerCode: 'H1', partnerId });
    const model = await buildHandoverPackage(ctx(), { fileId: file.fileId });
    expect(model.text.demand).toContain(
      'Une mise en demeure lui a été adressée le 5\u00a0août\u00a02025 par lettre recommandée avec accusé de réception (selon l’historique de relances importé\u00a0; l’accusé de réception n’est pas joint au dossier)\u00a0; parmi les factures transmises, elle ne visait que la facture H1-1\u00a0; elle est restée sans effet.',
    );
    expect(model.text.demand.join(' ')).not.toContain('Aucune mise en demeure');
    const annexes = model.annexes ?? [];
    const paragraphs = annexes.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs).not.toContain('Aucune mise en demeure n’a été adressée par nos soins.');
    expect(paragraphs).toContain(
      'Mise en demeure connue par l’historique de relances importé, qui la décrit ainsi\u00a0: «\u00a0Relance niveau 3 (mise en demeure en recommandé avec AR) : 1 pièce échue pour 3 000,00 €, la plus ancienne H1-1 échue depuis 51 jours\u00a0». Elle valait pour les factures échues à sa date\u00a0; l’accusé de réception n’est pas conservé dans Encours et reste à joindre.',
    );
    const facts = annexes.flatMap((b) => (b.type === 'facts' ? b.items : []));
    expect(facts.map((f) => [f.label, f.value]).slice(0, 3)).toEqual([
      ['Date d’envoi', '5\u00a0août\u00a02025'],
      ['Mode d’envoi', 'Lettre recommandée avec AR'],
      ['Factures', 'H1-1'],
    ]);
    const rows = annexes.flatMap((b) => (b.type === 'table' ? b.table.rows : []));
    expect(rows.find((row) => row[0] === 'Mise en demeure avec accusé de réception')?.[1]).toBe(
      'à fournir (mise en demeure du 05/08/2025 selon l’historique importé\u00a0: son accusé de réception n’est pas dans Encours)',
    );
  });
});

describe('several formal notices the imported history tells of', () => {
  it('are counted in the letter, with the file’s invoices and the amounts their lines state in the annexes', async () => {
    const file = await handOver(ctx(), { customerCode: 'M1', partnerId });
    const model = await buildHandoverPackage(ctx(), { fileId: file.fileId });
    const day = (date: string) => formatDate('fr', date, { long: true });
    expect(model.text.demand.slice(1, 3)).toEqual([
      `Une relance a été adressée au débiteur le ${day('2025-07-01')}.`,
      `2 mises en demeure lui ont été adressées, du ${day('2025-08-05')} au ${day('2025-09-05')} par lettre recommandée avec accusé de réception (selon l’historique de relances importé\u00a0; les accusés de réception ne sont pas joints au dossier), restées sans effet\u00a0; parmi les factures transmises, la dernière ne visait que les factures M1-1, M1-2, M1-3 et M1-4.`,
    ]);
    const annexes = model.annexes ?? [];
    // Annex 1: the file’s invoices overdue on each line's day (their count when many), never M1-0
    // that the lines name but the file does not hold; the amount each line states, beside the
    // count of pieces it states (M1-0 among them), not as the amount of the file's invoices.
    const table = annexes.flatMap((b) => (b.type === 'table' ? [b.table] : []))[0];
    expect(table?.rows.map((row) => [row[0], row[2], row[3]])).toEqual([
      ['2025-07-01', '2 pièces échues, dont M1-1 du dossier', 500_000],
      ['2025-08-05', '4 pièces échues, dont M1-1, M1-2, M1-3 du dossier', 650_000],
      ['2025-09-05', '5 pièces échues, dont 4 factures du dossier', 730_000],
    ]);
    const facts = annexes.flatMap((b) => (b.type === 'facts' ? b.items : []));
    expect(facts.map((f) => [f.label, f.value]).slice(2, 4)).toEqual([
      ['Factures', '5 pièces échues, dont M1-1, M1-2, M1-3, M1-4 du dossier'],
      ['Montant réclamé', formatMoney('fr', 730_000, 'EUR')],
    ]);
  });
});
