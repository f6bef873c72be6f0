/**
 * The warnings of a hand-over, read from the file's facts: the reminders and the formal notice sent
 * on the invoices handed over (as the package's annexes 1 and 2 list them) and the customer's notes
 * asking not to chase it. `checkHandOver` tells them before anything is recorded, so that the CLI
 * and the web page can show them before the person confirms; the hand-over itself returns them too.
 * They never block: the person decides.
 */
import type { Kysely } from 'kysely';
import { minDate } from '#core/calendar';
import { type HandoverWarning, handoverWarnings } from '#core/legal/handover-warnings';
import type { IsoDate } from '#core/types';
import type { Database } from '#db/infra/schema';
import { type ReminderRow, selectDebtorStory, selectFileReminders } from '#db/legal/handover-package-queries';
import { selectDocumentsInActiveFiles, selectPartners } from '#db/legal/handover-queries';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { AppContext } from '../context.ts';
import { checkedCustomer } from '../credit/customer-risk.ts';
import { requireDate, resolveAsOf } from '../customers/customers.ts';
import { DomainError } from '../errors.ts';
import type { HandOverInput } from './handover.ts';
import { handedInvoices } from './handover-invoices.ts';

export type { HandoverWarning };

/** Enough of a customer's story to reach a note written years before the hand-over. */
const NOTES_LIMIT = 2_000;

/**
 * The reminders sent on the file's invoices up to `date`, as annex 1 lists them. A reminder Encours
 * sent is also told in the customer's story on its day: that line is the action itself, not a
 * second reminder (as the dunning and the forecast read the story too).
 */
export async function fileReminders(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  invoices: readonly { documentId: number; dueDate: IsoDate }[],
  date: IsoDate,
): Promise<ReminderRow[]> {
  const firstDue = invoices.reduce((first, i) => minDate(i.dueDate, first), date);
  const rows = await selectFileReminders(
    db,
    companyId,
    customerCode,
    invoices.map((i) => i.documentId),
    firstDue,
    date,
  );
  const sentOn = new Set(rows.filter((r) => r.origin === 'dunning').map((r) => r.date));
  return rows.filter((r) => r.origin === 'dunning' || !sentOn.has(r.date));
}

/** The warnings of handing these invoices of the customer over on `date`. */
export async function warningsFor(
  db: Kysely<Database>,
  companyId: string,
  customerCode: string,
  invoices: readonly { documentId: number; dueDate: IsoDate }[],
  date: IsoDate,
): Promise<HandoverWarning[]> {
  const reminders = await fileReminders(db, companyId, customerCode, invoices, date);
  const story = await selectDebtorStory(db, companyId, customerCode, date, NOTES_LIMIT);
  const notice = reminders.filter((r) => r.stepKind === 'formal_notice').at(-1);
  return handoverWarnings({
    reminderCount: reminders.length,
    formalNoticeDate: notice?.date ?? null,
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
  return translator(lang)('legalFile.warning', {
    code: warning.code,
    date: warning.code === 'no_chase_note' ? formatDate(lang, warning.date) : '',
    note: warning.code === 'no_chase_note' ? warning.note : '',
  });
}
