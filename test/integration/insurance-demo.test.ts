/**
 * The demo company's credit insurance as of its reference date: each insurer of a cover has its
 * policy, so every overdue invoice of a covered buyer has its threatened-loss deadline (the due
 * date plus the policy's days), checked against an independent replay of the generated ledger.
 * Declaring is shown first: the preview lists what the declaration would take (every overdue
 * invoice of the buyer not declared yet, with its days late and deadline), its total and insured
 * share, and records nothing; the declaration then takes exactly the invoices confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { generateDemoDataset } from '#app/demo/demo';
import { declareThreatenedLoss, listInsuranceClaims } from '#app/legal/insurance-claims';
import { previewDeclaration } from '#app/legal/insurance-declaration';
import { listDeclarationDeadlines, listInsurancePolicies } from '#app/legal/insurance-policies';
import { addDays, daysBetween } from '#core/calendar';
import { creditDemoPlan } from '#demo/credit-situations';
import { type DemoDataset, LedgerReplay } from '#demo/index';
import { buildServer } from '#http/server';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';
import { signIn } from './http-fixture.ts';

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

  it('shows what a declaration would take before it declares, and declares only the invoices confirmed', async () => {
    const [row] = (await listDeclarationDeadlines(ctx, { asOf: AS_OF })).items;
    const code = row!.customerCode;
    const expected = replay
      .overdueDebitsAt(code, AS_OF)
      .filter(({ document }) => document.kind === 'invoice')
      .map(({ document, openMinor }) => ({
        ref: document.externalRef,
        dueDate: document.dueDate,
        openMinor,
        daysLate: daysBetween(document.dueDate, AS_OF),
        deadline: addDays(document.dueDate, 90),
      }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.ref.localeCompare(b.ref));
    expect(expected.length).toBeGreaterThan(1);

    const app = await buildServer(database.runtime, { webRoot: null });
    try {
      const manager = await signIn(app, 'claire.moreau@cb2c.example');
      const collector = await signIn(app, 'julien.petit@cb2c.example');
      const ask = (headers: Record<string, string>, payload: object) =>
        app.inject({ method: 'POST', url: '/api/insurance/claims/preview', headers, payload });
      expect((await ask(collector.headers, { customerCode: code })).statusCode).toBe(403);
      const answer = await ask(manager.headers, { customerCode: code, date: AS_OF });
      expect(answer.statusCode).toBe(200);
      const preview = answer.json();
      expect(preview).toEqual(
        JSON.parse(JSON.stringify(await previewDeclaration(ctx, { customerCode: code, date: AS_OF }))),
      );
      const listed = [...preview.invoices].sort(
        (a: { dueDate: string; ref: string }, b: { dueDate: string; ref: string }) =>
          a.dueDate.localeCompare(b.dueDate) || a.ref.localeCompare(b.ref),
      );
      expect(
        listed.map(
          ({ state: _state, guaranteed: _guaranteed, ...i }: { state: string; guaranteed: boolean }) => i,
        ),
      ).toEqual(expected);
      // Only the invoice past its deadline would be declared without guarantee.
      expect(
        listed.filter((i: { guaranteed: boolean }) => !i.guaranteed).map((i: { ref: string }) => i.ref),
      ).toEqual(['F2025-002225']);
      const total = expected.reduce((sum, i) => sum + i.openMinor, 0);
      expect(preview).toMatchObject({
        customerCode: code,
        insurer: 'Allianz Trade',
        outstandingMinor: total,
      });
      // The invoice whose deadline went by is past; one overdue a few days is far from its deadline.
      expect(listed[0]).toMatchObject({ ref: 'F2025-002225', state: 'past' });
      expect(listed.at(-1).state).toBe('not_yet');
      // Asking recorded nothing.
      expect(await listInsuranceClaims(ctx, { customerCode: code })).toEqual([]);
    } finally {
      await app.close();
    }

    const kept = expected.filter((i) => i.daysLate > 30).map((i) => i.ref);
    const claim = await declareThreatenedLoss(ctx, { customerCode: code, invoices: kept, date: AS_OF });
    expect(claim.items.map((i) => i.ref).sort()).toEqual([...kept].sort());
    // One lapsed invoice among invoices declared in time: the claim says so, it is not late as a whole.
    expect(kept).toContain('F2025-002225');
    expect(kept.length).toBeGreaterThan(1);
    expect([claim.late, claim.lateInvoices]).toEqual([false, 1]);
    expect(claim.outstandingMinor).toBe(
      expected.filter((i) => kept.includes(i.ref)).reduce((sum, i) => sum + i.openMinor, 0),
    );
    // The invoices left out are still to declare; those declared are not offered again.
    const again = await previewDeclaration(ctx, { customerCode: code, date: AS_OF });
    expect(again.invoices.map((i) => i.ref).sort()).toEqual(
      expected
        .map((i) => i.ref)
        .filter((ref) => !kept.includes(ref))
        .sort(),
    );
  });
});
