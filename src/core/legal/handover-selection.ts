/**
 * The overdue invoices a hand-over leaves out unless it is asked to take them: those whose latest
 * formal notice still gives the debtor time to pay. The notice says « dans un délai de huit jours …
 * au plus tard le 8 juillet »: handing them to a lawyer before that day breaks the letter's own word,
 * and the cover letter could not call the notice « restée sans effet ». The deadline day is still
 * the debtor's (as the warnings read it): an invoice goes from the day after. Only the latest notice
 * naming an invoice counts: a new notice gives a new deadline, even over an older one long past.
 */
import type { IsoDate } from '../types.ts';
import type { FormalNoticeFact } from './handover-warnings.ts';

/** Invoices left out for one notice whose deadline has not passed: its date, its deadline, the invoices. */
export interface NoticeHeldBack {
  noticeDate: IsoDate;
  deadline: IsoDate;
  /** In the order they were given. */
  refs: string[];
}

/**
 * The invoices among `refs` whose latest formal notice's deadline is on or after `date`, grouped by
 * that notice, oldest first.
 */
export function noticePendingInvoices(
  date: IsoDate,
  refs: readonly string[],
  notices: readonly FormalNoticeFact[],
): NoticeHeldBack[] {
  const latest = new Map<string, FormalNoticeFact>();
  for (const notice of [...notices].sort((a, b) => a.date.localeCompare(b.date)))
    for (const ref of notice.refs) latest.set(ref, notice);
  const groups = new Map<FormalNoticeFact, string[]>();
  for (const ref of refs) {
    const notice = latest.get(ref);
    if (!notice || date > notice.deadline) continue;
    groups.set(notice, [...(groups.get(notice) ?? []), ref]);
  }
  return [...groups]
    .map(([notice, held]) => ({ noticeDate: notice.date, deadline: notice.deadline, refs: held }))
    .sort((a, b) => a.noticeDate.localeCompare(b.noticeDate));
}
