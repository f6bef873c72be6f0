/**
 * Disputes waiting on the collector's agenda, on a small built ledger: a dispute opened in Encours
 * (a case of two invoices, one complaint) and disputes known only from the imported story weigh the
 * same and are worded the same; a customer with nothing else to do is listed for its dispute alone;
 * a resolved dispute no longer waits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { type AgendaView, agendaLines, getAgenda } from '#app/dunning/agenda';
import { resolveImportedDispute } from '#app/dunning/dispute-imported';
import { listDisputes, openDisputeCase } from '#app/dunning/disputes';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const TODAY = '2025-06-20';
const ctx = (): AppContext => database.context('AGD', TODAY);

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('AGD')
    .addCustomer('C1', { name: 'Alpha SARL' })
    .addCustomer('C2', { name: 'Beta SA' })
    .addCustomer('C3', { name: 'Gamma SAS' });
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(1_000), 'A1');
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(500), 'A2');
  b.invoice('C2', '2025-05-02', '2025-06-01', eur(2_000), 'B1');
  // C3 owes nothing overdue: its invoice falls due in July, and is contested already.
  b.invoice('C3', '2025-06-02', '2025-07-02', eur(800), 'G1');
  b.event('C2', 'dispute', '2025-06-05', 'B1').event('C3', 'dispute', '2025-06-10', 'G1');
  await loadDataset({ ...ctx(), actor: 'test' }, b.dataset());
}, 120_000);
afterAll(async () => database?.close());

const entryOf = (view: AgendaView, code: string) => view.entries.find((e) => e.customerCode === code);
const disputeFactor = (view: AgendaView, code: string) =>
  entryOf(view, code)?.factors.find((f) => f.factor === 'open_disputes');

describe('disputes waiting on the agenda', () => {
  it('lists the imported disputes and the records alike, one complaint weighing 10 points', async () => {
    await openDisputeCase(ctx(), { documentRefs: ['A1', 'A2'], reason: 'delivery', respondBy: '2025-06-30' });
    const view = await getAgenda(ctx(), { lang: 'en' });
    expect(['C1', 'C2', 'C3'].map((code) => disputeFactor(view, code))).toEqual([
      { factor: 'open_disputes', input: 1, points: 10 },
      { factor: 'open_disputes', input: 1, points: 10 },
      { factor: 'open_disputes', input: 1, points: 10 },
    ]);
    for (const code of ['C1', 'C2', 'C3'])
      expect(entryOf(view, code)?.reasons).toContain('Disputes waiting: 1');
    expect(entryOf(view, 'C1')?.openDisputes.map((d) => [d.source, d.documentRef, d.department])).toEqual([
      ['record', 'A1', 'logistics'],
      ['record', 'A2', 'logistics'],
    ]);
    // The imported ones as the disputes list shows them: same reason, department, event number.
    const listed = (await listDisputes(ctx(), { status: 'open' })).filter((d) => d.source === 'imported');
    expect([
      ...(entryOf(view, 'C2')?.openDisputes ?? []),
      ...(entryOf(view, 'C3')?.openDisputes ?? []),
    ]).toEqual(
      listed
        .map((d) => ({
          source: 'imported',
          disputeId: null,
          caseId: null,
          eventId: d.eventId,
          documentRef: d.documentRef,
          reason: d.reason,
          department: d.department,
          amountMinor: d.amountMinor,
          currency: 'EUR',
          openedOn: d.openedOn,
          respondBy: null,
        }))
        .sort((a, b) => a.documentRef.localeCompare(b.documentRef)),
    );
    // C3 is there for its dispute alone: nothing overdue, nothing planned.
    expect(entryOf(view, 'C3')?.overdueMinor).toBe(0);
    expect(entryOf(view, 'C3')?.plannedActions).toEqual([]);
  });

  it('words each dispute on the terminal’s line', async () => {
    const lines = agendaLines(await getAgenda(ctx(), { lang: 'fr' }), 'fr');
    const line = (code: string) => lines.find((l) => l.includes(` ${code} `)) ?? '';
    expect(line('C1')).toContain('Litige A1 (Livraison, Logistique), réponse attendue le 30/06/2025');
    expect(line('C2')).toContain('Litiges en attente : 1');
    expect(line('C2')).toContain('Litige importé B1 (Autre motif, Service client)');
  });

  it('no longer counts a dispute once resolved', async () => {
    const [b1] = (await listDisputes(ctx(), { status: 'open' })).filter((d) => d.documentRef === 'B1');
    await resolveImportedDispute(ctx(), { eventId: Number(b1?.eventId), resolution: 'rejected' });
    const view = await getAgenda(ctx(), { lang: 'en' });
    expect(disputeFactor(view, 'C2')).toBeUndefined();
    expect(entryOf(view, 'C2')?.openDisputes).toEqual([]);
    expect(disputeFactor(view, 'C3')?.points).toBe(10);
  });
});
