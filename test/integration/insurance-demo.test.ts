/**
 * The demo company's credit insurance as of its reference date: each insurer of a cover has its
 * policy, so every overdue invoice of a covered buyer has its threatened-loss deadline (the due
 * date plus the policy's days), checked against an independent replay of the generated ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { generateDemoDataset } from '#app/demo/demo';
import { listDeclarationDeadlines, listInsurancePolicies } from '#app/legal/insurance-policies';
import { addDays, daysBetween } from '#core/calendar';
import { creditDemoPlan } from '#demo/credit-situations';
import { type DemoDataset, LedgerReplay } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
let demo: DemoDataset;
let replay: LedgerReplay;
const AS_OF = '2026-06-30';

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
  demo = generateDemoDataset();
  replay = new LedgerReplay(demo.documents, demo.allocations, demo.reversals);
}, 600_000);
afterAll(async () => {
  await database?.close();
});

describe('credit insurance of the demo company', () => {
  it('holds a policy for each insurer of its covers', async () => {
    const policies = await listInsurancePolicies(ctx);
    expect(policies.map((p) => [p.insurer, p.policyNumber, p.threatenedLossDays, p.waitingDays])).toEqual([
      ['Allianz Trade', 'AT-FR-2025-041127', 90, 150],
      ['Coface', 'CF-2025-118342', 60, 150],
    ]);
    const insurers = new Set(creditDemoPlan(demo).covers.map((c) => c.insurer));
    expect(policies.map((p) => p.insurer).sort()).toEqual([...insurers].sort());
  });

  it('gives every overdue invoice of a buyer covered by Allianz Trade its declaration deadline', async () => {
    const covered = creditDemoPlan(demo)
      .covers.filter((c) => c.insurer === 'Allianz Trade')
      .map((c) => c.customerCode);
    const expected = covered.flatMap((code) =>
      replay
        .overdueDebitsAt(code, AS_OF)
        .filter(({ document }) => document.kind === 'invoice')
        .map(({ document }) => {
          const deadline = addDays(document.dueDate, 90);
          const daysLeft = daysBetween(AS_OF, deadline);
          const state = daysLeft < 0 ? 'past' : daysLeft <= 15 ? 'approaching' : 'not_yet';
          return [code, document.externalRef, deadline, daysLeft, state];
        }),
    );
    const { items } = await listDeclarationDeadlines(ctx, { asOf: AS_OF, all: true });
    const actual = items.map((i) => [i.customerCode, i.ref, i.deadline, i.daysLeft, i.state]);
    expect(actual.sort()).toEqual(expected.sort());
    expect(items.every((i) => i.insurer === 'Allianz Trade' && i.policyId !== null)).toBe(true);
    // Only Hyperdis Annecy owes anything overdue; by default the page lists what is near or past
    // its deadline and not declared yet: the invoice of August 2025, whose deadline went by.
    expect(new Set(items.map((i) => i.customerName))).toEqual(new Set(['Hyperdis Annecy']));
    const shown = await listDeclarationDeadlines(ctx, { asOf: AS_OF });
    expect(shown.items.map((i) => [i.customerName, i.ref, i.dueDate, i.deadline, i.state])).toEqual([
      ['Hyperdis Annecy', 'F2025-002225', '2025-08-09', '2025-11-07', 'past'],
    ]);
  });
});
