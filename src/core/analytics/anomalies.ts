/**
 * Anomaly detectors of the receivables portfolio. Each returns a finding with its evidence,
 * a severity and the customers concerned, or nothing; thresholds are configuration.
 */
import type { IsoDate } from '../types.ts';

export type Severity = 'info' | 'warning' | 'critical';

export interface FindingCustomer {
  code: string;
  name: string;
  evidence: Record<string, number | string | boolean | null>;
}

export const SEVERITIES = ['info', 'warning', 'critical'] as const;

/**
 * Kinds of finding; a deterioration carries its window in months (`payment_delay_deteriorating_6m`).
 * `src/text` words them (domain anomalyKind) and titles them with their evidence.
 */
export const ANOMALY_KINDS = [
  'over_limit',
  'no_credit_limit_with_exposure',
  'overdue_90_no_reminder',
  'unapplied_credits',
  'disputed_items',
  'insolvency_with_exposure',
  'salesperson_overdue_growing',
  'bounced_payment',
  'dso_drift',
  'concentration',
  'payment_delay_deteriorating_3m',
  'payment_delay_deteriorating_6m',
] as const;

export interface Finding {
  kind: string;
  severity: Severity;
  evidence: Record<string, number | string | boolean | null>;
  customers: FindingCustomer[];
}

export interface AnomalyThresholds {
  unappliedCreditDays: number;
  deteriorationDays: number;
  /** Minimum amount paid in each window for a delay comparison to mean something. */
  deteriorationMinPaidMinor: number;
  top10ShareMax: number;
  singleCustomerShareMax: number;
  dsoDriftDays: number;
  salespersonGrowthFactor: number;
}

export const DEFAULT_ANOMALY_THRESHOLDS: AnomalyThresholds = {
  unappliedCreditDays: 30,
  deteriorationDays: 15,
  deteriorationMinPaidMinor: 100_000,
  top10ShareMax: 0.5,
  singleCustomerShareMax: 0.1,
  dsoDriftDays: 5,
  salespersonGrowthFactor: 1.5,
};

export interface CustomerSituation {
  code: string;
  name: string;
  salesperson: string | null;
  balanceMinor: number;
  overdueMinor: number;
  severeOverdueMinor: number;
  creditsMinor: number;
  creditLimitMinor: number | null;
  limitUsage: number | null;
  /** Open items and orders not yet invoiced, as the order check counts them. */
  exposureMinor: number;
  /** The limit in force (the order check's, the credit panel's); null: none. */
  limitMinor: number | null;
  /** Limit in force − exposure: the credit panel's « Disponible », negative over the limit. */
  availableMinor: number | null;
  oldestOverdueDays: number;
  oldestCreditDays: number;
  lastReminderDate: IsoDate | null;
  dispute: boolean;
  disputedOpenMinor: number;
  disputedRefs: string[];
  proceedings: boolean;
  openOrdersMinor: number;
  pendingOrders: number;
}

const figure = (c: FindingCustomer, key: string): number => {
  const value = c.evidence[key];
  return typeof value === 'number' ? value : 0;
};

/**
 * What makes one of a finding's customers weigh more than another, in the finding's own measure:
 * the amount over the limit, disputed, overdue 90 days, unapplied… A report lists the largest cases
 * of each finding (« les 8 plus importants sur 18 »): in the risk table's order it would leave out a
 * 30 999 € dispute and show a 362 € one. Kinds not listed come already ranked (delay increase,
 * growth, balance) or by a measure of their own.
 */
const IMPORTANCE: Readonly<Record<string, (c: FindingCustomer) => number>> = {
  over_limit: (c) => figure(c, 'overLimitMinor'),
  no_credit_limit_with_exposure: (c) => figure(c, 'balanceMinor'),
  overdue_90_no_reminder: (c) => figure(c, 'severeOverdueMinor'),
  // Credits are negative: the largest unapplied credit is the most negative.
  unapplied_credits: (c) => -figure(c, 'creditsMinor'),
  disputed_items: (c) => figure(c, 'disputedOpenMinor'),
  insolvency_with_exposure: (c) => figure(c, 'balanceMinor'),
  bounced_payment: (c) => figure(c, 'amountMinor'),
};

/** The customers by decreasing importance (then by code), for a kind that has a measure. */
function ranked(kind: string, customers: FindingCustomer[]): FindingCustomer[] {
  const importance = IMPORTANCE[kind];
  if (!importance) return customers;
  return [...customers].sort((a, b) => importance(b) - importance(a) || a.code.localeCompare(b.code));
}

function finding(
  kind: string,
  severity: Severity,
  customers: FindingCustomer[],
  evidence: Finding['evidence'] = {},
): Finding | null {
  return customers.length === 0
    ? null
    : {
        kind,
        severity,
        evidence: { customers: customers.length, ...evidence },
        customers: ranked(kind, customers),
      };
}

const pick = (c: CustomerSituation, evidence: FindingCustomer['evidence']): FindingCustomer => ({
  code: c.code,
  name: c.name,
  evidence: { balanceMinor: c.balanceMinor, ...evidence },
});

export function customerFindings(
  rows: readonly CustomerSituation[],
  t: AnomalyThresholds,
  daysBefore: (date: IsoDate) => number,
): Finding[] {
  // Over the limit means a negative « Disponible » (exposure above the limit in force), as the
  // credit panel, the order check, the dashboard and the indicators count it: a limit of 0 with any
  // exposure is over it even though its usage ratio (infinite) has no number.
  const overLimit = rows.filter((c) => c.availableMinor !== null && c.availableMinor < 0);
  const results = [
    finding(
      'over_limit',
      overLimit.some((c) => c.pendingOrders > 0) ? 'critical' : 'warning',
      overLimit.map((c) =>
        pick(c, {
          exposureMinor: c.exposureMinor,
          creditLimitMinor: c.limitMinor,
          overLimitMinor: -(c.availableMinor ?? 0),
          pendingOrders: c.pendingOrders,
          openOrdersMinor: c.openOrdersMinor,
        }),
      ),
    ),
    finding(
      'no_credit_limit_with_exposure',
      'warning',
      rows
        .filter((c) => c.creditLimitMinor === null && c.balanceMinor > 0)
        .map((c) => pick(c, { overdueMinor: c.overdueMinor })),
    ),
    finding(
      'overdue_90_no_reminder',
      'critical',
      rows
        .filter(
          (c) =>
            c.severeOverdueMinor > 0 &&
            !c.proceedings &&
            // No reminder since the oldest overdue item fell due.
            (c.lastReminderDate === null || daysBefore(c.lastReminderDate) > c.oldestOverdueDays),
        )
        .map((c) =>
          pick(c, {
            severeOverdueMinor: c.severeOverdueMinor,
            oldestOverdueDays: c.oldestOverdueDays,
            lastReminderDate: c.lastReminderDate,
          }),
        ),
    ),
    finding(
      'unapplied_credits',
      'warning',
      rows
        .filter((c) => c.creditsMinor < 0 && c.oldestCreditDays > t.unappliedCreditDays)
        .map((c) => pick(c, { creditsMinor: c.creditsMinor, oldestCreditDays: c.oldestCreditDays })),
    ),
    finding(
      'disputed_items',
      'warning',
      rows
        .filter((c) => c.dispute)
        .map((c) => pick(c, { disputedOpenMinor: c.disputedOpenMinor, documents: c.disputedRefs.join(' ') })),
    ),
    finding(
      'insolvency_with_exposure',
      'critical',
      rows
        .filter((c) => c.proceedings && c.balanceMinor > 0)
        .map((c) => pick(c, { overdueMinor: c.overdueMinor })),
    ),
  ];
  return results.filter((f): f is Finding => f !== null);
}

export interface DelayWindow {
  customerCode: string;
  paidMinor: number;
  averageDelayDays: number;
}

/** Customers whose amount-weighted delay grew by more than the threshold between two windows. */
export function deteriorationFinding(
  months: number,
  before: readonly DelayWindow[],
  after: readonly DelayWindow[],
  names: ReadonlyMap<string, string>,
  t: AnomalyThresholds,
): Finding | null {
  const previous = new Map(before.map((w) => [w.customerCode, w]));
  const customers = after
    .flatMap((w) => {
      const old = previous.get(w.customerCode);
      if (!old || old.paidMinor < t.deteriorationMinPaidMinor || w.paidMinor < t.deteriorationMinPaidMinor)
        return [];
      const increase = w.averageDelayDays - old.averageDelayDays;
      if (increase < t.deteriorationDays) return [];
      return [
        {
          code: w.customerCode,
          name: names.get(w.customerCode) ?? w.customerCode,
          evidence: {
            delayBeforeDays: round1(old.averageDelayDays),
            delayAfterDays: round1(w.averageDelayDays),
            increaseDays: round1(increase),
          },
        },
      ];
    })
    .sort(
      (a, b) =>
        Number(b.evidence.increaseDays) - Number(a.evidence.increaseDays) || a.code.localeCompare(b.code),
    );
  return finding(`payment_delay_deteriorating_${months}m`, 'warning', customers, { months });
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A salesperson's overdue amount growing at every date of the series (oldest first). */
export function salespersonGrowthFindings(
  series: ReadonlyMap<string, number[]>,
  contributors: ReadonlyMap<string, FindingCustomer[]>,
  dates: readonly IsoDate[],
  t: AnomalyThresholds,
): Finding[] {
  const findings: Finding[] = [];
  for (const [salesperson, amounts] of series) {
    const first = amounts[0] ?? 0;
    const last = amounts[amounts.length - 1] ?? 0;
    const grows = amounts.every((amount, i) => i === 0 || amount > (amounts[i - 1] ?? 0));
    if (!grows || last < first * t.salespersonGrowthFactor || salesperson === '') continue;
    const evidence: Finding['evidence'] = { salesperson };
    dates.forEach((date, i) => {
      evidence[date] = amounts[i] ?? 0;
    });
    const found = finding(
      'salesperson_overdue_growing',
      'warning',
      contributors.get(salesperson) ?? [],
      evidence,
    );
    if (found) findings.push(found);
  }
  return findings;
}

export { finding as makeFinding };
