/**
 * The file package a lawyer or an agency receives, as one PDF: the cover letter (the creditor's
 * letterhead, the statement of the invoices handed over with the late interest and the 40 €
 * indemnities still owed on the letter's date, the reminders and the formal notice as the file
 * has them (handover-letter-text.ts), the partner's agreed terms, what to report back), then the
 * annexes — the reminders sent (and apart, the dunning steps done by telephone and the e-mails
 * that never reached the debtor), the
 * formal notice, the exchanges with the debtor (with every contest of the claim), the
 * injunction-to-pay checklist and the listing of the documents attached to the invoices' disputes
 * — followed by those documents themselves, each page under its piece number. Encours keeps no
 * invoice PDFs, so none are attached: the letter and annex 4 say copies are sent on request.
 */

import { daysBetween } from '#core/calendar';
import type { IsoDate } from '#core/types';
import { selectPartners } from '#db/legal/handover-queries';
import type { Block } from '#render/document';
import { type LetterItem, type LetterModel, renderLetter } from '#render/letters';
import { type Lang, label, translator } from '#text/catalogue';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { loadSender } from '../dunning/settings.ts';
import { claimsAt, getLegalFile } from './handover.ts';
import { checklistBlocks, formalNoticeBlocks, reminderTable } from './handover-annex-blocks.ts';
import { type FileChasing, type FileReminder, fileChasing } from './handover-chasing.ts';
import { fileChecklist, loadDebtor } from './handover-checklist.ts';
import { type FileStory, fileStory } from './handover-contests.ts';
import { type DisputePieces, disputePieces } from './handover-dispute-files.ts';
import { leftOutOfFile } from './handover-invoices.ts';
import { letterText } from './handover-letter-text.ts';
import type { LegalFileView } from './handover-view.ts';

export interface PackageInput {
  fileId: number;
  lang?: Lang | undefined;
  /** Date of the letter (and of the amounts); the company's reference date by default. */
  date?: string | undefined;
}

async function annexes(
  ctx: AppContext,
  file: LegalFileView,
  lang: Lang,
  chasing: FileChasing,
  pieces: DisputePieces,
  story: FileStory,
) {
  const t = translator(lang);
  const { reminders, calls, undelivered } = chasing;
  const notice = reminders.filter((r) => r.stepKind === 'formal_notice').at(-1);
  // The imported history numbers its own steps (« Relance niveau 3 » for its notice): beside it, a
  // « niveau 6 » of Encours's policy would read as a sixth step of the same scale.
  const levels = ![...reminders, ...calls, ...undelivered].some((r) => r.origin === 'history');
  const apart = (rows: readonly FileReminder[], kind: 'calls' | 'undelivered') =>
    rows.length > 0
      ? [
          {
            type: 'table' as const,
            table: reminderTable(lang, rows, file.currency, kind, levels),
            fontSize: 7.5,
          },
        ]
      : [];
  const blocks: Block[] = [
    { type: 'heading', text: t('legalFile.annex.reminders') },
    reminders.length > 0
      ? { type: 'table', table: reminderTable(lang, reminders, file.currency, 'sent', levels), fontSize: 7.5 }
      : {
          type: 'paragraph',
          text: t(undelivered.length > 0 ? 'legalFile.annex.noneDelivered' : 'legalFile.annex.noReminder'),
        },
    // The calls of the dunning steps, shown as calls, and the e-mails that never reached the debtor:
    // none of them is counted among the reminders sent.
    ...apart(calls, 'calls'),
    ...apart(undelivered, 'undelivered'),
    { type: 'heading', text: t('legalFile.annex.formalNotice') },
    ...formalNoticeBlocks(
      lang,
      notice,
      file.currency,
      undelivered.filter((r) => r.stepKind === 'formal_notice').at(-1),
    ),
    { type: 'heading', text: t('legalFile.annex.story') },
    story.annex.length > 0
      ? {
          type: 'table',
          fontSize: 7.5,
          table: {
            currency: file.currency,
            columns: [
              { header: t('legalFile.annex.colDate'), kind: 'date', width: 1 },
              { header: t('legalFile.annex.colKind'), kind: 'text', width: 1.1 },
              { header: t('legalFile.annex.colDetail'), kind: 'text', width: 4.6 },
            ],
            rows: story.annex.map((e) => [e.date, label(lang, 'eventKind', e.kind), e.detail]),
          },
        }
      : { type: 'paragraph', text: t('legalFile.annex.noStory') },
    { type: 'heading', text: t('legalFile.annex.injunction') },
    ...checklistBlocks(lang, await fileChecklist(ctx, file, pieces.deliveryProofs, story.contest)),
    // Last, so that the listing of the dispute documents comes right before the documents themselves.
    ...pieces.blocks,
  ];
  return { blocks, notice };
}

function letterItems(
  file: LegalFileView,
  claims: Awaited<ReturnType<typeof claimsAt>>,
  date: IsoDate,
): LetterItem[] {
  return claims.map((claim) => {
    const invoice = file.invoices.find((i) => i.documentId === claim.documentId)!;
    return {
      documentRef: claim.documentRef,
      issueDate: invoice.issueDate,
      dueDate: claim.dueDate,
      amountMinor: invoice.amountMinor,
      openMinor: claim.openMinor,
      daysLate: Math.max(0, daysBetween(claim.dueDate, date)),
      interestMinor: claim.interestMinor,
      indemnityMinor: claim.indemnityMinor,
      periods: claim.periods,
    };
  });
}

export async function buildHandoverPackage(ctx: AppContext, input: PackageInput): Promise<LetterModel> {
  return (await assemblePackage(ctx, input)).model;
}

/** The letter with its annexes, and the dispute documents read for appending after them. */
async function assemblePackage(
  ctx: AppContext,
  input: PackageInput,
): Promise<{ model: LetterModel; pieces: DisputePieces }> {
  const lang = input.lang ?? 'fr';
  const t = translator(lang);
  const date = input.date ?? (await defaultAsOf(ctx));
  const file = await getLegalFile(ctx, { fileId: input.fileId, asOf: date });
  const debtor = await loadDebtor(ctx, file.customerCode);
  const open = file.invoices.filter((i) => i.openMinor > 0);
  const claims = await claimsAt(
    ctx.db,
    ctx.companyId,
    debtor,
    open.map((i) => ({ ...i, currency: file.currency })),
    date,
  );
  const items = letterItems(file, claims, date);
  const sum = (pick: (item: LetterItem) => number) => items.reduce((total, item) => total + pick(item), 0);
  const totals = {
    openMinor: sum((i) => i.openMinor),
    interestMinor: sum((i) => i.interestMinor ?? 0),
    indemnityMinor: sum((i) => i.indemnityMinor),
    creditsMinor: 0,
    totalDueMinor: sum((i) => i.openMinor + (i.interestMinor ?? 0) + i.indemnityMinor),
  };
  const chasing = await fileChasing(ctx.db, ctx.companyId, file.customerCode, file.invoices, date);
  const pieces = await disputePieces(ctx, file, lang);
  const story = await fileStory(ctx, file, date);
  const leftOut = await leftOutOfFile(ctx, file);
  const annex = await annexes(ctx, file, lang, chasing, pieces, story);
  const sender = await loadSender(ctx.db, ctx.companyId);
  const [partner] = await selectPartners(ctx.db, ctx.companyId, { partnerId: file.partnerId });
  const model: LetterModel = {
    lang,
    // Recoveries are forwarded under the partner's own accounting, not paid by transfer to this IBAN.
    sender: { ...sender, iban: null },
    recipient: {
      name: file.partnerName,
      addressLines: partner?.addressLines ?? [],
      customerCode: `${file.customerName} (${file.customerCode})`,
    },
    date,
    reference: t('legalFile.reference', { fileId: file.fileId }),
    registered: false,
    currency: file.currency,
    items,
    totals,
    headings: { customerCode: t('legalFile.letter.debtor'), totalDue: t('legalFile.letter.totalClaimed') },
    annexes: annex.blocks,
    text: letterText({
      lang,
      file,
      debtor,
      date,
      totals,
      reminders: chasing.reminders,
      calls: chasing.calls.length,
      undelivered: chasing.undelivered,
      pieces,
      notice: annex.notice,
      contest: story.contest,
      elsewhere: story.elsewhere,
      hasStory: story.annex.length > 0,
      leftOut,
    }),
  };
  return { model, pieces };
}

export async function renderHandoverPackage(
  ctx: AppContext,
  input: PackageInput,
): Promise<{ fileName: string; pdf: Buffer; model: LetterModel }> {
  const { model, pieces } = await assemblePackage(ctx, input);
  const t = translator(model.lang);
  const customer = model.recipient.customerCode.match(/\(([^)]+)\)$/)?.[1] ?? 'client';
  const letter = await renderLetter(model);
  return {
    fileName: t('legalFile.filename', { customer, fileId: input.fileId }),
    pdf: pieces.loaded ? await pieces.loaded.appendTo(letter, pieces.labels, model.lang) : letter,
    model,
  };
}
