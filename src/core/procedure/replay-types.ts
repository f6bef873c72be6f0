/**
 * Inputs and outputs of the policy replay (`replay.ts`): a read-only snapshot of the ledger's
 * history, the configurations compared, and what each would have done, day by day.
 */

import type { DelegationMatrix } from '../credit/delegation.ts';
import type { ExposureConfig } from '../credit/exposure.ts';
import type { CoverVersion } from '../credit/insurer-cover.ts';
import type { LimitPolicy, LimitRecord } from '../credit/limits.ts';
import type { Decision, OrderCheckRules, PaymentMode } from '../credit/order-check.ts';
import type { Reason } from '../credit/reason.ts';
import type { ScoringInputs } from '../credit/scoring.ts';
import type { RiskClass, ScoringMethod } from '../credit/scoring-method.ts';
import type { ImportedReminder } from '../dunning/imported-reminders.ts';
import type { InterestRateClause, RateMode } from '../dunning/late-interest.ts';
import type { DunningPolicy, StepKind } from '../dunning/policy.ts';
import type { SemesterRateRow } from '../dunning/semesters.ts';
import type { CurrencyCode, CustomerStatus, CustomerType, IsoDate } from '../types.ts';

/** One allocation seen from a document: what reduced it, when, and by which kind of credit. */
export interface ReplaySettlement {
  date: IsoDate;
  amountMinor: number;
  /** Kind of the other document ('payment', 'credit_note', 'write_off', …). */
  byKind: string;
}

export interface ReplayDocument {
  id: string;
  ref: string;
  customerCode: string;
  kind: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** Signed: debits > 0, credits < 0. */
  amountMinor: number;
  currency: CurrencyCode;
  /** Allocations against it, positive when they reduce its open amount (reversals negative). */
  settlements: readonly ReplaySettlement[];
}

export interface ReplayCustomer {
  code: string;
  customerType: CustomerType;
  /** Status today: the replay applies it over the whole period (an assumption it states). */
  status: CustomerStatus;
  currency: CurrencyCode;
  groupCode: string | null;
  /** Permanent limit of the customer file, and the temporary limits of the history. */
  limits: readonly LimitRecord[];
  /** The versions of its insurer cover as recorded, each judged on the days it stands (`coverOn`). */
  covers: readonly CoverVersion[];
  /** Scores recorded, oldest first; the replay takes the latest on or before each day. */
  scores: readonly { asOf: IsoDate; riskClass: RiskClass | null; score: number | null }[];
  /**
   * What the customer was scored on at each date a proposal re-scores it, oldest first (read only
   * when a proposal changes the scoring method).
   */
  scoringInputs?: readonly ReplayScoringInputs[];
  pausedUntil: IsoDate | null;
  interestClause: InterestRateClause;
}

/** The scoring inputs of a customer as known at a date (payment behaviour then, balance sheets closed by then…). */
export interface ReplayScoringInputs {
  asOf: IsoDate;
  inputs: ScoringInputs;
}

export interface ReplayOrder {
  ref: string;
  customerCode: string;
  orderDate: IsoDate;
  amountMinor: number;
  currency: CurrencyCode;
  payment: PaymentMode;
  /** Ledger status today (invoiced, cancelled, pending, released, blocked). */
  status: string;
  /** The day its credit check was recorded, if one was: the replay judges it that day. */
  checkedOn: IsoDate | null;
  recorded: { decision: Decision; reasonCodes: string[] } | null;
}

export interface ReplayDispute {
  invoiceId: string;
  from: IsoDate;
  /** Last day disputed; null = still open. */
  until: IsoDate | null;
}

export interface ReplayPromise {
  customerCode: string;
  madeOn: IsoDate;
  lastDueOn: IsoDate;
  totalMinor: number;
  /** Invoices it covers; empty = every invoice of the customer. */
  invoiceIds: readonly string[];
}

/** A dunning step recorded in the log (sent), for the starting state and the comparison. */
export interface RecordedDunningItem {
  invoiceId: string;
  customerCode: string;
  date: IsoDate;
  level: number;
  stepCode: string;
  stepKind: StepKind;
  /** Done by hand and recorded (a call, a letter sent outside a run): moves the levels, no run. */
  manual?: boolean;
}

/** A dunning run carried out: its day and the customers it was limited to. */
export interface RecordedDunningRun {
  day: IsoDate;
  /** null: the whole portfolio; otherwise only these customers' steps were sent. */
  customerCodes: readonly string[] | null;
}

export interface ReplaySnapshot {
  companyCurrency: CurrencyCode;
  customers: readonly ReplayCustomer[];
  documents: readonly ReplayDocument[];
  orders: readonly ReplayOrder[];
  disputes: readonly ReplayDispute[];
  promises: readonly ReplayPromise[];
  recordedDunning: readonly RecordedDunningItem[];
  /**
   * The dunning runs carried out up to the end (a run that sent nothing is one too): with the days
   * of the steps sent, the days the fidelity check replays. Absent: the steps' days.
   */
  dunningRuns?: readonly RecordedDunningRun[];
  /**
   * The reminders of the customers' imported story (sent before Encours): the live planner counts
   * them for the invoices' levels, so the replay does too, or it would restart those invoices at
   * the first reminder.
   */
  importedReminders: readonly ImportedReminder[];
  rates: readonly SemesterRateRow[];
  rateMode: RateMode;
}

/** The parts of a credit configuration the replay applies. */
export interface ReplayCreditConfig {
  order_rules: OrderCheckRules;
  exposure_config: ExposureConfig;
  delegation_matrix: DelegationMatrix;
  companyDefaultLimitMinor: number | null;
  /** Every limit scaled by this (10 000 = as recorded); a proposal may tighten limits. */
  limitScaleBps: number;
}

/**
 * A side's own scoring: every customer re-scored with this method on the dates of its
 * `scoringInputs`; the limit policy gives the limit a downgraded customer is brought down to.
 */
export interface ReplayScoring {
  method: ScoringMethod;
  limitPolicy: LimitPolicy;
  /**
   * The method by date when the company changed methods over time (the proposal applied over the
   * method in force at each date): a scoring uses the latest effective on or before its date,
   * `method` before the first. Absent: `method` for every date.
   */
  methods?: readonly { effectiveFrom: IsoDate; method: ScoringMethod }[];
}

/** One side of the comparison: credit configurations over time and dunning policies. */
export interface ReplayPolicy {
  label: string;
  /** Versions by effective date; each day uses the latest effective on or before it. */
  credit: readonly { effectiveFrom: IsoDate; config: ReplayCreditConfig }[];
  dunningPolicies: readonly DunningPolicy[];
  /** Absent or null: the side reads the scores recorded. */
  scoring?: ReplayScoring | null;
}

/** A class a side reads from a date on. */
export interface SideScore {
  asOf: IsoDate;
  riskClass: RiskClass | null;
  score: number | null;
  /** The recommended limit of a class worse than the one recorded: the limit is lowered to it. */
  limitCapMinor: number | null;
}

/** Customers moving from the class recorded to the class the proposal gives them. */
export interface ClassMigration {
  from: RiskClass | null;
  to: RiskClass | null;
  customers: number;
}

export interface ReplayScoringSummary {
  methodVersion: string;
  customersRescored: number;
  /** Scorings redone (customer × date) and those read as another class than the recorded one. */
  scorings: number;
  scoringsChanged: number;
  /** Customers in another class at the end of the period, and the moves (from → to), largest first. */
  customersChanged: number;
  migration: ClassMigration[];
}

export const ORDER_FATES = ['paid', 'paid_late', 'open', 'written_off', 'not_invoiced'] as const;
export type OrderFate = (typeof ORDER_FATES)[number];

export interface ReplayedOrder {
  ref: string;
  customerCode: string;
  checkedOn: IsoDate;
  amountMinor: number;
  currency: CurrencyCode;
  current: { decision: Decision; reasonCodes: string[] };
  proposed: { decision: Decision; reasonCodes: string[] };
  invoiceRef: string | null;
  fate: OrderFate;
  /** Open at the end of the period (invoice not yet settled). */
  openAtEndMinor: number;
  overdueAtEndMinor: number;
  writtenOffMinor: number;
}

export interface ReplayedReminder {
  date: IsoDate;
  customerCode: string;
  stepCode: string;
  stepKind: StepKind;
  channel: string;
  level: number;
  invoiceRefs: string[];
  openTotalMinor: number;
}

export interface SideSummary {
  ordersChecked: number;
  ordersApproved: number;
  ordersHeld: number;
  ordersRefused: number;
  heldOrRefusedMinor: number;
  reminders: number;
  remindersByKind: Record<StepKind, number>;
  invoicesReminded: number;
}

export interface ReplayEffects {
  /** Orders the proposal stops that the current policy let through. */
  ordersStopped: number;
  ordersStoppedMinor: number;
  /** Of those: what was still owed at the end, overdue at the end, and written off. */
  exposureAvoidedMinor: number;
  overdueAvoidedMinor: number;
  badDebtsAvoidedMinor: number;
  /** Of those: orders that were paid in full (sales the proposal would have forgone). */
  salesForgoneMinor: number;
  /** Orders the proposal would have let through that the current policy stopped. */
  ordersReleased: number;
  dsoCurrentDays: number | null;
  dsoProposedDays: number | null;
  overdueAtEndMinor: number;
  badDebtsMinor: number;
  /** Invoices reminded by both: mean days the proposal's first reminder comes earlier (> 0) or later. */
  firstReminderEarlierDays: number | null;
  invoicesRemindedOnlyByProposed: number;
}

export interface ReplayFidelity {
  ordersCompared: number;
  ordersMatching: number;
  orderMismatches: { ref: string; recorded: Decision; replayed: Decision }[];
  /**
   * Steps sent over the period (one per invoice reminded and day), each compared with what the
   * policy in force plans on its day from the log as it stood then.
   */
  remindersRecorded: number;
  remindersMatching: number;
  /** Recorded steps the replay did not send, and replayed steps nobody recorded on a day of a run. */
  missing: RecordedDunningItem[];
  extra: RecordedDunningItem[];
}

export interface ReplayResult {
  from: IsoDate;
  to: IsoDate;
  currency: CurrencyCode;
  days: number;
  current: SideSummary;
  proposed: SideSummary;
  /** Orders either side held or refused (capped at `listLimit`, largest first). */
  orders: ReplayedOrder[];
  ordersTotal: number;
  /** Reminders the proposal would have sent (capped at `listLimit`, by date). */
  reminders: ReplayedReminder[];
  remindersTotal: number;
  effects: ReplayEffects;
  /** The current policy replayed against the decisions recorded over the period. */
  fidelity: ReplayFidelity;
  /** The proposal's re-scoring, when it changes the scoring method; null when it reads the scores recorded. */
  scoring: ReplayScoringSummary | null;
  /** Catalogue codes of the assumptions the figures rest on. */
  assumptions: string[];
}

export type { Reason };
