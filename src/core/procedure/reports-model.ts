/**
 * The data model of the two written reports of the procedure review (issue 16): the dysfunctions
 * report and the measures report. Plain figures and codes only (money in minor units, ratios as
 * fractions, days); the app layer fills them from the analytics, the text layer words them, the
 * render layer lays them out. The pure helpers here judge a trend and estimate the effect of a
 * measure, so that every estimate printed is computed, with its assumptions as figures.
 */
import type { AnomalyThresholds } from '../analytics/anomalies.ts';
import type { IsoDate } from '../types.ts';
import type { ClassMigration } from './replay-types.ts';

/** Whether a smaller or a larger value of an indicator is the better one. */
export type Better = 'lower' | 'higher';
export type TrendDirection = 'improving' | 'deteriorating' | 'stable' | 'unknown';
export type IndicatorKind = 'days' | 'ratio' | 'money';

export interface IndicatorTrend {
  key: string;
  kind: IndicatorKind;
  better: Better;
  /** Over the whole period (the KPI report's overall figure). */
  periodValue: number | null;
  /** The first and the last month of the period. */
  firstMonthValue: number | null;
  lastMonthValue: number | null;
  trend: TrendDirection;
}

/**
 * The direction of an indicator from its first to its last month. A change smaller than the
 * tolerance (in the indicator's unit: days, or a fraction for ratios) is stable.
 */
export function trendOf(
  first: number | null,
  last: number | null,
  better: Better,
  tolerance: number,
): TrendDirection {
  if (first === null || last === null) return 'unknown';
  const change = last - first;
  if (Math.abs(change) <= tolerance) return 'stable';
  return change < 0 === (better === 'lower') ? 'improving' : 'deteriorating';
}

export interface CustomerAmount {
  code: string;
  name: string;
  amountMinor: number;
  /** A second figure when the list needs one (days late, limit, count). */
  detail?: number | null;
}

/** A gap of the procedure: how many cases, for how much, and the largest ones. */
export interface ProcedureGap {
  code: string;
  count: number;
  amountMinor: number;
  items: CustomerAmount[];
}

/** Sums a list of cases into a gap, keeping the `top` largest as its evidence. */
export function gapOf(code: string, cases: readonly CustomerAmount[], top = 10): ProcedureGap {
  const sorted = [...cases].sort((a, b) => b.amountMinor - a.amountMinor || a.code.localeCompare(b.code));
  return {
    code,
    count: cases.length,
    amountMinor: cases.reduce((total, c) => total + c.amountMinor, 0),
    items: sorted.slice(0, top),
  };
}

export interface AgingSummary {
  buckets: { key: string; label: string; amountMinor: number; share: number | null }[];
  creditsMinor: number;
  totalMinor: number;
}

export interface RiskSummaryRow {
  level: string;
  label: string;
  customers: number;
  balanceMinor: number;
}

export interface RiskCustomerRow {
  code: string;
  name: string;
  level: string;
  balanceMinor: number;
  overdueMinor: number;
  creditLimitMinor: number | null;
  oldestOverdueDays: number;
  action: string;
}

export interface AnomalySection {
  kind: string;
  severity: string;
  title: string;
  evidence: Record<string, number | string | boolean | null>;
  customerCount: number;
  customers: { code: string; name: string; evidence: Record<string, number | string | boolean | null> }[];
}

export interface DysfunctionsModel {
  asOf: IsoDate;
  from: IsoDate;
  currency: string;
  portfolio: {
    totalMinor: number;
    customersWithBalance: number;
    overdueMinor: number;
    top10Share: number | null;
    herfindahlIndex: number | null;
    byCustomerType: { key: string; name: string; balanceMinor: number; share: number | null }[];
    salesByCustomerType: { customerType: string; salesMinor: number; share: number | null }[];
    creditSalesMinor: number;
    monthly: { month: string; creditSalesMinor: number; receivablesMinor: number; overdueMinor: number }[];
  };
  indicators: IndicatorTrend[];
  lateCost: { rateBps: number; costMinor: number; averageOverdueMinor: number; days: number };
  aging: AgingSummary;
  risk: { summary: RiskSummaryRow[]; customers: RiskCustomerRow[] };
  anomalies: AnomalySection[];
  anomalyThresholds: AnomalyThresholds;
  gaps: ProcedureGap[];
}

export interface ConfiguredMeasure {
  /** scoring | limits | delegation | order_check | dunning | insurance */
  area: string;
  version: string;
  effectiveFrom: IsoDate;
  isDefault: boolean;
  settings: MeasureSetting[];
}

export type SettingKind = 'money' | 'days' | 'bps' | 'count' | 'code';

/**
 * A named setting of a measure: `key` names it in the catalogue, `params` carry the codes it is
 * about (a class, a role, a step kind), `kind` says how to write its value (a code is a label).
 */
export interface MeasureSetting {
  key: string;
  params?: Record<string, string>;
  value: number | string | null;
  kind: SettingKind;
}

/** What a policy replay (src/app/procedure/replay.ts) found, reduced to what the report prints. */
export interface ReplaySummary {
  from: IsoDate;
  to: IsoDate;
  policy: string;
  /** Orders the proposed policy would have held or refused that the current one let through. */
  ordersHeld: number;
  ordersHeldMinor: number;
  remindersCurrent: number;
  remindersProposed: number;
  exposureAvoidedMinor: number;
  badDebtsAvoidedMinor: number;
  dsoBeforeDays: number | null;
  dsoAfterDays: number | null;
  /** A proposed scoring method: customers in another class at the end, and the moves; null: none. */
  scoring?: { customersChanged: number; migration: ClassMigration[] } | null;
  /** Catalogue codes of the replay's assumptions (`procedure.assumption.<code>`). */
  assumptions: string[];
}

export interface MeasureEffect {
  code: string;
  /** Parameters of the measure as figures (threshold days, reduction bps…). */
  parameters: Record<string, number | string>;
  customers: number;
  items: number;
  amountMinor: number;
  dsoEffectDays: number | null;
  annualCashCostMinor: number;
}

export interface MeasuresModel {
  asOf: IsoDate;
  currency: string;
  configured: ConfiguredMeasure[];
  replay: ReplaySummary | null;
  proposals: MeasureEffect[];
  /** The bases of the estimates: daily credit sales, the financing rate. */
  basis: { dailySalesMinor: number | null; rateBps: number; dsoDays: number | null };
}

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

/**
 * Reminding every overdue invoice older than `minDaysLate` that nobody reminded: an upper bound,
 * assuming the reminder gets them paid — the amount, its weight in the DSO and a year's financing.
 */
export function remindEffect(
  invoices: readonly OverdueInvoice[],
  minDaysLate: number,
  basis: { dailySalesMinor: number | null; rateBps: number },
): MeasureEffect {
  const concerned = invoices.filter((i) => !i.reminded && i.daysLate > minDaysLate && i.openMinor > 0);
  const amountMinor = concerned.reduce((total, i) => total + i.openMinor, 0);
  return {
    code: 'remind_overdue',
    parameters: { minDaysLate },
    customers: new Set(concerned.map((i) => i.customerCode)).size,
    items: concerned.length,
    amountMinor,
    dsoEffectDays: dsoDaysOf(amountMinor, basis.dailySalesMinor),
    annualCashCostMinor: annualCostMinor(amountMinor, basis.rateBps),
  };
}

export interface LimitedCustomer {
  code: string;
  riskClass: string | null;
  balanceMinor: number;
  creditLimitMinor: number | null;
}

/**
 * Tightening the limits of the riskiest classes: each limit cut by `reductionBps` (E to nothing);
 * the effect is the balance above the new limit — credit no new order could add to until paid.
 */
export function tightenLimitsEffect(
  customers: readonly LimitedCustomer[],
  classes: readonly string[],
  reductionBps: number,
  basis: { dailySalesMinor: number | null; rateBps: number },
): MeasureEffect {
  let amountMinor = 0;
  let items = 0;
  for (const c of customers) {
    if (c.riskClass === null || !classes.includes(c.riskClass) || c.creditLimitMinor === null) continue;
    const cut = c.riskClass === 'E' ? 10_000 : reductionBps;
    const newLimitMinor = Math.round((c.creditLimitMinor * (10_000 - cut)) / 10_000);
    const aboveMinor = Math.max(0, c.balanceMinor - newLimitMinor);
    if (aboveMinor === 0) continue;
    amountMinor += aboveMinor;
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
  basis: { dailySalesMinor: number | null; rateBps: number },
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
  basis: { dailySalesMinor: number | null; rateBps: number },
): MeasureEffect {
  const concerned = invoices.filter((i) => i.reminded && i.daysLate > minDaysLate && i.openMinor > 0);
  const amountMinor = concerned.reduce((total, i) => total + i.openMinor, 0);
  return {
    code: 'hand_over_old',
    parameters: { minDaysLate },
    customers: new Set(concerned.map((i) => i.customerCode)).size,
    items: concerned.length,
    amountMinor,
    dsoEffectDays: dsoDaysOf(amountMinor, basis.dailySalesMinor),
    annualCashCostMinor: annualCostMinor(amountMinor, basis.rateBps),
  };
}
