/**
 * The data model of the two written reports of the procedure review (issue 16): the dysfunctions
 * report and the measures report. Plain figures and codes only (money in minor units, ratios as
 * fractions, days); the app layer fills them from the analytics, the text layer words them, the
 * render layer lays them out. The pure helpers here judge a trend and state a share; the effects of
 * the measures proposed are estimated in reports-effects.ts.
 */
import type { AnomalyThresholds } from '../analytics/anomalies.ts';
import { ratio, round4 } from '../analytics/kpis.ts';
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

/**
 * The share a sentence states, computed from the two amounts it prints (« 1 917 855,64 € échus,
 * soit 39,3 % de l’encours » of 4 880 193,13 €): never from another base, which a reader checking
 * the figures would find off by a tenth. As a fraction to 4 places; null of nothing.
 */
export function shareOf(partMinor: number, wholeMinor: number): number | null {
  return round4(ratio(partMinor, wholeMinor));
}

export interface CustomerAmount {
  code: string;
  name: string;
  amountMinor: number;
  /** A second figure when the list needs one (days late, limit, count). */
  detail?: number | null;
}

/** Where some of a gap's cases come from: how many there are and for how much (`code` names it). */
export interface GapSource {
  code: string;
  count: number;
  amountMinor: number;
}

/** A gap of the procedure: how many cases, for how much, and the largest ones. */
export interface ProcedureGap {
  code: string;
  /** Customers: a case is a customer, with the sum of its orders or invoices. */
  count: number;
  /**
   * How many orders (orders accepted over the limit) or invoices (overdue invoices never reminded)
   * those customers' cases hold; absent where a case is the customer alone.
   */
  itemCount?: number;
  amountMinor: number;
  items: CustomerAmount[];
  /** When its cases have several origins, what each gives (a report says where they come from). */
  sources?: GapSource[];
  /**
   * What the gap leaves out because the dunning procedure must not remind it (collective
   * proceedings, disputes, pauses, litigation, promises running, factor collecting): how many
   * invoices (`overdue_not_reminded`) or customers (`never_reminded`), for how much.
   */
  excluded?: { count: number; amountMinor: number };
  /**
   * What it leaves out because the customer's open credits (unapplied payments, credit notes)
   * cover it, as the dunning run does: invoices or customers, for how much.
   */
  coveredByCredits?: { count: number; amountMinor: number };
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
  /** `share`: of `totalMinor`, the net total (credits deducted) the table prints under the buckets. */
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
    /** `overdueMinor` of `totalMinor` (net of unapplied credits), as the summary and the dashboard state it. */
    overdueShare: number | null;
    top10Share: number | null;
    herfindahlIndex: number | null;
    byCustomerType: { key: string; name: string; balanceMinor: number; share: number | null }[];
    salesByCustomerType: { customerType: string; salesMinor: number; share: number | null }[];
    creditSalesMinor: number;
    monthly: { month: string; creditSalesMinor: number; receivablesMinor: number; overdueMinor: number }[];
  };
  indicators: IndicatorTrend[];
  lateCost: {
    rateBps: number;
    /** 'company': the company's financing rate; 'default': none set yet; 'given': typed for this report. */
    rateSource: 'company' | 'default' | 'given';
    costMinor: number;
    averageOverdueMinor: number;
    days: number;
  };
  aging: AgingSummary;
  /**
   * `summary`: the customers owing money (positive balance) by risk level, as many as the summary's
   * « clients débiteurs »; `creditors`: those whose credits exceed their open invoices, apart.
   * `customers`: the largest at moderate, high or critical risk; `customerCount`: how many in all.
   */
  risk: {
    summary: RiskSummaryRow[];
    creditors: { customers: number; balanceMinor: number };
    customers: RiskCustomerRow[];
    customerCount: number;
  };
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
