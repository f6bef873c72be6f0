/** Inputs and outputs of the dunning planner (`planner.ts`). */
import type { CurrencyCode, IsoDate } from '../types.ts';
import type { InterestRateClause, RateMode, Settlement } from './late-interest.ts';
import type { DunningChannel, DunningPolicy, PolicySubject, StepKind } from './policy.ts';
import type { SemesterRateRow } from './semesters.ts';

export interface DunningInvoice {
  id: string;
  customerCode: string;
  dueDate: IsoDate;
  openMinor: number;
  currency: CurrencyCode;
  /** Level of the last step sent for this invoice; 0 = none. */
  level: number;
  lastStepDate: IsoDate | null;
  /** When the mise en demeure was sent, if it was. */
  formalNoticeDate: IsoDate | null;
  /**
   * The highest step e-mailed above `level` whose message failed for good, and the latest such
   * failure: it never reached the debtor, so it does not count as reached (`planner-steps.ts`).
   */
  undeliveredStep?: { level: number; date: IsoDate } | undefined;
  disputed: boolean;
  promise: { date: IsoDate; amountMinor: number } | null;
  pausedUntil: IsoDate | null;
  /** In a legal file (lawyer or agency): the partner collects it, ordinary reminders stop. */
  handedOver?: boolean;
  /** Assigned to a factor whose contract says it collects: our dunning leaves it to the factor. */
  factorCollects?: boolean;
  /** TTC amount at the due date and what reduced it since; default: `openMinor` open all along. */
  interestBasis?: { amountMinor: number; settlements: readonly Settlement[] };
  /**
   * Predicted probability of being paid late (basis points), read for the invoices a pre-due step
   * with a minimum probability may remind; absent when not read or not known (then not filtered).
   */
  lateProbabilityBp?: number;
}

export interface DunningCustomer extends PolicySubject {
  inInsolvency: boolean;
  pausedUntil: IsoDate | null;
  interestClause: InterestRateClause;
  /** Unallocated credits (payments on account, credit notes), positive amounts. */
  openCredits: readonly { currency: CurrencyCode; amountMinor: number }[];
  /**
   * A letter can be posted to the customer (`hasPostalAddress`): an e-mailed step that failed for
   * good goes again by letter. Absent: not known, it goes again by e-mail.
   */
  postalAddress?: boolean;
}

export interface PlanSettings {
  asOf: IsoDate;
  policies: readonly DunningPolicy[];
  rates: readonly SemesterRateRow[];
  rateMode: RateMode;
}

export const SKIP_REASONS = [
  'unknown_customer',
  'no_policy',
  'insolvency_proceedings',
  'customer_paused',
  'disputed',
  'promise_pending',
  'paused',
  'handed_over',
  'factor_collects',
  'too_soon_after_last_step',
  'formal_notice_lead_pending',
  'formal_notice_not_recorded',
  'net_balance_not_positive',
  'below_minimum_amount',
  'credits_cover_amount_due',
  'likely_on_time',
  'courtesy_superseded',
  'courtesy_formal_notice_today',
  'courtesy_handover_today',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedInvoice {
  invoiceId: string;
  customerCode: string;
  reason: SkipReason;
  /** The level the invoice would have reached today, when known. */
  level: number | null;
  /** `likely_on_time`: the invoice's probability of lateness and the step's minimum (basis points). */
  lateProbabilityBp?: number;
  minimumLateProbabilityBp?: number;
}

/**
 * Why an item is at a later step than the one after its last (`escalation.ts`): the account's
 * formal notice (the latest already sent on an open invoice; null when the first one goes out in
 * this plan), or the catch-up of an invoice never reminded (its lateness is the item's `daysLate`).
 * Or why it gets a step again: the e-mail of that step, on `failedOn`, never reached the debtor;
 * `channel` is how it goes again (a letter when the customer has a postal address).
 */
export type RaiseReason =
  | { kind: 'account_notice'; noticeDate: IsoDate | null }
  | { kind: 'catch_up' }
  | { kind: 'resend'; failedOn: IsoDate; channel: DunningChannel };

export interface PlannedItem {
  invoiceId: string;
  dueDate: IsoDate;
  openMinor: number;
  /** Negative before the due date (courtesy reminders). */
  daysLate: number;
  fromLevel: number;
  level: number;
  stepCode: string;
  stepKind: StepKind;
  interest:
    | { status: 'claimed'; interestMinor: number }
    | { status: 'not_claimed' }
    | { status: 'rate_missing' };
  indemnityMinor: number;
  /**
   * Present when the account's notice or a catch-up raised the item past its next step, or when
   * the step is sent again after its e-mail failed.
   */
  raisedBy?: RaiseReason;
}

export interface PlannedAction {
  customerCode: string;
  channel: DunningChannel;
  currency: CurrencyCode;
  policyCode: string;
  policyVersion: number;
  /** The highest step among the items: its template speaks for the whole action. */
  level: number;
  stepCode: string;
  stepKind: StepKind;
  templateCode: string;
  items: PlannedItem[];
  openTotalMinor: number;
  interestTotalMinor: number;
  indemnityTotalMinor: number;
  creditsMinor: number;
  /** Open + interest + indemnities − credits. */
  totalDueMinor: number;
  /** Some item's interest could not be computed (a half-year missing from the rate table). */
  interestIncomplete: boolean;
  /** A pre-due reminder: the highest probability of lateness among its items, when known. */
  lateProbabilityBp?: number;
}

export interface DunningPlan {
  asOf: IsoDate;
  actions: PlannedAction[];
  skipped: SkippedInvoice[];
}
