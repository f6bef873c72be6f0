/** Request and response schemas of the cash routes (bank import, cash application). */
import { type Static, Type } from 'typebox';
import { Currency, Instant, IsoDate, Minor, Nullable, StringEnum } from '../schemas/common.ts';

const Text = Nullable(Type.String());

export const BankTransactionSchema = Type.Object({
  key: Type.String({ description: 'stable key of the transaction on its account (idempotent import)' }),
  bookingDate: IsoDate,
  valueDate: Nullable(IsoDate),
  amountMinor: Minor,
  currency: Currency,
  counterpartyName: Text,
  counterpartyIban: Text,
  endToEndId: Text,
  bankRef: Text,
  creditorRef: Text,
  remittance: Text,
  label: Text,
  direction: StringEnum(['receipt', 'outgoing', 'return'] as const),
  isNew: Type.Boolean(),
});

export const BankImportSummarySchema = Type.Object({
  file: Type.String(),
  format: StringEnum(['camt.053', 'camt.054', 'cfonb120', 'ofx1', 'ofx2'] as const),
  dryRun: Type.Boolean(),
  statements: Type.Array(
    Type.Object({
      statementRef: Type.String(),
      account: Type.String({ description: 'IBAN, or the format’s own account identification' }),
      iban: Text,
      currency: Currency,
      openingMinor: Nullable(Minor),
      closingMinor: Nullable(Minor),
      fromDate: Nullable(IsoDate),
      toDate: Nullable(IsoDate),
      accountCreated: Type.Boolean(),
      alreadyImported: Type.Boolean(),
      transactions: Type.Array(BankTransactionSchema),
    }),
  ),
  transactionsInserted: Type.Integer(),
  transactionsAlreadyKnown: Type.Integer(),
  receiptsToApply: Type.Integer(),
  matchJobId: Nullable(Type.Integer({ description: 'the cash application job queued after the import' })),
  notices: Type.Array(
    Type.Object({
      code: Type.String(),
      params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
      message: Type.String(),
    }),
  ),
});

const METHODS = [
  'references',
  'exact_amount',
  'combination',
  'tolerance',
  'discount',
  'oldest_first',
  'unapplied',
  'group',
  'recorded',
] as const;
const Method = StringEnum(METHODS);
const Line = Type.Object({ documentId: Type.Integer(), ref: Type.String(), amountMinor: Minor });
/** Evidence: a code and the figures it rests on (amounts in minor units end in `Minor`). */
const Evidence = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));
const SettledItem = Type.Object({
  documentId: Type.Integer(),
  ref: Type.String(),
  kind: Type.String({ description: 'document kind code: invoice, adjustment…' }),
  amountMinor: Minor,
});

export const ReceiptListSchema = Type.Object({
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      transactionId: Type.Integer(),
      bookingDate: IsoDate,
      amountMinor: Minor,
      currency: Currency,
      counterpartyName: Text,
      counterpartyIban: Text,
      endToEndId: Text,
      creditorRef: Text,
      remittance: Text,
      label: Text,
      chequeNumber: Text,
      status: Type.String(),
      direction: Type.String(),
      accountKey: Type.String(),
      customerCode: Text,
      customerName: Text,
      suggestions: Type.Array(
        Type.Object({
          rank: Type.Integer(),
          customerCode: Type.String(),
          customerName: Type.String(),
          confidence: Type.Integer({ minimum: 0, maximum: 100 }),
          method: Method,
          invoices: Type.Array(Line),
          credits: Type.Array(Line),
          writeOffMinor: Minor,
          writeOffReason: Text,
          unappliedMinor: Minor,
          evidence: Type.Array(Evidence),
          parts: Type.Array(
            Type.Object({
              customerCode: Type.String(),
              amountMinor: Minor,
              invoices: Type.Array(Line),
              writeOffMinor: Minor,
              unappliedMinor: Minor,
            }),
            { description: 'a group receipt: the share of each customer (empty for one customer)' },
          ),
        }),
      ),
      applications: Type.Array(
        Type.Object({
          customerCode: Type.String(),
          customerName: Text,
          amountMinor: Minor,
          paymentDocumentId: Type.Integer(),
          items: Type.Array(SettledItem, {
            description: 'the items the match settled on this customer, with the amount settled on each',
          }),
        }),
        { description: 'the customers an applied receipt was applied to (several for a group receipt)' },
      ),
      decision: Nullable(
        Type.Object(
          {
            decision: StringEnum(['auto', 'accepted', 'corrected'] as const),
            confidence: Nullable(Type.Integer({ minimum: 0, maximum: 100 })),
            decidedBy: Type.String({ description: 'the user’s name, else the actor recorded' }),
            decidedAt: Instant,
          },
          { description: 'how the match in force was decided (null for a receipt not applied)' },
        ),
      ),
      recordedPayment: Nullable(
        Type.Object(
          {
            documentId: Type.Integer(),
            ref: Type.String(),
            items: Type.Array(SettledItem, {
              description: 'the items that payment settles, with the amount its allocations settle on each',
            }),
          },
          {
            description:
              'the payment the ledger recorded before that the line is linked to (null unless the match in force is such a link: the line itself settled nothing)',
          },
        ),
      ),
    }),
  ),
});

export const MatchRequestSchema = Type.Object({
  auto: Type.Optional(Type.Boolean()),
  threshold: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const MatchSummarySchema = Type.Object({
  threshold: Type.Integer(),
  auto: Type.Boolean(),
  receipts: Type.Integer(),
  applied: Type.Integer(),
  suggested: Type.Integer(),
  unmatched: Type.Integer(),
  items: Type.Array(
    Type.Object({
      transactionId: Type.Integer(),
      amountMinor: Minor,
      currency: Currency,
      outcome: StringEnum(['applied', 'suggested', 'unmatched'] as const),
      customerCode: Text,
      confidence: Nullable(Type.Integer()),
      method: Type.Unsafe<Static<typeof Method> | null>({
        type: ['string', 'null'],
        enum: [...METHODS, null],
      }),
      invoices: Type.Array(Type.String()),
      writeOffMinor: Minor,
      unappliedMinor: Minor,
    }),
  ),
});

export const AcceptRequestSchema = Type.Object({
  rank: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
});

export const CorrectionRequestSchema = Type.Object({
  customerCode: Type.String({ minLength: 1, maxLength: 100 }),
  documentRefs: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200 }),
  writeOffMinor: Type.Optional(Type.Integer({ minimum: 0 })),
  writeOffReason: Type.Optional(StringEnum(['bank_charges', 'discount'] as const)),
});

export const SplitRequestSchema = Type.Object({
  parts: Type.Array(
    Type.Object({
      customerCode: Type.String({ minLength: 1, maxLength: 100 }),
      amountMinor: Type.Integer({ minimum: 1, description: 'the receipt’s money given to this customer' }),
      documentRefs: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200 }),
    }),
    { minItems: 2, maxItems: 50 },
  ),
});

export const AppliedSchema = Type.Object({
  paymentDocumentId: Type.Integer(),
  paymentDocumentIds: Type.Array(Type.Integer(), { description: 'one payment per customer paid' }),
  allocationIds: Type.Array(Type.Integer()),
  decisionId: Type.Integer(),
  customerCode: Type.String(),
});

export const ReversedSchema = Type.Object({
  transactionId: Type.Integer(),
  reversedAllocations: Type.Integer(),
  customerCode: Type.String(),
  suggestions: Type.Integer({ description: 'the suggestions the receipt waits with again, made anew' }),
  recordedPaymentRef: Nullable(
    Type.String({
      description: 'the payment recorded before whose link to the line was undone (it is kept)',
    }),
  ),
});

export const ReceiptParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** What the cash page offers before a first statement (GET /api/cash/demo-statement). */
export const DemoStatementOfferSchema = Type.Object({
  statementsImported: Type.Integer({ description: 'bank statements the company has imported, any file' }),
  available: Type.Boolean({ description: 'the company is the demo company: its statement can be imported' }),
  fileName: Type.String(),
  fromDate: Nullable(IsoDate),
  toDate: Nullable(IsoDate),
});
