/**
 * Every reader of a customer's credit-insurance cover reads the version in force on its date, as the
 * risk map and the measures report do (`coversAsOf`): the order check (its one statement, for a
 * question and for a recorded decision), the risk panel and the policy replay. A cancellation
 * recorded today but effective in September leaves today's orders covered — not held as « garantie
 * tombée » — and lapses the cover from its date, for all of them alike. The risk map reads each
 * customer's class as scored by its date too, not a score recorded after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { recordCover } from '#app/credit/covers';
import { checkOrder } from '#app/credit/order-check';
import { getRiskMap } from '#app/credit/risk-map';
import { getRiskPanel } from '#app/credit/risk-panel';
import { replayProcedure } from '#app/procedure/replay';
import { coverStatesAsOf } from '#app/procedure/reports-gaps';
import { insertScores } from '#db/credit/score-queries';
import { DEMO_AS_OF } from '#demo/index';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

let database: TestDatabase;
let ctx: AppContext;
const SEPTEMBER = '2026-09-01';

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', DEMO_AS_OF);
}, 600_000);
afterAll(async () => database?.close());

/** The company's date, which the order check and the risk panel read as « today ». */
async function moveReferenceDate(date: string): Promise<void> {
  await ctx.db
    .updateTable('companies')
    .set({ reference_date: date })
    .where('company_id', '=', 'CB2C')
    .execute();
}

const codesOf = (answer: { reasons: { code: string }[] }) => answer.reasons.map((reason) => reason.code);

describe('a cancellation recorded ahead of its date', () => {
  it('leaves the cover to the order check, the risk panel and the replay until its date, and lapses it from then', async () => {
    const cover = (await coverStatesAsOf(ctx, DEMO_AS_OF)).find((c) => c.state === 'active')!;
    const customerCode = cover.customerCode;
    await recordCover(ctx, {
      customerCode,
      insurer: cover.insurer,
      status: 'cancelled',
      grantedMinor: 0,
      insuredShareBps: cover.insuredShareBps,
      effectiveFrom: SEPTEMBER,
    });
    const order = { customerCode, amountMinor: 10_000 };

    // Today (30/06) the cover granted in 2025 still stands.
    const question = await checkOrder(ctx, order);
    expect(codesOf(question)).not.toContain('insurer_cover_lapsed');
    const june = await checkOrder(ctx, { ...order, orderRef: 'H9-JUNE' });
    expect(codesOf(june)).not.toContain('insurer_cover_lapsed');
    const panel = await getRiskPanel(ctx, customerCode);
    expect(panel.cover).toMatchObject({ status: 'granted', effectiveFrom: '2025-01-01' });
    expect(panel.exposure.coverState).toBe('active');
    expect(panel.exposure.insuredMinor).toBeGreaterThan(0);

    // On its effective date the cancellation is the cover: every reader holds the order for it.
    await moveReferenceDate(SEPTEMBER);
    try {
      const later = await checkOrder(ctx, order);
      expect(later.decision).toBe('hold');
      expect(codesOf(later)).toContain('insurer_cover_lapsed');
      const september = await checkOrder(ctx, { ...order, orderRef: 'H9-SEPTEMBER' });
      expect(codesOf(september)).toContain('insurer_cover_lapsed');
      const laterPanel = await getRiskPanel(ctx, customerCode);
      expect(laterPanel.cover).toMatchObject({ status: 'cancelled', effectiveFrom: SEPTEMBER });
      expect(laterPanel.exposure.coverState).toBe('cancelled');
      expect(laterPanel.exposure.insuredMinor).toBe(0);

      // The replay judges each recorded check with the cover of its day, as the check did.
      const replay = await replayProcedure(ctx, {
        proposal: { version: 'in-force' },
        from: DEMO_AS_OF,
        to: SEPTEMBER,
        listLimit: 100_000,
      });
      expect(replay.fidelity.orderMismatches).toEqual([]);
      const replayed = (ref: string) => replay.orders.find((o) => o.ref === ref)?.current.reasonCodes ?? [];
      expect(replayed('H9-JUNE')).not.toContain('insurer_cover_lapsed');
      expect(replayed('H9-SEPTEMBER')).toContain('insurer_cover_lapsed');
    } finally {
      await moveReferenceDate(DEMO_AS_OF);
    }
  }, 300_000);
});

describe('the risk map and the scores', () => {
  it('reads each customer’s class as scored by the map’s date, not a score recorded after it', async () => {
    const before = await getRiskMap(ctx, { asOf: DEMO_AS_OF });
    const julyBefore = await getRiskMap(ctx, { asOf: '2026-07-31' });
    const countOf = (map: typeof before, riskClass: string | null) =>
      map.cells.filter((cell) => cell.riskClass === riskClass).reduce((sum, cell) => sum + cell.customers, 0);
    const panel = await getRiskPanel(ctx, 'C00003');
    expect(panel.score?.riskClass).toBe('C');
    // Scored E in July, after the map's date.
    await insertScores(ctx.db, 'CB2C', 'test', [
      {
        customerCode: 'C00003',
        asOf: '2026-07-15',
        status: 'scored',
        score: 12,
        riskClass: 'E',
        methodVersion: panel.score!.methodVersion,
        explanation: {},
      },
    ]);
    expect((await getRiskMap(ctx, { asOf: DEMO_AS_OF })).cells).toEqual(before.cells);
    const july = await getRiskMap(ctx, { asOf: '2026-07-31' });
    expect(countOf(july, 'E')).toBe(countOf(julyBefore, 'E') + 1);
    expect(countOf(july, 'C')).toBe(countOf(julyBefore, 'C') - 1);
  }, 120_000);
});
