/**
 * The claim declaration task a dunning run raises for a customer in insolvency proceedings: due
 * on the legal deadline when the insolvency watch recorded the claim (R622-24 C. com.: two months
 * from the publication), on the deadline estimated from the judgment the story dates, none once
 * the claim is declared, and due on the run's date when only the status tells of the procedure (a
 * person finds out the deadline). And a run of a reviewed selection:
 * an unknown code refused, what was left out reported and claim tasks raised for the chosen
 * customers only.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { loadDataset } from '#app/demo/load-dataset';
import { executeDunningRun } from '#app/dunning/execute-run';
import { previewDunningRun } from '#app/dunning/plan-run';
import { listCallTasks } from '#app/dunning/queries';
import { listClaimDeadlines, listClaims } from '#app/legal/claims';
import { insertClaimIfNew } from '#db/legal/legal-queries';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const ctx = (today: string): AppContext => database.context('CLM', today);

function claimOf(customerCode: string, deadline: string) {
  return {
    customerCode,
    announcementId: `BODACC-${customerCode}`,
    procedure: 'receivership',
    judgmentDate: '2025-05-12',
    publicationDate: '2025-05-14',
    deadline,
    currency: 'EUR',
    principalMinor: 400_000,
    interestMinor: 0,
    secured: false,
    interestStatus: 'not_claimed',
    items: [],
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('CLM')
    .addCustomer('R1', { name: 'Watched SA', status: 'receivership' })
    .addCustomer('R2', { name: 'Declared SA', status: 'receivership' })
    .addCustomer('R3', { name: 'Told SA', status: 'receivership' })
    .addCustomer('R4', { name: 'Storied SA', status: 'receivership' })
    // The story dates the judgment: the deadline is estimated from it, as the proceedings page says.
    .event('R4', 'insolvency', '2025-05-20', null, 'Redressement judiciaire ouvert');
  for (const code of ['R1', 'R2', 'R3', 'R4'])
    b.invoice(code, '2025-04-01', '2025-05-01', eur(4_000), `${code}-1`);
  await loadDataset({ ...ctx('2025-06-30'), actor: 'test' }, b.dataset());
  const db = database.context('CLM', '2025-06-30').db;
  await insertClaimIfNew(db, 'CLM', 'test', claimOf('R1', '2025-07-15'));
  await insertClaimIfNew(db, 'CLM', 'test', claimOf('R2', '2025-07-15'));
  await sql`update legal_claims set status = 'declared' where company_id = 'CLM' and customer_code = 'R2'`.execute(
    db,
  );
}, 120_000);
afterAll(async () => database?.close());

describe('claim declaration tasks of a dunning run', () => {
  it('are due on the recorded claim’s deadline, absent once declared, estimated from the story, due today on the status alone', async () => {
    const run = await executeDunningRun(ctx('2025-06-30'), { asOf: '2025-06-30' });
    expect(run.actions).toEqual([]);
    const tasks = await listCallTasks(ctx('2025-06-30'), { status: 'open' });
    expect(tasks.items.map((t) => [t.customerCode, t.kind, t.dueDate]).sort()).toEqual([
      ['R1', 'declare_claim', '2025-07-15'],
      ['R3', 'declare_claim', '2025-06-30'],
      ['R4', 'declare_claim', '2025-07-21'],
    ]);
  });

  it('reads the deadlines the run needs as the proceedings page lists the claims, in the same order', async () => {
    const claims = await listClaims(ctx('2025-06-30'), undefined, 'fr', '2025-06-30');
    const deadlines = await listClaimDeadlines(ctx('2025-06-30'), '2025-06-30');
    expect(deadlines).toEqual(
      claims.map(({ claimId, customerCode, judgmentDate, status, deadline }) => ({
        claimId,
        customerCode,
        judgmentDate,
        status,
        deadline,
      })),
    );
    expect(deadlines.map((d) => [d.customerCode, d.status, d.deadline])).toEqual([
      ['R1', 'to_declare', '2025-07-15'],
      ['R2', 'declared', '2025-07-15'],
      ['R4', 'to_declare', '2025-07-21'],
    ]);
  });
});

describe('a reviewed selection of customers', () => {
  it('refuses a code that is no customer of the company, and runs nothing', async () => {
    for (const run of [executeDunningRun, previewDunningRun])
      await expect(
        run(ctx('2025-07-01'), { asOf: '2025-07-01', customerCodes: ['R1', 'NOPE'] }),
      ).rejects.toMatchObject({
        code: 'not_found',
        details: { unknown: ['NOPE'] },
      });
  });

  it('raises claim tasks for its own customers only', async () => {
    const other = (today: string): AppContext => database.context('CLM2', today);
    const b = new LedgerBuilder('CLM2')
      .addCustomer('S1', { name: 'Chosen SA', status: 'receivership' })
      .addCustomer('S2', { name: 'Not chosen SA', status: 'receivership' });
    for (const code of ['S1', 'S2']) b.invoice(code, '2025-04-01', '2025-05-01', eur(4_000), `${code}-1`);
    await loadDataset({ ...other('2025-06-30'), actor: 'test' }, b.dataset());
    await executeDunningRun(other('2025-06-30'), { asOf: '2025-06-30', customerCodes: ['S1'] });
    const tasks = await listCallTasks(other('2025-06-30'), { status: 'open' });
    expect(tasks.items.map((t) => [t.customerCode, t.kind])).toEqual([['S1', 'declare_claim']]);
  });

  it('reports what it left out of its own customers only', async () => {
    const run = await executeDunningRun(ctx('2025-07-02'), { asOf: '2025-07-02', customerCodes: ['R3'] });
    expect(new Set(run.skipped.map((s) => s.customerCode))).toEqual(new Set(['R3']));
  });
});
