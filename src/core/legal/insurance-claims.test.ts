import { describe, expect, it } from 'vitest';
import type { InsurerCover } from '../credit/insurer-cover.ts';
import {
  declarationState,
  indemnityExpectedOn,
  insuredClaim,
  lapsedInvoices,
  lateDeclaredCount,
  threatenedLossDeadline,
  validatePolicyTerms,
} from './insurance-claims.ts';

const cover = (
  grantedMinor: number,
  insuredShareBps: number,
  expiresOn: string | null = null,
): InsurerCover => ({
  insurer: 'Allianz Trade',
  status: 'granted',
  grantedMinor,
  currency: 'EUR',
  insuredShareBps,
  effectiveFrom: '2025-01-01',
  expiresOn,
});

describe('threatened-loss declaration deadline', () => {
  it('is the due date plus the policy days', () => {
    expect(threatenedLossDeadline('2026-03-31', 90)).toBe('2026-06-29');
    expect(threatenedLossDeadline('2026-01-31', 150)).toBe('2026-06-30');
  });

  it('is approaching within the warning days, the deadline day included, and past the day after', () => {
    expect(declarationState('2026-06-29', '2026-06-01', 15)).toBe('not_yet');
    expect(declarationState('2026-06-29', '2026-06-14', 15)).toBe('approaching');
    expect(declarationState('2026-06-29', '2026-06-29', 15)).toBe('approaching');
    expect(declarationState('2026-06-29', '2026-06-30', 15)).toBe('past');
  });

  it('refuses policy terms out of range', () => {
    expect(validatePolicyTerms({ threatenedLossDays: 0, waitingDays: 800, warningDays: 15 })).toEqual([
      'threatened_loss_days_out_of_range',
      'waiting_days_out_of_range',
    ]);
  });
});

describe('insured share', () => {
  it('is the outstanding within the amount granted, times the insured percentage', () => {
    // 12 345,67 € owed, 10 000,00 € granted at 90 %: 9 000,00 € insured, 3 345,67 € own loss.
    expect(insuredClaim(1_234_567, 'EUR', cover(1_000_000, 9000), '2026-06-30')).toEqual({
      outstandingMinor: 1_234_567,
      grantedMinor: 1_000_000,
      coveredMinor: 1_000_000,
      insuredShareBps: 9000,
      insuredMinor: 900_000,
      uninsuredMinor: 334_567,
    });
  });

  it('rounds half up when the outstanding is within the cover', () => {
    // 3 333,35 € × 85 % = 2 833,3475 € → 2 833,35 €.
    expect(insuredClaim(333_335, 'EUR', cover(1_000_000, 8500), '2026-06-30').insuredMinor).toBe(283_335);
  });

  it('pays nothing on a cover expired at the date', () => {
    const claim = insuredClaim(500_000, 'EUR', cover(1_000_000, 9000, '2026-05-31'), '2026-06-30');
    expect(claim).toMatchObject({ insuredMinor: 0, insuredShareBps: 0, uninsuredMinor: 500_000 });
  });

  it('expects the indemnity after the waiting period, or at once under a collective procedure', () => {
    expect(indemnityExpectedOn('2026-07-01', 150, false)).toBe('2026-11-28');
    expect(indemnityExpectedOn('2026-07-01', 150, true)).toBe('2026-07-01');
  });
});

describe('invoices a cover no longer guarantees', () => {
  // Allianz Trade's 90 days: F2025-002225, due 09/08/2025, had to be declared by 07/11/2025.
  const invoice = (ref: string, dueDate: string, declaredOn: string | null = null) => ({
    ref,
    dueDate,
    openMinor: 578_972,
    declaredOn,
  });

  it('lapses an invoice not declared by its deadline, and no other', () => {
    const lapsed = lapsedInvoices(
      [
        invoice('F2025-002225', '2025-08-09'),
        // Its deadline is the reference date itself: still in time.
        invoice('F2026-000100', '2026-04-01'),
        invoice('F2026-001141', '2026-05-22'),
      ],
      90,
      '2026-06-30',
    );
    expect(lapsed).toEqual([{ ref: 'F2025-002225', openMinor: 578_972, deadline: '2025-11-07' }]);
  });

  it('keeps an invoice declared in time, lapses one declared after its deadline or after the date', () => {
    const lapsed = lapsedInvoices(
      [
        invoice('ON-TIME', '2025-08-09', '2025-11-07'),
        invoice('LATE', '2025-08-09', '2025-11-08'),
        // Declared on time, but after the date the figures are read at: not declared yet then.
        invoice('LATER', '2025-08-09', '2025-11-01'),
      ],
      90,
      '2025-10-31',
    );
    expect(lapsed).toEqual([]);
    expect(
      lapsedInvoices([invoice('LATE', '2025-08-09', '2025-11-08')], 90, '2026-06-30').map((i) => i.ref),
    ).toEqual(['LATE']);
    expect(
      lapsedInvoices([invoice('ON-TIME', '2025-08-09', '2025-11-07')], 90, '2026-06-30').map((i) => i.ref),
    ).toEqual([]);
  });

  it('takes the lapsed amount off the insured share of a claim', () => {
    // 20 000 € declared under a 150 000 € cover at 90 %, 5 000 € of it past its deadline.
    const share = insuredClaim(2_000_000, 'EUR', cover(15_000_000, 9000), '2026-06-30', 500_000);
    expect(share).toMatchObject({
      coveredMinor: 1_500_000,
      insuredMinor: 1_350_000,
      uninsuredMinor: 650_000,
    });
  });
});

describe('lateDeclaredCount', () => {
  it('counts only the invoices declared after their own deadline', () => {
    const items = [{ deadline: '2025-11-07' }, { deadline: '2026-08-20' }, { deadline: '2026-06-30' }];
    expect(lateDeclaredCount(items, '2026-06-30')).toBe(1);
    expect(lateDeclaredCount(items, '2025-11-07')).toBe(0);
    expect(lateDeclaredCount([], '2026-06-30')).toBe(0);
  });
});
