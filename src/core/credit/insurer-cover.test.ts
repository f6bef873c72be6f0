import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverOn, coverState, type InsurerCover, splitInsured, validateCover } from './insurer-cover.ts';

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
      coveredMinor: 10_000_000,
      insuredMinor: 9_000_000,
      uninsuredMinor: 6_000_000,
      beyondCoverMinor: 5_000_000,
    });
    // 3.33 € × 90 % = 2.997 € → 3.00 €.
    expect(splitInsured(333, 'EUR', COVER, '2026-06-30').insuredMinor).toBe(300);
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
        (exposureMinor, grantedMinor, insuredShareBps) => {
          const split = splitInsured(
            exposureMinor,
            'EUR',
            { ...COVER, grantedMinor, insuredShareBps },
            '2026-06-30',
          );
          expect(split.insuredMinor + split.uninsuredMinor).toBe(exposureMinor);
          expect(split.insuredMinor).toBeGreaterThanOrEqual(0);
          expect(split.insuredMinor).toBeLessThanOrEqual(Math.min(grantedMinor, Math.max(exposureMinor, 0)));
          expect(split.coveredMinor + split.beyondCoverMinor).toBe(Math.max(exposureMinor, 0));
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
