import { describe, expect, it } from 'vitest';
import { computeExposure, DEFAULT_EXPOSURE_CONFIG, emptyAmounts } from './exposure.ts';
import type { InsurerCover } from './insurer-cover.ts';
import { riskMap } from './risk-map.ts';

const AS_OF = '2026-06-30';
const cover = (grantedMinor: number, insuredShareBps: number): InsurerCover => ({
  insurer: 'Allianz Trade',
  status: 'granted',
  grantedMinor,
  currency: 'EUR',
  insuredShareBps,
  effectiveFrom: '2026-01-01',
  expiresOn: null,
});
function exposureOf(notDueMinor: number, insurer: InsurerCover | null, notGuaranteedMinor = 0) {
  const amounts = emptyAmounts('EUR');
  amounts.amountsMinor.notDue = notDueMinor;
  return computeExposure(amounts, DEFAULT_EXPOSURE_CONFIG, insurer, AS_OF, notGuaranteedMinor);
}

describe('riskMap', () => {
  it('splits each class into insured and uninsured exposure', () => {
    const cells = riskMap([
      // 10 000 € within a 20 000 € cover at 90 %: 9 000 insured, 1 000 own risk.
      { riskClass: 'B', exposure: exposureOf(1_000_000, cover(2_000_000, 9000)) },
      // 30 000 € with 10 000 € granted at 80 %: 8 000 insured, 22 000 own risk, 20 000 beyond cover.
      { riskClass: 'B', exposure: exposureOf(3_000_000, cover(1_000_000, 8000)) },
      { riskClass: 'E', exposure: exposureOf(500_000, null) },
      // A customer in credit counts, with no risk.
      { riskClass: null, exposure: exposureOf(-20_000, null) },
    ]);
    expect(cells).toEqual([
      {
        riskClass: 'B',
        currency: 'EUR',
        customers: 2,
        exposureMinor: 4_000_000,
        insuredMinor: 1_700_000,
        uninsuredMinor: 2_300_000,
        beyondCoverMinor: 2_000_000,
        notGuaranteedMinor: 0,
        insuredShareBps: 4250,
      },
      {
        riskClass: 'E',
        currency: 'EUR',
        customers: 1,
        exposureMinor: 500_000,
        insuredMinor: 0,
        uninsuredMinor: 500_000,
        beyondCoverMinor: 500_000,
        notGuaranteedMinor: 0,
        insuredShareBps: 0,
      },
      {
        riskClass: null,
        currency: 'EUR',
        customers: 1,
        exposureMinor: -20_000,
        insuredMinor: 0,
        uninsuredMinor: -20_000,
        beyondCoverMinor: 0,
        notGuaranteedMinor: 0,
        insuredShareBps: 0,
      },
    ]);
  });

  it('leaves out of the insured part the invoices a cover no longer guarantees', () => {
    // 150 233,24 € under a 150 000 € cover at 90 %, of which 5 789,72 € on an invoice whose
    // threatened loss was not declared in time: 144 443,52 € insurable, 129 999,17 € insured.
    const [cell] = riskMap([
      { riskClass: 'C', exposure: exposureOf(15_023_324, cover(15_000_000, 9000), 578_972) },
    ]);
    expect(cell).toMatchObject({
      insuredMinor: 12_999_917,
      uninsuredMinor: 15_023_324 - 12_999_917,
      notGuaranteedMinor: 578_972,
      beyondCoverMinor: 0,
    });
  });
});
