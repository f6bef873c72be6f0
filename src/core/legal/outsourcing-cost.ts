/**
 * The real annual cost of managing receivables in-house or outsourcing part of it — credit
 * insurance, factoring, a collection agency, or insurance with an agency — computed from the
 * company's own ledger over a period and assumptions the user can change. Every cost line names
 * its base and rate, so the figures can be checked by hand; flows of the period (sales, bad
 * debts, hand-overs) are brought to a year, stocks (average receivables) are taken as they are.
 */
import type { IsoDate } from '../types.ts';

/** What the ledger says about the period. */
export interface LedgerFigures {
  from: IsoDate;
  to: IsoDate;
  periodDays: number;
  currency: string;
  /** Invoices less credit notes issued in the period. */
  salesMinor: number;
  /** Customers invoiced in the period (an insurer charges for monitoring each). */
  buyers: number;
  /** Mean of the month-end receivables over the period. */
  averageReceivablesMinor: number;
  /** Write-offs booked in the period. */
  badDebtsMinor: number;
  /** Open amount of the invoices that reached the hand-over age in the period, and how many. */
  handOverMinor: number;
  handOverFiles: number;
}

export interface OutsourcingAssumptions {
  /** The company's cost of money (overdraft or credit line), basis points a year. */
  financingRateBp: number;
  inHouse: { staffCostMinor: number; staffFteHundredths: number; toolsMinor: number };
  insurance: {
    premiumRateBp: number;
    insuredSalesShareBp: number;
    feePerBuyerMinor: number;
    /** Share of an insured loss the insurer pays (quotité garantie). */
    coverRateBp: number;
    /** Months between the default and the indemnity (délai de carence), financed meanwhile. */
    waitingMonths: number;
    staffSavingBp: number;
  };
  factoring: {
    commissionBp: number;
    assignedShareBp: number;
    advanceRateBp: number;
    /** Guarantee (reserve) fund held by the factor on the assigned receivables. */
    reserveRateBp: number;
    factorFinancingRateBp: number;
    withRecourse: boolean;
    feesMinor: number;
    staffSavingBp: number;
  };
  agency: {
    handOverDays: number;
    amicableCommissionBp: number;
    judicialCommissionBp: number;
    judicialShareBp: number;
    feePerFileMinor: number;
    recoveryRateBp: number;
    /** What the company recovers itself of the same invoices, without an agency. */
    inHouseRecoveryRateBp: number;
    staffSavingBp: number;
  };
}

/**
 * What the simulator assumes of the market (staff cost, premiums, commissions, the factor's own
 * rate…) until the user says otherwise. The company's financing rate is no market figure: it is the
 * company's own, set once for every cost of money over time, and comes with the figures.
 */
export type MarketAssumptions = Omit<OutsourcingAssumptions, 'financingRateBp'>;

export const DEFAULT_MARKET_ASSUMPTIONS: MarketAssumptions = {
  inHouse: { staffCostMinor: 5_500_000, staffFteHundredths: 100, toolsMinor: 0 },
  insurance: {
    premiumRateBp: 25,
    insuredSalesShareBp: 9000,
    feePerBuyerMinor: 15_000,
    coverRateBp: 9000,
    waitingMonths: 5,
    staffSavingBp: 2000,
  },
  factoring: {
    commissionBp: 60,
    assignedShareBp: 10_000,
    advanceRateBp: 9000,
    reserveRateBp: 1000,
    factorFinancingRateBp: 550,
    withRecourse: false,
    feesMinor: 150_000,
    staffSavingBp: 5000,
  },
  agency: {
    handOverDays: 60,
    amicableCommissionBp: 1200,
    judicialCommissionBp: 2000,
    judicialShareBp: 3000,
    feePerFileMinor: 5000,
    recoveryRateBp: 6000,
    inHouseRecoveryRateBp: 3000,
    staffSavingBp: 1000,
  },
};

export type OptionCode = 'in_house' | 'insurance' | 'factoring' | 'agency' | 'insurance_agency';

export type CostLineCode =
  | 'staff'
  | 'tools'
  | 'financing'
  | 'bad_debts'
  | 'premium'
  | 'buyer_fees'
  | 'indemnity_wait'
  | 'commission'
  | 'factor_financing'
  | 'reserve_financing'
  | 'factoring_fees'
  | 'agency_commission'
  | 'agency_fees';

/** One cost: its amount a year and the base and rate it comes from (for the reader to check). */
export interface CostLine {
  code: CostLineCode;
  amountMinor: number;
  baseMinor: number | null;
  rateBp: number | null;
}

export interface OptionCost {
  option: OptionCode;
  lines: CostLine[];
  totalMinor: number;
  /** Total less the in-house total: < 0 saves money. */
  versusInHouseMinor: number;
}

/** base × rate, rounded to the minor unit (half away from zero). */
export function applyBp(baseMinor: number, rateBp: number): number {
  const exact = (baseMinor * rateBp) / 10_000;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

const line = (
  code: CostLineCode,
  amountMinor: number,
  baseMinor: number | null = null,
  rateBp: number | null = null,
) => ({
  code,
  amountMinor,
  baseMinor,
  rateBp,
});

/** A flow of the period brought to 365 days. */
export function annualise(amountMinor: number, periodDays: number): number {
  return Math.round((amountMinor * 365) / Math.max(1, periodDays));
}

interface Annual {
  salesMinor: number;
  badDebtsMinor: number;
  handOverMinor: number;
  handOverFiles: number;
}

function staffLine(a: OutsourcingAssumptions, savingBp: number): CostLine {
  const full = Math.round((a.inHouse.staffCostMinor * a.inHouse.staffFteHundredths) / 100);
  return line('staff', full - applyBp(full, savingBp), full, 10_000 - savingBp);
}

function inHouse(f: LedgerFigures, y: Annual, a: OutsourcingAssumptions): CostLine[] {
  return [
    staffLine(a, 0),
    line('tools', a.inHouse.toolsMinor),
    line(
      'financing',
      applyBp(f.averageReceivablesMinor, a.financingRateBp),
      f.averageReceivablesMinor,
      a.financingRateBp,
    ),
    line('bad_debts', y.badDebtsMinor, y.badDebtsMinor, null),
  ];
}

/** What credit insurance changes: premium and buyer fees; the insured share of losses is paid later. */
function insuranceLines(f: LedgerFigures, y: Annual, a: OutsourcingAssumptions, badDebtsMinor: number) {
  const i = a.insurance;
  const insuredSales = applyBp(y.salesMinor, i.insuredSalesShareBp);
  const indemnity = applyBp(applyBp(badDebtsMinor, i.insuredSalesShareBp), i.coverRateBp);
  const waitRateBp = Math.round((a.financingRateBp * i.waitingMonths) / 12);
  return {
    lines: [
      line('premium', applyBp(insuredSales, i.premiumRateBp), insuredSales, i.premiumRateBp),
      line('buyer_fees', f.buyers * i.feePerBuyerMinor, null, null),
      line('indemnity_wait', applyBp(indemnity, waitRateBp), indemnity, waitRateBp),
    ],
    remainingBadDebtsMinor: badDebtsMinor - indemnity,
  };
}

/** What an agency changes: commission on what it recovers, fees per file, fewer losses. */
function agencyLines(y: Annual, a: OutsourcingAssumptions, badDebtsMinor: number) {
  const g = a.agency;
  const recovered = applyBp(y.handOverMinor, g.recoveryRateBp);
  const blendedBp = Math.round(
    (g.amicableCommissionBp * (10_000 - g.judicialShareBp) + g.judicialCommissionBp * g.judicialShareBp) /
      10_000,
  );
  const extraRecovered = applyBp(y.handOverMinor, Math.max(0, g.recoveryRateBp - g.inHouseRecoveryRateBp));
  return {
    lines: [
      line('agency_commission', applyBp(recovered, blendedBp), recovered, blendedBp),
      line('agency_fees', y.handOverFiles * g.feePerFileMinor, null, null),
    ],
    remainingBadDebtsMinor: Math.max(0, badDebtsMinor - extraRecovered),
  };
}

function factoring(f: LedgerFigures, y: Annual, a: OutsourcingAssumptions): CostLine[] {
  const x = a.factoring;
  const assignedSales = applyBp(y.salesMinor, x.assignedShareBp);
  const assigned = applyBp(f.averageReceivablesMinor, x.assignedShareBp);
  const advanced = applyBp(assigned, x.advanceRateBp);
  const reserve = Math.min(assigned - advanced, applyBp(assigned, x.reserveRateBp));
  const ownFinanced = f.averageReceivablesMinor - advanced - reserve;
  // Without recourse the factor bears the losses on the receivables it took over.
  const badDebts = x.withRecourse
    ? y.badDebtsMinor
    : y.badDebtsMinor - applyBp(y.badDebtsMinor, x.assignedShareBp);
  return [
    staffLine(a, x.staffSavingBp),
    line('tools', a.inHouse.toolsMinor),
    line('commission', applyBp(assignedSales, x.commissionBp), assignedSales, x.commissionBp),
    line('factor_financing', applyBp(advanced, x.factorFinancingRateBp), advanced, x.factorFinancingRateBp),
    line('reserve_financing', applyBp(reserve, a.financingRateBp), reserve, a.financingRateBp),
    line('financing', applyBp(ownFinanced, a.financingRateBp), ownFinanced, a.financingRateBp),
    line('factoring_fees', x.feesMinor),
    line('bad_debts', badDebts, badDebts, null),
  ];
}

function withBadDebts(lines: CostLine[], badDebtsMinor: number): CostLine[] {
  return lines.map((l) =>
    l.code === 'bad_debts' ? line('bad_debts', badDebtsMinor, badDebtsMinor, null) : l,
  );
}

function withStaffSaving(lines: CostLine[], a: OutsourcingAssumptions, savingBp: number): CostLine[] {
  return lines.map((l) => (l.code === 'staff' ? staffLine(a, savingBp) : l));
}

export function simulateOutsourcing(
  figures: LedgerFigures,
  assumptions: OutsourcingAssumptions,
): OptionCost[] {
  const y: Annual = {
    salesMinor: annualise(figures.salesMinor, figures.periodDays),
    badDebtsMinor: annualise(figures.badDebtsMinor, figures.periodDays),
    handOverMinor: annualise(figures.handOverMinor, figures.periodDays),
    handOverFiles: Math.round((figures.handOverFiles * 365) / Math.max(1, figures.periodDays)),
  };
  const base = inHouse(figures, y, assumptions);
  const insured = insuranceLines(figures, y, assumptions, y.badDebtsMinor);
  const agency = agencyLines(y, assumptions, y.badDebtsMinor);
  const bothAgency = agencyLines(y, assumptions, y.badDebtsMinor);
  const bothInsured = insuranceLines(figures, y, assumptions, bothAgency.remainingBadDebtsMinor);
  const options: [OptionCode, CostLine[]][] = [
    ['in_house', base],
    [
      'insurance',
      [
        ...withStaffSaving(
          withBadDebts(base, insured.remainingBadDebtsMinor),
          assumptions,
          assumptions.insurance.staffSavingBp,
        ),
        ...insured.lines,
      ],
    ],
    ['factoring', factoring(figures, y, assumptions)],
    [
      'agency',
      [
        ...withStaffSaving(
          withBadDebts(base, agency.remainingBadDebtsMinor),
          assumptions,
          assumptions.agency.staffSavingBp,
        ),
        ...agency.lines,
      ],
    ],
    [
      'insurance_agency',
      [
        ...withStaffSaving(
          withBadDebts(base, bothInsured.remainingBadDebtsMinor),
          assumptions,
          assumptions.insurance.staffSavingBp + assumptions.agency.staffSavingBp,
        ),
        ...bothInsured.lines,
        ...bothAgency.lines,
      ],
    ],
  ];
  const total = (lines: CostLine[]) => lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const inHouseTotal = total(base);
  return options.map(([option, lines]) => ({
    option,
    lines,
    totalMinor: total(lines),
    versusInHouseMinor: total(lines) - inHouseTotal,
  }));
}
