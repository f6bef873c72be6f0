/**
 * What a gap of the procedure counts, in its own words: « 419 commandes de 74 clients » for the
 * orders accepted over the limit, « 212 factures de 73 clients » for the invoices never reminded,
 * « 34 clients » where a case is the customer alone — never a bare « 74 » under « Clients
 * concernés » beside a sentence about 419 orders. It takes the reader's `t` (as day-offset.ts
 * does), so the report and the web page word it alike.
 */

type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface CountedGap {
  code: string;
  /** Customers. */
  count: number;
  /** The orders or invoices of those customers, for a gap that counts them. */
  itemCount?: number | undefined;
}

export function gapScope(t: Translate, gap: CountedGap): string {
  const key = gap.itemCount === undefined ? 'customers' : gap.code;
  return t(`procedureReports.gapScope.${key}`, { customers: gap.count, items: gap.itemCount ?? 0 });
}
