/** Responses of the uploads: a spreadsheet import's summary, a FEC import's summary and proof. */
import { type Static, Type } from 'typebox';
import { NOTICE_CODES } from '#app/imports/import-problems';
import { Currency, IsoDate, Minor, Nullable } from './common.ts';

export const ImportSummarySchema = Type.Object({
  entity: Type.String({ description: 'customers, invoices, credit-notes, payments or orders' }),
  file: Type.String(),
  dryRun: Type.Boolean(),
  rows: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  allocations: Type.Integer(),
  unappliedPayments: Type.Integer(),
  disputesOpened: Type.Integer({ description: 'invoices said to be disputed on which a dispute was opened' }),
  notices: Type.Array(
    Type.Object({
      code: Type.String({
        description: `stable code: ${NOTICE_CODES.join(', ')}`,
      }),
      params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
      message: Type.String({ description: 'the notice in the language asked for' }),
    }),
    { description: 'what the user should check: how the dates were read, a file without rows…' },
  ),
});
export type ImportSummary = Static<typeof ImportSummarySchema>;

/** A customer whose open items do not add up to its FEC account balance. */
export const CustomerDifferenceSchema = Type.Object({
  customerCode: Type.String(),
  name: Type.String(),
  fecBalanceMinor: Minor,
  sumOpenItemsMinor: Minor,
  differenceMinor: Minor,
  fecLines: Type.Array(Type.Integer(), { description: 'FEC line numbers of its account (the first 50)' }),
  otherDocuments: Type.Array(Type.String(), {
    description: 'its documents not read from this file, "source/ref amount" (the first 50)',
  }),
});
export type CustomerDifference = Static<typeof CustomerDifferenceSchema>;

/** Something a FEC import accepted but deserves a look: a stable code, its values, its message. */
export const FecWarningSchema = Type.Object({
  code: Type.String({ description: 'stable code: fec_unknown_column, fec_letter_unbalanced…' }),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
    description: 'the values of the message (amounts in minor units with their currency)',
  }),
  message: Type.String({ description: 'the warning in the language asked for' }),
});
export type FecWarning = Static<typeof FecWarningSchema>;

export const FecSummarySchema = Type.Object({
  file: Type.String(),
  dryRun: Type.Boolean(),
  currency: Currency,
  encoding: Type.String(),
  firstDate: Nullable(IsoDate),
  lastDate: Nullable(IsoDate),
  lines: Type.Integer(),
  entries: Type.Integer(),
  customers: Type.Integer(),
  documents: Type.Object({
    invoices: Type.Integer(),
    creditNotes: Type.Integer(),
    payments: Type.Integer(),
    other: Type.Integer(),
  }),
  allocations: Type.Integer(),
  openItems: Type.Integer(),
  /** The proof: each customer's open items equal its account balance in the file, to the cent. */
  reconciliation: Type.Object({
    asOf: IsoDate,
    controlBalanceMinor: Minor,
    sumOpenItemsMinor: Minor,
    customersWithDifference: Type.Array(CustomerDifferenceSchema),
  }),
  changes: Type.Object({
    customersInserted: Type.Integer(),
    documentsInserted: Type.Integer(),
    documentsUpdated: Type.Integer(),
    documentsUnchanged: Type.Integer(),
    allocationsInserted: Type.Integer(),
    allocationsReversed: Type.Integer(),
  }),
  journals: Type.Record(Type.String(), Type.String(), {
    description: 'journal code → type (sales, bank, cash, opening, purchases, other)',
  }),
  warnings: Type.Array(FecWarningSchema),
});
export type FecSummary = Static<typeof FecSummarySchema>;
