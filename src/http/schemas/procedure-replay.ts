/**
 * The policy replay over HTTP (issue 16): the request that starts the `procedure.replay` job and
 * the comparison it returns, shared with the web app (which imports the static types).
 */
import { type Static, Type } from 'typebox';
import { Currency, IsoDate, Minor, Nullable, StringEnum } from './common.ts';
import { JobSchema } from './jobs.ts';

export const ReplayRequestSchema = Type.Object({
  policy: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description:
        'proposed policy, shaped like the versioned configurations: order_rules, limit_policy, exposure_config, delegation_matrix, scoring_method (partial bodies completed from the version in force; a scoring method that scores differently re-scores every customer), limitScaleBps, dunning_policies',
    }),
  ),
  version: Type.Optional(
    Type.String({
      description:
        'or the name of a stored version: the credit kinds saved under it (scoring method included) and the dunning policies in force on its date; or a dunning policy code (code@N for one version)',
    }),
  ),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});
export type ReplayRequest = Static<typeof ReplayRequestSchema>;

const DECISIONS = ['approve', 'hold', 'refuse'] as const;
const STEP_KINDS = ['courtesy', 'reminder', 'formal_notice', 'handover'] as const;
const Judged = Type.Object({ decision: StringEnum(DECISIONS), reasonCodes: Type.Array(Type.String()) });

const SideSchema = Type.Object({
  ordersChecked: Type.Integer(),
  ordersApproved: Type.Integer(),
  ordersHeld: Type.Integer(),
  ordersRefused: Type.Integer(),
  heldOrRefusedMinor: Minor,
  reminders: Type.Integer(),
  remindersByKind: Type.Record(Type.String(), Type.Integer()),
  invoicesReminded: Type.Integer(),
});

const OrderSchema = Type.Object({
  ref: Type.String(),
  customerCode: Type.String(),
  checkedOn: IsoDate,
  amountMinor: Minor,
  currency: Currency,
  current: Judged,
  proposed: Judged,
  invoiceRef: Nullable(Type.String()),
  fate: StringEnum(['paid', 'paid_late', 'open', 'written_off', 'not_invoiced'] as const),
  openAtEndMinor: Minor,
  overdueAtEndMinor: Minor,
  writtenOffMinor: Minor,
});

const ReminderSchema = Type.Object({
  date: IsoDate,
  customerCode: Type.String(),
  stepCode: Type.String(),
  stepKind: StringEnum(STEP_KINDS),
  channel: Type.String(),
  level: Type.Integer(),
  invoiceRefs: Type.Array(Type.String()),
  openTotalMinor: Minor,
});

const StepSchema = Type.Object({
  invoiceId: Type.String(),
  customerCode: Type.String(),
  date: IsoDate,
  level: Type.Integer(),
  stepCode: Type.String(),
  stepKind: Type.String(),
});

const RiskClassOrNone = Nullable(Type.String({ description: 'risk class A … E; null: not scored' }));

const ScoringSchema = Type.Object(
  {
    methodVersion: Type.String(),
    customersRescored: Type.Integer(),
    scorings: Type.Integer({ description: 'scorings redone (customer × date)' }),
    scoringsChanged: Type.Integer({ description: 'of them, read as another class than the one recorded' }),
    customersChanged: Type.Integer({ description: 'customers in another class at the end of the period' }),
    migration: Type.Array(
      Type.Object({ from: RiskClassOrNone, to: RiskClassOrNone, customers: Type.Integer() }),
      { description: 'class recorded → class proposed at the end of the period (null: not scored)' },
    ),
  },
  { description: 'the proposal re-scored with its own scoring method; null when it keeps the method' },
);

export const ReplayResultSchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  currency: Currency,
  days: Type.Integer(),
  proposedLabel: Type.String(),
  proposedDunning: Type.Optional(
    Nullable(Type.Array(Type.String(), { description: 'code@version; null: the policies in force' })),
  ),
  current: SideSchema,
  proposed: SideSchema,
  orders: Type.Array(OrderSchema, {
    description: 'orders either side held or refused, largest first (capped)',
  }),
  ordersTotal: Type.Integer(),
  reminders: Type.Array(ReminderSchema, { description: 'reminders the proposal would have sent (capped)' }),
  remindersTotal: Type.Integer(),
  effects: Type.Object({
    ordersStopped: Type.Integer(),
    ordersStoppedMinor: Minor,
    exposureAvoidedMinor: Minor,
    overdueAvoidedMinor: Minor,
    badDebtsAvoidedMinor: Minor,
    salesForgoneMinor: Minor,
    ordersReleased: Type.Integer(),
    dsoCurrentDays: Nullable(Type.Number()),
    dsoProposedDays: Nullable(Type.Number()),
    overdueAtEndMinor: Minor,
    badDebtsMinor: Minor,
    firstReminderEarlierDays: Nullable(Type.Number()),
    invoicesRemindedOnlyByProposed: Type.Integer(),
  }),
  fidelity: Type.Object({
    ordersCompared: Type.Integer(),
    ordersMatching: Type.Integer(),
    orderMismatches: Type.Array(
      Type.Object({ ref: Type.String(), recorded: StringEnum(DECISIONS), replayed: StringEnum(DECISIONS) }),
    ),
    remindersRecorded: Type.Integer(),
    remindersMatching: Type.Integer(),
    missing: Type.Array(StepSchema),
    extra: Type.Array(StepSchema),
  }),
  scoring: Type.Optional(Nullable(ScoringSchema)),
  assumptions: Type.Array(Type.String(), { description: 'catalogue codes: procedure.assumption.*' }),
});
export type ReplayResultView = Static<typeof ReplayResultSchema>;

export const ReplayJobSchema = Type.Object({
  job: JobSchema,
  result: Type.Union([ReplayResultSchema, Type.Null()], { description: 'once the job succeeded' }),
});
export type ReplayJob = Static<typeof ReplayJobSchema>;
