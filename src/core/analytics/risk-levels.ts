/**
 * Risk level of a customer from its aged balance and its story (tableau de suivi des niveaux
 * de risque). Rules are checked from the most to the least severe; the first that matches sets
 * the level, and the output names it so that a reader can see why.
 */

export const RISK_LEVELS = ['low', 'moderate', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Identifiers of the rules and actions below (worded by `src/text`, domains riskRule and riskAction). */
export const RISK_RULES = [
  'insolvency_proceedings',
  'severe_overdue',
  'open_dispute',
  'over_limit',
  'overdue_high',
  'no_credit_limit',
  'overdue_moderate',
  'near_limit',
  'overdue_recent',
  'up_to_date',
] as const;
export type RiskRule = (typeof RISK_RULES)[number];
export const RISK_ACTIONS = [
  'declare_claim',
  'formal_notice',
  'resolve_dispute',
  'block_orders',
  'second_reminder',
  'set_credit_limit',
  'first_reminder',
  'review_limit',
  'courtesy_reminder',
  'none',
] as const;
export type RiskAction = (typeof RISK_ACTIONS)[number];

export interface RiskThresholds {
  /** Days past due beyond which overdue amounts are "severe" (critical with the share below). */
  criticalOverdueDays: number;
  /** Severe overdue / balance, in basis points, from which the customer is critical. */
  criticalSevereShareBps: number;
  /** Severe overdue amount from which the customer is critical whatever the share. */
  criticalSevereMinor: number;
  /**
   * Severe overdue amount below which the share rule does not make a customer critical: a formal
   * notice for a few hundred euros costs more than it recovers, and would drown the customers
   * that matter among the critical ones. Such a customer falls to the next rule (a reminder).
   */
  criticalMaterialityMinor: number;
  highOverdueDays: number;
  moderateOverdueDays: number;
  /** Exposure / limit in basis points above which the customer is over its limit. */
  overLimitUsageBps: number;
  nearLimitUsageBps: number;
}

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = {
  criticalOverdueDays: 90,
  criticalSevereShareBps: 2_000,
  criticalSevereMinor: 1_000_000,
  criticalMaterialityMinor: 150_000,
  highOverdueDays: 60,
  moderateOverdueDays: 30,
  overLimitUsageBps: 10_000,
  nearLimitUsageBps: 9_000,
};

export interface RiskFacts {
  balanceMinor: number;
  /**
   * What the limit rules compare with the limit: the exposure the order check reads (open items and
   * orders not yet invoiced), so that « over the limit » means a negative « Disponible » here as on
   * the credit panel, the dashboard and the anomalies; the balance when not given.
   */
  exposureMinor?: number;
  overdueMinor: number;
  /** Open debits more than criticalOverdueDays past due. */
  severeOverdueMinor: number;
  oldestOverdueDays: number;
  creditLimitMinor: number | null;
  inProceedings: boolean;
  openDispute: boolean;
}

export interface RiskAssessment {
  level: RiskLevel;
  /** Identifier of the rule that set the level. */
  rule: RiskRule;
  /** Identifier of the recommended action. */
  action: RiskAction;
}

/** Balance / limit in basis points; null without a limit. */
export function usageBps(balanceMinor: number, creditLimitMinor: number | null): number | null {
  if (creditLimitMinor === null) return null;
  if (creditLimitMinor === 0) return balanceMinor > 0 ? Number.POSITIVE_INFINITY : 0;
  return Math.round((Math.max(balanceMinor, 0) * 10_000) / creditLimitMinor);
}

interface Rule {
  rule: RiskRule;
  level: RiskLevel;
  action: RiskAction;
  applies: (facts: RiskFacts, t: RiskThresholds, usage: number | null) => boolean;
}

const RULES: readonly Rule[] = [
  {
    rule: 'insolvency_proceedings',
    level: 'critical',
    action: 'declare_claim',
    applies: (f) => f.inProceedings && f.balanceMinor > 0,
  },
  {
    rule: 'severe_overdue',
    level: 'critical',
    action: 'formal_notice',
    applies: (f, t) =>
      f.severeOverdueMinor >= t.criticalSevereMinor ||
      (f.severeOverdueMinor >= t.criticalMaterialityMinor &&
        f.severeOverdueMinor * 10_000 >= t.criticalSevereShareBps * Math.max(f.balanceMinor, 1)),
  },
  { rule: 'open_dispute', level: 'high', action: 'resolve_dispute', applies: (f) => f.openDispute },
  {
    rule: 'over_limit',
    level: 'high',
    action: 'block_orders',
    // Exact, not on the rounded usage: 1 cent over a 100 000 € limit is over it (« Disponible −0,01 € »).
    applies: (f, t) =>
      f.creditLimitMinor !== null &&
      Math.max(f.exposureMinor ?? f.balanceMinor, 0) * 10_000 > t.overLimitUsageBps * f.creditLimitMinor,
  },
  {
    rule: 'overdue_high',
    level: 'high',
    action: 'second_reminder',
    applies: (f, t) => f.overdueMinor > 0 && f.oldestOverdueDays > t.highOverdueDays,
  },
  {
    rule: 'no_credit_limit',
    level: 'moderate',
    action: 'set_credit_limit',
    applies: (f) => f.creditLimitMinor === null && f.balanceMinor > 0,
  },
  {
    rule: 'overdue_moderate',
    level: 'moderate',
    action: 'first_reminder',
    applies: (f, t) => f.overdueMinor > 0 && f.oldestOverdueDays > t.moderateOverdueDays,
  },
  {
    rule: 'near_limit',
    level: 'moderate',
    action: 'review_limit',
    applies: (_f, t, usage) => usage !== null && usage >= t.nearLimitUsageBps,
  },
  { rule: 'overdue_recent', level: 'low', action: 'courtesy_reminder', applies: (f) => f.overdueMinor > 0 },
];

export function assessRisk(
  facts: RiskFacts,
  thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS,
): RiskAssessment {
  const usage = usageBps(facts.exposureMinor ?? facts.balanceMinor, facts.creditLimitMinor);
  const match = RULES.find((rule) => rule.applies(facts, thresholds, usage));
  return match
    ? { level: match.level, rule: match.rule, action: match.action }
    : { level: 'low', rule: 'up_to_date', action: 'none' };
}

/**
 * Where the collection of a customer already stands: handed over to a lawyer or an agency, or
 * under a formal notice of ours whose deadline runs (`formal_notice`) or has passed unpaid
 * (`formal_notice_lapsed`). The table then says that stage instead of recommending a step
 * already taken: « Mise en demeure ; suspendre… » for a customer whose notice went out, or
 * whose file is with a lawyer, read as if nothing had been done.
 */
export type CollectionStage =
  | { stage: 'handed_over'; date: string }
  | { stage: 'formal_notice' | 'formal_notice_lapsed'; date: string; deadline: string };

/** The actions of the dunning ladder: a stage reached makes them moot; the others (credit, dispute, claim) stand. */
const LADDER_ACTIONS: ReadonlySet<RiskAction> = new Set([
  'formal_notice',
  'second_reminder',
  'first_reminder',
  'courtesy_reminder',
]);

/**
 * The stage that replaces the recommended action, or null when the action stands: a hand-over
 * before a notice (it goes further), and a notice by its deadline (the last day to pay, as its
 * letter states) against `asOf`.
 */
export function stageReplacingAction(
  action: RiskAction,
  facts: { handedOverOn: string | null; formalNotice: { date: string; deadline: string } | null },
  asOf: string,
): CollectionStage | null {
  if (!LADDER_ACTIONS.has(action)) return null;
  if (facts.handedOverOn !== null) return { stage: 'handed_over', date: facts.handedOverOn };
  const notice = facts.formalNotice;
  if (notice === null) return null;
  return { stage: notice.deadline >= asOf ? 'formal_notice' : 'formal_notice_lapsed', ...notice };
}
