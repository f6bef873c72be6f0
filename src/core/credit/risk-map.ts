/**
 * The risk map: customers and exposure by risk class, with the part the credit insurer would pay
 * and the company's own risk, so the uninsured exposure of the weakest classes shows at a glance.
 * Customers in credit (negative exposure) count in their class but carry no risk.
 */
import type { CurrencyCode } from '../types.ts';
import type { Exposure } from './exposure.ts';
import { roundDiv } from './rounding.ts';
import { RISK_CLASSES, type RiskClass } from './scoring-method.ts';

export interface RiskMapCell {
  /** null: customers not scored yet (or without enough data). */
  riskClass: RiskClass | null;
  currency: CurrencyCode;
  customers: number;
  exposureMinor: number;
  insuredMinor: number;
  uninsuredMinor: number;
  /** Exposure above the insurer's granted amounts. */
  beyondCoverMinor: number;
  /** Exposure on invoices a cover in force no longer guarantees (declaration deadline passed). */
  notGuaranteedMinor: number;
  /** insured ÷ positive exposure, in bps (0 without exposure). */
  insuredShareBps: number;
}

export function riskMap(
  customers: readonly { riskClass: RiskClass | null; exposure: Exposure }[],
): RiskMapCell[] {
  const cells = new Map<string, RiskMapCell>();
  const atRiskMinor = new Map<string, number>();
  for (const { riskClass, exposure } of customers) {
    const key = `${riskClass ?? '-'}|${exposure.currency}`;
    const cell = cells.get(key) ?? {
      riskClass,
      currency: exposure.currency,
      customers: 0,
      exposureMinor: 0,
      insuredMinor: 0,
      uninsuredMinor: 0,
      beyondCoverMinor: 0,
      notGuaranteedMinor: 0,
      insuredShareBps: 0,
    };
    cell.customers += 1;
    cell.exposureMinor += exposure.totalMinor;
    cell.insuredMinor += exposure.insurance.insuredMinor;
    cell.uninsuredMinor += exposure.insurance.uninsuredMinor;
    cell.beyondCoverMinor += exposure.insurance.beyondCoverMinor;
    cell.notGuaranteedMinor += exposure.insurance.notGuaranteedMinor;
    cells.set(key, cell);
    atRiskMinor.set(key, (atRiskMinor.get(key) ?? 0) + Math.max(exposure.totalMinor, 0));
  }
  const order = (c: RiskMapCell) =>
    c.riskClass === null ? RISK_CLASSES.length : RISK_CLASSES.indexOf(c.riskClass);
  return [...cells.entries()]
    .map(([key, cell]) => {
      const positiveMinor = atRiskMinor.get(key) ?? 0;
      const insuredShareBps =
        positiveMinor <= 0 ? 0 : Number(roundDiv(BigInt(cell.insuredMinor) * 10_000n, BigInt(positiveMinor)));
      return { ...cell, insuredShareBps };
    })
    .sort((a, b) => order(a) - order(b) || a.currency.localeCompare(b.currency));
}
