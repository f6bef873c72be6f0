/**
 * Every code domain a person may see, with its codes: the catalogue test checks each code has a
 * label in both languages. Computed domains (paymentTerms, agingBucket) are tested on samples.
 */
import { ANOMALY_KINDS, SEVERITIES } from '../core/analytics/anomalies.ts';
import { RISK_ACTIONS, RISK_LEVELS, RISK_RULES } from '../core/analytics/risk-levels.ts';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  DOCUMENT_KINDS,
  EVENT_KINDS,
  ORDER_STATUSES,
  ROLES,
} from '../core/types.ts';

/** Fields of the audited changes (camelCase names of the `before`/`after` objects). */
export const AUDIT_FIELDS = [
  'creditLimitMinor',
  'paymentTerms',
  'contacts',
  'salesperson',
  'customerType',
  'status',
  'billingEmail',
  'detail',
  'mentions',
  'email',
  'name',
  'role',
  'disabled',
] as const;

/** Keys of the anomaly findings' `evidence` objects. */
export const EVIDENCE_FIELDS = [
  'customers',
  'balanceMinor',
  'overdueMinor',
  'creditLimitMinor',
  'limitUsage',
  'pendingOrders',
  'openOrdersMinor',
  'severeOverdueMinor',
  'oldestOverdueDays',
  'lastReminderDate',
  'document',
  'documents',
  'date',
  'amountMinor',
  'openMinor',
  'disputedOpenMinor',
  'dsoBeforeDays',
  'dsoDays',
  'before',
  'method',
  'balanceBeforeMinor',
  'growthMinor',
  'overdueGrowthMinor',
  'delayBeforeDays',
  'delayAfterDays',
  'increaseDays',
  'months',
  'salesperson',
  'creditsMinor',
  'oldestCreditDays',
  'averageDelayDays',
  'paidMinor',
  'share',
  'top10Share',
  'largestShare',
] as const;

export const LABEL_DOMAINS: Readonly<Record<string, readonly string[]>> = {
  customerType: CUSTOMER_TYPES,
  customerStatus: CUSTOMER_STATUSES,
  documentKind: DOCUMENT_KINDS,
  eventKind: EVENT_KINDS,
  orderStatus: ORDER_STATUSES,
  role: ROLES,
  riskLevel: RISK_LEVELS,
  riskRule: RISK_RULES,
  riskAction: RISK_ACTIONS,
  severity: SEVERITIES,
  anomalyKind: ANOMALY_KINDS,
  anomalyMethod: ['simple_3m'],
  auditAction: AUDIT_ACTIONS,
  auditEntity: AUDIT_ENTITIES,
  auditField: AUDIT_FIELDS,
  evidence: EVIDENCE_FIELDS,
  agingBasis: ['due', 'issue'],
  agingGroupBy: ['customer', 'customer_type', 'salesperson', 'group', 'country'],
  countbackDayBasis: ['actual', 'thirty'],
  language: ['fr', 'en'],
};
