/**
 * Financial ratios and the Conan-Holder score from a customer's balance-sheet figures, for the
 * "capital" criteria of the scoring method. Figures are integer minor units; every ratio is
 * computed exactly on integers and rounded once, half away from zero (ratios in basis points,
 * Z to two decimals), so the same accounts give the same figures everywhere. A ratio whose
 * denominator is zero is null — unknown, never 0 — so the scoring can treat it as missing.
 *
 * Conan-Holder (1979), with each ratio as a fraction of its base:
 *   Z = 24·R1 + 22·R2 + 16·R3 − 87·R4 − 10·R5
 *   R1 = EBE / total debts, R2 = permanent capital / total assets,
 *   R3 = (cash + receivables) / total assets (current assets excluding stocks),
 *   R4 = financial charges / turnover, R5 = staff costs / value added.
 * This is the usual French formula 0.24·R1 + 0.22·R2 + … with the ratios in %, written the other way
 * round; the published example (R1 = 17.91 %, R2 = 60 %, R3 = 35 %, R4 = 1 %, R5 = 62.5 %) gives 15.98.
 */
import type { CurrencyCode, IsoDate } from '../types.ts';
import type { Problem } from './reason.ts';
import { ratioBps, roundedCombination } from './rounding.ts';

export interface BalanceSheet {
  currency: CurrencyCode;
  fiscalYearEnd: IsoDate;
  totalAssetsMinor: number;
  equityMinor: number;
  /** All debts (financial and operating), the Conan-Holder R1 base. */
  totalDebtsMinor: number;
  turnoverMinor: number;
  valueAddedMinor: number;
  /** EBE (excédent brut d'exploitation). */
  grossOperatingProfitMinor: number;
  /** Equity + long-term debts (capitaux permanents). */
  permanentCapitalMinor: number;
  cashMinor: number;
  /** Trade receivables (créances clients et comptes rattachés). */
  receivablesMinor: number;
  financialChargesMinor: number;
  staffCostsMinor: number;
  netResultMinor: number;
}

export interface FinancialRatios {
  /** Autonomie financière: equity / total assets. */
  equityRatioBps: number | null;
  /** Total debts / equity; null when equity is not positive (the ratio would mislead). */
  debtToEquityBps: number | null;
  netMarginBps: number | null;
  /** EBE / turnover. */
  grossOperatingMarginBps: number | null;
  /** EBE / total debts (= Conan-Holder R1). */
  ebeToDebtsBps: number | null;
  /** Financial charges / EBE: how much of the operating cash goes to lenders. */
  financialChargesToEbeBps: number | null;
}

export function financialRatios(sheet: BalanceSheet): FinancialRatios {
  return {
    equityRatioBps: ratioBps(sheet.equityMinor, sheet.totalAssetsMinor),
    debtToEquityBps: sheet.equityMinor > 0 ? ratioBps(sheet.totalDebtsMinor, sheet.equityMinor) : null,
    netMarginBps: ratioBps(sheet.netResultMinor, sheet.turnoverMinor),
    grossOperatingMarginBps: ratioBps(sheet.grossOperatingProfitMinor, sheet.turnoverMinor),
    ebeToDebtsBps: ratioBps(sheet.grossOperatingProfitMinor, sheet.totalDebtsMinor),
    financialChargesToEbeBps:
      sheet.grossOperatingProfitMinor > 0
        ? ratioBps(sheet.financialChargesMinor, sheet.grossOperatingProfitMinor)
        : null,
  };
}

export const CONAN_HOLDER_ZONES = [
  'failure_risk_under_10_pct',
  'failure_risk_10_to_30_pct',
  'failure_risk_30_to_65_pct',
  'failure_risk_over_65_pct',
] as const;
export type ConanHolderZone = (typeof CONAN_HOLDER_ZONES)[number];

/**
 * Lowest Z of the first three zones, in hundredths (16.00 / 9.00 / 4.00, the classic table;
 * some textbooks put the second bound at 9.5: pass your own).
 */
export interface ConanHolderZoneBounds {
  under10PctFromHundredths: number;
  from10To30PctFromHundredths: number;
  from30To65PctFromHundredths: number;
}

export const DEFAULT_CONAN_HOLDER_BOUNDS: ConanHolderZoneBounds = {
  under10PctFromHundredths: 1_600,
  from10To30PctFromHundredths: 900,
  from30To65PctFromHundredths: 400,
};

export type ConanHolderResult =
  | {
      computable: true;
      /** Z rounded to two decimals (e.g. 15.98). */
      z: number;
      zHundredths: number;
      zone: ConanHolderZone;
      ratiosBps: { r1: number; r2: number; r3: number; r4: number; r5: number };
    }
  | {
      computable: false;
      /** Fields that are zero where the formula divides by them. */
      zeroDenominators: string[];
    };

/**
 * Conan-Holder score and zone. The zone follows the rounded Z, so the figure shown and the zone
 * shown never disagree (15.995 shows as 16.00 and is in the < 10 % zone).
 */
export function conanHolder(
  sheet: BalanceSheet,
  bounds: ConanHolderZoneBounds = DEFAULT_CONAN_HOLDER_BOUNDS,
): ConanHolderResult {
  const denominators: [string, number][] = [
    ['totalDebtsMinor', sheet.totalDebtsMinor],
    ['totalAssetsMinor', sheet.totalAssetsMinor],
    ['turnoverMinor', sheet.turnoverMinor],
    ['valueAddedMinor', sheet.valueAddedMinor],
  ];
  const zeroDenominators = denominators.filter(([, value]) => value === 0).map(([field]) => field);
  if (zeroDenominators.length > 0) return { computable: false, zeroDenominators };
  const liquidMinor = sheet.cashMinor + sheet.receivablesMinor;
  const zHundredths = roundedCombination(
    [
      { coefficient: 24, numerator: sheet.grossOperatingProfitMinor, denominator: sheet.totalDebtsMinor },
      { coefficient: 22, numerator: sheet.permanentCapitalMinor, denominator: sheet.totalAssetsMinor },
      { coefficient: 16, numerator: liquidMinor, denominator: sheet.totalAssetsMinor },
      { coefficient: -87, numerator: sheet.financialChargesMinor, denominator: sheet.turnoverMinor },
      { coefficient: -10, numerator: sheet.staffCostsMinor, denominator: sheet.valueAddedMinor },
    ],
    100,
  )!;
  return {
    computable: true,
    z: zHundredths / 100,
    zHundredths,
    zone: conanHolderZone(zHundredths, bounds),
    ratiosBps: {
      r1: ratioBps(sheet.grossOperatingProfitMinor, sheet.totalDebtsMinor)!,
      r2: ratioBps(sheet.permanentCapitalMinor, sheet.totalAssetsMinor)!,
      r3: ratioBps(liquidMinor, sheet.totalAssetsMinor)!,
      r4: ratioBps(sheet.financialChargesMinor, sheet.turnoverMinor)!,
      r5: ratioBps(sheet.staffCostsMinor, sheet.valueAddedMinor)!,
    },
  };
}

export function conanHolderZone(
  zHundredths: number,
  bounds: ConanHolderZoneBounds = DEFAULT_CONAN_HOLDER_BOUNDS,
): ConanHolderZone {
  if (zHundredths >= bounds.under10PctFromHundredths) return 'failure_risk_under_10_pct';
  if (zHundredths >= bounds.from10To30PctFromHundredths) return 'failure_risk_10_to_30_pct';
  if (zHundredths >= bounds.from30To65PctFromHundredths) return 'failure_risk_30_to_65_pct';
  return 'failure_risk_over_65_pct';
}

/** Problems of a balance sheet before it is used (codes with the field concerned). */
export function validateBalanceSheet(sheet: BalanceSheet): Problem[] {
  const problems: Problem[] = [];
  for (const [field, value] of Object.entries(sheet)) {
    if (!field.endsWith('Minor')) continue;
    if (!Number.isSafeInteger(value)) problems.push({ code: 'amount_not_minor_units', params: { field } });
  }
  const nonNegative = [
    'totalAssetsMinor',
    'totalDebtsMinor',
    'turnoverMinor',
    'cashMinor',
    'receivablesMinor',
    'financialChargesMinor',
    'staffCostsMinor',
  ] as const;
  for (const field of nonNegative) {
    if (sheet[field] < 0) problems.push({ code: 'amount_negative', params: { field } });
  }
  return problems;
}

/** The scoring inputs the default method reads from a balance sheet (absent when unknown). */
export function financialScoringInputs(sheet: BalanceSheet): Record<string, number | null> {
  const ratios = financialRatios(sheet);
  const z = conanHolder(sheet);
  return {
    equity_ratio_bps: ratios.equityRatioBps,
    net_margin_bps: ratios.netMarginBps,
    ebe_to_debts_bps: ratios.ebeToDebtsBps,
    conan_holder_z: z.computable ? z.z : null,
  };
}
