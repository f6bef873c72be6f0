/**
 * The warnings of a hand-over, read from the file's facts: the reminders and the formal notices sent
 * on the invoices handed over (as the package's annexes 1 and 2 list them) with the deadline each
 * notice gave, the disputes and the promises to pay pending on the day (as the dunning run reads
 * them), and the customer's notes asking not to chase it. `checkHandOver` tells them before
 * anything is recorded, so that the CLI and the web page can show them before the person confirms;
 * the hand-over itself returns them too. They never block: the person decides.
 */
import type { Kysely } from 'kysely';
import { maxDate, minDate } from '#core/calendar';
import { importedReminderAmountMinor, isImportedFormalNotice } from '#core/dunning/imported-reminders';
import type { PlannedAction } from '#core/dunning/planner';
import {
  type HandoverWarning,
  handoverWarnings,
  type UndeliveredStatus,
} from '#core/legal/handover-warnings';
import type { IsoDate } from '#core/types';
import { selectDunningInvoices } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import { type ReminderRow, selectDebtorStory, selectFileReminders } from '#db/legal/handover-package-queries';
import { selectDocumentsInActiveFiles, selectPartners } from '#db/legal/handover-queries';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { AppContext } from '../context.ts';
import { checkedCustomer } from '../credit/customer-risk.ts';
import { requireDate, resolveAsOf } from '../customers/customers.ts';
import { paymentDeadline } from '../dunning/action-variables.ts';
import { assessPromises } from '../dunning/promises.ts';
import { DomainError } from '../errors.ts';
import type { HandOverInput } from './handover.ts';
import { handedInvoices } from './handover-invoices.ts';

export type { HandoverWarning };

/** Enough of a customer's story to reach a note written years before the hand-over. */
const NOTES_LIMIT = 2_000;

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

type FileInvoice = { documentId: number; documentRef: string; dueDate: IsoDate };

/** The invoices handed over that are disputed, and the promises to pay still pending that cover some. */
async function disputesAndPromises(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  invoices: readonly FileInvoice[],
  date: IsoDate,
) {
  const ids = new Set(invoices.map((i) => i.documentId));
  const refs = invoices.map((i) => i.documentRef);
  const state = await selectDunningInvoices(db, companyId, date, [customerCode]);
  const disputedRefs = state
    .filter((row) => row.disputed && ids.has(row.documentId))
    .map((r) => r.documentRef);
  const promises = await assessPromises(db, companyId, date, [customerCode]);
  const pendingPromises = promises
    .filter((p) => p.assessment.status === 'pending')
    .map((p) => ({
      lastDue: p.instalments.reduce((last, i) => maxDate(last, i.dueDate), p.madeOn),
      // A promise naming no invoice covers every open invoice of the customer.
      refs: p.documentRefs.length === 0 ? refs : refs.filter((ref) => p.documentRefs.includes(ref)),
    }));
  return { disputedRefs, pendingPromises };
}

/** The warnings of handing these invoices of the customer over on `date`. */
export async function warningsFor(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  invoices: readonly FileInvoice[],
  date: IsoDate,
): Promise<HandoverWarning[]> {
  const { reminders, undelivered } = await fileChasing(db, companyId, customerCode, invoices, date);
  const story = await selectDebtorStory(db, companyId, customerCode, date, NOTES_LIMIT);
  return handoverWarnings({
    date,
    refs: invoices.map((i) => i.documentRef),
    reminderCount: reminders.length,
    formalNotices: reminders
      .filter((r) => r.stepKind === 'formal_notice')
      .map((r) => ({ date: r.date, deadline: formalNoticeDeadline(r.date), refs: r.covered })),
    undeliveredNotices: undelivered
      .filter((r) => r.stepKind === 'formal_notice')
      .map((r) => ({ date: r.date, delivery: r.delivery })),
    ...(await disputesAndPromises(db, companyId, customerCode, invoices, date)),
    notes: story.filter((event) => event.kind === 'note'),
  });
}

export interface HandOverCheck {
  customerCode: string;
  date: IsoDate;
  /** The invoices the hand-over would take, with what is open on them that day. */
  invoices: { documentRef: string; dueDate: IsoDate; openMinor: number }[];
  totalMinor: number;
  currency: string;
  warnings: HandoverWarning[];
}

/**
 * What `handOver` would hand over and its warnings; records nothing. It refuses what the hand-over
 * would refuse (an unknown partner, an invoice already in a file), so that nothing is confirmed
 * that cannot be done.
 */
export async function checkHandOver(ctx: AppContext, input: HandOverInput): Promise<HandOverCheck> {
  const date = requireDate(input.date, 'date') ?? (await resolveAsOf(ctx, undefined));
  const customer = await checkedCustomer(ctx, ctx.db, input.customerCode, false);
  const [partner] = await selectPartners(ctx.db, ctx.companyId, { partnerId: input.partnerId });
  if (!partner)
    throw new DomainError('not_found', {
      key: 'errors.legal.unknownPartner',
      params: { partnerId: input.partnerId },
    });
  const invoices = await handedInvoices(ctx, ctx.db, customer, input.invoices, date);
  await refuseTaken(ctx.db, ctx.companyId, invoices);
  return {
    customerCode: customer.code,
    date,
    invoices: invoices.map((i) => ({
      documentRef: i.documentRef,
      dueDate: i.dueDate,
      openMinor: i.handedMinor,
    })),
    totalMinor: invoices.reduce((sum, i) => sum + i.handedMinor, 0),
    currency: customer.currency,
    warnings: await warningsFor(ctx.db, ctx.companyId, customer.code, invoices, date),
  };
}

/** An invoice is in one active file at most. */
export async function refuseTaken(
  db: Kysely<Database>,
  companyId: string,
  invoices: readonly { documentId: number }[],
): Promise<void> {
  const taken = await selectDocumentsInActiveFiles(
    db,
    companyId,
    invoices.map((i) => i.documentId),
  );
  if (taken.length > 0)
    throw new DomainError(
      'conflict',
      {
        key: 'errors.legal.alreadyHandedOver',
        params: {
          count: taken.length,
          invoices: (lang) =>
            taken
              .map((t) =>
                translator(lang)('errors.legal.invoiceInFile', { ref: t.documentRef, fileId: t.fileId }),
              )
              .join(', '),
        },
      },
      { invoices: taken },
    );
}

/** One warning worded for the reader (CLI, JSON output). */
export function warningText(lang: Lang, warning: HandoverWarning): string {
  const t = translator(lang);
  if (warning.code === 'formal_notice_undelivered' || warning.code === 'latest_formal_notice_undelivered')
    return t('legalFile.warningUndelivered', {
      code: warning.code,
      date: formatDate(lang, warning.date),
      status: t('legalFile.deliveryStatus', { delivery: warning.delivery }),
    });
  return t('legalFile.warning', {
    code: warning.code,
    date: 'date' in warning ? formatDate(lang, warning.date) : '',
    deadline: 'deadline' in warning ? formatDate(lang, warning.deadline) : '',
    refs: 'refs' in warning ? warning.refs.join(', ') : '',
    count: 'refs' in warning ? warning.refs.length : 0,
    note: warning.code === 'no_chase_note' ? warning.note : '',
  });
}
