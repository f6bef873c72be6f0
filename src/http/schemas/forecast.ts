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
  probabilityLate: Probability,
  probabilityOver30: Probability,
  probabilityOver60: Probability,
  expectedDelayDays: Type.Number({
    description: 'expected days after the due date, before the cut-off is known',
  }),
  reasons: Type.Array(ReasonSchema),
  paymentExpected: Type.Optional(
    Type.Boolean({
      description:
        'false: no ordinary payment is expected (a claim from before the customer’s insolvency judgment, paid only under the court’s plan); the dates are then not a forecast',
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
    meanPredicted: Type.Number(),
    observedLateRate: Type.Number(),
  }),
);

/** The result of a `forecast.backtest` job. */
export const BacktestSchema = Type.Object({
  modelVersion: Type.String(),
  from: IsoDate,
  to: IsoDate,
  cutoffs: Type.Array(IsoDate),
  invoices: Type.Integer(),
  methods: Type.Array(
    Type.Object({
      method: StringEnum(['model', 'dueDate', 'customerMeanDelay', 'forest']),
      maeDays: Type.Number(),
      lateAccuracy: Type.Number(),
      balancedAccuracy: Type.Optional(
        Type.Number({ description: 'mean of the late and on-time recalls (0.5 for a constant answer)' }),
      ),
    }),
  ),
  invoicesByCutoff: Type.Optional(Type.Array(Type.Integer())),
  lateBaseRate: Type.Optional(
    Type.Number({ description: 'share of the scored invoices paid late: « always late » scores this' }),
  ),
  calibration: CalibrationBins,
  brierScore: Type.Number(),
  /** The same model before recalibration (results stored before it was added lack it). */
  uncalibrated: Type.Optional(
    Type.Object({ lateAccuracy: Type.Number(), brierScore: Type.Number(), calibration: CalibrationBins }),
  ),
});
export type Backtest = Static<typeof BacktestSchema>;
