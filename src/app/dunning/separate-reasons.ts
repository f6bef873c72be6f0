/**
 * Why a reminder leaves out some of the customer's overdue invoices, in words the customer
 * understands (`separate_items.why`): a dispute we are looking into, a payment they promised, a
 * pause, a hand-over to the legal department, a telephone call our credit team makes about it the
 * same day, an earlier formal notice it remains due under, or an invoice simply not at a step yet,
 * which remains due. « Suivi séparé » alone told
 * a customer nothing of why a 73-day-old invoice was missing from a formal notice listing invoices
 * 6 days late (it was on the collector's call list that day).
 */
import type { DunningInvoiceRow } from '#db/dunning/dunning-state';
import { type Lang, translator } from '#text/catalogue';
import { formatDay } from './wording-cache.ts';

/** In the order the sentence gives them: what the customer does or asked first. */
export const SEPARATE_REASONS = [
  'disputed',
  'promise',
  'paused',
  'handedOver',
  'call',
  'noticed',
  'other',
] as const;
export type SeparateReason = (typeof SEPARATE_REASONS)[number];

/**
 * Why an overdue invoice is not on the document: its own state (dispute, promise, pause, hand-over),
 * else the channel of the customer's other action of the day that holds it (`sameDay`, by invoice
 * id: a call task), else none in particular.
 */
export function separateReason(
  row: DunningInvoiceRow,
  asOf: string,
  sameDay?: ReadonlyMap<string, string> | undefined,
): SeparateReason {
  if (row.disputed) return 'disputed';
  if (row.handedOver) return 'handedOver';
  if (row.promiseDate !== null) return 'promise';
  if (row.pausedUntil !== null && row.pausedUntil >= asOf) return 'paused';
  if (sameDay?.get(String(row.documentId)) === 'call_task') return 'call';
  // Already put on notice: it remains due under that notice, which still runs.
  if (row.formalNoticeDate !== null && row.formalNoticeDate <= asOf) return 'noticed';
  return 'other';
}

/**
 * The clause after « ne figure(nt) pas sur ce relevé : », one part per reason: the invoices by
 * number when the sentence names them (`listed`), by count otherwise, by a pronoun when one reason
 * covers them all. A promise, or an earlier notice, gives its date when the invoices share one.
 */
export function separateWhy(
  lang: Lang,
  rows: readonly DunningInvoiceRow[],
  asOf: string,
  listed: boolean,
  sameDay?: ReadonlyMap<string, string> | undefined,
): string {
  const groups = new Map<SeparateReason, DunningInvoiceRow[]>();
  for (const row of rows) {
    const reason = separateReason(row, asOf, sameDay);
    groups.set(reason, [...(groups.get(reason) ?? []), row]);
  }
  const t = translator(lang);
  const who = groups.size === 1 ? 'all' : listed ? 'named' : 'count';
  return SEPARATE_REASONS.flatMap((reason) => {
    const group = groups.get(reason);
    if (!group) return [];
    const dates = new Set(
      group.map((row) => (reason === 'noticed' ? row.formalNoticeDate : row.promiseDate)),
    );
    const [date] = dates;
    return [
      t(`dunning.separate.${reason}`, {
        who,
        n: group.length,
        refs: group.map((row) => row.documentRef).join(', '),
        date: dates.size === 1 && date ? formatDay(lang, date, true) : 'none',
      }),
    ];
  }).join(t('common.listSeparator'));
}
