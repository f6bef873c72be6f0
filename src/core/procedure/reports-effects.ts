/**
 * The estimated effects of the measures the measures report proposes (src/core/procedure/reports-model.ts
 * holds the model they fill): each one an upper bound computed from the same figures the report
 * states — the amount concerned, its weight in the DSO and a year of its financing.
 */
import type { MeasureEffect } from './reports-model.ts';

/** Days of sales an amount stands for: what it weighs in the DSO. */
export function dsoDaysOf(amountMinor: number, dailySalesMinor: number | null): number | null {
  if (dailySalesMinor === null || dailySalesMinor <= 0) return null;
  return Math.round((amountMinor / dailySalesMinor) * 10) / 10;
}

/** A year's financing of an amount at an annual rate in basis points, rounded once. */
export function annualCostMinor(amountMinor: number, rateBps: number): number {
  return Math.round((amountMinor * rateBps) / 10_000);
}

export interface OverdueInvoice {
  customerCode: string;
  openMinor: number;
  daysLate: number;
  reminded: boolean;
}

/** What an effect is measured against: the daily sales (for the DSO) and the financing rate. */
export interface EffectBasis {
  dailySalesMinor: number | null;
  rateBps: number;
}

/**
 * A measure on the overdue invoices more than `minDaysLate` late that `isConcerned` selects: an upper
 * bound, assuming the measure gets them paid — the amount, its weight in the DSO and a year's financing.
 */
export function overdueEffect(
  code: string,
  isConcerned: (invoice: OverdueInvoice) => boolean,
  invoices: readonly OverdueInvoice[],
  minDaysLate: number,
  basis: EffectBasis,
): MeasureEffect {
  const concerned = invoices.filter((i) => isConcerned(i) && i.daysLate > minDaysLate && i.openMinor > 0);
  const amountMinor = concerned.reduce((total, i) => total + i.openMinor, 0);
  return {
    code,
    parameters: { minDaysLate },
    customers: new Set(concerned.map((i) => i.customerCode)).size,
    items: concerned.length,
    amountMinor,
    dsoEffectDays: dsoDaysOf(amountMinor, basis.dailySalesMinor),
    annualCashCostMinor: annualCostMinor(amountMinor, basis.rateBps),
  };
}

/** Reminding every overdue invoice older than `minDaysLate` that nobody reminded. */
export function remindEffect(
  invoices: readonly OverdueInvoice[],
  minDaysLate: number,
  basis: EffectBasis,
): MeasureEffect {
  return overdueEffect('remind_overdue', (i) => !i.reminded, invoices, minDaysLate, basis);
}

export interface LimitedCustomer {
  code: string;
  riskClass: string | null;
  balanceMinor: number;
  creditLimitMinor: number | null;
}

/**
 * Cutting the limits of the riskiest classes by `reductionBps` (every class named alike). A cut
 * collects nothing by itself: it stops new credit until the customer is back under the new limit.
 * Its effect is the part of each balance between the reduced limit and the current one — the
 * credit the cut withdraws from customers who use it, to be paid before any new order passes. What
 * a customer owes beyond its current limit is left out: today's limit already holds it back, so
 * the cut adds nothing there. At most the cut itself (a quarter of the limit for 2 500 bps).
 */
export function tightenLimitsEffect(
  customers: readonly LimitedCustomer[],
  classes: readonly string[],
  reductionBps: number,
  basis: EffectBasis,
): MeasureEffect {
  let amountMinor = 0;
  let items = 0;
  for (const c of customers) {
    if (c.riskClass === null || !classes.includes(c.riskClass) || c.creditLimitMinor === null) continue;
    const newLimitMinor = Math.round((c.creditLimitMinor * (10_000 - reductionBps)) / 10_000);
    const withdrawnMinor = Math.max(0, Math.min(c.balanceMinor, c.creditLimitMinor) - newLimitMinor);
    if (withdrawnMinor === 0) continue;
    amountMinor += withdrawnMinor;
    items += 1;
  }
  return {
    code: 'tighten_limits',
    parameters: { classes: classes.join(', '), reductionBps },
    customers: items,
    items,
    amountMinor,
    dsoEffectDays: dsoDaysOf(amountMinor, basis.dailySalesMinor),
    annualCashCostMinor: annualCostMinor(amountMinor, basis.rateBps),
  };
}

/** Setting a limit for every customer that owes without one: the exposure left uncontrolled. */
export function limitEveryCustomerEffect(
  customers: readonly LimitedCustomer[],
  basis: EffectBasis,
): MeasureEffect {
  const concerned = customers.filter((c) => c.creditLimitMinor === null && c.balanceMinor > 0);
  const amountMinor = concerned.reduce((total, c) => total + c.balanceMinor, 0);
  return {
    code: 'set_missing_limits',
    parameters: {},
    customers: concerned.length,
    items: concerned.length,
    amountMinor,
    dsoEffectDays: dsoDaysOf(amountMinor, basis.dailySalesMinor),
    annualCashCostMinor: annualCostMinor(amountMinor, basis.rateBps),
  };
}

/** Handing over to litigation what is more than `minDaysLate` late and already formally reminded. */
export function handOverEffect(
  invoices: readonly OverdueInvoice[],
  minDaysLate: number,
  basis: EffectBasis,
): MeasureEffect {
  return overdueEffect('hand_over_old', (i) => i.reminded, invoices, minDaysLate, basis);
}
