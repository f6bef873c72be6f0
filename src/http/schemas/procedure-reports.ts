/**
 * The procedure review's written reports over HTTP: the data model each report states (the web
 * preview), and the section templates a company edits. Figures are typed (minor units, ratios,
 * days); the documents themselves are files (`format=pdf|docx`).
 */
import { type Static, Type } from 'typebox';
import type { AnomalyThresholds } from '#core/analytics/anomalies';
import { Currency, IsoDate, Minor, Nullable, Ratio, StringEnum } from './common.ts';

const Evidence = Type.Record(
  Type.String(),
  Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null()]),
);
const NullableMinor = Nullable(Type.Integer({ description: 'amount in minor units, or null' }));
const NullableNumber = Nullable(Type.Number());

const CustomerAmount = Type.Object({
  code: Type.String(),
  name: Type.String(),
  amountMinor: Minor,
  detail: Type.Optional(NullableNumber),
});

export const DysfunctionsModelSchema = Type.Object({
  asOf: IsoDate,
  from: IsoDate,
  currency: Currency,
  portfolio: Type.Object({
    totalMinor: Minor,
    customersWithBalance: Type.Integer(),
    overdueMinor: Minor,
    overdueShare: Nullable(Ratio),
    top10Share: Nullable(Ratio),
    herfindahlIndex: NullableNumber,
    byCustomerType: Type.Array(
      Type.Object({ key: Type.String(), name: Type.String(), balanceMinor: Minor, share: Nullable(Ratio) }),
    ),
    salesByCustomerType: Type.Array(
      Type.Object({ customerType: Type.String(), salesMinor: Minor, share: Nullable(Ratio) }),
    ),
    creditSalesMinor: Minor,
    monthly: Type.Array(
      Type.Object({
        month: Type.String(),
        creditSalesMinor: Minor,
        receivablesMinor: Minor,
        overdueMinor: Minor,
      }),
    ),
  }),
  indicators: Type.Array(
    Type.Object({
      key: Type.String(),
      kind: StringEnum(['days', 'ratio', 'money'] as const),
      better: StringEnum(['lower', 'higher'] as const),
      periodValue: NullableNumber,
      firstMonthValue: NullableNumber,
      lastMonthValue: NullableNumber,
      trend: StringEnum(['improving', 'deteriorating', 'stable', 'unknown'] as const),
    }),
  ),
  lateCost: Type.Object({
    rateBps: Type.Integer(),
    rateSource: StringEnum(['company', 'default', 'given'] as const, {
      description: 'company: the company’s financing rate; default: none set yet; given: rateBps asked for',
    }),
    costMinor: Minor,
    averageOverdueMinor: Minor,
    days: Type.Integer(),
  }),
  aging: Type.Object({
    buckets: Type.Array(
      Type.Object({ key: Type.String(), label: Type.String(), amountMinor: Minor, share: Nullable(Ratio) }),
    ),
    creditsMinor: Minor,
    totalMinor: Minor,
  }),
  risk: Type.Object({
    summary: Type.Array(
      Type.Object({
        level: Type.String(),
        label: Type.String(),
        customers: Type.Integer(),
        balanceMinor: Minor,
      }),
      { description: 'Customers owing money (positive balance) by risk level' },
    ),
    creditors: Type.Object(
      { customers: Type.Integer(), balanceMinor: Minor },
      { description: 'Customers whose credits exceed their open invoices (negative balance), apart' },
    ),
    customers: Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        level: Type.String(),
        balanceMinor: Minor,
        overdueMinor: Minor,
        creditLimitMinor: NullableMinor,
        oldestOverdueDays: Type.Integer(),
        action: Type.String(),
      }),
    ),
    customerCount: Type.Integer(),
  }),
  anomalies: Type.Array(
    Type.Object({
      kind: Type.String(),
      severity: Type.String(),
      title: Type.String(),
      evidence: Evidence,
      customerCount: Type.Integer(),
      customers: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), evidence: Evidence })),
    }),
  ),
  anomalyThresholds: Type.Unsafe<AnomalyThresholds>(Type.Record(Type.String(), Type.Number())),
  gaps: Type.Array(
    Type.Object({
      code: Type.String(),
      count: Type.Integer({
        description: 'Customers: a case is a customer with the sum of its orders or invoices',
      }),
      itemCount: Type.Optional(
        Type.Integer({
          description:
            'Orders (orders_accepted_over_limit) or invoices (overdue_not_reminded) of those customers',
        }),
      ),
      amountMinor: Minor,
      items: Type.Array(CustomerAmount),
      sources: Type.Optional(
        Type.Array(Type.Object({ code: Type.String(), count: Type.Integer(), amountMinor: Minor }), {
          description:
            'Where the cases come from (orders over the limit: encours_check, erp_invoiced; erp_limit_unknown: left out)',
        }),
      ),
      excluded: Type.Optional(
        Type.Object(
          { count: Type.Integer(), amountMinor: Minor },
          {
            description:
              'Left out as the dunning procedure must not remind it (insolvency proceedings, disputes, pauses, litigation, pending promises, factor collecting): invoices (overdue_not_reminded) or customers (never_reminded)',
          },
        ),
      ),
      coveredByCredits: Type.Optional(
        Type.Object(
          { count: Type.Integer(), amountMinor: Minor },
          {
            description:
              'Left out as the customer’s open credits (unapplied payments, credit notes) cover it, as the dunning run does: invoices (overdue_not_reminded) or customers (never_reminded)',
          },
        ),
      ),
    }),
  ),
});

export const MeasuresModelSchema = Type.Object({
  asOf: IsoDate,
  currency: Currency,
  configured: Type.Array(
    Type.Object({
      area: Type.String(),
      version: Type.String(),
      effectiveFrom: IsoDate,
      isDefault: Type.Boolean(),
      settings: Type.Array(
        Type.Object({
          key: Type.String(),
          params: Type.Optional(Type.Record(Type.String(), Type.String())),
          value: Type.Union([Type.Number(), Type.String(), Type.Null()]),
          kind: StringEnum(['money', 'days', 'bps', 'count', 'code'] as const),
        }),
      ),
    }),
  ),
  replay: Type.Union([
    Type.Object({
      from: IsoDate,
      to: IsoDate,
      policy: Type.String(),
      ordersHeld: Type.Integer(),
      ordersHeldMinor: Minor,
      remindersCurrent: Type.Integer(),
      remindersProposed: Type.Integer(),
      exposureAvoidedMinor: Minor,
      badDebtsAvoidedMinor: Minor,
      dsoBeforeDays: NullableNumber,
      dsoAfterDays: NullableNumber,
      scoring: Type.Optional(
        Type.Union([
          Type.Object({
            customersChanged: Type.Integer(),
            migration: Type.Array(
              Type.Object({
                from: Type.Union([Type.String(), Type.Null()]),
                to: Type.Union([Type.String(), Type.Null()]),
                customers: Type.Integer(),
              }),
            ),
          }),
          Type.Null(),
        ]),
      ),
      assumptions: Type.Array(Type.String()),
    }),
    Type.Null(),
  ]),
  proposals: Type.Array(
    Type.Object({
      code: Type.String(),
      parameters: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
      customers: Type.Integer(),
      items: Type.Integer(),
      amountMinor: Minor,
      dsoEffectDays: NullableNumber,
      annualCashCostMinor: Minor,
    }),
  ),
  basis: Type.Object({ dailySalesMinor: NullableMinor, rateBps: Type.Integer(), dsoDays: NullableNumber }),
});

export const ProcedureReportModelSchema = Type.Union([
  Type.Object({ report: Type.Literal('dysfunctions'), model: DysfunctionsModelSchema }),
  Type.Object({ report: Type.Literal('measures'), model: MeasuresModelSchema }),
]);
export type ProcedureReportModelView = Static<typeof ProcedureReportModelSchema>;

const binary = (description: string) => ({ schema: Type.String({ format: 'binary', description }) });

/** The report's figures as JSON, or the document with format=pdf|docx. */
export const procedureReportResponses = {
  200: {
    description: 'The report’s figures as JSON, or the document with format=pdf or docx.',
    content: {
      'application/json': { schema: ProcedureReportModelSchema },
      'application/pdf': binary('PDF, format=pdf'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': binary('DOCX, format=docx'),
    },
  },
};

export const SectionTemplateSchema = Type.Object({
  report: StringEnum(['dysfunctions', 'measures'] as const),
  section: Type.String(),
  lang: StringEnum(['fr', 'en'] as const),
  body: Type.String(),
  version: Type.Integer({ description: '0 = the shipped default' }),
  edited: Type.Boolean(),
});
export type SectionTemplateView = Static<typeof SectionTemplateSchema>;
