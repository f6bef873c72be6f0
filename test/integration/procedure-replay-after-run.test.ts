/**
 * The walk's story: a dunning run carried out on the demo's reference date with the policy in
 * force, then the policy in force replayed over the 12 months up to that date. The replay's check
 * must reproduce every step that run sent — it reproduced 6 of 566 when it compared them with a
 * current side that had been reminding on its own since 1 July 2025, on days nobody ran the
 * procedure. The orders' figures are those the rules in force give every order of the period,
 * not holds recorded, and the text says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { executeDunningRun } from '#app/dunning/execute-run';
import { type ReplayOutput, replayProcedure } from '#app/procedure/replay';
import { replayLines } from '#app/procedure/replay-text';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let same: ReplayOutput;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
  // Encours's first run: every customer, on the reference date, with the policy in force.
  await executeDunningRun(ctx, { asOf: DEMO_AS_OF });
  // The replay page's default period: the 12 months up to the reference date.
  same = await replayProcedure(ctx, { proposal: { version: 'in-force' }, listLimit: 0 });
}, 900_000);
afterAll(async () => database?.close());

describe('the policy in force replayed after a dunning run', () => {
  it('reproduces every step the run sent, compared on the run’s day from the log as it stood', () => {
    expect([same.from, same.to]).toEqual(['2025-07-01', DEMO_AS_OF]);
    // 525 invoices reminded or proposed for hand-over by the run's letters, e-mails and tasks (566
    // before the imported formal notices counted: a second notice then went where the hand-over
    // comes; 547 while a courtesy e-mail still went to a customer the day of its formal notice or
    // hand-over); the run is the only day of the log.
    expect(same.fidelity).toMatchObject({
      remindersRecorded: 525,
      remindersMatching: 525,
      missing: [],
      extra: [],
    });
    // The current side still reminds on its own from the first day, for the comparison (8538 and
    // 4647 before the imported formal notices counted as notices; 7900 and 4639 before an invoice
    // never reminded caught up with its lateness and a customer's notice took in its other invoices;
    // 7430 and 4640 while a courtesy e-mail still went the day of a formal notice or hand-over).
    expect(same.current).toMatchObject({ reminders: 7421, invoicesReminded: 4638 });
    expect(same.proposed.reminders).toBe(same.current.reminders);
  });

  it('counts what the rules in force give every order of the period, and says how few were checked', () => {
    // Every order of the period but the 83 cancelled: 4 581 invoiced, 111 released, 70 pending,
    // 12 blocked. The demo checked its 70 pending orders on the reference date, as the ERP sent
    // them (37 approved, 33 held), and the 12 its ERP sent already blocked; the other 4 692 were
    // never judged, so the rules in force hold
    // orders that were shipped and paid. (2039 held when only CMD2026-002270 was checked: the
    // pending orders were then judged on their order date, now on the day of their check; 2040
    // when a public body's order was held for want of a limit, which it does not need; 1708 before
    // default-2026-06-30 scored the amount with no payment expected as the worst case.)
    expect(same.current).toMatchObject({
      ordersChecked: 4774,
      ordersApproved: 3049,
      ordersHeld: 1710,
      ordersRefused: 15,
    });
    expect(same.fidelity).toMatchObject({ ordersCompared: 82, ordersMatching: 82 });
    const fr = replayLines('fr', same).join('\n');
    expect(fr).toContain('Commandes que ses règles bloquent\u00a0: 1\u202f710 | 1\u202f710');
    expect(fr).toContain(
      'non les commandes réellement bloquées\u00a0: 82 de ces commandes ont un contrôle enregistré.',
    );
    expect(fr).toContain(
      'reproduit 82 des 82 décisions de commande enregistrées et 525 des 525 étapes de relance envoyées par Encours',
    );
    const en = replayLines('en', same).join('\n');
    // (The CLI's side-by-side lines put the French space before the colon in English too.)
    expect(en).toContain('Orders its rules hold: 1,710 | 1,710');
    expect(en).toContain('525 of 525 dunning steps sent by Encours');
  });
});
