/** The shapes of /api/reports/* as the web application reads them, and their URLs (with the language). */
import { query } from './api.ts';
import type { Lang } from './i18n.tsx';

export interface AgingBucket {
  key: string;
  label: string;
  fromDays: number | null;
  toDays: number | null;
}
export interface AgingFigures {
  totalMinor: number;
  bucketsMinor: number[];
  creditsMinor: number;
  documentCount: number;
}
export interface AgingGroup extends AgingFigures {
  key: string;
  name: string;
}
export interface AgingReport {
  asOf: string;
  basis: string;
  currency: string;
  groupBy: string;
  buckets: AgingBucket[];
  groups: AgingGroup[];
  totals: AgingFigures;
  proof: Record<string, boolean | number>;
}
export interface AgingDocument {
  customerCode: string;
  customerName: string;
  kind: string;
  externalRef: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  openMinor: number;
  ageDays: number;
  bucketKey: string;
}
export interface AgingDrill {
  asOf: string;
  groupKey: string;
  bucket: AgingBucket | null;
  currency: string;
  documents: AgingDocument[];
  totalMinor: number;
}

export type RiskLevel = 'critical' | 'high' | 'moderate' | 'low';
export interface RiskRow {
  code: string;
  name: string;
  customerType: string;
  salesperson: string | null;
  creditLimitMinor: number | null;
  balanceMinor: number;
  bucketsMinor: number[];
  creditsMinor: number;
  overdueMinor: number;
  limitUsage: number | null;
  oldestOverdueDays: number;
  dispute: boolean;
  proceedings: boolean;
  riskLevel: RiskLevel;
  riskLevelLabel: string;
  rule: string;
  ruleLabel: string;
  action: string;
  actionLabel: string;
}
export interface RiskTable {
  asOf: string;
  currency: string;
  buckets: AgingBucket[];
  summary: { level: RiskLevel; label: string; customers: number; balanceMinor: number }[];
  rows: RiskRow[];
}

export interface KpiMonth {
  month: string;
  dsoSimpleDays: number | null;
  dsoCountbackDays: number | null;
  bestPossibleDsoDays: number | null;
  ceiFullPeriodPct: number | null;
  overdueShare: number | null;
  endingReceivablesMinor: number;
  endingOverdueMinor: number;
}
export interface KpiReport {
  from: string;
  to: string;
  currency: string;
  dsoSimpleDays: number | null;
  dsoCountbackDays: number | null;
  ceiFullPeriodPct: number | null;
  overdueShare: number | null;
  customersOverLimit: number;
  customersWithoutLimitWithBalance: number;
  salesByCustomerType: { customerType: string; salesMinor: number; share: number }[];
  monthly: KpiMonth[];
}

export type Evidence = Record<string, string | number | boolean | null>;
export interface Finding {
  kind: string;
  severity: 'critical' | 'warning' | 'info';
  title: string;
  evidence: Evidence;
  customers: { code: string; name: string; evidence: Evidence }[];
}
export interface AnomalyReport {
  asOf: string;
  currency: string;
  findings: Finding[];
}

export const RISK_COLORS: Record<string, string> = {
  critical: 'red',
  high: 'orange',
  moderate: 'yellow',
  low: 'green',
};
/** The same colours for ECharts, which does not know Mantine's palette names. */
export const RISK_HEX: Record<string, string> = {
  critical: '#e03131',
  high: '#f76707',
  moderate: '#f59f00',
  low: '#2f9e44',
};

type Params = Record<string, string | number | boolean | undefined | null>;

/** Every report call names the language, so that labels and finding titles come back translated. */
export function reportPath(name: string, lang: Lang, params: Params = {}): string {
  return `/api/reports/${name}${query({ ...params, lang })}`;
}
