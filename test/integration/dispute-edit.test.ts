/**
 * Editing an open dispute, on a small built ledger: reason, department, amount (never above what the
 * invoice still owes), respond-by date and note, audited before → after and told in the customer's
 * story; a case edited as a whole; nothing once resolved; `encours dispute edit` as JSON and text.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '#app/audit/audit';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { editDispute, editDisputeCase } from '#app/dunning/dispute-edit';
import { openDispute, openDisputeCase, resolveDispute } from '#app/dunning/disputes';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { cliOutput } from '../support/cli-output.ts';
import { rejection } from '../support/rejection.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const TODAY = '2025-06-20';
const ctx = (): AppContext => database.context('DSE', TODAY);

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('DSE').addCustomer('C1', { name: 'Alpha SARL' });
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(1_000), 'A1');
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(500), 'A2');
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(250), 'A3');
  // A1 is paid 400 €: 600 € still owed.
  b.payment('C1', '2025-06-12', [['A1', eur(400)]]);
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset());
}, 120_000);
afterAll(async () => database?.close());

const storyOf = async (documentRef: string) =>
  (
    await sql<{ detail: string; eventDate: string }>`
      select detail, event_date as "eventDate" from customer_events
      where company_id = 'DSE' and kind = 'dispute' and document_ref = ${documentRef}
      order by event_id`.execute(ctx().db)
  ).rows.map((row) => ({ ...row, detail: row.detail.replace(/[\u00a0\u202f]/g, ' ') })); // French money spacing

describe('editing one dispute', () => {
  let id: number;

  it('changes what is given, audits before → after and tells the story', async () => {
    const opened = await openDispute(ctx(), { documentRef: 'A1', reason: 'price', amountMinor: eur(300) });
    id = opened.disputeId;
    const { dispute, edited } = await editDispute(ctx(), {
      disputeId: id,
      reason: 'quality',
      amountMinor: eur(600),
      respondBy: '2025-07-01',
      note: 'Palette écrasée',
    });
    expect(edited).toBe(true);
    expect([
      dispute.reason,
      dispute.department,
      dispute.amountMinor,
      dispute.respondBy,
      dispute.note,
    ]).toEqual(['quality', 'sales', eur(600), '2025-07-01', 'Palette écrasée']);
    const audit = await listAudit(ctx(), { entity: 'dunning_dispute', entityKey: String(id) });
    const entry = audit.items.find((e) => e.action === 'dunning.dispute_edit');
    expect(entry?.actor).toBe('test');
    expect(entry?.before).toEqual({ reason: 'price', amountMinor: eur(300), respondBy: null, note: '' });
    expect(entry?.after).toEqual({
      reason: 'quality',
      amountMinor: eur(600),
      respondBy: '2025-07-01',
      note: 'Palette écrasée',
      caseId: id,
      documentRef: 'A1',
    });
    const story = await storyOf('A1');
    expect(story.at(-1)).toEqual({
      eventDate: TODAY,
      detail:
        'Litige modifié : motif Prix → Qualité ; montant contesté 300,00 € → 600,00 € ; ' +
        'réponse attendue le 01/07/2025 (avant : —) ; note « Palette écrasée » (avant : —).',
    });
  });

  it('refuses an amount above what the invoice still owes, and an answer due before the opening', async () => {
    expect(await rejection(editDispute(ctx(), { disputeId: id, amountMinor: eur(600) + 1 }))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await rejection(editDispute(ctx(), { disputeId: id, respondBy: '2025-06-19' }))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await rejection(editDispute(ctx(), { disputeId: id, reason: 'weather' }))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await rejection(editDispute(ctx(), { disputeId: id }))).toMatchObject({ code: 'invalid_input' });
  });

  it('leaves no trace when every value is already so, and clears the respond-by date on request', async () => {
    const events = (await storyOf('A1')).length;
    const same = await editDispute(ctx(), { disputeId: id, reason: 'quality', note: ' Palette écrasée ' });
    expect(same.edited).toBe(false);
    expect((await storyOf('A1')).length).toBe(events);
    const cleared = await editDispute(ctx(), { disputeId: id, respondBy: null, department: 'quality' });
    expect([cleared.edited, cleared.dispute.respondBy, cleared.dispute.department]).toEqual([
      true,
      null,
      'quality',
    ]);
    const audit = await listAudit(ctx(), { entity: 'dunning_dispute', entityKey: String(id) });
    expect(audit.items.filter((e) => e.action === 'dunning.dispute_edit')).toHaveLength(2);
  });

  it('changes nothing once resolved', async () => {
    await resolveDispute(ctx(), { disputeId: id, resolution: 'partial_credit' });
    expect(await rejection(editDispute(ctx(), { disputeId: id, note: 'Trop tard' }))).toMatchObject({
      code: 'conflict',
    });
  });
});

describe('editing a case', () => {
  it('changes every invoice still open, and takes an amount only for one invoice', async () => {
    const opened = await openDisputeCase(ctx(), { documentRefs: ['A2', 'A3'], reason: 'delivery' });
    expect(
      await rejection(editDisputeCase(ctx(), { caseId: opened.caseId, amountMinor: eur(100) })),
    ).toMatchObject({ code: 'invalid_input' });
    const edited = await editDisputeCase(ctx(), {
      caseId: opened.caseId,
      department: 'customer_service',
      respondBy: '2025-06-30',
    });
    expect(edited.edited).toBe(2);
    expect(edited.disputes.map((d) => [d.documentRef, d.department, d.respondBy])).toEqual([
      ['A3', 'customer_service', '2025-06-30'],
      ['A2', 'customer_service', '2025-06-30'],
    ]);
    expect((await storyOf('A3')).at(-1)?.detail).toBe(
      'Litige modifié : transmis à Service client au lieu de Logistique ; réponse attendue le 30/06/2025 (avant : —).',
    );
  });
});

describe('encours dispute edit', () => {
  const cli = (...args: string[]) => cliOutput(database.runtime, 'DSE', args);

  it('prints the dispute as JSON, or says in words what happened', async () => {
    // A2's dispute, opened with A3 as one case above.
    const [a2] = (
      await sql<{ disputeId: number }>`
        select dispute_id::int8 as "disputeId" from dunning_disputes
        where company_id = 'DSE' and document_ref = 'A2' and status = 'open'`.execute(ctx().db)
    ).rows;
    const id = String(a2?.disputeId);
    const json = await cli('--json', 'dispute', 'edit', id, '--amount', '120,50', '--respond-by', 'none');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ amountMinor: 12_050, respondBy: null, edited: true });
    expect((await cli('dispute', 'edit', id, '--amount', '120,50', '--lang', 'en')).stdout).toBe(
      `Dispute ${id}: nothing to change, the values are already these\n`,
    );
    expect((await cli('dispute', 'edit', id, '--note', 'Vu avec le client')).stdout).toBe(
      `Litige n° ${id} modifié\n`,
    );
    expect((await cli('dispute', 'edit', id, '--amount', '600')).status).not.toBe(0);
  });
});
