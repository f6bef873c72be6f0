/**
 * How the debtor of a legal file was chased: the reminders and formal notices sent on the file's
 * invoices (Encours's own and the imported history's), the dunning steps done by telephone and the
 * e-mails that never reached the debtor, each with the invoices it covered — as annexes 1 and 2 of
 * the package list them, the cover letter counts them, the warnings and the default selection of a
 * hand-over read the formal notices and the deadline each gave.
 */
import type { Kysely } from 'kysely';
import { minDate } from '#core/calendar';
import { importedReminderAmountMinor, isImportedFormalNotice } from '#core/dunning/imported-reminders';
import type { PlannedAction } from '#core/dunning/planner';
import type { UndeliveredStatus } from '#core/legal/handover-warnings';
import type { IsoDate } from '#core/types';
import type { Database } from '#db/infra/schema';
import { type ReminderRow, selectFileReminders } from '#db/legal/handover-package-queries';
import { paymentDeadline } from '../dunning/action-variables.ts';

type FileInvoice = { documentId: number; documentRef: string; dueDate: IsoDate };

/**
 * A reminder of the file with the invoices it covered: an Encours action's own; for a line of the
 * imported history, the file's invoices overdue that day (it reminded, or put on notice, every
 * overdue invoice, as the dunning planner reads it: `core/dunning/imported-reminders.ts`), while
 * `refs` keeps the invoice its line names.
 */
export type FileReminder = ReminderRow & { covered: string[] };

/** A reminder of the file whose e-mail never reached the debtor, with what became of it. */
export type UndeliveredReminder = FileReminder & { delivery: UndeliveredStatus };

export interface FileChasing {
  /** Sent to the debtor: letters, e-mails the mail server accepted, imported reminders. */
  reminders: FileReminder[];
  /** The dunning steps done by telephone. */
  calls: FileReminder[];
  /** E-mails whose message failed, was held or waits to be sent. */
  undelivered: UndeliveredReminder[];
}

const isUndelivered = (r: FileReminder): r is UndeliveredReminder =>
  r.delivery !== null && r.delivery !== 'sent';

/**
 * The reminders sent on the file's invoices up to `date`, as annex 1 lists them, and apart from them
 * the dunning steps done by telephone: a call task is the collector's work (the run's task to call,
 * or a call recorded by hand), not a communication sent to the debtor, so the letter counts none of
 * them among the reminders « adressées au débiteur »; annex 1 shows them as calls. A reminder Encours
 * sent is also told in the customer's story on its day: that line is the action itself, not a
 * second reminder (as the dunning and the forecast read the story too). A line of the imported
 * history that says it was a formal notice by registered letter is one (`isImportedFormalNotice`),
 * known from the history only: its `origin` stays 'history'. An e-mail whose outbox message failed,
 * was held or is still to send never reached the debtor: a lawyer's file cannot claim it, so it is
 * `undelivered`, listed apart in annex 1 and counted nowhere; a letter (printed and posted, no
 * outbox) counts as sent.
 */
export async function fileChasing(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  invoices: readonly { documentId: number; documentRef: string; dueDate: IsoDate }[],
  date: IsoDate,
): Promise<FileChasing> {
  const firstDue = invoices.reduce((first, i) => minDate(i.dueDate, first), date);
  const rows = await selectFileReminders(
    db,
    companyId,
    customerCode,
    invoices.map((i) => i.documentId),
    firstDue,
    date,
  );
  // A call recorded by hand is told in the story too: its day is an action's, like a sent reminder's.
  const sentOn = new Set(rows.filter((r) => r.origin === 'dunning').map((r) => r.date));
  const told = rows
    .filter((r) => r.origin === 'dunning' || !sentOn.has(r.date))
    .map((r) => (r.origin === 'history' ? historyReminder(r, invoices) : { ...r, covered: r.refs }));
  const delivered = told.filter((r) => !isUndelivered(r));
  return {
    reminders: delivered.filter((r) => r.channel !== 'call_task'),
    calls: delivered.filter((r) => r.channel === 'call_task'),
    undelivered: told.filter(isUndelivered),
  };
}

/** The reminders sent to the debtor on the file's invoices up to `date` (`fileChasing`, without the calls). */
export async function fileReminders(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  invoices: readonly { documentId: number; documentRef: string; dueDate: IsoDate }[],
  date: IsoDate,
): Promise<FileReminder[]> {
  return (await fileChasing(db, companyId, customerCode, invoices, date)).reminders;
}

/**
 * A line of the imported history as the file reads it: it covered the file's invoices overdue that
 * day (as the planner reads it), not the one invoice its line names, which may have been paid since
 * and be outside the file; it claimed the amount its words state, if any.
 */
function historyReminder(row: ReminderRow, invoices: readonly FileInvoice[]): FileReminder {
  const detail = row.detail ?? '';
  const statedMinor = importedReminderAmountMinor(detail);
  return {
    ...row,
    ...(isImportedFormalNotice(detail) ? { stepKind: 'formal_notice', channel: 'registered_letter' } : {}),
    ...(row.totalDueMinor === null && statedMinor !== null
      ? { totalDueMinor: statedMinor, currency: 'EUR' }
      : {}),
    covered: invoices.filter((i) => i.dueDate < row.date).map((i) => i.documentRef),
  };
}

/**
 * The last day a formal notice sent on `date` gave the debtor to pay, by the rule its letter states
 * (`paymentDeadline` reads only the step kind of the action for a formal notice).
 */
export function formalNoticeDeadline(date: IsoDate): IsoDate {
  return paymentDeadline({ stepKind: 'formal_notice', items: [] } as unknown as PlannedAction, date);
}
