import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InsurerCover } from './insurer-cover.ts';
import {
  DEFAULT_LIMIT_POLICY,
  type LimitRecord,
  recommendLimit,
  resolveLimit,
  validateLimitPolicy,
} from './limits.ts';
import { RISK_CLASSES } from './scoring-method.ts';

const AS_OF = '2026-06-30';
const COVER: InsurerCover = {
  insurer: 'Atradius',
  status: 'granted',
  grantedMinor: 6_230_000,
  currency: 'EUR',
  insuredShareBps: 9_000,
  effectiveFrom: '2026-01-01',
  expiresOn: '2026-12-31',
};

describe('recommended limit', () => {
  it('takes the class share of sales, caps it at the cover + tolerance and rounds down (golden)', () => {
    // 1 200 000 € × 6.16 % = 73 920 €; cap 62 300 € + 5 000 € = 67 300 €; rounded down to 500 € → 67 000 €.
    const result = recommendLimit(
      DEFAULT_LIMIT_POLICY,
      { riskClass: 'B', annualSalesMinor: 120_000_000, cover: COVER },
      AS_OF,
    );
    expect(result.recommendedMinor).toBe(6_700_000);
    expect(result.steps).toEqual([
      {
        code: 'sales_share',
        figures: { annualSalesMinor: 120_000_000, salesShareBps: 616, amountMinor: 7_392_000 },
      },
      {
        code: 'capped_by_cover',
        figures: { grantedMinor: 6_230_000, toleranceMinor: 500_000, capMinor: 6_730_000 },
      },
      { code: 'rounded_down', figures: { stepMinor: 50_000, fromMinor: 6_730_000 } },
    ]);
  });

  it('raises a small customer to the class floor and gives class E nothing', () => {
    // 20 000 € × 8.22 % = 1 644 € < 5 000 € floor for class A.
    const small = recommendLimit(
      DEFAULT_LIMIT_POLICY,
      { riskClass: 'A', annualSalesMinor: 2_000_000, cover: null },
      AS_OF,
    );
    expect(small.recommendedMinor).toBe(500_000);
    expect(small.steps.map((s) => s.code)).toEqual(['sales_share', 'raised_to_floor']);
    const risky = recommendLimit(
      DEFAULT_LIMIT_POLICY,
      { riskClass: 'E', annualSalesMinor: 500_000_000, cover: COVER },
      AS_OF,
    );
    expect(risky.recommendedMinor).toBe(0);
  });

  it('lowers to the class ceiling, and ignores an expired cover unless told to cap without one', () => {
    const expired = { ...COVER, expiresOn: '2026-06-29' };
    const big = recommendLimit(
      DEFAULT_LIMIT_POLICY,
      { riskClass: 'D', annualSalesMinor: 500_000_000, cover: expired },
      AS_OF,
    );
    expect(big.recommendedMinor).toBe(5_000_000);
    expect(big.steps.map((s) => s.code)).toEqual(['sales_share', 'lowered_to_ceiling']);
    const strict = { ...DEFAULT_LIMIT_POLICY, capWithoutCover: true };
    const capped = recommendLimit(
      strict,
      { riskClass: 'D', annualSalesMinor: 500_000_000, cover: expired },
      AS_OF,
    );
    expect(capped.recommendedMinor).toBe(500_000);
    expect(capped.steps[2]).toEqual({
      code: 'capped_without_cover',
      figures: { coverState: 'expired', capMinor: 500_000 },
    });
  });

  it('stays a non-negative multiple of the step, within ceiling and cover cap, and grows with sales (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RISK_CLASSES),
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 0, max: 1e9 }),
        (riskClass, salesMinor, moreSalesMinor, grantedMinor) => {
          const cover = { ...COVER, grantedMinor };
          const facts = { riskClass, annualSalesMinor: salesMinor, cover };
          const { recommendedMinor } = recommendLimit(DEFAULT_LIMIT_POLICY, facts, AS_OF);
          const { ceilingMinor } = DEFAULT_LIMIT_POLICY.byClass[riskClass];
          expect(recommendedMinor).toBeGreaterThanOrEqual(0);
          expect(recommendedMinor % DEFAULT_LIMIT_POLICY.roundingStepMinor).toBe(0);
          if (ceilingMinor !== null) expect(recommendedMinor).toBeLessThanOrEqual(ceilingMinor);
          expect(recommendedMinor).toBeLessThanOrEqual(
            grantedMinor + DEFAULT_LIMIT_POLICY.uninsuredToleranceMinor,
          );
          const more = recommendLimit(
            DEFAULT_LIMIT_POLICY,
            { ...facts, annualSalesMinor: salesMinor + moreSalesMinor },
            AS_OF,
          );
          expect(more.recommendedMinor).toBeGreaterThanOrEqual(recommendedMinor);
        },
      ),
    );
  });

  it('validates the policy', () => {
    expect(validateLimitPolicy(DEFAULT_LIMIT_POLICY)).toEqual([]);
    const bad = {
      ...DEFAULT_LIMIT_POLICY,
      roundingStepMinor: 0,
      byClass: {
        ...DEFAULT_LIMIT_POLICY.byClass,
        C: { salesShareBps: -1, floorMinor: 100, ceilingMinor: 50 },
      },
    };
    expect(validateLimitPolicy(bad).map((p) => [p.code, p.params['riskClass'] ?? null])).toEqual([
      ['rounding_step_not_positive', null],
      ['sales_share_negative', 'C'],
      ['ceiling_below_floor', 'C'],
    ]);
  });
});

describe('limit in force', () => {
  const permanent = (amountMinor: number): LimitRecord => ({
    amountMinor,
    currency: 'EUR',
    kind: 'permanent',
    validFrom: null,
    expiresOn: null,
  });
  const temporary = (amountMinor: number, validFrom: string, expiresOn: string): LimitRecord => ({
    amountMinor,
    currency: 'EUR',
    kind: 'temporary',
    validFrom,
    expiresOn,
  });

  it('prefers a temporary customer limit while it runs, its last day included', () => {
    const customer = [permanent(3_000_000), temporary(4_500_000, '2026-06-01', '2026-06-30')];
    expect(resolveLimit({ customer, group: [], companyDefaultMinor: null }, AS_OF)).toEqual({
      limitMinor: 4_500_000,
      source: 'customer_temporary',
      expiresOn: '2026-06-30',
      expiredTemporary: [],
    });
  });

  it('falls back to the permanent limit once the temporary one expired, and says so', () => {
    const customer = [permanent(3_000_000), temporary(4_500_000, '2026-06-01', '2026-06-29')];
    expect(resolveLimit({ customer, group: [], companyDefaultMinor: null }, AS_OF)).toEqual({
      limitMinor: 3_000_000,
      source: 'customer',
      expiresOn: null,
      expiredTemporary: [{ level: 'customer', amountMinor: 4_500_000, expiresOn: '2026-06-29' }],
    });
  });

  it('falls back from customer to group to company default, then to none', () => {
    const group = [permanent(20_000_000), temporary(25_000_000, '2026-07-01', '2026-07-31')];
    expect(resolveLimit({ customer: [], group, companyDefaultMinor: 500_000 }, AS_OF)).toMatchObject({
      limitMinor: 20_000_000,
      source: 'group',
    });
    const onlyExpired = [temporary(9_000_000, '2026-01-01', '2026-03-31')];
    expect(
      resolveLimit({ customer: onlyExpired, group: [], companyDefaultMinor: 500_000 }, AS_OF),
    ).toMatchObject({
      limitMinor: 500_000,
      source: 'company_default',
    });
    expect(resolveLimit({ customer: [], group: [], companyDefaultMinor: null }, AS_OF)).toMatchObject({
      limitMinor: null,
      source: 'none',
    });
  });

  it('takes the latest-starting permanent limit among several', () => {
    const customer = [
      { ...permanent(1_000_000), validFrom: '2025-01-01' },
      { ...permanent(2_000_000), validFrom: '2026-02-01' },
      { ...permanent(3_000_000), validFrom: '2026-07-01' },
    ];
    expect(resolveLimit({ customer, group: [], companyDefaultMinor: null }, AS_OF).limitMinor).toBe(
      2_000_000,
    );
  });
});
