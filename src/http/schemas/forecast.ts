/** Response shapes of the stored forecasts and the back-test (also the web app's types). */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Currency, Instant, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

const Probability = Type.Number({ minimum: 0, maximum: 1 });

const ReasonSchema = Type.Object({
  code: Type.String({
    description: 'stable reason code (customer_history, segment_behaviour, trend_slower…)',
  }),
  message: Type.String({ description: 'in the language of the request' }),
  figures: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
});

const PredictionSchema = Type.Object({
  customerCode: Type.String(),
  documentRef: Type.String(),
  dueDate: IsoDate,
  openMinor: Minor,
  currency: Currency,
  predictedDate: Type.String({ description: 'median predicted payment date' }),
  p10Date: IsoDate,
  p90Date: IsoDate,
  p90AtHorizon: Type.Optional(
    Type.Boolean({
      description:
        'true: p90Date is at or after the horizon (a year after the as-of date), where the calculation lays the invoices as old never seen paid: not the end of a range but one chance in ten or more of no payment before it',
    }),
  ),
  probabilityLate: Probability,
  probabilityOver30: Probability,
  probabilityOver60: Probability,
  expectedDelayDays: Type.Number({
    description:
      'the customer’s habit: days after the due date its invoices are paid (with this invoice’s channel and dispute), before the age reached at the cut-off is known — not this invoice’s predicted delay (predictedDate − dueDate)',
  }),
  reasons: Type.Array(ReasonSchema),
  paymentExpected: Type.Optional(
    Type.Boolean({
      description:
        'false: no ordinary payment is expected: a claim from before the customer’s insolvency judgment, paid only under the court’s plan (first reason insolvency_proceedings), or an invoice so old that most invoices as old stayed unpaid a year on (first reason no_payment_expected); the dates are then not a forecast',
    }),
  ),
});

export const PredictionsSchema = Type.Object({
  asOf: IsoDate,
  currency: Currency,
  modelVersion: Type.String(),
  items: Type.Array(PredictionSchema),
});

const CollectionAmounts = {
  fromOpenItemsMinor: Minor,
  fromFutureSalesMinor: Minor,
  lowMinor: Minor,
  highMinor: Minor,
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  partial: Type.Optional(
    Type.Boolean({
      description:
        'the period counts fewer days than a whole week, day or month: from the day after the as-of date, or up to the horizon',
    }),
  ),
};

export const CollectionsSchema = Type.Object({
  asOf: IsoDate,
  currency: Currency,
  modelVersion: Type.String(),
  portfolioTrendDaysPerMonth: Type.Number({
    description:
      "days later (negative: sooner) the portfolio's customers pay each month, as the model drew it; 0 when it does not stand out of its noise",
  }),
  weeks: Type.Array(Type.Object({ weekStart: IsoDate, ...CollectionAmounts })),
  days: Type.Optional(Type.Array(Type.Object({ date: IsoDate, ...CollectionAmounts }))),
  months: Type.Optional(
    Type.Array(
      Type.Object({
        month: Type.String({ description: 'YYYY-MM' }),
        periodStart: IsoDate,
        ...CollectionAmounts,
      }),
    ),
  ),
  byAge: Type.Optional(
    Type.Object(
      {
        buckets: Type.Array(
          Type.Object({
            fromDaysPastDue: Nullable(Type.Integer({ description: 'null: the youngest bucket, open-ended' })),
            toDaysPastDue: Nullable(Type.Integer({ description: 'null: the oldest bucket, open-ended' })),
            openMinor: Minor,
            expectedMinor: Minor,
            share: Probability,
          }),
        ),
        dated: Type.Object({ openMinor: Minor, expectedMinor: Minor }),
        leftOutOpenMinor: Minor,
      },
      {
        description:
          'the open invoices by days past due at the as-of date, and what each bucket is expected to bring within the horizon at the share its collection curve learned from the recent weekly cut-offs (dated: ages without a curve, spread by their predicted dates; leftOut: claims from before an insolvency judgment)',
      },
    ),
  ),
});

export const ForecastAccuracySchema = Type.Object({
  asOf: IsoDate,
  from: IsoDate,
  currency: Currency,
  weeks: Type.Array(
    Type.Object({
      weekStart: IsoDate,
      runId: Type.Integer(),
      forecastAsOf: IsoDate,
      horizonWeeks: Type.Integer(),
      forecastMinor: Minor,
      lowMinor: Minor,
      highMinor: Minor,
      actualMinor: Minor,
      errorMinor: Minor,
      insideBand: Type.Boolean(),
    }),
  ),
  wapeBp: Nullable(Type.Integer({ description: 'weighted absolute percentage error, basis points' })),
  biasBp: Nullable(Type.Integer({ description: '> 0: forecasts above what came in, basis points' })),
  insideBandWeeks: Type.Integer(),
  byHorizon: Type.Array(
    Type.Object({
      horizonWeeks: Type.Integer({ description: 'weeks ahead: 1 is the week after the run' }),
      weeks: Type.Integer({ description: 'elapsed weeks with a forecast made that far ahead' }),
      forecastMinor: Minor,
      actualMinor: Minor,
      wapeBp: Nullable(
        Type.Integer({ description: 'weighted absolute percentage error at this horizon, basis points' }),
      ),
      biasBp: Nullable(Type.Integer({ description: '> 0: forecasts above what came in, basis points' })),
      insideBandWeeks: Type.Integer(),
    }),
  ),
});
export type ForecastAccuracy = Static<typeof ForecastAccuracySchema>;

export const ForecastRunsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      runId: Type.Integer(),
      asOf: IsoDate,
      modelVersion: Type.String(),
      currency: Currency,
      openInvoices: Type.Integer(),
      createdAt: Instant,
      createdBy: Type.String(),
    }),
  ),
});
export type ForecastRuns = Static<typeof ForecastRunsSchema>;

const CalibrationBins = Type.Array(
  Type.Object({
    fromProbability: Type.Number(),
    toProbability: Type.Number(),
    invoices: Type.Integer(),
    meanPredicted: Nullable(Type.Number({ description: 'null: no invoice in the bin' })),
    observedLateRate: Nullable(Type.Number({ description: 'null: no invoice in the bin' })),
  }),
);

const PaidByShare = Type.Object({
  invoices: Type.Integer({ description: 'invoices whose date falls on or before the censoring date' }),
  paid: Type.Integer({ description: 'of those, paid by the customer by that date' }),
  share: Nullable(Probability),
});

const CoverageRowSchema = Type.Object({
  bucket: StringEnum(['not_due', 'd1_30', 'd31_90', 'd91_180', 'd180_plus', 'all'], {
    description: 'days past due at the cut-off',
  }),
  invoices: Type.Integer({ description: 'invoices open at the cut-offs (one per cut-off it was open at)' }),
  paidByP50: PaidByShare,
  paidByP90: PaidByShare,
  paidWithin13Weeks: Type.Object({
    invoices: Type.Integer({
      description: 'invoices whose 13 weeks after the cut-off end by the censoring date',
    }),
    expected: Nullable(Type.Number({ description: 'mean predicted chance of payment within the 13 weeks' })),
    actual: Nullable(Type.Number({ description: 'share paid within the 13 weeks' })),
  }),
});
export type BacktestCoverageRow = Static<typeof CoverageRowSchema>;

const NullableFigure = (description: string) =>
  Nullable(Type.Number({ description: `${description}; null when no invoice was scored` }));

/** The result of a `forecast.backtest` job (and of `predict backtest --json`). */
export const BacktestSchema = Type.Object({
  modelVersion: Type.String(),
  asOf: Type.Optional(IsoDate),
  defaultRange: Type.Optional(
    Type.Boolean({ description: 'true: the 12 month ends before the as-of date (no from/to given)' }),
  ),
  from: IsoDate,
  to: IsoDate,
  cutoffs: Type.Array(IsoDate),
  invoices: Type.Integer({ description: 'invoices open at a cut-off and paid later, scored' }),
  methods: Type.Array(
    Type.Object({
      method: StringEnum(['model', 'dueDate', 'customerMeanDelay', 'forest']),
      maeDays: NullableFigure('mean absolute error in days'),
      lateAccuracy: NullableFigure('share of late/on-time answers right'),
      balancedAccuracy: Type.Optional(
        NullableFigure('mean of the late and on-time recalls (0.5 for a constant answer)'),
      ),
    }),
  ),
  invoicesByCutoff: Type.Optional(Type.Array(Type.Integer())),
  distinctInvoices: Type.Optional(
    Type.Integer({
      description: 'distinct invoices behind `invoices`, which counts one per invoice and cut-off',
    }),
  ),
  paidLongLate: Type.Optional(
    Type.Object(
      {
        days: Type.Integer(),
        evaluations: Type.Integer(),
        invoices: Type.Integer(),
        modelErrorShare: NullableFigure('their share of the model’s summed absolute error'),
      },
      { description: 'the evaluations of invoices paid more than `days` days after their due date' },
    ),
  ),
  lateBaseRate: Type.Optional(
    NullableFigure('share of the scored invoices paid late: « always late » scores this'),
  ),
  calibration: CalibrationBins,
  brierScore: NullableFigure('Brier score of P(late)'),
  /** The same model before recalibration (results stored before it was added lack it). */
  uncalibrated: Type.Optional(
    Type.Object({
      lateAccuracy: NullableFigure('late accuracy before recalibration'),
      brierScore: NullableFigure('Brier score before recalibration'),
      calibration: CalibrationBins,
    }),
  ),
  censoredOn: Type.Optional(IsoDate),
  coverage: Type.Optional(Type.Array(CoverageRowSchema)),
});
export type Backtest = Static<typeof BacktestSchema>;
