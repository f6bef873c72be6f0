/** Requests and responses of the legal hand-over (/api/legal/partners, files, reports, reconciliation). */
import { type Static, Type } from 'typebox';
import { LEGAL_STEPS, PARTNER_KINDS } from '#core/legal/handover';
import { CONFIRMABLE_PIECES, INJUNCTION_COURTS, INJUNCTION_PIECES } from '#core/legal/injunction';
import { Currency, IsoDate, Minor, Nullable, StringEnum } from './common.ts';

const Bps = Type.Integer({ minimum: 0, maximum: 10_000, description: 'basis points (1200 = 12 %)' });
const Fee = Type.Integer({ minimum: 0, description: 'minor units, excluding VAT' });

export const PartnerBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'the same name updates the partner' }),
  kind: StringEnum(PARTNER_KINDS),
  email: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  addressLines: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 6 })),
  amicableCommissionBps: Bps,
  judicialCommissionBps: Bps,
  fileFeeMinor: Type.Optional(Fee),
  judicialFeeMinor: Type.Optional(Fee),
  currency: Type.Optional(Type.String({ minLength: 3, maxLength: 3 })),
});
export type PartnerBodyType = Static<typeof PartnerBody>;

export const PartnerSchema = Type.Object({
  partnerId: Type.Integer(),
  name: Type.String(),
  kind: Type.String({ description: 'lawyer or agency' }),
  email: Nullable(Type.String()),
  addressLines: Type.Array(Type.String()),
  amicableCommissionBps: Type.Integer(),
  judicialCommissionBps: Type.Integer(),
  fileFeeMinor: Minor,
  judicialFeeMinor: Minor,
  currency: Currency,
});

export const HandOverBody = Type.Object({
  customerCode: Type.String({ minLength: 1 }),
  partnerId: Type.Integer({ minimum: 1 }),
  invoices: Type.Optional(
    Type.Array(Type.String({ minLength: 1 }), {
      maxItems: 500,
      description:
        'invoice references; omitted: every invoice of the customer overdue on the date, but those whose formal notice still gives time to pay (see includePendingNotice)',
    }),
  ),
  includePendingNotice: Type.Optional(
    Type.Boolean({
      description:
        'with invoices omitted: take also the overdue invoices whose latest formal notice’s deadline has not passed (left out by default, listed in leftOut)',
    }),
  ),
  partnerReference: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  date: Type.Optional(IsoDate),
});

export const FileUpdateBody = Type.Object({
  piecesProvided: Type.Optional(Type.Array(StringEnum(CONFIRMABLE_PIECES as typeof INJUNCTION_PIECES))),
  partnerReference: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
});

const StepFields = {
  step: StringEnum(LEGAL_STEPS),
  date: IsoDate,
  recoveredMinor: Type.Optional(
    Type.Integer({ minimum: 0, description: 'collected by the partner with this step' }),
  ),
  costsMinor: Type.Optional(Type.Integer({ minimum: 0, description: 'costs the partner advanced' })),
  partnerOutstandingMinor: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  reportId: Type.Optional(
    Nullable(
      Type.String({ maxLength: 100, description: 'the partner’s id: the same report twice adds nothing' }),
    ),
  ),
};
export const StepBody = Type.Object(StepFields);
export const ReportsBody = Type.Object({
  reports: Type.Array(Type.Object({ fileId: Type.Integer({ minimum: 1 }), ...StepFields }), {
    minItems: 1,
    maxItems: 1000,
  }),
});

export const RecordedSchema = Type.Object({
  received: Type.Integer(),
  recorded: Type.Integer(),
  duplicates: Type.Integer({ description: 'already recorded (same report key): nothing added' }),
  fileIds: Type.Array(Type.Integer()),
});

const StepSchema = Type.Object({
  stepId: Type.Integer(),
  step: Type.String(),
  date: IsoDate,
  recoveredMinor: Minor,
  costsMinor: Minor,
  partnerOutstandingMinor: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  source: Type.String({ description: 'manual, csv or api' }),
  createdBy: Type.String(),
});

const ChargesSchema = Type.Object({
  recoveredMinor: Minor,
  amicableRecoveredMinor: Minor,
  judicialRecoveredMinor: Minor,
  amicableCommissionMinor: Minor,
  judicialCommissionMinor: Minor,
  commissionMinor: Minor,
  fixedFeesMinor: Minor,
  costsMinor: Minor,
  totalChargesMinor: Minor,
  netToForwardMinor: Minor,
});

export const ChecklistSchema = Type.Object({
  fileId: Type.Integer(),
  court: StringEnum(INJUNCTION_COURTS),
  courtPresumed: Type.Boolean(),
  legalFormFromName: Nullable(
    Type.String({ description: 'the form read from the debtor’s name (SARL…) when the register gave none' }),
  ),
  smallClaimsAlternative: Type.Boolean(),
  amountMinor: Minor,
  currency: Currency,
  pieces: Type.Array(
    Type.Object({
      piece: StringEnum(INJUNCTION_PIECES),
      status: Type.String({ description: 'in_package, on_request, on_record, provided or to_provide' }),
      date: Nullable(IsoDate),
      invoices: Nullable(
        Type.Array(
          Type.Object({
            documentRef: Type.String(),
            status: Type.String({
              description:
                'in_package: reproduced in the package as piece pieceNumber; on_record: attached to a dispute but not reproduced; provided or to_provide: none attached',
            }),
            pieceNumber: Nullable(Type.Integer()),
          }),
          {
            description:
              'The piece invoice by invoice (the proof of delivery of each invoice still open); null: one piece for the file',
          },
        ),
      ),
      registered: Type.Optional(
        Type.Object(
          {
            trackingNumber: Type.String(),
            depositedOn: IsoDate,
            outcome: Nullable(Type.String()),
            outcomeOn: Nullable(IsoDate),
          },
          { description: 'the formal notice’s registered letter, when its number is recorded' },
        ),
      ),
      receipt: Type.Optional(
        StringEnum(['signed', 'awaited', 'not_deposited', 'returned', 'history'] as const, {
          description:
            'the formal notice’s acknowledgement of receipt: signed (on record), awaited (deposited, no outcome yet), not_deposited (no La Poste number recorded), returned (no signed receipt), history (a notice the imported history tells of)',
        }),
      ),
      others: Type.Optional(
        Type.Object(
          { count: Type.Integer(), date: Nullable(IsoDate), history: Type.Boolean() },
          {
            description:
              'open invoices of the file the notice did not name, and the latest other notice they rest on (date null: none)',
          },
        ),
      ),
    }),
  ),
  contest: Nullable(
    Type.Object(
      { count: Type.Integer(), first: IsoDate, last: IsoDate },
      {
        description:
          'the debtor contested the claim (its story, on the days counted): an injunction to pay does not suit it; null: not to our knowledge',
      },
    ),
  ),
  ready: Type.Boolean(),
});

export const LegalFileSchema = Type.Object({
  fileId: Type.Integer(),
  customerCode: Type.String(),
  customerName: Type.String(),
  partnerId: Type.Integer(),
  partnerName: Type.String(),
  partnerKind: Type.String(),
  handedOverOn: IsoDate,
  scope: Type.String({ description: 'customer or invoices' }),
  currency: Currency,
  partnerReference: Nullable(Type.String()),
  amicableCommissionBps: Type.Integer(),
  judicialCommissionBps: Type.Integer(),
  fileFeeMinor: Minor,
  judicialFeeMinor: Minor,
  piecesProvided: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  createdBy: Type.String(),
  asOf: IsoDate,
  invoices: Type.Array(
    Type.Object({
      documentId: Type.Integer(),
      documentRef: Type.String(),
      issueDate: IsoDate,
      dueDate: IsoDate,
      amountMinor: Minor,
      handedMinor: Minor,
      interestMinor: Minor,
      indemnityMinor: Minor,
      openMinor: Minor,
    }),
  ),
  steps: Type.Array(StepSchema),
  state: Type.Object({
    step: Nullable(Type.String()),
    stepDate: Nullable(IsoDate),
    phase: Type.String({ description: 'amicable or judicial' }),
    closedOn: Nullable(IsoDate),
    withdrawn: Type.Boolean(),
  }),
  charges: ChargesSchema,
  handedMinor: Minor,
  outstandingMinor: Minor,
  partnerOutstandingMinor: Nullable(Type.Integer()),
});
export type LegalFileResponse = Static<typeof LegalFileSchema>;

export const LegalFileDetailSchema = Type.Object({
  ...LegalFileSchema.properties,
  checklist: ChecklistSchema,
});
export type LegalFileDetailResponse = Static<typeof LegalFileDetailSchema>;

export const HandOverWarningSchema = Type.Object({
  code: StringEnum([
    'no_reminder',
    'no_reminder_delivered',
    'no_formal_notice',
    'formal_notice_undelivered',
    'latest_formal_notice_undelivered',
    'not_in_formal_notice',
    'notice_deadline_pending',
    'open_dispute',
    'promise_pending',
    'no_chase_note',
  ] as const),
  date: Type.Optional(
    Type.String({
      description:
        'YYYY-MM-DD: the note’s date; the latest formal notice’s (not_in_formal_notice, notice_deadline_pending), or the latest one e-mailed that never reached the debtor (formal_notice_undelivered: none delivered; latest_formal_notice_undelivered: an earlier one was); the latest reminder e-mailed when none reached the debtor (no_reminder_delivered); a pending promise’s last instalment',
    }),
  ),
  delivery: Type.Optional(
    StringEnum(['failed', 'held', 'pending'] as const, {
      description:
        'what became of the undelivered formal notice’s (or latest reminder’s) e-mail: sending failed, held (never sent), or waiting to be sent',
    }),
  ),
  deadline: Type.Optional(
    Type.String({ description: 'YYYY-MM-DD: the last day the formal notice gave to pay' }),
  ),
  refs: Type.Optional(
    Type.Array(Type.String(), {
      description: 'the invoices concerned: in no formal notice, disputed, or under the promise',
    }),
  ),
  note: Type.Optional(Type.String({ description: 'the customer’s note asking not to chase it' })),
});
export type HandOverWarningResponse = Static<typeof HandOverWarningSchema>;

export const LeftOutSchema = Type.Array(
  Type.Object({
    noticeDate: IsoDate,
    deadline: Type.String({ description: 'YYYY-MM-DD: the last day the formal notice gave to pay' }),
    invoices: Type.Array(Type.Object({ documentRef: Type.String(), dueDate: IsoDate, openMinor: Minor })),
    totalMinor: Minor,
  }),
  {
    description:
      'overdue invoices left out, by formal notice: its time to pay still runs on the hand-over date (name them, or includePendingNotice, to take them)',
  },
);

export const HandedOverSchema = Type.Object({
  ...LegalFileSchema.properties,
  warnings: Type.Array(HandOverWarningSchema),
  leftOut: LeftOutSchema,
});

export const HandOverCheckSchema = Type.Object({
  customerCode: Type.String(),
  date: IsoDate,
  invoices: Type.Array(Type.Object({ documentRef: Type.String(), dueDate: IsoDate, openMinor: Minor })),
  totalMinor: Minor,
  currency: Currency,
  warnings: Type.Array(HandOverWarningSchema, {
    description: 'what to check before confirming (never blocking)',
  }),
  leftOut: LeftOutSchema,
});
export type HandOverCheckResponse = Static<typeof HandOverCheckSchema>;

export const ReconciliationSchema = Type.Object({
  asOf: IsoDate,
  differences: Type.Integer({ description: 'files whose two sides differ' }),
  totals: Type.Object({
    ourOutstandingMinor: Minor,
    partnerOutstandingMinor: Minor,
    differenceMinor: Minor,
  }),
  files: Type.Array(
    Type.Object({
      fileId: Type.Integer(),
      customerCode: Type.String(),
      customerName: Type.String(),
      partnerName: Type.String(),
      currency: Currency,
      handedMinor: Minor,
      lastReportDate: Nullable(IsoDate),
      closedOn: Nullable(IsoDate),
      ourOutstandingMinor: Minor,
      partnerOutstandingMinor: Minor,
      partnerOutstandingReported: Type.Boolean(),
      differenceMinor: Minor,
      settledMinor: Minor,
      partnerRecoveredMinor: Minor,
      reasons: Type.Array(Type.Object({ reason: Type.String(), amountMinor: Minor })),
    }),
  ),
});
export type ReconciliationResponse = Static<typeof ReconciliationSchema>;
