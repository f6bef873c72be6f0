/**
 * Current arrears in the scoring: what the customer owes and has not paid at the scoring date,
 * the fact a demanding credit manager reads first (SAP FSCM and Sidetrade scorecards weigh it
 * heavily, and a material amount more than 90 days past due is the usual definition of default).
 * The past-payment criteria only see invoices that were paid: a customer that pays its new
 * invoices and leaves the old ones unpaid would look better and better on them alone.
 *
 * Two criteria, both from the open items as of the date (nothing later is known then):
 * - the share of the open debits more than `ARREARS_DAYS` past due (how much is in arrears);
 * - the days past due of the oldest open debit (how old the arrears are; the risk table's rule
 *   reads the same figure, with no tolerance either).
 */
import type { ScoringCriterion } from './scoring-method.ts';

/** Days past due from which an open debit is in arrears: the aged balance's 61–90 and > 90 buckets. */
export const ARREARS_DAYS = 60;

export const CURRENT_ARREARS_CRITERIA: readonly ScoringCriterion[] = [
  {
    // Σ open debits more than 60 days past due / Σ open debits, in bps.
    code: 'overdue_60_share_bps',
    group: 'payments',
    weight: 18,
    scale: {
      kind: 'up_to',
      bands: [
        { upTo: 0, points: 10 },
        { upTo: 200, points: 8 },
        { upTo: 500, points: 6 },
        { upTo: 1_000, points: 4 },
        { upTo: 1_500, points: 2 },
        { upTo: null, points: 0 },
      ],
    },
  },
  {
    // Days past due of the oldest open debit; more than 90 (the risk table's severe overdue) earns nothing.
    code: 'oldest_overdue_days',
    group: 'payments',
    weight: 18,
    scale: {
      kind: 'up_to',
      bands: [
        { upTo: 0, points: 10 },
        { upTo: 15, points: 8 },
        { upTo: 30, points: 6 },
        { upTo: 60, points: 3 },
        { upTo: 90, points: 1 },
        { upTo: null, points: 0 },
      ],
    },
  },
];

/** A customer's open debits at the scoring date, as the ledger reads them. */
export interface ArrearsFacts {
  /** Σ positive open amounts at the date. */
  openDebitsMinor: number;
  /** The part of it more than `ARREARS_DAYS` past due. */
  arrearsMinor: number;
  /** Days past due of the oldest open debit (0 when nothing is overdue). */
  oldestOverdueDays: number;
  /** Invoiced over the twelve months to the date: a current customer, whose clean account is a fact. */
  invoicedRecently: boolean;
}

/**
 * The two inputs. A customer that owes nothing and was invoiced in the year has no arrears (the
 * best points); one that owes nothing and bought nothing has no current account to judge, so both
 * are missing rather than flattering a dormant or brand-new customer.
 */
export function arrearsInputs(facts: ArrearsFacts): {
  overdue_60_share_bps: number | null;
  oldest_overdue_days: number | null;
} {
  if (facts.openDebitsMinor <= 0) {
    const known = facts.invoicedRecently ? 0 : null;
    return { overdue_60_share_bps: known, oldest_overdue_days: known };
  }
  const arrearsMinor = Math.min(Math.max(facts.arrearsMinor, 0), facts.openDebitsMinor);
  return {
    overdue_60_share_bps: Math.round((arrearsMinor * 10_000) / facts.openDebitsMinor),
    oldest_overdue_days: Math.max(facts.oldestOverdueDays, 0),
  };
}

/**
 * The payment trend compares the lateness of the invoices paid recently with those paid before: it
 * cannot see debts left unpaid. While a debit more than `ARREARS_DAYS` past due is still open, the
 * customer is not improving whatever its recent payments say, so « improving » reads « stable ».
 */
export function trendWithArrears(trend: string | null, oldestOverdueDays: number): string | null {
  return trend === 'improving' && oldestOverdueDays > ARREARS_DAYS ? 'stable' : trend;
}
