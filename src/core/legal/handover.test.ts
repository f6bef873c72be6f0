import { describe, expect, it } from 'vitest';
import {
  fileState,
  type PartnerTerms,
  partnerCharges,
  type StepReport,
  validatePartnerTerms,
} from './handover.ts';
import { reconcileFile } from './handover-reconciliation.ts';

const TERMS: PartnerTerms = {
  amicableCommissionBps: 1200,
  judicialCommissionBps: 2000,
  fileFeeMinor: 5_000,
  judicialFeeMinor: 15_000,
};
const step = (s: Partial<StepReport> & Pick<StepReport, 'step' | 'date'>): StepReport => ({
  recoveredMinor: 0,
  costsMinor: 0,
  partnerOutstandingMinor: null,
  ...s,
});
// Given out of order on purpose: the phase follows the dates, not the order of the reports.
const STEPS: StepReport[] = [
  step({ step: 'enforcement', date: '2026-07-15', recoveredMinor: 200_005, costsMinor: 12_000 }),
  step({ step: 'received', date: '2026-05-04' }),
  step({ step: 'amicable', date: '2026-05-20', recoveredMinor: 123_457 }),
  step({ step: 'injunction_filed', date: '2026-06-10', costsMinor: 3_347 }),
  step({ step: 'injunction_order', date: '2026-07-01' }),
];

describe('partnerCharges', () => {
  it('charges each recovery at the rate of its phase, rounded once per phase, plus fees and costs', () => {
    expect(partnerCharges(TERMS, STEPS, '2026-07-31')).toEqual({
      recoveredMinor: 323_462,
      amicableRecoveredMinor: 123_457,
      judicialRecoveredMinor: 200_005,
      // 1 234,57 € × 12 % = 148,1484 € → 148,15 €; 2 000,05 € × 20 % = 400,01 €.
      amicableCommissionMinor: 14_815,
      judicialCommissionMinor: 40_001,
      commissionMinor: 54_816,
      fixedFeesMinor: 20_000,
      costsMinor: 15_347,
      totalChargesMinor: 90_163,
      netToForwardMinor: 233_299,
    });
  });

  it('counts only what was reported by the date, and no court fee before the court', () => {
    expect(partnerCharges(TERMS, STEPS, '2026-06-01')).toMatchObject({
      recoveredMinor: 123_457,
      commissionMinor: 14_815,
      fixedFeesMinor: 5_000,
      costsMinor: 0,
      totalChargesMinor: 19_815,
      netToForwardMinor: 103_642,
    });
  });

  it('rounds a half cent up', () => {
    const terms = { ...TERMS, amicableCommissionBps: 1000 };
    const charges = partnerCharges(
      terms,
      [step({ step: 'amicable', date: '2026-05-01', recoveredMinor: 25 })],
      '2026-05-01',
    );
    expect(charges.amicableCommissionMinor).toBe(3);
  });

  it('refuses rates outside 0–100 % and negative fees', () => {
    expect(validatePartnerTerms({ ...TERMS, judicialCommissionBps: 10_001, fileFeeMinor: -1 })).toEqual([
      'commission_out_of_range',
      'fee_invalid',
    ]);
    expect(validatePartnerTerms(TERMS)).toEqual([]);
  });
});

describe('fileState', () => {
  it('follows the latest step, judicial once a court was seized', () => {
    expect(fileState(STEPS, '2026-06-15')).toEqual({
      step: 'injunction_filed',
      stepDate: '2026-06-10',
      phase: 'judicial',
      closedOn: null,
      withdrawn: false,
    });
    expect(fileState(STEPS, '2026-05-10')).toMatchObject({ step: 'received', phase: 'amicable' });
  });

  it('knows a file closed by the partner from one we took back', () => {
    const withdrawn = fileState([...STEPS, step({ step: 'withdrawn', date: '2026-08-01' })], '2026-08-31');
    expect(withdrawn).toMatchObject({ closedOn: '2026-08-01', withdrawn: true, phase: 'judicial' });
    const closed = fileState([...STEPS, step({ step: 'closed', date: '2026-08-02' })], '2026-08-31');
    expect(closed).toMatchObject({ closedOn: '2026-08-02', withdrawn: false });
  });
});

describe('reconcileFile', () => {
  it('splits the difference into recoveries not received and an outstanding that does not follow', () => {
    const result = reconcileFile({
      handedMinor: 500_000,
      ourOutstandingMinor: 300_000,
      partnerRecoveredMinor: 250_000,
      partnerReportedOutstandingMinor: 260_000,
    });
    expect(result).toEqual({
      ourOutstandingMinor: 300_000,
      partnerOutstandingMinor: 260_000,
      partnerOutstandingReported: true,
      differenceMinor: 40_000,
      settledMinor: 200_000,
      partnerRecoveredMinor: 250_000,
      reasons: [
        { reason: 'recovery_not_received', amountMinor: 50_000 },
        { reason: 'amount_differs', amountMinor: -10_000 },
      ],
    });
  });

  it('implies the partner outstanding from its recoveries when it gave none', () => {
    const result = reconcileFile({
      handedMinor: 500_000,
      ourOutstandingMinor: 300_000,
      partnerRecoveredMinor: 100_000,
      partnerReportedOutstandingMinor: null,
    });
    expect(result).toMatchObject({
      partnerOutstandingMinor: 400_000,
      partnerOutstandingReported: false,
      differenceMinor: -100_000,
      reasons: [{ reason: 'payment_not_reported', amountMinor: -100_000 }],
    });
  });

  it('lists nothing when both sides agree', () => {
    const result = reconcileFile({
      handedMinor: 500_000,
      ourOutstandingMinor: 380_000,
      partnerRecoveredMinor: 120_000,
      partnerReportedOutstandingMinor: 380_000,
    });
    expect(result.differenceMinor).toBe(0);
    expect(result.reasons).toEqual([]);
  });
});
