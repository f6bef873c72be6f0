/** Shapes of the dunning API's answers, as the pages read them (see src/http/routes/dunning-*.ts). */
export interface AgendaEntry {
  rank: number;
  customerCode: string;
  customerName: string;
  scorePoints: number;
  overdueMinor: number;
  currency: string;
  reasons: string[];
  plannedActions: { step: string; stepKind: string; channel: string }[];
  openTasks: { taskId: number; kind: string; dueDate: string }[];
  /** Disputes waiting: a record of Encours or one imported with the customer's story (no number). */
  openDisputes: {
    source: 'record' | 'imported';
    disputeId: number | null;
    caseId: number | null;
    eventId: number | null;
    documentRef: string;
    reason: string;
    department: string;
    amountMinor: number;
    currency: string;
    openedOn: string;
    respondBy: string | null;
  }[];
  heldOrders: {
    orderRef: string;
    amountMinor: number;
    currency: string;
    heldOn: string;
    reasons: string[];
  }[];
  limitRequests: { requestId: number; requestedMinor: number; currency: string; requestedOn: string }[];
}
export interface Agenda {
  asOf: string;
  entries: AgendaEntry[];
}
export interface RunAction {
  actionId: number | null;
  customerCode: string;
  customerName: string;
  step: string;
  stepKind: string;
  channel: string;
  currency: string;
  items: {
    documentRef: string;
    dueDate: string;
    daysLate: number;
    openMinor: number;
    interestMinor: number | null;
  }[];
  openTotalMinor: number;
  interestMinor: number;
  indemnityMinor: number;
  totalDueMinor: number;
  documentPath: string | null;
  /** A pre-due reminder: the highest predicted probability of lateness of its items (bp). */
  lateProbabilityBp?: number;
}
/** A credit an action deducts: a payment on account or a credit note, its open amount negative. */
export interface DeductedCredit {
  documentRef: string;
  issueDate: string;
  openMinor: number;
  currency: string;
}
export interface RunView {
  asOf: string;
  runId: number | null;
  actions: RunAction[];
  /** Per customer, once, the credits its actions deduct (at the run's date: a proposal's, its own). */
  deductedCredits: { customerCode: string; credits: DeductedCredit[] }[];
  skipped: {
    customerCode: string;
    customerName: string | null;
    documentRef: string;
    reason: string;
    /** For an invoice paused on its own. */
    pausedUntil?: string;
    pauseReason?: string;
    pauseId?: number;
    /** likely_on_time: the predicted probability of lateness and the step's minimum (bp). */
    lateProbabilityBp?: number;
    minimumLateProbabilityBp?: number;
  }[];
  /** Where the pre-due steps' probabilities came from (when a policy uses them). */
  lateProbabilitySource?: {
    kind: 'stored_predictions' | 'stored_model' | 'none';
    asOf?: string;
    trainedAsOf?: string;
  };
  notices?: string[];
  batchPath: string | null;
  /** The print batch in files of a bounded number of letters, in print order. */
  batchFiles: {
    letterId: number;
    path: string;
    filename: string;
    part: number;
    parts: number;
    letters: number;
  }[];
  /** Only when the company reviews before sending: the run became this pending proposal (null: nothing due). */
  proposal?: ProposalCounts | null;
}

/** A run proposal as the API sums it up (its author and time besides, in the pending panel). */
export interface ProposalCounts {
  proposalId: number;
  asOf: string;
  status: string;
  customers: number;
  actions: number;
  totals: { currency: string; totalDueMinor: number }[];
}
export interface PolicyStep {
  code: string;
  kind: string;
  offsetDays: number;
  channel: string;
  templateCode: string;
  minimumAmountMinor: number;
  claimInterest: boolean;
  claimIndemnity: boolean;
  /** Pre-due steps only: no reminder below this predicted probability of lateness (bp). */
  minimumLateProbabilityBp?: number;
}
export interface Policy {
  code: string;
  version: number;
  effectiveFrom: string;
  scope: { kind: string; customerType?: string; riskClass?: string; customerCode?: string };
  currency: string;
  steps: PolicyStep[];
  formalNoticeLeadDays: number;
  minimumDaysBetweenSteps: number;
  promiseGraceDays: number;
  /** A step on a weekend or public holiday: kept ('as_is', the default) or moved. */
  stepDates?: 'as_is' | 'next_business_day';
  /** The escalation with the account (src/core/dunning/escalation.ts); absent: on. */
  accountFloor?: boolean;
  catchUpByAge?: boolean;
}
export interface PolicySet {
  asOf: string;
  builtIn: boolean;
  versions: Policy[];
  inForce: Policy[];
}
export interface PolicyProblem {
  code: string;
  severity: 'error' | 'warning';
  stepCode: string | null;
}
