/**
 * The collector's agenda after a hand-over, on the demo's C00009 (30 June 2026): the day's dunning
 * run gives it its hand-over step, a « Transmettre au contentieux » call task, and the agenda ranks
 * it on its overdue invoices (13 377,28 €, the oldest 94 days late). Once the customer is handed to
 * a lawyer, the three invoices in the legal file no longer count in the agenda's overdue amount nor
 * its oldest lateness: the customer stays listed for what is left (an invoice 5 days late, held
 * orders), and the call task is done, as handed over, with the file as its note.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { getAgenda } from '#app/dunning/agenda';
import { executeDunningRun } from '#app/dunning/execute-run';
import { listCallTasks } from '#app/dunning/queries';
import { handOver, savePartner } from '#app/legal/handover';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { CABINET_DURAND } from './legal-partner.fixture.ts';

const AS_OF = '2026-06-30';
const CUSTOMER = 'C00009';
let database: TestDatabase;
let ctx: AppContext;

const entryOf = async () =>
  (await getAgenda(ctx, { asOf: AS_OF })).entries.find((e) => e.customerCode === CUSTOMER);
const handoverTasks = async (status: string) =>
  (await listCallTasks(ctx, { status, limit: 1000 })).items.filter(
    (t) => t.customerCode === CUSTOMER && t.kind === 'handover',
  );

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', AS_OF);
  const run = await executeDunningRun(ctx, { asOf: AS_OF, customerCodes: [CUSTOMER] });
  expect(run.actions.map((action) => [action.stepKind, action.channel])).toContainEqual([
    'handover',
    'call_task',
  ]);
}, 600_000);
afterAll(async () => database?.close());

describe('the agenda after a hand-over', () => {
  it('leaves out the invoices handed over and closes the hand-over call task', async () => {
    const spaced = (lines: readonly string[]) => lines.map((line) => line.replace(/[\u00a0\u202f]/g, ' '));
    const before = await entryOf();
    expect(before?.overdueMinor).toBe(1_337_728);
    expect(spaced(before?.reasons ?? [])).toContain('Plus ancien retard : 94 jours');
    expect(before?.openTasks.map((t) => t.kind)).toEqual(['handover']);

    const { partnerId } = await savePartner(ctx, CABINET_DURAND);
    const file = await handOver(ctx, { customerCode: CUSTOMER, partnerId, date: AS_OF });
    expect(file.invoices.map((i) => i.documentRef)).toEqual(['F2026-000638', 'F2026-001820', 'F2026-001841']);
    expect(file.handedMinor).toBe(1_004_570);

    // Only what the lawyer does not hold is still the collector's (held orders keep it listed),
    // late since 5 days, not 94; and no hand-over is asked for any more.
    const after = await entryOf();
    expect(after?.overdueMinor).toBe(1_337_728 - 1_004_570);
    expect(spaced(after?.reasons ?? [])).toEqual(
      expect.arrayContaining(['Montant échu : 3 331,58 €', 'Plus ancien retard : 5 jours']),
    );
    expect(after?.openTasks).toEqual([]);

    expect(await handoverTasks('open')).toEqual([]);
    const done = await handoverTasks('done');
    expect(done.map((t) => [t.outcome, t.note, t.doneOn])).toEqual([
      ['handed_over', `LF-${file.fileId}`, AS_OF],
    ]);
  });
});
