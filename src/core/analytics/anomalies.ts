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

export interface Finding {
  kind: string;
  severity: Severity;
  title: string;
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

function finding(
  kind: string,
  severity: Severity,
  title: string,
  customers: FindingCustomer[],
  evidence: Finding['evidence'] = {},
): Finding | null {
  return customers.length === 0
    ? null
    : { kind, severity, title, evidence: { customers: customers.length, ...evidence }, customers };
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
  const overLimit = rows.filter((c) => c.limitUsage !== null && c.limitUsage > 1);
  const results = [
    finding(
      'over_limit',
      overLimit.some((c) => c.pendingOrders > 0) ? 'critical' : 'warning',
      'Plafond de crédit dépassé',
      overLimit.map((c) =>
        pick(c, {
          creditLimitMinor: c.creditLimitMinor,
          limitUsage: c.limitUsage,
          pendingOrders: c.pendingOrders,
          openOrdersMinor: c.openOrdersMinor,
        }),
      ),
    ),
    finding(
      'no_credit_limit_with_exposure',
      'warning',
      'Encours sans plafond de crédit',
      rows
        .filter((c) => c.creditLimitMinor === null && c.balanceMinor > 0)
        .map((c) => pick(c, { overdueMinor: c.overdueMinor })),
    ),
    finding(
      'overdue_90_no_reminder',
      'critical',
      'Retard de plus de 90 jours sans relance',
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
      `Règlements ou avoirs non lettrés depuis plus de ${t.unappliedCreditDays} jours`,
      rows
        .filter((c) => c.creditsMinor < 0 && c.oldestCreditDays > t.unappliedCreditDays)
        .map((c) => pick(c, { creditsMinor: c.creditsMinor, oldestCreditDays: c.oldestCreditDays })),
    ),
    finding(
      'disputed_items',
      'warning',
      'Factures en litige',
      rows
        .filter((c) => c.dispute)
        .map((c) => pick(c, { disputedOpenMinor: c.disputedOpenMinor, documents: c.disputedRefs.join(' ') })),
    ),
    finding(
      'insolvency_with_exposure',
      'critical',
      'Client en procédure collective avec encours',
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
  return finding(
    `payment_delay_deteriorating_${months}m`,
    'warning',
    `Retard de paiement en hausse sur ${months} mois`,
    customers,
    { months },
  );
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
      `Retards en hausse chaque mois : portefeuille de ${salesperson}`,
      contributors.get(salesperson) ?? [],
      evidence,
    );
    if (found) findings.push(found);
  }
  return findings;
}

export { finding as makeFinding };

export type AnomalyLanguage = 'fr' | 'en';

/**
 * The title of a finding in the reader's language, from its kind and what it states (the months
 * of a deterioration window, the salesperson, the age threshold of unapplied credits).
 */
export function anomalyTitle(finding: Finding, lang: AnomalyLanguage, t: AnomalyThresholds): string {
  const fr = lang === 'fr';
  const months = /^payment_delay_deteriorating_(\d+)m$/.exec(finding.kind)?.[1];
  if (months)
    return fr
      ? `Retard de paiement en hausse sur ${months} mois`
      : `Payment delay rising over ${months} months`;
  const salesperson = String(finding.evidence['salesperson'] ?? '');
  const titles: Record<string, [string, string]> = {
    over_limit: ['Plafond de crédit dépassé', 'Credit limit exceeded'],
    no_credit_limit_with_exposure: ['Encours sans plafond de crédit', 'Exposure without a credit limit'],
    overdue_90_no_reminder: [
      'Retard de plus de 90 jours sans relance',
      'Over 90 days overdue with no reminder',
    ],
    unapplied_credits: [
      `Règlements ou avoirs non lettrés depuis plus de ${t.unappliedCreditDays} jours`,
      `Payments or credit notes unapplied for more than ${t.unappliedCreditDays} days`,
    ],
    disputed_items: ['Factures en litige', 'Disputed invoices'],
    insolvency_with_exposure: [
      'Client en procédure collective avec encours',
      'Customer in insolvency proceedings with exposure',
    ],
    salesperson_overdue_growing: [
      `Retards en hausse chaque mois : portefeuille de ${salesperson}`,
      `Overdue amounts rising every month: ${salesperson}'s portfolio`,
    ],
    bounced_payment: ['Règlements revenus impayés (12 derniers mois)', 'Bounced payments (last 12 months)'],
    dso_drift: ['Dérive du DSO du portefeuille sur 12 mois', 'Portfolio DSO drifting over 12 months'],
    concentration: ['Concentration du risque sur quelques clients', 'Risk concentrated on a few customers'],
  };
  const pair = titles[finding.kind];
  return pair ? pair[fr ? 0 : 1] : finding.title;
}
