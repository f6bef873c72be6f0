/**
 * Responses of /api/reports/*: the aged balance and its drill-down, the indicators, the risk
 * tracking table, cross tabulations and anomalies. Each answers JSON, or the same report as a file
 * with `format=csv|xlsx|pdf` (`reportResponses` documents the four content types).
 */
import { type Static, type TSchema, Type } from 'typebox';
import { SEVERITIES } from '#core/analytics/anomalies';
import { RISK_LEVELS } from '#core/analytics/risk-levels';
import { Currency, IsoDate, Minor, Nullable, Ratio, StringEnum } from './common.ts';
import { problemResponses } from './problem.ts';

const Days = Type.Number({ description: 'days, to 0.01' });
const Filter = Type.Object({
  customerType: Nullable(Type.String()),
  salesperson: Nullable(Type.String()),
});

export const AgingBucketSchema = Type.Object({
  key: Type.String({ description: 'not_due, d1_30 … d90_plus' }),
  label: Type.String({ description: 'the bucket in the language asked for' }),
  fromDays: Nullable(Type.Integer()),
  toDays: Nullable(Type.Integer()),
});
export type AgingBucket = Static<typeof AgingBucketSchema>;

export const AgingFiguresSchema = Type.Object({
  totalMinor: Minor,
  bucketsMinor: Type.Array(Minor, { description: 'one amount per bucket' }),
  creditsMinor: Minor,
  documentCount: Type.Integer(),
  assignedMinor: Type.Optional(
    Type.Integer({
      description: 'open amount of the invoices assigned to a factor (subrogation), minor units',
    }),
  ),
});
export type AgingFigures = Static<typeof AgingFiguresSchema>;

export const AgingGroupSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  ...AgingFiguresSchema.properties,
});
export type AgingGroup = Static<typeof AgingGroupSchema>;

export const AgingReportSchema = Type.Object({
  asOf: IsoDate,
  basis: StringEnum(['due', 'issue'] as const),
  currency: Currency,
  groupBy: Type.String(),
  filter: Filter,
  buckets: Type.Array(AgingBucketSchema),
  groups: Type.Array(AgingGroupSchema),
  totals: AgingFiguresSchema,
  proof: Type.Object({
    bucketsMatchBalances: Type.Boolean(),
    balancesMatchTotal: Type.Boolean(),
    bucketsMatchTotal: Type.Boolean(),
    ledgerBalanceMinor: Minor,
    matchesLedger: Type.Boolean(),
  }),
});
export type AgingReport = Static<typeof AgingReportSchema>;

export const AgingDocumentSchema = Type.Object({
  customerCode: Type.String(),
  customerName: Type.String(),
  kind: Type.String(),
  externalRef: Type.String(),
  issueDate: IsoDate,
  dueDate: IsoDate,
  amountMinor: Minor,
  openMinor: Minor,
  ageDays: Type.Integer(),
  bucketIndex: Type.Integer({ description: '-1 for an open credit' }),
  bucketKey: Type.String({ description: 'a bucket key, or "credits"' }),
  factorName: Type.Optional(
    Nullable(Type.String({ description: 'the factor the invoice is assigned to: the customer pays it' })),
  ),
});
export type AgingDocument = Static<typeof AgingDocumentSchema>;

/** `drill=` (and `bucket=`): the documents behind one line of the aged balance. */
export const AgingDrillSchema = Type.Object({
  asOf: IsoDate,
  basis: StringEnum(['due', 'issue'] as const),
  groupBy: Type.String(),
  groupKey: Type.String(),
  bucket: Nullable(AgingBucketSchema),
  currency: Currency,
  documents: Type.Array(AgingDocumentSchema),
  totalMinor: Minor,
});
export type AgingDrill = Static<typeof AgingDrillSchema>;

const KpiFigures = {
  days: Type.Integer(),
  creditSalesMinor: Minor,
  beginningReceivablesMinor: Minor,
  endingReceivablesMinor: Minor,
  endingCurrentMinor: Minor,
  endingOverdueMinor: Minor,
  endingOver90Minor: Minor,
  unappliedCreditsMinor: Minor,
  averageOutstandingMinor: Minor,
  dsoSimpleDays: Nullable(Days),
  dsoCountbackDays: Nullable(Days),
  bestPossibleDsoDays: Nullable(Days),
  averageDaysDelinquent: Nullable(Days),
  ceiFullPeriodPct: Nullable(Type.Number()),
  ceiMonthlyAveragePct: Nullable(Type.Number()),
  averagePaymentDelayDays: Nullable(Days),
  averagePaymentDelayFromIssueDays: Nullable(Days),
  overdueShare: Nullable(Ratio),
  over90Share: Nullable(Ratio),
  atRiskRate: Nullable(Ratio),
};

export const KpiMonthSchema = Type.Object({
  month: Type.String({ description: 'YYYY-MM' }),
  from: IsoDate,
  to: IsoDate,
  ...KpiFigures,
});
export type KpiMonth = Static<typeof KpiMonthSchema>;

export const KpiReportSchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  currency: Currency,
  countbackDayBasis: StringEnum(['actual', 'thirty'] as const),
  ...KpiFigures,
  months: Type.Integer(),
  creditNotesMinor: Minor,
  writeOffsMinor: Type.Integer({
    description:
      'bad-debt losses of the period, positive: write-offs approved through the write-off capability, and imported write-offs of invoices nothing was paid on',
  }),
  settlementDifferencesMinor: Type.Integer({
    description:
      'small differences left by payments and charged to expense (bank charges, discounts), positive: write-offs of the cash application, and imported write-offs of invoices that also received a payment',
  }),
  badDebtRatio: Nullable(Ratio),
  lateCashCostMinor: Minor,
  lateCashCostRateBps: Type.Integer(),
  salesByCustomerType: Type.Array(
    Type.Object({ customerType: Type.String(), salesMinor: Minor, share: Nullable(Ratio) }),
  ),
  monthly: Type.Array(KpiMonthSchema),
  creditLineUsage: Nullable(Ratio),
  customersOverLimit: Type.Integer(),
  customersWithoutLimitWithBalance: Type.Integer(),
  withoutLimitBalanceMinor: Minor,
  customersWithBalance: Type.Integer(),
  top10Share: Nullable(Ratio),
  herfindahlIndex: Nullable(Type.Integer()),
  paymentDelayByCustomer: Type.Array(
    Type.Object({
      customerCode: Type.String(),
      paidMinor: Minor,
      averageDelayDays: Nullable(Days),
      averageDelayFromIssueDays: Nullable(Days),
    }),
  ),
});
export type KpiReport = Static<typeof KpiReportSchema>;

export const RiskLevelSchema = StringEnum(RISK_LEVELS);
export type RiskLevel = Static<typeof RiskLevelSchema>;

export const RiskRowSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  customerType: Type.String(),
  salesperson: Nullable(Type.String()),
  country: Type.String(),
  paymentTerms: Type.String(),
  groupCode: Nullable(Type.String()),
  status: Type.String(),
  creditLimitMinor: Nullable(Minor),
  oldestOverdueDays: Type.Integer(),
  oldestCreditDays: Type.Integer(),
  lastReminderDate: Nullable(IsoDate),
  insolvencyDate: Nullable(IsoDate),
  disputedOpenMinor: Minor,
  disputedRefs: Type.Array(Type.String()),
  openOrdersMinor: Minor,
  pendingOrders: Type.Integer(),
  balanceMinor: Minor,
  bucketsMinor: Type.Array(Minor),
  creditsMinor: Minor,
  overdueMinor: Minor,
  severeOverdueMinor: Minor,
  limitUsage: Nullable(Type.Number({ description: 'balance / limit (1 = 100 %)' })),
  exposureMinor: Type.Integer({
    description: 'open items and orders not yet invoiced, as the order check counts them',
  }),
  limitMinor: Nullable(
    Type.Integer({ description: 'limit in force (temporary, customer, group, company default)' }),
  ),
  availableMinor: Nullable(
    Type.Integer({ description: 'limitMinor − exposureMinor; negative: exposure over the limit' }),
  ),
  dispute: Type.Boolean(),
  proceedings: Type.Boolean(),
  riskLevel: RiskLevelSchema,
  riskLevelLabel: Type.String(),
  rule: Type.String(),
  ruleLabel: Type.String(),
  action: Type.String(),
  actionLabel: Type.String({
    description: 'the action in words, or the stage the collection reached that replaces it',
  }),
  collectionStage: Nullable(
    Type.Object(
      {
        stage: StringEnum(['handed_over', 'formal_notice', 'formal_notice_lapsed'] as const),
        date: IsoDate,
        deadline: Type.Optional(IsoDate),
      },
      { description: 'handed over, or under a formal notice (deadline: its last day to pay)' },
    ),
  ),
});
export type RiskRow = Static<typeof RiskRowSchema>;

export const RiskTableSchema = Type.Object({
  asOf: IsoDate,
  basis: StringEnum(['due', 'issue'] as const),
  currency: Currency,
  buckets: Type.Array(AgingBucketSchema),
  thresholds: Type.Object({
    criticalOverdueDays: Type.Integer(),
    criticalSevereShareBps: Type.Integer(),
    criticalSevereMinor: Minor,
    criticalMaterialityMinor: Minor,
    highOverdueDays: Type.Integer(),
    moderateOverdueDays: Type.Integer(),
    overLimitUsageBps: Type.Integer(),
    nearLimitUsageBps: Type.Integer(),
  }),
  filter: Filter,
  summary: Type.Array(
    Type.Object({
      level: RiskLevelSchema,
      label: Type.String(),
      customers: Type.Integer(),
      balanceMinor: Minor,
    }),
  ),
  rows: Type.Array(RiskRowSchema),
});
export type RiskTable = Static<typeof RiskTableSchema>;

export const CrosstabSchema = Type.Object({
  asOf: IsoDate,
  currency: Currency,
  rowDimension: Type.String(),
  columnDimension: Type.String(),
  criteria: Type.Object({
    measure: Type.String(),
    population: Type.String(),
    customerType: Nullable(Type.String()),
    salesperson: Nullable(Type.String()),
    basis: Type.String(),
  }),
  rowKeys: Type.Array(Type.String()),
  columnKeys: Type.Array(Type.String()),
  amountsMinor: Type.Array(Type.Array(Minor), { description: 'amountsMinor[row][column]' }),
  counts: Type.Array(Type.Array(Type.Integer()), { description: 'distinct customers per cell' }),
  rowTotalsMinor: Type.Array(Minor),
  columnTotalsMinor: Type.Array(Minor),
  totalMinor: Minor,
  rowCounts: Type.Array(Type.Integer()),
  columnCounts: Type.Array(Type.Integer()),
  totalCount: Type.Integer(),
});
export type Crosstab = Static<typeof CrosstabSchema>;

/** The figures behind a finding, by name (amounts end in Minor, dates are YYYY-MM-DD). */
export const EvidenceSchema = Type.Record(
  Type.String(),
  Type.Unsafe<string | number | boolean | null>({ type: ['string', 'number', 'boolean', 'null'] }),
);
export type Evidence = Static<typeof EvidenceSchema>;

export const FindingSchema = Type.Object({
  kind: Type.String(),
  severity: StringEnum(SEVERITIES),
  title: Type.String({ description: 'in the language asked for' }),
  evidence: EvidenceSchema,
  customers: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), evidence: EvidenceSchema })),
});
export type Finding = Static<typeof FindingSchema>;

export const AnomalyReportSchema = Type.Object({
  asOf: IsoDate,
  currency: Currency,
  thresholds: Type.Object({
    unappliedCreditDays: Type.Integer(),
    deteriorationDays: Type.Number(),
    deteriorationMinPaidMinor: Minor,
    top10ShareMax: Ratio,
    singleCustomerShareMax: Ratio,
    dsoDriftDays: Type.Number(),
    salespersonGrowthFactor: Type.Number(),
  }),
  findings: Type.Array(FindingSchema),
});
export type AnomalyReport = Static<typeof AnomalyReportSchema>;

const binary = (description: string) => ({ schema: Type.String({ format: 'binary', description }) });

/** A report's answers: the JSON document, the same report as a file (`format=`), or a problem. */
export function reportResponses<T extends TSchema>(json: T) {
  return {
    200: {
      description: 'The report as JSON, or as a file with format=csv, xlsx or pdf.',
      content: {
        'application/json': { schema: json },
        'text/csv': binary('CSV (UTF-8), format=csv'),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary('XLSX, format=xlsx'),
        'application/pdf': binary('PDF, format=pdf'),
      },
    },
    ...problemResponses,
  };
}
