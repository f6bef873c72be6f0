/**
 * A collector's monthly collection target: set by the credit department (audited), and its
 * progress — what the collector's customers paid in the month up to the agenda's date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '#app/demo/load-dataset';
import { getAgenda } from '#app/dunning/agenda';
import { setCollectionTarget } from '#app/dunning/collection-targets';
import { assignPortfolio } from '#app/dunning/collectors';
import { eur, LedgerBuilder } from '../scenarios/ledger-builder.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
const ctx = () => database.context('TGT', '2026-07-20');

beforeAll(async () => {
  database = await openTestDatabase();
  const b = new LedgerBuilder('TGT').addCustomer('C1').addCustomer('C2').addCustomer('C3');
  b.invoice('C1', '2026-05-01', '2026-05-31', eur(1_000), 'F1');
  b.invoice('C2', '2026-05-01', '2026-05-31', eur(2_000), 'F2');
  b.invoice('C3', '2026-05-01', '2026-05-31', eur(4_000), 'F3');
  b.payment('C1', '2026-06-30', [['F1', eur(100)]]); // the month before: not counted
  b.payment('C1', '2026-07-05', [['F1', eur(400)]]);
  b.payment('C2', '2026-07-18', [['F2', eur(2_000)]]);
  b.payment('C2', '2026-07-25', [], eur(50)); // after the agenda's date: not yet
  b.payment('C3', '2026-07-10', [['F3', eur(1_000)]]); // C3 is nobody's
  await loadDataset(
    { ...ctx(), actor: 'test' },
    {
      ...b.dataset('2026-07-20'),
      users: [{ email: 'julien@tgt.test', name: 'Julien', role: 'collector', salesperson: null }],
    },
  );
  await assignPortfolio(ctx(), { customerCodes: ['C1', 'C2'], collector: 'julien@tgt.test' });
}, 120_000);
afterAll(async () => database?.close());

describe('monthly collection targets', () => {
  it('shows the month’s collections of the portfolio against the target, in basis points', async () => {
    const set = await setCollectionTarget(ctx(), {
      collector: 'Julien@tgt.test',
      month: '2026-07',
      amountMinor: eur(5_000),
    });
    // 400 + 2,000 by 20 July of 5,000: 48 %.
    expect(set).toMatchObject({ collector: 'julien@tgt.test', targetMinor: eur(5_000) });
    const agenda = await getAgenda(ctx(), { asOf: '2026-07-20' });
    expect(agenda.targets).toEqual([
      {
        collector: 'julien@tgt.test',
        name: 'Julien',
        month: '2026-07',
        currency: 'EUR',
        targetMinor: eur(5_000),
        collectedMinor: eur(2_400),
        progressBp: 4_800,
      },
    ]);
    const mine = await getAgenda(ctx(), { asOf: '2026-07-20', collector: 'julien@tgt.test' });
    expect(mine.targets.map((row) => row.collector)).toEqual(['julien@tgt.test']);
  });

  it('replaces a target, audits both, and refuses a bad month or an unknown collector', async () => {
    await setCollectionTarget(ctx(), {
      collector: 'julien@tgt.test',
      month: '2026-07',
      amountMinor: eur(4_800),
    });
    const agenda = await getAgenda(ctx(), { asOf: '2026-07-20' });
    expect(agenda.targets[0]?.progressBp).toBe(5_000);
    const audits = await database.runtime.handle.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('company_id', '=', 'TGT')
      .where('action', '=', 'agenda.target')
      .orderBy('audit_id')
      .execute();
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [null, { month: '2026-07', amountMinor: eur(5_000), currency: 'EUR' }],
      [
        { month: '2026-07', amountMinor: eur(5_000) },
        { month: '2026-07', amountMinor: eur(4_800), currency: 'EUR' },
      ],
    ]);
    await expect(
      setCollectionTarget(ctx(), { collector: 'julien@tgt.test', month: '2026-13', amountMinor: 1 }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      setCollectionTarget(ctx(), { collector: 'nobody@tgt.test', month: '2026-07', amountMinor: 1 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
