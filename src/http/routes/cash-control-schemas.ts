/** Schemas of bounced payments, return lines, unapplied cash and the reconciliations. */
import { Type } from 'typebox';
import { Currency, IsoDate, Minor, Nullable, StringEnum } from '../schemas/common.ts';
import { ReceiptListSchema } from './cash-schemas.ts';

const Text = Nullable(Type.String());

export const BounceRequestSchema = Type.Object({
  returnTransactionId: Type.Optional(
    Type.Integer({ minimum: 1, description: 'the statement’s return line' }),
  ),
  bounceDate: Type.Optional(IsoDate),
  reason: Type.Optional(Type.String({ maxLength: 200, description: 'return reason code or text' })),
  feeMinor: Type.Optional(Type.Integer({ minimum: 0, description: 'fee charged on; default: the setting' })),
});

export const PaymentBounceRequestSchema = Type.Object({
  ...BounceRequestSchema.properties,
  paymentRef: Type.String({ minLength: 1, maxLength: 200, description: 'a payment of the ledger' }),
});

export const BounceResultSchema = Type.Object({
  customerCode: Type.String(),
  paymentRef: Type.String(),
  bounceRef: Type.String({ description: 'the bounced-payment document, IMP-<payment>' }),
  bounceDocumentId: Type.Integer(),
  amountMinor: Minor,
  currency: Currency,
  reopenedDocumentIds: Type.Array(Type.Integer()),
  reversedAllocations: Type.Integer(),
  feeMinor: Minor,
  feeDocumentId: Nullable(Type.Integer()),
  parts: Type.Array(
    Type.Object({
      customerCode: Type.String(),
      paymentRef: Type.String(),
      bounceRef: Type.String(),
      bounceDocumentId: Type.Integer(),
      amountMinor: Minor,
      reopenedDocumentIds: Type.Array(Type.Integer()),
      reversedAllocations: Type.Integer(),
    }),
    { description: "each payment that came back: one, or every payment of a group receipt's transfer" },
  ),
});

const EVIDENCE = ['end_to_end_id', 'cheque_number', 'iban', 'name', 'amount'] as const;

export const ReturnListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      transactionId: Type.Integer(),
      bookingDate: IsoDate,
      amountMinor: Minor,
      currency: Currency,
      counterpartyName: Text,
      label: Text,
      returnReason: Text,
      candidates: Type.Array(
        Type.Object({
          transactionId: Type.Integer(),
          confidence: Type.Integer({ minimum: 0, maximum: 100 }),
          evidence: Type.Array(StringEnum(EVIDENCE)),
          bookingDate: IsoDate,
          customerCode: Text,
          label: Text,
        }),
      ),
    }),
  ),
});

export const AutoBounceSchema = Type.Object({
  bounced: Type.Array(BounceResultSchema),
  waiting: Type.Integer(),
});

const Bucket = Type.Object({
  key: Type.String({ description: 'age bucket key (d0_30, d31_60, d61_90, d90_plus)' }),
  fromDays: Nullable(Type.Integer()),
  toDays: Nullable(Type.Integer()),
  bankMinor: Minor,
  accountMinor: Minor,
  count: Type.Integer(),
});

const ReceiptItem = ReceiptListSchema.properties.items.items;

export const UnappliedSchema = Type.Object({
  asOf: IsoDate,
  aging: Type.Array(Type.Object({ currency: Currency, totalMinor: Minor, buckets: Type.Array(Bucket) })),
  receipts: Type.Object({
    total: Type.Integer(),
    items: Type.Array(Type.Object({ ...ReceiptItem.properties, ageDays: Type.Integer() })),
  }),
  credits: Type.Object({
    total: Type.Integer(),
    items: Type.Array(
      Type.Object({
        documentId: Type.Integer(),
        customerCode: Type.String(),
        customerName: Type.String(),
        kind: Type.String(),
        ref: Type.String(),
        issueDate: IsoDate,
        amountMinor: Minor,
        unappliedMinor: Minor,
        currency: Currency,
        label: Text,
        openDebitsMinor: Minor,
        openDebitCount: Type.Integer(),
        ageDays: Type.Integer(),
      }),
    ),
  }),
});

export const BankReconciliationSchema = Type.Object({
  from: IsoDate,
  to: IsoDate,
  currency: Currency,
  bankReceiptsMinor: Minor,
  bankReturnsMinor: Minor,
  ledgerPaymentsMinor: Minor,
  ledgerBouncesMinor: Minor,
  differenceMinor: Minor,
  statements: Type.Array(
    Type.Object({
      accountKey: Type.String(),
      statementRef: Type.String(),
      fromDate: Nullable(IsoDate),
      toDate: Nullable(IsoDate),
      openingMinor: Nullable(Minor),
      closingMinor: Nullable(Minor),
      currency: Text,
    }),
  ),
  coverage: Type.Array(Type.Object({ accountKey: Type.String(), from: IsoDate, to: IsoDate }), {
    description:
      'the days compared, per account: from its first statement’s day to its last within the period; empty when no statement covers it (nothing compared)',
  }),
  differences: Type.Array(
    Type.Object({
      code: StringEnum([
        'bank_not_recorded',
        'recorded_not_in_bank',
        'return_not_recorded',
        'bounce_not_in_bank',
      ] as const),
      date: IsoDate,
      amountMinor: Minor,
      transactionId: Nullable(Type.Integer()),
      documentRef: Text,
      customerCode: Text,
      label: Text,
    }),
  ),
});

export const LedgerReconciliationSchema = Type.Object({
  asOf: IsoDate,
  currency: Currency,
  file: Type.String(),
  accounts: Type.Array(Type.String()),
  glMinor: Minor,
  subLedgerMinor: Minor,
  differenceMinor: Minor,
  customers: Type.Integer(),
  labels: Type.Record(Type.String(), Type.String()),
  fecPieces: Type.Record(
    Type.String(),
    Type.Object({ journal: Type.String(), entry: Type.String(), date: IsoDate, piece: Type.String() }),
  ),
  differences: Type.Array(
    Type.Object({
      customerCode: Type.String(),
      glMinor: Minor,
      subLedgerMinor: Minor,
      differenceMinor: Minor,
      documents: Type.Array(
        Type.Object({
          ref: Type.String(),
          glMinor: Minor,
          subLedgerMinor: Minor,
          differenceMinor: Minor,
          code: StringEnum(['missing_in_subledger', 'missing_in_gl', 'amount'] as const),
        }),
      ),
    }),
  ),
});
