/**
 * The warnings of a FEC import: what was accepted but deserves a look. Like the problems
 * (`../problems.ts`), each is a stable code with the values its message needs; the reader emits
 * the first two, the import use case the others. The messages are in the text catalogue
 * (`importWarning.<code>`); amounts are `…Minor` params with a `currency`, dates `…Date`.
 */
import type { ProblemParams } from '../problems.ts';

export const FEC_WARNING_CODES = [
  /** {column}: a header the FEC format does not define, ignored. */
  'fec_unknown_column',
  /** {journal}: EcritureNum repeats within the journal; entries grouped by date and PieceRef. */
  'fec_entry_num_not_unique',
  /** {letter, customerCode, account, differenceMinor, currency}: a letter group that does not net to zero. */
  'fec_letter_unbalanced',
  /** {creditRef, debitRef, amountMinor, currency, reason}: a lettering the ledger rules refuse. */
  'fec_lettering_refused',
  /** {creditRef, debitRef, amountMinor, currency}: a lettering already made in Encours, not taken. */
  'fec_lettering_already_matched',
  /** {creditRef, debitRef, amountMinor, openMinor, currency}: a lettering cut to what is still open. */
  'fec_lettering_reduced',
  /** {count, firstDate, lastDate, refs}: documents of an earlier import the new file lacks. */
  'fec_documents_vanished',
  /** {count, customers}: opening entries repeating detailed lines of an earlier import. */
  'fec_opening_repeated',
  /** {customerCode, openMinor, fecMinor, currency}: open items that differ from the FEC balance. */
  'fec_customer_difference',
] as const;
export type FecWarningCode = (typeof FEC_WARNING_CODES)[number];

export interface FecWarning {
  code: FecWarningCode;
  params: ProblemParams;
}

export function fecWarning(code: FecWarningCode, params: ProblemParams = {}): FecWarning {
  return { code, params };
}
