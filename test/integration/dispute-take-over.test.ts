/**
 * Taking over an imported dispute, on a small built ledger: the 'dispute' event of the imported story
 * becomes an open dispute record opened on the event's date, so the run leaves the invoice out before
 * and after without a gap and the list shows the record instead of the imported line; audited and told
 * in the story; then edited, given a document and resolved as any dispute; a second take-over is a
 * conflict worded by the catalogue; `encours dispute take-over` as JSON and text. Also the refusals of
 * attachments, worded by the catalogue.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '#app/audit/audit';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { attachToDispute } from '#app/dunning/dispute-attachments';
import { editDispute } from '#app/dunning/dispute-edit';
import { takeOverImportedDispute } from '#app/dunning/dispute-take-over';
import { listDisputes, resolveDispute } from '#app/dunning/disputes';
import { previewDunningRun } from '#app/dunning/plan-run';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { cliOutput } from '../support/cli-output.ts';
import { rejection } from '../support/rejection.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const TODAY = '2025-06-20';
const ctx = (today = TODAY): AppContext => database.context('DTO', today);
const dir = mkdtempSync(join(tmpdir(), 'encours-take-over-'));

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('DTO')
    .addCustomer('C1', { name: 'Alpha SARL', billingEmail: 'compta@alpha.example' })
    .addCustomer('C2', { name: 'Beta SA', billingEmail: 'ap@beta.example' });
  b.invoice('C2', '2025-05-02', '2025-06-01', eur(2_000), 'B1');
  b.invoice('C1', '2025-05-02', '2025-06-01', eur(800), 'A1');
  // B1 is paid 500 €: 1,500 € still owed.
  b.payment('C2', '2025-06-03', [['B1', eur(500)]]);
  // The imported story: B1 contested on 5 June, A1 on 8 June.
  b.event('C2', 'dispute', '2025-06-05', 'B1').event('C1', 'dispute', '2025-06-08', 'A1');
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset());
}, 120_000);
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The invoices the run would leave out as disputed, on each date. */
const disputedOn = async (...dates: string[]) => {
  const out: Record<string, string[]> = {};
  for (const asOf of dates) {
    const view = await previewDunningRun(ctx(asOf), { asOf });
    out[asOf] = view.skipped
      .filter((s) => s.reason === 'disputed')
      .map((s) => s.documentRef)
      .sort();
  }
  return out;
};
const remindedOn = async (asOf: string) =>
  (await previewDunningRun(ctx(asOf), { asOf })).actions.flatMap((a) => a.items.map((i) => i.documentRef));
const DATES = ['2025-06-12', TODAY, '2025-07-15'];

const importedEvent = async (documentRef: string) => {
  const imported = (await listDisputes(ctx())).find(
    (d) => d.source === 'imported' && d.documentRef === documentRef,
  );
  return Number(imported?.eventId);
};

const storyOf = async (documentRef: string) =>
  (
    await sql<{ detail: string; eventDate: string }>`
      select detail, event_date as "eventDate" from customer_events
      where company_id = 'DTO' and kind = 'dispute' and document_ref = ${documentRef}
      order by event_id`.execute(ctx().db)
  ).rows.map((row) => ({ ...row, detail: row.detail.replace(/[\u00a0\u202f]/g, ' ') }));

describe('taking over an imported dispute', () => {
  let eventId: number;
  let disputeId: number;
  let before: Record<string, string[]>;

  it('is listed at what its invoice still owes: the import knows no disputed amount', async () => {
    const listed = (await listDisputes(ctx(), { status: 'open' })).map((d) => [d.documentRef, d.amountMinor]);
    // B1 is 2,000 € of which 500 € were paid.
    expect(listed).toEqual([
      ['A1', eur(800)],
      ['B1', eur(1_500)],
    ]);
  });

  it('makes it an open record opened on the imported date, the invoice still left out of reminders', async () => {
    before = await disputedOn(...DATES);
    expect(before).toEqual({ '2025-06-12': ['A1', 'B1'], [TODAY]: ['A1', 'B1'], '2025-07-15': ['A1', 'B1'] });
    eventId = await importedEvent('B1');
    // No amount given: the one the list showed, what B1 still owes.
    const row = await takeOverImportedDispute(ctx(), {
      eventId,
      reason: 'quality',
      respondBy: '2025-06-30',
      note: 'Palette abîmée',
    });
    disputeId = row.disputeId;
    expect([
      row.documentRef,
      row.status,
      row.openedOn,
      row.reason,
      row.department,
      row.amountMinor,
      row.respondBy,
      row.note,
      row.caseId,
      row.openedBy,
    ]).toEqual([
      'B1',
      'open',
      '2025-06-05',
      'quality',
      'quality',
      eur(1_500),
      '2025-06-30',
      'Palette abîmée',
      disputeId,
      'test',
    ]);
    expect(await disputedOn(...DATES)).toEqual(before);
    // The record stands for the imported line: listed once, as a record.
    const listed = (await listDisputes(ctx(), { status: 'open' })).map((d) => [d.source, d.documentRef]);
    expect(listed).toEqual([
      ['imported', 'A1'],
      ['record', 'B1'],
    ]);
  });

  it('is audited and told in the story', async () => {
    const audit = await listAudit(ctx(), { entity: 'dunning_dispute', entityKey: String(disputeId) });
    const [entry] = audit.items;
    expect([audit.items.length, entry?.action, entry?.actor]).toEqual([
      1,
      'dunning.dispute_take_over',
      'test',
    ]);
    expect(entry?.before).toEqual({
      source: 'imported',
      importedEventId: eventId,
      openedOn: '2025-06-05',
      note: 'dispute',
    });
    expect(entry?.after).toEqual({
      status: 'open',
      caseId: disputeId,
      documentRef: 'B1',
      reason: 'quality',
      department: 'quality',
      amountMinor: eur(1_500),
      respondBy: '2025-06-30',
      note: 'Palette abîmée',
    });
    expect((await storyOf('B1')).at(-1)).toEqual({
      eventDate: TODAY,
      detail: 'Litige importé du 05/06/2025 pris en charge (Qualité), transmis à : Qualité. Palette abîmée',
    });
  });

  it('refuses a second take-over with the catalogue’s words', async () => {
    const twice = await rejection(takeOverImportedDispute(ctx(), { eventId }));
    expect([twice.code, twice.message]).toEqual([
      'conflict',
      `Le litige importé n° E${eventId} (facture B1) est déjà suivi dans Encours\u00a0: litige n° ${disputeId}.`,
    ]);
    const inEnglish = await rejection(takeOverImportedDispute(ctx(), { eventId, lang: 'en' }));
    expect(inEnglish.message).toBe(
      `Imported dispute E${eventId} (invoice B1) is already followed in Encours: dispute ${disputeId}.`,
    );
    const unknown = await rejection(takeOverImportedDispute(ctx(), { eventId: 999_999, lang: 'en' }));
    expect([unknown.code, unknown.message]).toEqual(['not_found', 'No imported dispute E999999 still open.']);
  });

  it('is then edited, given a document and resolved as any open dispute', async () => {
    const { dispute, edited } = await editDispute(ctx(), { disputeId, department: 'logistics' });
    expect([edited, dispute.department]).toEqual([true, 'logistics']);
    const pdf = join(dir, 'BL.pdf');
    writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
    const attached = await attachToDispute(ctx(), { disputeId, filePath: pdf, fileName: 'BL.pdf' });
    expect([attached.disputeId, attached.documentRef, attached.mediaType]).toEqual([
      disputeId,
      'B1',
      'application/pdf',
    ]);
    const resolved = await resolveDispute(ctx(), { disputeId, resolution: 'partial_credit' });
    expect([resolved.status, resolved.resolvedOn, resolved.attachmentCount]).toEqual(['resolved', TODAY, 1]);
    // Resolved today: the run reminds B1 again from tomorrow on, and it was left out until then.
    const after = await disputedOn(...DATES);
    expect(after['2025-06-12']).toEqual(['A1', 'B1']);
    expect(after['2025-07-15']).toEqual(['A1']);
    expect(await remindedOn('2025-07-15')).toContain('B1');
    expect(await rejection(takeOverImportedDispute(ctx(), { eventId }))).toMatchObject({ code: 'conflict' });
  });
});

describe('the particulars of a take-over', () => {
  it('refuses an amount above what is owed and an answer due before the opening, keeping nothing', async () => {
    const eventId = await importedEvent('A1');
    const above = await rejection(takeOverImportedDispute(ctx(), { eventId, amountMinor: eur(800) + 1 }));
    expect([above.code, above.message.replace(/[\u00a0\u202f]/g, ' ')]).toEqual([
      'invalid_input',
      'Le montant contesté ne peut dépasser ce que la facture A1 doit encore (800,00 €).',
    ]);
    const early = await rejection(takeOverImportedDispute(ctx(), { eventId, respondBy: '2025-06-07' }));
    expect([early.code, early.message]).toEqual([
      'invalid_input',
      'La réponse ne peut être attendue avant l’ouverture du litige, le 08/06/2025.',
    ]);
    expect((await listDisputes(ctx(), { status: 'open' })).map((d) => d.source)).toEqual(['imported']);
  });
});

describe('encours dispute take-over', () => {
  const cli = (...args: string[]) => cliOutput(database.runtime, 'DTO', args);

  it('prints the record as JSON with the import’s defaults, then refuses a second time', async () => {
    const eventId = await importedEvent('A1');
    const json = await cli('--json', 'dispute', 'take-over', `E${eventId}`, '--respond-by', '2025-07-01');
    expect(json.status).toBe(0);
    const row = JSON.parse(json.stdout);
    expect(row).toMatchObject({
      documentRef: 'A1',
      status: 'open',
      openedOn: '2025-06-08',
      reason: 'other',
      department: 'customer_service',
      amountMinor: eur(800),
      respondBy: '2025-07-01',
      note: 'dispute',
    });
    expect(await disputedOn(TODAY)).toEqual({ [TODAY]: ['A1'] });
    const again = await cli('dispute', 'take-over', String(eventId), '--lang', 'en');
    expect([again.status, again.stdout]).toEqual([5, '']);
  });

  it('says in words what happened', async () => {
    await sql`delete from dunning_disputes where company_id = 'DTO' and document_ref = 'A1'`.execute(
      ctx().db,
    );
    const eventId = await importedEvent('A1');
    const text = await cli('dispute', 'take-over', `e${eventId}`, '--reason', 'price', '--lang', 'en');
    const [record] = (await listDisputes(ctx(), { status: 'open' })).filter((d) => d.documentRef === 'A1');
    expect([text.status, text.stdout]).toEqual([
      0,
      `Imported dispute of invoice A1 taken over: dispute ${record?.disputeId}, open\n`,
    ]);
    expect([record?.reason, record?.department]).toEqual(['price', 'sales']);
  });
});

describe('refusals of attachments', () => {
  it('are worded by the catalogue, in French or English', async () => {
    const [open] = await listDisputes(ctx(), { status: 'open' });
    const disputeId = Number(open?.disputeId);
    const text = join(dir, 'note.txt');
    writeFileSync(text, 'hello');
    const refused = await rejection(
      attachToDispute(ctx(), { disputeId, filePath: text, fileName: 'note.txt' }),
    );
    expect([refused.code, refused.message]).toEqual([
      'invalid_input',
      'note.txt\u00a0: seuls les fichiers PDF, PNG, JPEG ou WebP sont acceptés.',
    ]);
    const empty = join(dir, 'empty.pdf');
    writeFileSync(empty, '');
    expect(
      (
        await rejection(
          attachToDispute(ctx(), { disputeId, filePath: empty, fileName: 'vide.pdf', lang: 'en' }),
        )
      ).message,
    ).toBe('vide.pdf: the file is empty.');
    expect(
      (await rejection(attachToDispute(ctx(), { disputeId, filePath: text, fileName: ' / ', lang: 'en' })))
        .message,
    ).toBe('The file has no name.');
    expect(
      (
        await rejection(
          attachToDispute(ctx(), {
            disputeId,
            filePath: text,
            fileName: 'x.pdf',
            kind: 'invoice',
            lang: 'en',
          }),
        )
      ).message,
    ).toBe('Unknown kind of document: invoice (proof_of_delivery, photo, complaint_letter or other).');
  });
});
