/**
 * Figures that one panel of the demo company said one way and another panel another (walk of
 * 30/06/2026): the customer file's limit gauge reads the exposure against the limit in force, as
 * « Disponible » and the dashboard's « exposition dépasse la limite » do; the scoring criterion
 * that stays on the balance says so; the risk table says where the collection already stands
 * (formal notice running or unpaid past its deadline, handed over) instead of recommending a
 * step already taken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '#app/context';
import { creditConfig } from '#app/credit/configuration';
import { readCreditPositions } from '#app/credit/credit-positions';
import { getRiskPanel } from '#app/credit/risk-panel';
import { recordManualReminder } from '#app/dunning/manual-reminders';
import { handOver, savePartner } from '#app/legal/handover';
import { getRiskTable } from '#app/reports/risk';
import { label } from '#text/catalogue';
import { creditLineGauge } from '../../web/src/pages/customer/identity-display.ts';
import { openDemoTestDatabase, type TestDatabase } from '../support/test-db.ts';

const AS_OF = '2026-06-30';
let database: TestDatabase;
let ctx: AppContext;

beforeAll(async () => {
  database = await openDemoTestDatabase();
  ctx = database.context('CB2C', AS_OF);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('one limit usage for a customer', () => {
  it('gauges C00032 on its exposure, over its limit as the dashboard counts it', async () => {
    const panel = await getRiskPanel(ctx, 'C00032');
    expect(panel.exposure.totalMinor).toBe(15_023_324);
    expect(panel.limit.limitMinor).toBe(13_000_000);
    // The gauge said 99 % (the balance, 128 249,23 €) beside « Disponible −20 233,24 € ».
    expect(creditLineGauge(panel)).toEqual({ tone: 'over', usagePercent: 116, dialValue: 116 });
    const positions = await readCreditPositions(
      ctx.db,
      ctx.companyId,
      AS_OF,
      await creditConfig(ctx, AS_OF),
      undefined,
    );
    expect(positions.find((p) => p.code === 'C00032')).toMatchObject({
      band: 'over',
      availableMinor: -2_023_324,
    });
  });

  it('names what the scoring criterion divides, which stays the balance', () => {
    expect(label('fr', 'scoringCriterion', 'limit_usage_bps')).toBe(
      'Utilisation de la limite (encours / limite)',
    );
    expect(label('en', 'scoringCriterion', 'limit_usage_bps')).toBe('Limit usage (balance / limit)');
  });
});

describe('the risk table’s action once collection has moved on', () => {
  it('says the formal notice running, the one past its deadline and the hand-over', async () => {
    const before = await getRiskTable(ctx, { asOf: AS_OF });
    const row = (table: typeof before, code: string) => {
      const found = table.rows.find((r) => r.code === code);
      if (!found) throw new Error(`no row for ${code}`);
      return found;
    };
    for (const code of ['C00162', 'C00219', 'C00178'])
      expect(row(before, code)).toMatchObject({ action: 'formal_notice', collectionStage: null });

    await recordManualReminder(ctx, {
      customerCode: 'C00219',
      channel: 'registered_letter',
      stepCode: 'formal_notice',
      doneOn: AS_OF,
    });
    await recordManualReminder(ctx, {
      customerCode: 'C00162',
      channel: 'registered_letter',
      stepCode: 'formal_notice',
      doneOn: '2026-06-15',
    });
    const partner = await savePartner(ctx, {
      name: 'Cabinet Durand',
      kind: 'lawyer',
      email: 'contentieux@durand-avocats.example',
      addressLines: ['Maître Paul Durand', '3 quai Saint-Antoine', '69002 Lyon'],
      amicableCommissionBps: 1000,
      judicialCommissionBps: 1800,
      fileFeeMinor: 5_000,
      judicialFeeMinor: 15_000,
      currency: 'EUR',
    });
    await handOver(ctx, { customerCode: 'C00178', partnerId: partner.partnerId, date: AS_OF });
    await handOver(ctx, { customerCode: 'C00032', partnerId: partner.partnerId, date: AS_OF });

    const after = await getRiskTable(ctx, { asOf: AS_OF });
    expect(plain(row(after, 'C00219').actionLabel)).toBe(
      'Mise en demeure en cours (délai jusqu’au 08/07/2026)',
    );
    expect(plain(row(after, 'C00162').actionLabel)).toBe(
      'Mise en demeure du 15/06/2026 restée impayée (délai échu le 23/06/2026) ; envisager le contentieux',
    );
    expect(row(after, 'C00178')).toMatchObject({
      action: 'formal_notice',
      actionLabel: 'Transmis au contentieux le 30/06/2026',
      collectionStage: { stage: 'handed_over', date: AS_OF },
    });
    // A credit action stands whatever the collection: its orders are still to be held.
    expect(row(after, 'C00032')).toMatchObject({ action: 'block_orders', collectionStage: null });
    const english = await getRiskTable(ctx, { asOf: AS_OF, lang: 'en' });
    expect(row(english, 'C00219').actionLabel).toBe('Formal notice running (deadline 08/07/2026)');
  }, 120_000);
});
