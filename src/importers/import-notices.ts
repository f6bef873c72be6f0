/**
 * The notices of a CSV/XLSX import: something about an accepted file the user should know, coded
 * like problems and worded by the app — how its dates were read (date-order.ts), a file with a
 * header and no row, the columns no field reads (ignored-columns.ts), and from the use case the
 * disputes left alone and a channel column left out.
 */
export const NOTICE_CODES = [
  'date_order_month_first',
  'date_order_month_first_other_column',
  'date_order_remembered',
  'date_order_assumed',
  'disputes_skipped_settled',
  'channel_column_left_out',
  'file_has_no_rows',
  'column_ignored',
  'column_ignored_near',
  'column_ignored_field_taken',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface ImportNotice {
  code: NoticeCode;
  params: Readonly<Record<string, string | number>>;
}
