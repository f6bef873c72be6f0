/**
 * The procedure reports' gaps of reminders and the dunning run agree on a customer whose unapplied
 * payment covers what it owes overdue: on the demo as of 30/06/2026, Comptoir C00113's invoice of
 * 2 641,30 € is covered by its payment RG2026-001854, not matched yet. The run writes it nothing
 * (« Avoirs et règlements couvrant les sommes dues »); once the run has reminded the others, the
 * report no longer names it among the customers nobody reminded, and says what it left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { executeDunningRun } from '#app/dunning/execute-run';
import { getProcedureReportModel } from '#app/procedure/reports';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-06-30';
const COVERED = 'C00113';
let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C');
}, 600_000);
afterAll(async () => {
  await database?.close();
});

describe('a customer whose unapplied payment covers its overdue invoice', () => {
  it('is left out of the gaps of reminders as the dunning run leaves it out', async () => {
    const run = await executeDunningRun(ctx, { asOf: AS_OF });
    expect(run.actions.map((a) => a.customerCode)).not.toContain(COVERED);
    expect(run.skipped.filter((s) => s.customerCode === COVERED).map((s) => s.reason)).toContain(
      'credits_cover_amount_due',
    );
    const built = await getProcedureReportModel(ctx, { report: 'dysfunctions', asOf: AS_OF });
    if (built.report !== 'dysfunctions') throw new Error('wrong report');
    const gap = (code: string) => built.model.gaps.find((g) => g.code === code);
    for (const code of ['never_reminded', 'overdue_not_reminded'])
      expect(gap(code)?.items.map((i) => i.code)).not.toContain(COVERED);
    expect(gap('never_reminded')?.coveredByCredits).toEqual({ count: 1, amountMinor: 264_130 });
  }, 600_000);
});
