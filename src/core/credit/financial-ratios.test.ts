import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BalanceSheet,
  conanHolder,
  conanHolderZone,
  financialRatios,
  financialScoringInputs,
  validateBalanceSheet,
} from './financial-ratios.ts';

/** The published Conan-Holder example, in euros (× 100 for cents); equity and result added for the ratios. */
const GOLDEN_SHEET: BalanceSheet = {
  currency: 'EUR',
  fiscalYearEnd: '2025-12-31',
  totalAssetsMinor: 100_000,
  equityMinor: 22_500,
  totalDebtsMinor: 67_000,
  turnoverMinor: 200_000,
  valueAddedMinor: 40_000,
  grossOperatingProfitMinor: 12_000,
  permanentCapitalMinor: 60_000,
  cashMinor: 5_000,
  receivablesMinor: 30_000,
  financialChargesMinor: 2_000,
  staffCostsMinor: 25_000,
  netResultMinor: 3_000,
};

describe('Conan-Holder', () => {
  it('gives Z = 15.98 on the published example, in the 10–30 % failure-risk zone', () => {
    // 24 × 120/670 + 22 × 600/1000 + 16 × 350/1000 − 87 × 20/2000 − 10 × 250/400
    // = 4.2985 + 13.2 + 5.6 − 0.87 − 6.25 = 15.9785 → 15.98. With the textbook 0.24… coefficients the
    // ratios must be in % (17.91, 60, 35, 1, 62.5): 0.24 × 17.91 = 4.2985, the same figure.
    const result = conanHolder(GOLDEN_SHEET);
    expect(result).toEqual({
      computable: true,
      z: 15.98,
      zHundredths: 1_598,
      zone: 'failure_risk_10_to_30_pct',
      ratiosBps: { r1: 1_791, r2: 6_000, r3: 3_500, r4: 100, r5: 6_250 },
    });
  });

  it('puts zone bounds on the rounded Z (16 / 9 / 4)', () => {
    expect([1_600, 1_599, 900, 899, 400, 399, -250].map((z) => conanHolderZone(z))).toEqual([
      'failure_risk_under_10_pct',
      'failure_risk_10_to_30_pct',
      'failure_risk_10_to_30_pct',
      'failure_risk_30_to_65_pct',
      'failure_risk_30_to_65_pct',
      'failure_risk_over_65_pct',
      'failure_risk_over_65_pct',
    ]);
    const bounds = {
      under10PctFromHundredths: 1_600,
      from10To30PctFromHundredths: 950,
      from30To65PctFromHundredths: 400,
    };
    expect(conanHolderZone(920, bounds)).toBe('failure_risk_30_to_65_pct');
  });

  it('is not computable, rather than 0, when a base is zero', () => {
    expect(conanHolder({ ...GOLDEN_SHEET, totalDebtsMinor: 0, valueAddedMinor: 0 })).toEqual({
      computable: false,
      zeroDenominators: ['totalDebtsMinor', 'valueAddedMinor'],
    });
  });

  it('does not depend on the unit the accounts are in (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (factor) => {
        const scaled = Object.fromEntries(
          Object.entries(GOLDEN_SHEET).map(([key, value]) => [
            key,
            typeof value === 'number' ? value * factor : value,
          ]),
        ) as unknown as BalanceSheet;
        expect(conanHolder(scaled)).toEqual(conanHolder(GOLDEN_SHEET));
        expect(financialRatios(scaled)).toEqual(financialRatios(GOLDEN_SHEET));
      }),
    );
  });

  it('never falls when EBE rises or staff costs fall (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (more, less) => {
          const base = conanHolder(GOLDEN_SHEET);
          const better = conanHolder({
            ...GOLDEN_SHEET,
            grossOperatingProfitMinor: GOLDEN_SHEET.grossOperatingProfitMinor + more,
            staffCostsMinor: GOLDEN_SHEET.staffCostsMinor - less,
          });
          if (!base.computable || !better.computable) throw new Error('expected computable');
          expect(better.zHundredths).toBeGreaterThanOrEqual(base.zHundredths);
        },
      ),
    );
  });
});

describe('financial ratios', () => {
  it('computes each ratio in basis points on the example', () => {
    expect(financialRatios(GOLDEN_SHEET)).toEqual({
      equityRatioBps: 2_250, // 225 / 1000
      debtToEquityBps: 29_778, // 670 / 225 = 2.97777…
      netMarginBps: 150, // 30 / 2000
      grossOperatingMarginBps: 600, // 120 / 2000
      ebeToDebtsBps: 1_791, // 120 / 670 = 0.179104…
      financialChargesToEbeBps: 1_667, // 20 / 120
    });
  });

  it('gives no gearing on negative equity and no ratio on a zero base', () => {
    const ratios = financialRatios({ ...GOLDEN_SHEET, equityMinor: -5_000, turnoverMinor: 0 });
    expect(ratios.debtToEquityBps).toBeNull();
    expect(ratios.netMarginBps).toBeNull();
    expect(ratios.equityRatioBps).toBe(-500);
  });

  it('maps the sheet to the scoring inputs of the default method', () => {
    expect(financialScoringInputs(GOLDEN_SHEET)).toEqual({
      equity_ratio_bps: 2_250,
      net_margin_bps: 150,
      ebe_to_debts_bps: 1_791,
      conan_holder_z: 15.98,
    });
    expect(financialScoringInputs({ ...GOLDEN_SHEET, totalDebtsMinor: 0 })['conan_holder_z']).toBeNull();
  });

  it('reports figures that are not minor units or are negative where they cannot be', () => {
    expect(validateBalanceSheet(GOLDEN_SHEET)).toEqual([]);
    expect(validateBalanceSheet({ ...GOLDEN_SHEET, cashMinor: 12.5, turnoverMinor: -1 })).toEqual([
      { code: 'amount_not_minor_units', params: { field: 'cashMinor' } },
      { code: 'amount_negative', params: { field: 'turnoverMinor' } },
    ]);
  });
});
