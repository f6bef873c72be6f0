/**
 * The problems an import can find: each has a stable code and the values its message needs
 * (params). The importers return codes and params, never sentences: the messages are in the
 * text catalogue (`src/text/messages/import-problems.ts`, `importProblem.<code>`), worded by
 * the use cases and shells in the reader's language. A new code is added here and there; a test
 * (`src/app/imports/import-problems.test.ts`) fails when one has no message.
 */

/** The file as a whole, its header row and the shape of its rows. */
const FILE_PROBLEMS = [
  'file_not_found',
  'file_is_directory',
  'file_permission_denied',
  'file_unreadable',
  'file_empty',
  'xls_not_supported',
  'unsupported_format',
  'binary_file',
  'utf16_not_supported',
  'mixed_encoding',
  'csv_quote_not_closed',
  'csv_invalid_closing_quote',
  'csv_unreadable',
  'xlsx_unreadable',
  'xlsx_no_worksheet',
  'xlsx_sheet_not_found',
  'worksheet_empty',
  'map_unknown_column',
  'map_unknown_field',
  'map_field_twice',
  'ambiguous_columns',
  'missing_required_column',
  'xlsx_extra_cells',
  'trailing_separators',
  'bad_column_count',
  'file_too_large_uncompressed',
  'xlsx_value_too_long',
  'xlsx_row_too_wide',
  'too_many_rows',
  'cell_too_long',
  'unknown_column',
  'unknown_column_no_match',
  'mixed_date_orders',
  'amount_too_large',
  'company_documents_total_too_large',
  'company_orders_total_too_large',
  'company_credit_limits_total_too_large',
] as const;

/** The values of one row. */
const ROW_PROBLEMS = [
  'missing_required',
  'invalid_date',
  'invalid_date_in_order',
  'date_not_in_calendar',
  'invalid_amount',
  'invalid_amount_with_separator',
  'invalid_currency',
  'unknown_enum_value',
  'invalid_payment_terms',
  'invalid_siren_length',
  'invalid_siren_check_digit',
  'invalid_siret_length',
  'invalid_siret_check_digit',
  'siret_siren_mismatch',
  'invalid_email',
  'unknown_country',
  'unknown_language',
  'negative_credit_limit',
  'due_before_issue',
  'dispute_before_issue',
  'negative_invoice_amount',
  'zero_payment',
  'negative_order_amount',
  'duplicate_customer_code',
  'duplicate_invoice_number',
  'duplicate_credit_note_number',
  'duplicate_payment_reference',
  'duplicate_order_number',
  'more_errors_omitted',
] as const;

/** Against the company's data, inside the import transaction. */
const LEDGER_PROBLEMS = [
  'unknown_customer_siren',
  'customer_or_siren_required',
  'negative_balance_sheet_amount',
  'duplicate_balance_sheet',
  'unknown_customer',
  'currency_mismatch',
  'reference_kind_conflict',
  'amount_below_matched',
  'unknown_invoice',
  'invoice_of_other_customer',
  'ambiguous_invoice_reference',
  'invoice_after_payment',
  'unknown_legal_file',
  'legal_step_before_handover',
] as const;

/** The checks of a FEC, the balance of its entries, conflicts with Encours. */
const FEC_PROBLEMS = [
  'fec_missing_column',
  'fec_header_unreadable',
  'fec_empty_file',
  'fec_column_count',
  'fec_required_empty',
  'fec_invalid_date',
  'fec_invalid_amount',
  'fec_debit_credit_empty',
  'fec_entry_unbalanced',
  'fec_entry_unbalanced_spanning_dates',
  'fec_file_unbalanced',
  'fec_more_problems_omitted',
  'fec_currency_conflict',
  'fec_kind_conflict',
  'fec_rejected',
  'fec_reconcile_rejected',
] as const;

export const PROBLEM_CODES = [
  ...FILE_PROBLEMS,
  ...ROW_PROBLEMS,
  ...LEDGER_PROBLEMS,
  ...FEC_PROBLEMS,
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export type ProblemParams = Readonly<Record<string, string | number>>;

/** A problem before it is placed on a line. */
export interface Problem {
  code: ProblemCode;
  params: ProblemParams;
}

export function problem(code: ProblemCode, params: ProblemParams = {}): Problem {
  return { code, params };
}

/**
 * A list of headers as one param (`headers`, `columns`): params are strings and numbers (what the
 * API's schema carries), so the list travels as a JSON array, which keeps any header whole, commas
 * included. The importers hold no quotes: the text layer quotes each header in its reader's
 * language (« Code client » in French, “Code client” in English) when it words the message.
 */
export function headerListParam(headers: readonly string[]): string {
  return JSON.stringify(headers);
}
