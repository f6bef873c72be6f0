/**
 * Disputes as cases, on a small built ledger: an imported 'dispute' event is listed (marked as
 * imported), open while its invoice is — resolving it writes the record after which the run reminds
 * the invoice again —, resolved once the invoice was settled; one customer's disputes alone; one
 * dispute on several invoices pauses each and is resolved in one action; a case that meets an
 * invoice already disputed leaves nothing; the summary's median time; `encours dispute|promise list`.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit } from '#app/audit/audit';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { resolveImportedDispute } from '#app/dunning/dispute-imported';
import { getDisputeSummary, median } from '#app/dunning/dispute-summary';
import { listDisputes, openDisputeCase, resolveDispute, resolveDisputeCase } from '#app/dunning/disputes';
import { previewDunningRun } from '#app/dunning/plan-run';
import { recordPromise } from '#app/dunning/promises';
import { runCli } from '#cli/run';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { rejection } from '../support/rejection.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const ctx = (today: string): AppContext => database.context('DSP', today);
const TODAY = '2025-06-20';

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('DSP')
    .addCustomer('C1', { name: 'Alpha SARL', billingEmail: 'compta@alpha.example' })
    .addCustomer('C2', { name: 'Beta SA', billingEmail: 'ap@beta.example' });
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(1_000), 'A1');
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(500), 'A2');
  b.invoice('C1', '2025-05-11', '2025-06-10', eur(250), 'A3');
  b.invoice('C2', '2025-05-02', '2025-06-01', eur(2_000), 'B1');
  b.invoice('C2', '2025-04-02', '2025-05-01', eur(300), 'B2');
  b.payment('C2', '2025-05-20', [['B2', eur(300)]]);
  // The imported story: B1 contested on 5 June (twice: the first event counts), B2 once, since paid.
  b.event('C2', 'dispute', '2025-06-05', 'B1').event('C2', 'dispute', '2025-06-12', 'B1');
  b.event('C2', 'dispute', '2025-05-10', 'B2');
  await loadDataset({ ...ctx(TODAY), actor: 'test' }, b.dataset());
}, 120_000);
afterAll(async () => database?.close());

const plan = async (asOf = TODAY) => {
  const view = await previewDunningRun(ctx(asOf), { asOf });
  return {
    reminded: view.actions.flatMap((a) => a.items.map((i) => i.documentRef)).sort(),
    disputed: view.skipped
      .filter((s) => s.reason === 'disputed')
      .map((s) => s.documentRef)
      .sort(),
  };
};

describe('imported disputes', () => {
  it('lists the one on an invoice still open as open, and the one on a paid invoice as resolved', async () => {
    expect((await plan()).disputed).toEqual(['B1']);
    const listed = await listDisputes(ctx(TODAY));
    expect(listed.map((d) => [d.source, d.documentRef, d.openedOn, d.status, d.disputeId])).toEqual([
      ['imported', 'B1', '2025-06-05', 'open', null],
      ['imported', 'B2', '2025-05-10', 'resolved', null],
    ]);
    // B2 was paid on 20 May, ten days after the complaint: no credit note, so paid as invoiced.
    const [paid] = await listDisputes(ctx(TODAY), { status: 'resolved' });
    expect(paid).toMatchObject({
      source: 'imported',
      documentRef: 'B2',
      resolution: 'paid',
      resolvedOn: '2025-05-20',
      cycleDays: 10,
    });
    expect(await getDisputeSummary(ctx(TODAY))).toMatchObject({
      open: 1,
      openImported: 1,
      resolved: 1,
      medianCycleDays: 10,
    });
  });

  it('lists one customer’s disputes when asked, and sums up theirs alone', async () => {
    expect((await listDisputes(ctx(TODAY), { customerCode: 'C2' })).map((d) => d.documentRef)).toEqual([
      'B1',
      'B2',
    ]);
    expect(await listDisputes(ctx(TODAY), { customerCode: 'C1' })).toEqual([]);
    expect(await getDisputeSummary(ctx(TODAY), { customerCode: 'C1' })).toMatchObject({
      open: 0,
      resolved: 0,
    });
  });

  it('resolving it writes the closing record, after which the run reminds the invoice again', async () => {
    const [imported] = await listDisputes(ctx(TODAY));
    const eventId = Number(imported?.eventId);
    const row = await resolveImportedDispute(ctx(TODAY), { eventId, resolution: 'rejected', note: 'Livré' });
    expect([row.documentRef, row.openedOn, row.status, row.resolution, row.resolvedOn, row.caseId]).toEqual([
      'B1',
      '2025-06-05',
      'resolved',
      'rejected',
      TODAY,
      row.disputeId,
    ]);
    expect((await plan()).reminded).toContain('B1');
    expect(await listDisputes(ctx(TODAY), { status: 'open' })).toEqual([]);
    expect(
      await rejection(resolveImportedDispute(ctx(TODAY), { eventId, resolution: 'rejected' })),
    ).toMatchObject({
      code: 'not_found',
    });
    const audit = await listAudit(ctx(TODAY), {
      entity: 'dunning_dispute',
      entityKey: String(row.disputeId),
    });
    expect(audit.items.map((e) => e.action)).toEqual(['dunning.dispute_resolve']);
  });
});

describe('a dispute on several invoices', () => {
  it('pauses each invoice and refuses one already disputed, keeping nothing', async () => {
    const opened = await openDisputeCase(ctx(TODAY), {
      documentRefs: ['A1', 'A2'],
      reason: 'delivery',
      note: 'Palette manquante',
      respondBy: '2025-06-30',
    });
    expect(
      opened.disputes.map((d) => [d.documentRef, d.caseId, d.department, d.amountMinor, d.respondBy]),
    ).toEqual([
      ['A2', opened.caseId, 'logistics', eur(500), '2025-06-30'],
      ['A1', opened.caseId, 'logistics', eur(1_000), '2025-06-30'],
    ]);
    expect((await plan()).disputed).toEqual(['A1', 'A2']);
    expect(
      await rejection(openDisputeCase(ctx(TODAY), { documentRefs: ['A3', 'A2'], reason: 'price' })),
    ).toMatchObject({ code: 'conflict' });
    expect((await plan()).disputed).toEqual(['A1', 'A2']);
    expect(
      await rejection(openDisputeCase(ctx(TODAY), { documentRefs: ['A3', 'B1'], reason: 'price' })),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      await rejection(
        openDisputeCase(ctx(TODAY), { documentRefs: ['A3', 'A1'], reason: 'price', amountMinor: 100 }),
      ),
    ).toMatchObject({ code: 'invalid_input' });
  });

  it('is resolved in one action, each invoice with its audit entry', async () => {
    const [first] = await listDisputes(ctx(TODAY), { status: 'open' });
    const caseId = Number(first?.caseId);
    const resolved = await resolveDisputeCase(ctx('2025-06-26'), {
      caseId,
      resolution: 'partial_credit',
      resolvedOn: '2025-06-26',
    });
    expect(resolved.disputes.map((d) => [d.documentRef, d.status, d.resolution])).toEqual([
      ['A2', 'resolved', 'partial_credit'],
      ['A1', 'resolved', 'partial_credit'],
    ]);
    // Paused until the day of the resolution (a replay of an earlier date still sees the dispute).
    expect((await plan()).disputed).toEqual(['A1', 'A2']);
    expect((await plan('2025-06-26')).disputed).toEqual([]);
    expect(await rejection(resolveDisputeCase(ctx(TODAY), { caseId, resolution: 'rejected' }))).toMatchObject(
      {
        code: 'conflict',
      },
    );
    const actions = await sql<{ action: string; count: number }>`
      select action, count(*)::int8 as count from audit_log
      where company_id = 'DSP' and entity = 'dunning_dispute' group by action order by action`.execute(
      ctx(TODAY).db,
    );
    expect(actions.rows).toEqual([
      { action: 'dunning.dispute_open', count: 2 },
      { action: 'dunning.dispute_resolve', count: 3 },
    ]);
  });

  it('sums up: open count, median days to resolve, by reason and department', async () => {
    const single = await openDisputeCase(ctx(TODAY), { documentRefs: ['A3'], reason: 'quality' });
    expect(single.disputes.map((d) => d.caseId)).toEqual([single.caseId]);
    const summary = await getDisputeSummary(ctx(TODAY));
    // B1: 5 → 20 June (15 days); A1 and A2: 20 → 26 June (6 days each); B2: 10 → 20 May (10 days).
    expect(summary).toMatchObject({ open: 1, openImported: 0, resolved: 4, medianCycleDays: 8 });
    expect(summary.byReason).toEqual([
      { key: 'delivery', open: 0, openImported: 0, resolved: 2, medianCycleDays: 6 },
      { key: 'other', open: 0, openImported: 0, resolved: 2, medianCycleDays: 12.5 },
      { key: 'quality', open: 1, openImported: 0, resolved: 0, medianCycleDays: null },
    ]);
    expect(summary.byDepartment.map((g) => g.key)).toEqual(['customer_service', 'logistics', 'quality']);
    await resolveDispute(ctx(TODAY), {
      disputeId: Number(single.disputes[0]?.disputeId),
      resolution: 'rejected',
    });
  });

  it('takes the median of an even count as the mean of the two middle values', () => {
    expect([median([]), median([3]), median([9, 1, 4]), median([1, 2, 4, 10])]).toEqual([null, 3, 4, 3]);
  });
});

describe('encours dispute list and promise list', () => {
  async function cli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const capture = (into: (text: string) => void) =>
      ((chunk: string | Uint8Array) => {
        into(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      }) as typeof process.stdout.write;
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(capture((text) => (stdout += text)));
    const errorSpy = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation(capture((text) => (stderr += text)));
    const exitCodeBefore = process.exitCode;
    try {
      const status = (await runCli(['--company', 'DSP', ...args], { runtime: database.runtime })) ?? 0;
      return { status: Number(process.exitCode ?? status), stdout, stderr };
    } finally {
      spy.mockRestore();
      errorSpy.mockRestore();
      process.exitCode = exitCodeBefore;
    }
  }

  it('prints the disputes by status, as JSON or a table', async () => {
    const json = await cli('--json', 'dispute', 'list', '--status', 'resolved');
    expect(json.status).toBe(0);
    const rows = JSON.parse(json.stdout) as { documentRef: string; status: string }[];
    expect(rows.map((r) => [r.documentRef, r.status]).sort()).toEqual([
      ['A1', 'resolved'],
      ['A2', 'resolved'],
      ['A3', 'resolved'],
      ['B1', 'resolved'],
      ['B2', 'resolved'],
    ]);
    const table = await cli('dispute', 'list', '--lang', 'en');
    expect(table.stdout).toMatch(/Respond by/);
    expect(table.stdout).toMatch(/Resolved Partial credit/);
  });

  it('prints the promises to pay', async () => {
    await recordPromise(ctx(TODAY), {
      customerCode: 'C1',
      instalments: [{ dueDate: '2025-07-15', amountMinor: eur(250) }],
      documentRefs: ['A3'],
    });
    const json = await cli('--json', 'promise', 'list', '--as-of', TODAY);
    const rows = JSON.parse(json.stdout) as { customerCode: string; documentRefs: string[] }[];
    expect(rows.map((r) => [r.customerCode, r.documentRefs])).toEqual([['C1', ['A3']]]);
    expect((await cli('promise', 'list', '--as-of', TODAY, '--lang', 'en')).stdout).toMatch(/Instalments/);
  });

  it('words its refusals in French by default and in English with --lang en', async () => {
    const unknown = ['dispute', 'resolve', '999999', '--resolution', 'rejected'];
    const french = await cli(...unknown);
    expect(french.status).toBe(4);
    expect(french.stderr).toBe('encours: Aucun litige n°\u00a0999999.\n');
    expect((await cli(...unknown, '--lang', 'en')).stderr).toBe('encours: No dispute 999999.\n');
    // A code it does not know is refused with the accepted ones, each with its meaning.
    const weather = ['dispute', 'open', 'A1', '--reason', 'weather'];
    expect((await cli(...weather)).stderr).toBe(
      'encours: Motif\u00a0: «\u00a0weather\u00a0» n’est pas une valeur acceptée\u00a0; valeurs possibles\u00a0: ' +
        'quality (Qualité), delivery (Livraison), price (Prix), quantity (Quantité), other (Autre motif).\n',
    );
    expect((await cli(...weather, '--lang', 'en')).stderr).toMatch(
      /^encours: Reason: "weather" is not accepted; possible values: quality \(Quality\), delivery/,
    );
    // --json carries the same words under the error's code.
    const json = JSON.parse((await cli('--json', ...unknown, '--lang', 'en')).stdout);
    expect(json.error).toMatchObject({ code: 'not_found', message: 'No dispute 999999.' });
  });
});
