/**
 * Risk level of a customer from its aged balance and its story (tableau de suivi des niveaux
 * de risque). Rules are checked from the most to the least severe; the first that matches sets
 * the level, and the output names it so that a reader can see why.
 */

export const RISK_LEVELS = ['low', 'moderate', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskThresholds {
  /** Days past due beyond which overdue amounts are "severe" (critical with the share below). */
  criticalOverdueDays: number;
  /** Severe overdue / balance, in basis points, from which the customer is critical. */
  criticalSevereShareBps: number;
  /** Severe overdue amount from which the customer is critical whatever the share. */
  criticalSevereMinor: number;
  highOverdueDays: number;
  moderateOverdueDays: number;
  /** Balance / limit in basis points above which the customer is over its limit. */
  overLimitUsageBps: number;
  nearLimitUsageBps: number;
}

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = {
  criticalOverdueDays: 90,
  criticalSevereShareBps: 2_000,
  criticalSevereMinor: 1_000_000,
  highOverdueDays: 60,
  moderateOverdueDays: 30,
  overLimitUsageBps: 10_000,
  nearLimitUsageBps: 9_000,
};

export interface RiskFacts {
  balanceMinor: number;
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
  rule: string;
  /** Identifier of the recommended action. */
  action: string;
}

/** Balance / limit in basis points; null without a limit. */
export function usageBps(balanceMinor: number, creditLimitMinor: number | null): number | null {
  if (creditLimitMinor === null) return null;
  if (creditLimitMinor === 0) return balanceMinor > 0 ? Number.POSITIVE_INFINITY : 0;
  return Math.round((Math.max(balanceMinor, 0) * 10_000) / creditLimitMinor);
}

interface Rule {
  rule: string;
  level: RiskLevel;
  action: string;
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
      f.severeOverdueMinor > 0 &&
      (f.severeOverdueMinor >= t.criticalSevereMinor ||
        f.severeOverdueMinor * 10_000 >= t.criticalSevereShareBps * Math.max(f.balanceMinor, 1)),
  },
  { rule: 'open_dispute', level: 'high', action: 'resolve_dispute', applies: (f) => f.openDispute },
  {
    rule: 'over_limit',
    level: 'high',
    action: 'block_orders',
    applies: (_f, t, usage) => usage !== null && usage > t.overLimitUsageBps,
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
  const usage = usageBps(facts.balanceMinor, facts.creditLimitMinor);
  const match = RULES.find((rule) => rule.applies(facts, thresholds, usage));
  return match
    ? { level: match.level, rule: match.rule, action: match.action }
    : { level: 'low', rule: 'up_to_date', action: 'none' };
}

const LABELS: Record<string, { fr: string; en: string }> = {
  low: { fr: 'Faible', en: 'Low' },
  moderate: { fr: 'Modéré', en: 'Moderate' },
  high: { fr: 'Élevé', en: 'High' },
  critical: { fr: 'Critique', en: 'Critical' },
  insolvency_proceedings: { fr: 'Procédure collective en cours', en: 'Insolvency proceedings' },
  severe_overdue: { fr: 'Impayés de plus de 90 jours importants', en: 'Large amounts over 90 days past due' },
  open_dispute: { fr: 'Litige en cours', en: 'Open dispute' },
  over_limit: { fr: 'Plafond de crédit dépassé', en: 'Credit limit exceeded' },
  overdue_high: { fr: 'Retard de plus de 60 jours', en: 'More than 60 days past due' },
  no_credit_limit: { fr: 'Encours sans plafond de crédit', en: 'Outstanding with no credit limit' },
  overdue_moderate: { fr: 'Retard de plus de 30 jours', en: 'More than 30 days past due' },
  near_limit: { fr: 'Plafond presque atteint', en: 'Close to the credit limit' },
  overdue_recent: { fr: 'Retard récent', en: 'Recently past due' },
  up_to_date: { fr: 'À jour', en: 'Up to date' },
  declare_claim: {
    fr: 'Déclarer la créance au mandataire judiciaire ; livraisons au comptant uniquement',
    en: 'File the proof of claim with the administrator; cash-only deliveries',
  },
  formal_notice: {
    fr: 'Mise en demeure ; suspendre les livraisons ; envisager le contentieux',
    en: 'Formal notice; suspend deliveries; consider legal collection',
  },
  resolve_dispute: {
    fr: 'Traiter le litige avec le service concerné ; suspendre la relance de la facture contestée',
    en: 'Resolve the dispute with the department concerned; pause dunning of the disputed invoice',
  },
  block_orders: {
    fr: 'Bloquer les nouvelles commandes ; revoir le plafond',
    en: 'Hold new orders; review the limit',
  },
  second_reminder: { fr: 'Relance téléphonique et lettre de relance', en: 'Phone call and reminder letter' },
  set_credit_limit: { fr: 'Fixer un plafond de crédit', en: 'Set a credit limit' },
  first_reminder: { fr: 'Première relance écrite', en: 'First written reminder' },
  review_limit: {
    fr: 'Surveiller l’encours et revoir le plafond',
    en: 'Watch the exposure and review the limit',
  },
  courtesy_reminder: { fr: 'Relance de courtoisie', en: 'Courtesy reminder' },
  none: { fr: 'Aucune action', en: 'No action' },
};

/** French (default) or English label of a level, rule or action identifier. */
export function riskLabel(id: string, lang = 'fr'): string {
  const label = LABELS[id];
  if (!label) return id;
  return lang === 'en' ? label.en : label.fr;
}
