/**
 * The warnings of a hand-over, read from the file's facts: the reminders and the formal notices sent
 * on the invoices handed over (as the package's annexes 1 and 2 list them) with the deadline each
 * notice gave, the disputes and the promises to pay pending on the day (as the dunning run reads
 * them), and the customer's notes asking not to chase it. `checkHandOver` tells them before
 * anything is recorded, so that the CLI and the web page can show them before the person confirms;
 * the hand-over itself returns them too. They never block: the person decides.
 */
import type { Kysely } from 'kysely';
import { maxDate } from '#core/calendar';
import { type HandoverWarning, handoverWarnings } from '#core/legal/handover-warnings';
import type { IsoDate } from '#core/types';
import { selectDunningInvoices } from '#db/dunning/dunning-state';
import type { Database } from '#db/infra/schema';
import { listOpenItems } from '#db/ledger/ledger-queries';
import { selectDebtorStory } from '#db/legal/handover-package-queries';
import { selectDocumentsInActiveFiles, selectPartners } from '#db/legal/handover-queries';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import type { AppContext } from '../context.ts';
import { checkedCustomer } from '../credit/customer-risk.ts';
import { requireDate, resolveAsOf } from '../customers/customers.ts';
import { assessPromises } from '../dunning/promises.ts';
import { DomainError } from '../errors.ts';
import type { HandOverInput } from './handover.ts';
import { fileChasing, formalNoticeDeadline } from './handover-chasing.ts';
import { choiceOf, handedInvoices, type LeftOutInvoices } from './handover-invoices.ts';

export type { HandoverWarning };

/** Enough of a customer's story to reach a note written years before the hand-over. */
const NOTES_LIMIT = 2_000;

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

/**
 * The day of the customer's latest formal notice delivered up to `date` on any of its invoices then
 * overdue, those of the file or not (a notice on invoices left out is still « la dernière »).
 */
async function latestCustomerNotice(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  date: IsoDate,
): Promise<IsoDate | undefined> {
  const overdue = (await listOpenItems(db, companyId, customerCode, date)).filter(
    (item) => item.kind === 'invoice' && item.openMinor > 0 && item.dueDate < date,
  );
  if (overdue.length === 0) return undefined;
  const { reminders } = await fileChasing(
    db,
    companyId,
    customerCode,
    overdue.map((item) => ({
      documentId: item.documentId,
      documentRef: item.externalRef,
      dueDate: item.dueDate,
    })),
    date,
  );
  return reminders.filter((r) => r.stepKind === 'formal_notice').at(-1)?.date;
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
    undeliveredReminders: undelivered.map((r) => ({ date: r.date, delivery: r.delivery })),
    ...(await disputesAndPromises(db, companyId, customerCode, invoices, date)),
    latestCustomerNotice: await latestCustomerNotice(db, companyId, customerCode, date),
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
  /** The overdue invoices it would leave out, their formal notice still giving time to pay. */
  leftOut: LeftOutInvoices[];
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
  const { invoices, leftOut } = await handedInvoices(ctx, ctx.db, customer, choiceOf(input), date);
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
    leftOut,
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
  if (warning.code === 'no_reminder_delivered')
    return t('legalFile.warningNoReminderDelivered', {
      date: formatDate(lang, warning.date),
      status: t('legalFile.deliveryStatus', { delivery: warning.delivery }),
    });
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

/** The invoices a hand-over leaves out for one formal notice still running, worded (CLI, JSON output). */
export function leftOutText(lang: Lang, group: LeftOutInvoices, currency: string): string {
  return translator(lang)('legalFile.leftOut', {
    count: group.invoices.length,
    total: formatMoney(lang, group.totalMinor, currency),
    notice: formatDate(lang, group.noticeDate),
    deadline: formatDate(lang, group.deadline),
    refs: group.invoices.map((invoice) => invoice.documentRef).join(', '),
  });
}
