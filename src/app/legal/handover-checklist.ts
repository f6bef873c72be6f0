/**
 * The injunction-to-pay checklist of a legal file: the court the request goes to (from the
 * debtor's status, type, country and legal form) and each piece — in the package, on record in
 * Encours (orders, a formal notice by registered letter), confirmed by a person, or still to provide.
 * The proof of delivery is told invoice by invoice: the signed delivery note attached to an
 * invoice's dispute is reproduced in the package under its piece number. A claim the debtor
 * contested (its story, handover-contests.ts) is one an injunction to pay does not suit.
 */

import { formatTrackingNumber } from '#core/dunning/registered-mail';
import {
  type ContestDates,
  type DeliveryProofFact,
  type InjunctionChecklist,
  injunctionChecklist,
  type NoticeOthers,
} from '#core/legal/injunction';
import type { CustomerStatus, CustomerType } from '#core/types';
import { selectFormalNoticeTracking } from '#db/dunning/registered-tracking';
import {
  type DebtorRow,
  selectDebtor,
  selectRegisteredFormalNotice,
} from '#db/legal/handover-package-queries';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { getLegalFile } from './handover.ts';
import { type FileReminder, fileReminders } from './handover-chasing.ts';
import { fileStory } from './handover-contests.ts';
import { fileDeliveryProofs } from './handover-dispute-files.ts';
import type { LegalFileView } from './handover-view.ts';

export type FileChecklist = InjunctionChecklist & { fileId: number; amountMinor: number; currency: string };

export async function loadDebtor(ctx: AppContext, customerCode: string): Promise<DebtorRow> {
  const debtor = await selectDebtor(ctx.db, ctx.companyId, customerCode);
  if (!debtor)
    throw new DomainError('not_found', {
      key: 'errors.credit.unknownCustomer',
      params: { customer: customerCode },
    });
  return debtor;
}

/**
 * `deliveryProofs`: as the package being built numbers them; read from the file's disputes by
 * default. `contest`: as the package read it from the story; read from it by default.
 */
export async function fileChecklist(
  ctx: AppContext,
  file: LegalFileView,
  deliveryProofs?: readonly DeliveryProofFact[],
  contest?: ContestDates | null,
): Promise<FileChecklist> {
  const debtor = await loadDebtor(ctx, file.customerCode);
  const notice = await selectRegisteredFormalNotice(
    ctx.db,
    ctx.companyId,
    file.invoices.map((i) => i.documentId),
    file.asOf,
  );
  const mail = await selectFormalNoticeTracking(
    ctx.db,
    ctx.companyId,
    file.invoices.map((i) => i.documentId),
    file.asOf,
  );
  const notices = (
    await fileReminders(ctx.db, ctx.companyId, file.customerCode, file.invoices, file.asOf)
  ).filter((r) => r.stepKind === 'formal_notice');
  // A notice the imported history tells of is named, its receipt still to provide.
  const history = notices.filter((r) => r.origin === 'history').at(-1);
  const checklist = injunctionChecklist({
    customerType: debtor.customerType as CustomerType,
    customerStatus: debtor.status as CustomerStatus,
    country: debtor.country,
    legalFormCode: debtor.legalFormCode,
    debtorName: debtor.name,
    amountMinor: file.outstandingMinor,
    currency: file.currency,
    ordersOnRecord: debtor.ordersOnRecord,
    registeredFormalNoticeDate: notice,
    historyFormalNoticeDate: history?.date ?? null,
    registeredFormalNoticeMail: mail && {
      ...mail,
      trackingNumber: formatTrackingNumber(mail.trackingNumber),
    },
    registeredNoticeOthers: notice === null ? undefined : noticeOthers(file, notices, notice),
    piecesProvided: file.piecesProvided,
    deliveryProofs: deliveryProofs ?? (await fileDeliveryProofs(ctx, file)),
    contest: contest === undefined ? (await fileStory(ctx, file, file.asOf)).contest : contest,
  });
  return { ...checklist, fileId: file.fileId, amountMinor: file.outstandingMinor, currency: file.currency };
}

/**
 * The file's open invoices the registered notice of `date` did not name, and the latest other notice
 * naming one of them: the receipt of the notice Encours sent proves nothing for those.
 */
function noticeOthers(
  file: LegalFileView,
  notices: readonly FileReminder[],
  date: string,
): NoticeOthers | undefined {
  const sent = notices.filter(
    (r) => r.origin === 'dunning' && r.channel === 'registered_letter' && r.date === date,
  );
  const named = new Set(sent.flatMap((r) => r.covered));
  const others = file.invoices
    .filter((i) => i.openMinor > 0 && !named.has(i.documentRef))
    .map((i) => i.documentRef);
  if (others.length === 0) return undefined;
  const before = notices
    .filter((r) => !sent.includes(r) && r.covered.some((ref) => others.includes(ref)))
    .at(-1);
  return { count: others.length, date: before?.date ?? null, history: before?.origin === 'history' };
}

/** One file as its page shows it: the file and its injunction checklist. */
export async function getLegalFileDetail(
  ctx: AppContext,
  input: { fileId: number; asOf?: string | undefined },
): Promise<LegalFileView & { checklist: FileChecklist }> {
  const file = await getLegalFile(ctx, input);
  return { ...file, checklist: await fileChecklist(ctx, file) };
}
