/**
 * The demo company's disputes: every invoice its dunning run leaves out as disputed is on the
 * disputes list (the imported ones marked so) and on its customer's agenda entry as a dispute
 * waiting, and resolving an imported one lets the run remind its invoice again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { getAgenda } from '#app/dunning/agenda';
import { resolveImportedDispute } from '#app/dunning/dispute-imported';
import { listDisputes } from '#app/dunning/disputes';
import { previewDunningRun } from '#app/dunning/plan-run';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
}, 600_000);
afterAll(async () => database?.close());

const disputedByRun = async () =>
  (await previewDunningRun(ctx, { asOf: DEMO_AS_OF })).skipped
    .filter((s) => s.reason === 'disputed')
    .map((s) => s.documentRef)
    .sort();

describe('the demo company’s disputes', () => {
  it('lists every invoice the run leaves out as disputed', async () => {
    const disputed = await disputedByRun();
    const open = await listDisputes(ctx, { status: 'open' });
    expect(disputed.length).toBeGreaterThan(0);
    const listed = new Set(open.map((d) => d.documentRef));
    // The list also holds disputed invoices no step is due for yet: the run does not mention those.
    expect(disputed.filter((ref) => !listed.has(ref))).toEqual([]);
    expect(open.filter((d) => d.source === 'imported' && disputed.includes(d.documentRef)).length).toBe(
      disputed.length,
    );
  }, 120_000);

  it('puts every open imported dispute on its customer’s agenda entry as a dispute waiting', async () => {
    const imported = (await listDisputes(ctx, { status: 'open' })).filter((d) => d.source === 'imported');
    expect(imported.length).toBeGreaterThanOrEqual(10);
    const agenda = await getAgenda(ctx, { lang: 'fr' });
    const onAgenda = agenda.entries.flatMap((e) =>
      e.openDisputes.map((d) => [e.customerCode, d.source, d.documentRef, d.reason, d.department]),
    );
    expect(onAgenda.sort()).toEqual(
      imported.map((d) => [d.customerCode, d.source, d.documentRef, d.reason, d.department]).sort(),
    );
    for (const entry of agenda.entries.filter((e) => e.openDisputes.length > 0)) {
      const complaints = entry.openDisputes.length;
      expect(entry.factors.find((f) => f.factor === 'open_disputes')).toEqual({
        factor: 'open_disputes',
        input: complaints,
        points: 10 * Math.min(complaints, 3),
      });
      expect(entry.reasons).toContain(`Litiges en attente : ${complaints}`);
    }
  }, 120_000);

  it('reminds an imported dispute’s invoice again once it is resolved', async () => {
    const before = await disputedByRun();
    const [imported] = (await listDisputes(ctx, { status: 'open' })).filter(
      (d) => d.source === 'imported' && before.includes(d.documentRef),
    );
    const ref = String(imported?.documentRef);
    await resolveImportedDispute(ctx, { eventId: Number(imported?.eventId), resolution: 'rejected' });
    expect(await disputedByRun()).toEqual(before.filter((other) => other !== ref));
    expect((await listDisputes(ctx, { status: 'resolved' })).map((d) => d.documentRef)).toContain(ref);
  }, 120_000);
});
