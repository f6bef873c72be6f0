import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coverOn,
  coverState,
  type InsurerCover,
  splitInsured,
  sumInsuredSplits,
  validateCover,
} from './insurer-cover.ts';

const COVER: InsurerCover = {
  insurer: 'Allianz Trade',
  status: 'granted',
  grantedMinor: 10_000_000,
  currency: 'EUR',
  insuredShareBps: 9_000,
  effectiveFrom: '2026-01-01',
  expiresOn: '2026-12-31',
};

describe('insurer cover', () => {
  it('is active from its start to its last day included, and only when granted', () => {
    expect([
      coverState(null, '2026-06-30'),
      coverState(COVER, '2026-06-30'),
      coverState(COVER, '2026-12-31'),
      coverState(COVER, '2027-01-01'),
      coverState(COVER, '2025-12-31'),
      coverState({ ...COVER, status: 'partial', expiresOn: null }, '2030-01-01'),
      coverState({ ...COVER, status: 'requested' }, '2026-06-30'),
      coverState({ ...COVER, status: 'refused' }, '2026-06-30'),
      coverState({ ...COVER, status: 'cancelled' }, '2026-06-30'),
    ]).toEqual([
      'none',
      'active',
      'active',
      'expired',
      'not_started',
      'active',
      'pending',
      'refused',
      'cancelled',
    ]);
  });

  it('stands on a day as the latest version recorded whose day has come', () => {
    const cancelled: InsurerCover = {
      ...COVER,
      status: 'cancelled',
      grantedMinor: 0,
      effectiveFrom: '2026-09-01',
    };
    // Recorded in order: the grant, then in June a cancellation effective in September.
    const versions = [
      { inForceFrom: '2026-01-01', cover: COVER },
      { inForceFrom: '2026-09-01', cover: cancelled },
    ];
    expect(coverOn(versions, '2025-12-31')).toBeNull();
    expect(coverOn(versions, '2026-06-30')).toBe(COVER);
    expect(coverOn(versions, '2026-09-01')).toBe(cancelled);
    // A correction recorded later but standing from an earlier day replaces both from its day.
    const corrected = { ...COVER, grantedMinor: 5_000_000 };
    const later = [...versions, { inForceFrom: '2026-03-01', cover: corrected }];
    expect(coverOn(later, '2026-02-28')).toBe(COVER);
    expect(coverOn(later, '2026-10-01')).toBe(corrected);
  });

  it('splits 150 k€ under a 100 k€ cover at 90 %: 90 k€ insured, 60 k€ uninsured, 50 k€ beyond cover', () => {
    expect(splitInsured(15_000_000, 'EUR', COVER, '2026-06-30')).toEqual({
      coverState: 'active',
      grantedMinor: 10_000_000,
      notGuaranteedMinor: 0,
      coveredMinor: 10_000_000,
      insuredMinor: 9_000_000,
      uninsuredMinor: 6_000_000,
      beyondCoverMinor: 5_000_000,
    });
    // 3.33 € × 90 % = 2.997 € → 3.00 €.
    expect(splitInsured(333, 'EUR', COVER, '2026-06-30').insuredMinor).toBe(300);
  });

  it('takes the invoices it no longer guarantees off the exposure before the granted amount', () => {
    // 150 233,24 € under a 100 000 € cover at 90 %, 5 789,72 € of it on a lapsed invoice.
    expect(splitInsured(15_023_324, 'EUR', COVER, '2026-06-30', 578_972)).toEqual({
      coverState: 'active',
      grantedMinor: 10_000_000,
      notGuaranteedMinor: 578_972,
      coveredMinor: 10_000_000,
      insuredMinor: 9_000_000,
      uninsuredMinor: 6_023_324,
      beyondCoverMinor: 4_444_352,
    });
    // Within the cover, the lapsed invoice is what leaves the insured part: 90 % of 5 000 € less.
    const within = splitInsured(5_000_000, 'EUR', COVER, '2026-06-30', 500_000);
    expect([within.coveredMinor, within.insuredMinor, within.beyondCoverMinor]).toEqual([
      4_500_000, 4_050_000, 0,
    ]);
    // No cover in force: nothing is guaranteed anyway, nothing is said to have lapsed.
    expect(splitInsured(5_000_000, 'EUR', COVER, '2027-01-02', 500_000).notGuaranteedMinor).toBe(0);
  });

  it('adds up the members’ splits of a group, each under its own cover', () => {
    const insured = splitInsured(15_023_324, 'EUR', COVER, '2026-06-30', 578_972);
    const uncovered = splitInsured(20_000_000, 'EUR', null, '2026-06-30');
    const group = sumInsuredSplits([insured, uncovered]);
    expect(group).toMatchObject({
      coverState: 'active',
      insuredMinor: 9_000_000,
      uninsuredMinor: 35_023_324 - 9_000_000,
      notGuaranteedMinor: 578_972,
    });
    expect(sumInsuredSplits([uncovered]).coverState).toBe('none');
  });

  it('insures nothing when the cover expired or is in another currency', () => {
    expect(splitInsured(15_000_000, 'EUR', COVER, '2027-01-02')).toMatchObject({
      coverState: 'expired',
      insuredMinor: 0,
      uninsuredMinor: 15_000_000,
      beyondCoverMinor: 15_000_000,
    });
    expect(splitInsured(15_000_000, 'USD', COVER, '2026-06-30')).toMatchObject({
      coverState: 'other_currency',
      insuredMinor: 0,
    });
  });

  it('always adds insured and uninsured up to the exposure, within the granted amount (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e12 }),
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 1e12 }),
        (exposureMinor, grantedMinor, insuredShareBps, notGuaranteedMinor) => {
          const split = splitInsured(
            exposureMinor,
            'EUR',
            { ...COVER, grantedMinor, insuredShareBps },
            '2026-06-30',
            notGuaranteedMinor,
          );
          expect(split.insuredMinor + split.uninsuredMinor).toBe(exposureMinor);
          expect(split.insuredMinor).toBeGreaterThanOrEqual(0);
          expect(split.insuredMinor).toBeLessThanOrEqual(Math.min(grantedMinor, Math.max(exposureMinor, 0)));
          expect(split.coveredMinor + split.beyondCoverMinor + split.notGuaranteedMinor).toBe(
            Math.max(exposureMinor, 0),
          );
        },
      ),
    );
  });

  it('reports a bad share, a negative amount and an end before the start', () => {
    expect(validateCover(COVER)).toEqual([]);
    const bad = { ...COVER, grantedMinor: -1, insuredShareBps: 10_500, expiresOn: '2025-06-30' };
    expect(validateCover(bad).map((p) => p.code)).toEqual([
      'granted_amount_invalid',
      'insured_share_out_of_range',
      'cover_expires_before_start',
    ]);
  });
});
