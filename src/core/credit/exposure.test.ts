import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeExposure,
  DEFAULT_EXPOSURE_CONFIG,
  EXPOSURE_BUCKETS,
  type ExposureAmounts,
  type ExposureConfig,
  exposureAmounts,
  groupExposure,
  sumAmounts,
} from './exposure.ts';
import type { InsurerCover } from './insurer-cover.ts';

const AS_OF = '2026-06-30';

const AMOUNTS = exposureAmounts(
  'EUR',
  [
    { dueDate: '2026-07-15', openMinor: 1_200_000 },
    { dueDate: '2026-06-30', openMinor: 300_000 }, // due today: not yet overdue
    { dueDate: '2026-06-29', openMinor: 450_000 },
    { dueDate: '2026-03-31', openMinor: 250_000 },
    { dueDate: '2026-05-31', openMinor: -80_000 }, // unapplied payment: never aged
  ],
  [
    { stage: 'open', amountMinor: 900_000 },
    { stage: 'delivered', amountMinor: 600_000 },
    { stage: 'open', amountMinor: 100_000 },
  ],
  AS_OF,
);

describe('customer exposure', () => {
  it('splits open items and uninvoiced orders into buckets as of a date', () => {
    expect(AMOUNTS.amountsMinor).toEqual({
      notDue: 1_500_000,
      overdue: 700_000,
      unappliedCredits: -80_000,
      openOrders: 1_000_000,
      deliveredNotInvoiced: 600_000,
    });
  });

  it('totals every bucket by default and shows each apart', () => {
    const exposure = computeExposure(AMOUNTS, DEFAULT_EXPOSURE_CONFIG, null, AS_OF);
    expect(exposure.totalMinor).toBe(3_720_000);
    expect(exposure.buckets.map((b) => [b.bucket, b.amountMinor, b.included])).toEqual([
      ['notDue', 1_500_000, true],
      ['overdue', 700_000, true],
      ['unappliedCredits', -80_000, true],
      ['openOrders', 1_000_000, true],
      ['deliveredNotInvoiced', 600_000, true],
    ]);
    expect(exposure.insurance).toMatchObject({
      coverState: 'none',
      insuredMinor: 0,
      uninsuredMinor: 3_720_000,
    });
  });

  it('leaves excluded buckets out of the total and flags buckets over their own limit', () => {
    const config: ExposureConfig = {
      include: { ...DEFAULT_EXPOSURE_CONFIG.include, openOrders: false },
      bucketLimitsMinor: { overdue: 500_000, notDue: 2_000_000 },
    };
    const exposure = computeExposure(AMOUNTS, config, null, AS_OF);
    expect(exposure.totalMinor).toBe(2_720_000);
    expect(exposure.bucketsOverLimit).toEqual(['overdue']);
    expect(exposure.buckets[1]).toEqual({
      bucket: 'overdue',
      amountMinor: 700_000,
      included: true,
      limitMinor: 500_000,
      overLimitMinor: 200_000,
    });
  });

  it('splits the total into insured and uninsured parts under an active cover', () => {
    const cover: InsurerCover = {
      insurer: 'Coface',
      status: 'partial',
      grantedMinor: 2_000_000,
      currency: 'EUR',
      insuredShareBps: 9_000,
      effectiveFrom: null,
      expiresOn: null,
    };
    expect(computeExposure(AMOUNTS, DEFAULT_EXPOSURE_CONFIG, cover, AS_OF).insurance).toEqual({
      coverState: 'active',
      grantedMinor: 2_000_000,
      notGuaranteedMinor: 0,
      coveredMinor: 2_000_000,
      insuredMinor: 1_800_000,
      uninsuredMinor: 1_920_000,
      beyondCoverMinor: 1_720_000,
    });
  });
});

describe('group exposure', () => {
  const member = (customerCode: string, groupCode: string | null, notDue: number, overdue: number) => ({
    customerCode,
    groupCode,
    amounts: {
      currency: 'EUR',
      amountsMinor: { notDue, overdue, unappliedCredits: 0, openOrders: 0, deliveredNotInvoiced: 0 },
    },
  });

  it('adds the parent and its subsidiaries, not other customers', () => {
    const members = [
      member('SUB2', 'HOLD', 100_000, 50_000),
      member('HOLD', null, 400_000, 0),
      member('OTHER', null, 999_000, 999_000),
      member('SUB1', 'HOLD', 200_000, 25_000),
    ];
    const group = groupExposure('HOLD', members, DEFAULT_EXPOSURE_CONFIG, AS_OF, 'EUR');
    expect(group.memberCodes).toEqual(['HOLD', 'SUB1', 'SUB2']);
    expect(group.totalMinor).toBe(775_000);
    expect(group.buckets.slice(0, 2).map((b) => b.amountMinor)).toEqual([700_000, 75_000]);
  });

  it('insures the group as its members are insured, each under its own cover', () => {
    const cover: InsurerCover = {
      insurer: 'Allianz Trade',
      status: 'granted',
      grantedMinor: 15_000_000,
      currency: 'EUR',
      insuredShareBps: 9_000,
      effectiveFrom: '2025-01-01',
      expiresOn: null,
    };
    // The parent has no cover; one member is insured for 135 000 €, less a lapsed invoice.
    const members = [
      member('HOLD', null, 20_000_000, 0),
      { ...member('SUB1', 'HOLD', 15_023_324, 0), cover, notGuaranteedMinor: 578_972 },
      member('SUB2', 'HOLD', 1_000_000, 0),
    ];
    const group = groupExposure('HOLD', members, DEFAULT_EXPOSURE_CONFIG, AS_OF, 'EUR');
    expect(group.insurance).toMatchObject({
      coverState: 'active',
      insuredMinor: 12_999_917,
      uninsuredMinor: 36_023_324 - 12_999_917,
      notGuaranteedMinor: 578_972,
    });
  });

  it('refuses to add exposures in different currencies', () => {
    const usd = {
      ...member('SUB', 'HOLD', 1, 1),
      amounts: { ...member('SUB', 'HOLD', 1, 1).amounts, currency: 'USD' },
    };
    expect(() =>
      groupExposure('HOLD', [member('HOLD', null, 1, 1), usd], DEFAULT_EXPOSURE_CONFIG, AS_OF, 'EUR'),
    ).toThrow(RangeError);
  });

  it('totals a group as the sum of its members, for any inclusion (property)', () => {
    const amount = fc.integer({ min: 0, max: 1e10 });
    const amounts: fc.Arbitrary<ExposureAmounts> = fc.record({
      currency: fc.constant('EUR'),
      amountsMinor: fc.record({
        notDue: amount,
        overdue: amount,
        unappliedCredits: fc.integer({ min: -1e9, max: 0 }),
        openOrders: amount,
        deliveredNotInvoiced: amount,
      }),
    });
    const include = fc.record(
      Object.fromEntries(EXPOSURE_BUCKETS.map((b) => [b, fc.boolean()])),
    ) as fc.Arbitrary<ExposureConfig['include']>;
    fc.assert(
      fc.property(fc.array(amounts, { maxLength: 8 }), include, (parts, inclusion) => {
        const config = { include: inclusion, bucketLimitsMinor: {} };
        const each = parts.map((p) => computeExposure(p, config, null, AS_OF).totalMinor);
        const together = computeExposure(sumAmounts('EUR', parts), config, null, AS_OF);
        expect(together.totalMinor).toBe(each.reduce((s, t) => s + t, 0));
        const included = together.buckets.filter((b) => b.included).reduce((s, b) => s + b.amountMinor, 0);
        expect(together.totalMinor).toBe(included);
      }),
    );
  });
});
