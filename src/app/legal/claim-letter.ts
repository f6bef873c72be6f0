/**
 * The claim-declaration letter (déclaration de créance, Code de commerce L622-24, R622-23) to the
 * mandataire judiciaire, from a claim task of the insolvency watch: the invoices open at the
 * opening judgment, the interest stopped on that day (L622-28), the fixed recovery indemnity of
 * each invoice already overdue then (L441-10) — the figures of the claims list, from the same
 * function —, secured or not, the court (BODACC's or the story's; a sentence without it when
 * neither names one), the BODACC reference and the deadline — rendered as PDF through the letter
 * renderer of the dunning letters, with the statement of the debtor's account on the judgment's day
 * as its annex. What it lacks to be posted (the mandataire's name or postal address) is said to
 * whoever prints it.
 */
import { daysBetween } from '#core/calendar';
import { claimCourt } from '#core/legal/procedure-story';
import { listOpenItems } from '#db/ledger/ledger-queries';
import { selectClaimLetter } from '#db/legal/claim-letter-queries';
import type { Block } from '#render/document';
import { type LetterItem, type LetterModel, renderLetter } from '#render/letters';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney } from '#text/format';
import { defaultAsOf } from '../companies/companies.ts';
import type { AppContext } from '../context.ts';
import { openItemsTable } from '../customers/customer-file-document.ts';
import { loadSender } from '../dunning/settings.ts';
import { DomainError } from '../errors.ts';
import { recordedClaimFigures, storyFactsOf } from './claim-facts.ts';
import { checkClaimRole } from './claim-rights.ts';

export interface ClaimLetterInput {
  claimId: number;
  lang?: Lang | undefined;
  /** The mandataire named in the judgment (the BODACC notice names them); a generic heading otherwise. */
  mandataire?: { name: string; addressLines: string[] } | undefined;
  /** Date of the letter; the company's reference date by default. */
  date?: string | undefined;
}

export async function buildClaimLetter(ctx: AppContext, input: ClaimLetterInput): Promise<LetterModel> {
  return (await claimLetterOf(ctx, input)).model;
}

async function claimLetterOf(
  ctx: AppContext,
  input: ClaimLetterInput,
): Promise<{ model: LetterModel; missing: MandataireMissing }> {
  checkClaimRole(ctx, 'letter');
  const lang = input.lang ?? 'fr';
  const t = translator(lang);
  const found = await selectClaimLetter(ctx.db, ctx.companyId, input.claimId);
  if (!found)
    throw new DomainError('not_found', {
      key: 'errors.legal.unknownClaimTask',
      params: { claimId: input.claimId },
    });
  const { claim, invoices } = found;
  const date = input.date ?? (await defaultAsOf(ctx));
  // The same figures as the claims list: one indemnity rule, one total.
  const figures = (await recordedClaimFigures(ctx.db, ctx.companyId, [claim]))(claim);
  const byRef = new Map(invoices.map((invoice) => [invoice.ref, invoice]));
  const withInterest = claim.interestStatus === 'computed';
  const items: LetterItem[] = figures.items.map((item) => {
    const invoice = byRef.get(item.documentRef);
    return {
      documentRef: item.documentRef,
      issueDate: invoice?.issueDate ?? item.dueDate,
      dueDate: item.dueDate,
      amountMinor: invoice?.amountMinor ?? item.openMinor,
      openMinor: item.openMinor,
      daysLate: Math.max(0, daysBetween(item.dueDate, claim.judgmentDate)),
      interestMinor: withInterest ? item.interestMinor : null,
      indemnityMinor: item.indemnityMinor,
      periods: [],
    };
  });
  const openMinor = items.reduce((sum, item) => sum + item.openMinor, 0);
  const totals = {
    openMinor,
    interestMinor: figures.interestMinor,
    indemnityMinor: figures.indemnityMinor,
    // Credits left unallocated at the judgment reduce the principal the watch computed.
    creditsMinor: Math.max(0, openMinor - claim.principalMinor),
    totalDueMinor: figures.totalMinor,
  };
  const procedure = t('legal.procedure', { procedure: claim.procedure });
  const money = (minor: number) => formatMoney(lang, minor, claim.currency);
  const day = (d: string) => formatDate(lang, d, { long: true });
  const sender = await loadSender(ctx.db, ctx.companyId);
  // The court as the claims list names it (BODACC's, else the story's, read only when needed);
  // none: the sentence goes without it.
  const story = claim.court?.trim()
    ? undefined
    : (await storyFactsOf(ctx.db, ctx.companyId, [claim.customerCode], date)).get(claim.customerCode);
  const court = claimCourt(claim.court, story);
  // The mandataire recorded on the claim when none is given for the letter.
  const mandataire =
    input.mandataire ??
    (claim.mandataire
      ? { name: claim.mandataire, addressLines: (claim.mandataireAddress ?? '').split('\n').filter(Boolean) }
      : undefined);
  // Without a postal address, the procedure and its court say which mandataire of that name it is.
  const procedureLines = [
    t('claimLetter.recipientProcedure', { procedure, debtor: claim.customerName }),
    ...(court ? [court] : []),
  ];
  const model: LetterModel = {
    lang,
    // The mandataire pays nobody on receipt: no payment details on a declaration.
    sender: { ...sender, iban: null },
    recipient: {
      name: mandataire?.name ?? t('claimLetter.recipient'),
      addressLines: !mandataire
        ? procedureLines
        : mandataire.addressLines.length > 0
          ? mandataire.addressLines
          : [t('claimLetter.recipient'), ...procedureLines],
      customerCode: `${claim.customerName} (${claim.customerCode})`,
    },
    date,
    reference: t('claimLetter.reference', { claimId: claim.claimId }),
    registered: true,
    currency: claim.currency,
    items,
    totals,
    headings: { customerCode: t('claimLetter.debtor'), totalDue: t('claimLetter.totalDeclared') },
    annexes: await statementAnnex(ctx, lang, claim),
    text: {
      subject: t('claimLetter.subject', { procedure, debtor: claim.customerName }),
      salutation: t('claimLetter.salutation'),
      intro: [
        t(claim.announcementId ? 'claimLetter.opening' : 'claimLetter.openingWithoutNotice', {
          judgmentDate: day(claim.judgmentDate),
          court: court ?? 'none',
          procedure,
          debtor: claim.customerName,
          siren: claim.siren ?? 'none',
          publicationDate: claim.publicationDate ? day(claim.publicationDate) : 'none',
          announcementId: claim.announcementId ?? '',
        }),
        t('claimLetter.declare'),
      ],
      demand: [
        t('claimLetter.amount', {
          total: money(totals.totalDueMinor),
          secured: claim.secured ? 'yes' : 'no',
          principal: money(claim.principalMinor),
          interest: money(totals.interestMinor),
          indemnity: formatMoney(lang, totals.indemnityMinor, 'EUR'),
        }),
        ...(withInterest ? [] : [t('claimLetter.noInterest')]),
        t('claimLetter.evidence'),
        claim.publicationDate
          ? t('claimLetter.deadline', { deadline: day(claim.deadline) })
          : t('claimLetter.deadlineFromPublication'),
      ],
      closing: [t('claimLetter.closing')],
      legal: [t('claimLetter.legal')],
    },
  };
  return { model, missing: mandataireMissing(mandataire) };
}

/**
 * The statement of the debtor's account on the day of the judgment, annexed to the letter as the
 * piece that justifies the claim (R622-23: the documents are joined « sous bordereau »): every
 * document then open — the invoices declared, and the credit notes or payments not yet applied that
 * reduce them — with the balance they make. Encours keeps no invoice PDFs: the letter says copies
 * are sent on request.
 */
async function statementAnnex(
  ctx: AppContext,
  lang: Lang,
  claim: { customerCode: string; customerName: string; currency: string; judgmentDate: string },
): Promise<Block[]> {
  const t = translator(lang);
  const open = (await listOpenItems(ctx.db, ctx.companyId, claim.customerCode, claim.judgmentDate)).filter(
    (item) => item.currency === claim.currency && item.openMinor !== 0,
  );
  const lines = open.map((item) => ({
    ...item,
    daysPastDue: Math.max(0, daysBetween(item.dueDate, claim.judgmentDate)),
  }));
  const heading = t('claimLetter.statement', {
    debtor: claim.customerName,
    date: formatDate(lang, claim.judgmentDate, { long: true }),
  });
  const balanceMinor = open.reduce((sum, item) => sum + item.openMinor, 0);
  return [
    { type: 'heading', text: heading },
    {
      type: 'paragraph',
      text: t('claimLetter.statementIntro', { credits: open.some((i) => i.openMinor < 0) ? 'yes' : 'no' }),
    },
    openItemsTable(lang, claim.currency, lines, balanceMinor),
  ];
}

/** What the letter lacks to be posted: the mandataire's name, or their postal address; null: nothing. */
export type MandataireMissing = 'name' | 'address' | null;

export function mandataireMissing(
  recipient: { name: string | null; addressLines: readonly string[] } | undefined,
): MandataireMissing {
  if (!recipient?.name) return 'name';
  return recipient.addressLines.length === 0 ? 'address' : null;
}

export async function renderClaimLetter(
  ctx: AppContext,
  input: ClaimLetterInput,
): Promise<{ fileName: string; pdf: Buffer; model: LetterModel; missing: MandataireMissing }> {
  const { model, missing } = await claimLetterOf(ctx, input);
  const t = translator(model.lang);
  const found = model.recipient.customerCode.match(/\(([^)]+)\)$/)?.[1] ?? 'client';
  return {
    fileName: t('claimLetter.filename', { customer: found, claimId: input.claimId }),
    pdf: await renderLetter(model),
    model,
    missing,
  };
}
