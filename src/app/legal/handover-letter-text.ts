/**
 * The cover letter of the legal file package, built from the facts of the file so that it never
 * says more than its annexes hold: the invoices are « impayées malgré nos relances » only when
 * reminders were sent, and those no reminder named are told apart; the formal notice is named with its date when there is one, cited only for
 * the invoices it named, and called « restée sans effet » only once the time it gave to pay has run
 * out (before, the letter gives that deadline); one the imported history tells of is said to be
 * known from it; several are counted with their first and last dates, as annex 1 lists them; the
 * invoices a notice named are named when they are few, else the first five and the count of the
 * others, which annex 2 lists; the reminders counted are those sent to the debtor, not the calls
 * nor the e-mails that never reached it (told apart, as annex 1 lists them apart);
 * the overdue invoices the hand-over left out, their formal notice still running, are named with
 * that notice's deadline; the claim is said contested, with the dates, when the debtor's story shows a contest of it; the
 * enclosures list only the annexes that hold something (annex 4,
 * the injunction checklist, always does). Every figure is formatted for the reader, every sentence
 * comes from the catalogue.
 */
import type { ContestReading } from '#core/legal/handover-contest';
import type { IsoDate } from '#core/types';
import type { DebtorRow } from '#db/legal/handover-package-queries';
import type { LetterModel } from '#render/letters';
import { type Lang, translator } from '#text/catalogue';
import { formatDate, formatMoney, formatPercentBps } from '#text/format';
import type { FileReminder, UndeliveredReminder } from './handover-chasing.ts';
import type { DisputePieces } from './handover-dispute-files.ts';
import type { LeftOutInvoices } from './handover-invoices.ts';
import { introSentence, NAMED_INVOICES, type NoticeScope, noticeScope } from './handover-letter-intro.ts';
import type { LegalFileView } from './handover-view.ts';

export { noticeInvoices } from './handover-letter-intro.ts';

export interface LetterFacts {
  lang: Lang;
  file: LegalFileView;
  debtor: DebtorRow;
  date: IsoDate;
  totals: LetterModel['totals'];
  /** Annex 1: every reminder sent on the file's invoices, formal notices included. */
  reminders: readonly FileReminder[];
  /** Annex 2: the latest formal notice, if any (Encours's, or one the imported history tells of). */
  notice: FileReminder | undefined;
  /** Annex 1 also lists this many dunning steps done by telephone, not counted as reminders. */
  calls?: number | undefined;
  /** Annex 1 also lists, apart, these e-mails that never reached the debtor, not counted either. */
  undelivered?: readonly UndeliveredReminder[] | undefined;
  /** Annex 3 holds exchanges with the debtor. */
  hasStory: boolean;
  /** The debtor's contests of the claim handed over (handover-contests.ts); null: none known. */
  contest: ContestReading['file'];
  /** Contests annex 3 shows about other invoices, or the account before these; null: none. */
  elsewhere: ContestReading['elsewhere'];
  pieces: Pick<DisputePieces, 'listed' | 'appended'>;
  /** The debtor's overdue invoices the hand-over left out, their formal notice still running then. */
  leftOut?: readonly LeftOutInvoices[] | undefined;
}

/**
 * The overdue invoices the hand-over left out, one sentence per formal notice still running on its
 * day: the lawyer knows the debt is larger, and why these wait (« court jusqu’au 8 juillet »).
 */
function leftOutSentences(facts: LetterFacts): string[] {
  const t = translator(facts.lang);
  const day = (d: string) => formatDate(facts.lang, d, { long: true });
  const list = new Intl.ListFormat(facts.lang, { style: 'long', type: 'conjunction' });
  return (facts.leftOut ?? []).map((group) => {
    const refs = group.invoices.map((invoice) => invoice.documentRef);
    const named =
      refs.length <= NAMED_INVOICES + 1
        ? refs
        : [
            ...refs.slice(0, NAMED_INVOICES),
            t('legalFile.letter.otherLeftOut', { count: refs.length - NAMED_INVOICES }),
          ];
    return t('legalFile.letter.leftOut', {
      count: refs.length,
      refs: list.format(named),
      total: formatMoney(facts.lang, group.totalMinor, facts.file.currency),
      notice: day(group.noticeDate),
      deadline: day(group.deadline),
      running: facts.date <= group.deadline ? 'yes' : 'no',
    });
  });
}

/**
 * The e-mails that never reached the debtor, as annex 1 lists them apart: the latest formal notice
 * when none was delivered, told in place of the notice, and the others in one sentence.
 */
function missedSentences(facts: LetterFacts): { notice: string | null; others: string[] } {
  const t = translator(facts.lang);
  const day = (d: string) => formatDate(facts.lang, d, { long: true });
  const status = (r: UndeliveredReminder) => t('legalFile.deliveryStatus', { delivery: r.delivery });
  const undelivered = facts.undelivered ?? [];
  const missedNotice = facts.notice
    ? undefined
    : undelivered.filter((r) => r.stepKind === 'formal_notice').at(-1);
  const others = undelivered.filter((r) => r !== missedNotice);
  const first = others[0];
  return {
    notice: missedNotice
      ? t('legalFile.letter.noticeUndelivered', {
          date: day(missedNotice.date),
          status: status(missedNotice),
        })
      : null,
    others: first
      ? [
          t('legalFile.letter.undelivered', {
            count: others.length,
            kind: first.stepKind === 'formal_notice' ? 'formal_notice' : 'reminder',
            first: day(first.date),
            last: day(others.at(-1)!.date),
            status: status(first),
            notices: others.filter((r) => r.stepKind === 'formal_notice').length,
          }),
        ]
      : [],
  };
}

/**
 * The reminders and the formal notice in one or two sentences, or that there were none; then the
 * e-mails that never reached the debtor, which they do not count.
 */
function chasing(
  facts: LetterFacts,
  otherReminders: readonly FileReminder[],
  scope: NoticeScope | null,
): string[] {
  const t = translator(facts.lang);
  const day = (d: string) => formatDate(facts.lang, d, { long: true });
  const { notice } = facts;
  const missed = missedSentences(facts);
  if (otherReminders.length === 0 && !notice && !missed.notice && missed.others.length === 0)
    return [t('legalFile.letter.noChasing')];
  const reminders =
    otherReminders.length > 0
      ? [
          t('legalFile.letter.reminders', {
            count: otherReminders.length,
            first: day(otherReminders[0]!.date),
            last: day(otherReminders.at(-1)!.date),
          }),
        ]
      : [];
  const notices = facts.reminders.filter((r) => r.stepKind === 'formal_notice');
  // Several notices (the imported history's monthly registered letters) are told as annex 1 lists them.
  const several = notices.length > 1;
  const fromHistory = notices.filter((r) => r.origin === 'history').length;
  if (missed.notice) return [...reminders, missed.notice, ...missed.others];
  return [
    ...reminders,
    // « Parmi les factures transmises »: a notice may have named pieces outside the file (annex 2
    // counts them), so « pour la facture F1 seulement » would contradict it.
    t(several ? 'legalFile.letter.formalNoticesOfFile' : 'legalFile.letter.formalNoticeOfFile', {
      notice: notice ? day(notice.date) : 'none',
      count: notices.length,
      first: notices[0] ? day(notices[0].date) : '',
      last: notice ? day(notice.date) : '',
      registered: notices.every((r) => r.channel === 'registered_letter') ? 'yes' : 'no',
      // Known from the imported history only: said so, and that its receipt is not in Encours.
      history: fromHistory === 0 ? 'no' : fromHistory === notices.length ? 'yes' : 'some',
      scope: scope?.some ? 'some' : 'all',
      covered: scope?.covered ?? '',
      coveredCount: scope?.coveredCount ?? 0,
      pending: scope?.pending ? 'yes' : 'no',
      deadline: scope ? day(scope.deadline) : '',
    }),
    ...missed.others,
  ];
}

/** « l’historique des relances (annexe 1), … et la liste des pièces … (annexe 4) »: the annexes that hold something. */
function annexList(facts: LetterFacts): string {
  const t = translator(facts.lang);
  const annexes = [
    ...(facts.reminders.length > 0 || (facts.calls ?? 0) > 0 || (facts.undelivered?.length ?? 0) > 0
      ? ['reminders']
      : []),
    ...(facts.notice ? ['formal_notice'] : []),
    ...(facts.hasStory ? ['story'] : []),
    'injunction',
  ].map((annex) => t('legalFile.letter.annex', { annex }));
  return new Intl.ListFormat(facts.lang, { style: 'long', type: 'conjunction' }).format(annexes);
}

/**
 * Whether the claim is contested, as annex 3 shows it: the debtor's contests of the invoices handed
 * over or of the account, with their dates; else that none is known, and, when annex 3 shows
 * contests all the same, what they were about — never « n’est pas contestée » beside a contest.
 */
function contestSentence(facts: LetterFacts): string {
  const t = translator(facts.lang);
  const day = (d: string) => formatDate(facts.lang, d, { long: true });
  const list = (refs: readonly string[]) =>
    new Intl.ListFormat(facts.lang, { style: 'long', type: 'conjunction' }).format(refs);
  const { contest, elsewhere } = facts;
  // What annex 3's other contests were about: other invoices, the account before these, or both.
  const where =
    elsewhere && (elsewhere.refs.length === 0 ? 'earlier' : elsewhere.earlier ? 'both' : 'invoices');
  if (contest)
    return t('legalFile.letter.contested', {
      what: contest.refs.length === 0 ? 'account' : contest.account ? 'both' : 'invoices',
      refs: list(contest.refs),
      refCount: contest.refs.length,
      count: contest.count,
      first: day(contest.first),
      last: day(contest.last),
      others: where ?? 'none',
      otherRefs: list(elsewhere?.refs ?? []),
      otherRefCount: elsewhere?.refs.length ?? 0,
      otherCount: elsewhere?.count ?? 0,
    });
  if (elsewhere)
    return t('legalFile.letter.contestedElsewhere', {
      where: where ?? 'invoices',
      refs: list(elsewhere.refs),
      refCount: elsewhere.refs.length,
      count: elsewhere.count,
    });
  return t('legalFile.letter.dispute', { disputed: 'no' });
}

export function letterText(facts: LetterFacts): LetterModel['text'] {
  const { lang, file, debtor, date, totals } = facts;
  const t = translator(lang);
  const money = (minor: number) => formatMoney(lang, minor, file.currency);
  const day = (d: string) => formatDate(lang, d, { long: true });
  const cityLine = [debtor.postalCode, debtor.city].filter(Boolean).join(' ');
  const address = [debtor.addressLine1, debtor.addressLine2, cityLine].filter((line) => !!line).join(', ');
  const kind = file.partnerKind === 'lawyer' ? 'lawyer' : 'agency';
  // The formal notice is told on its own: the reminders counted are the others.
  const otherReminders = facts.reminders.filter((r) => r.stepKind !== 'formal_notice');
  const scope = noticeScope(facts);
  return {
    subject: t('legalFile.letter.subject', { debtor: file.customerName }),
    salutation: t('legalFile.letter.salutation', { kind }),
    intro: [
      introSentence(facts, otherReminders, scope, {
        kind,
        debtor: file.customerName,
        siren: debtor.siren ?? 'none',
        address: address || 'none',
      }),
    ],
    demand: [
      t('legalFile.letter.amount', {
        date: day(date),
        total: money(totals.totalDueMinor),
        principal: money(totals.openMinor),
        interest: money(totals.interestMinor),
        indemnity: formatMoney(lang, totals.indemnityMinor, 'EUR'),
      }),
      ...chasing(facts, otherReminders, scope),
      ...leftOutSentences(facts),
      contestSentence(facts),
      t('legalFile.letter.terms', {
        amicable: formatPercentBps(lang, file.amicableCommissionBps),
        judicial: formatPercentBps(lang, file.judicialCommissionBps),
        fileFee: money(file.fileFeeMinor),
        judicialFee: file.judicialFeeMinor > 0 ? money(file.judicialFeeMinor) : 'none',
      }),
      t('legalFile.letter.reporting', { reference: t('legalFile.reference', { fileId: file.fileId }) }),
      t('legalFile.letter.enclosures', {
        annexes: annexList(facts),
        listed: facts.pieces.listed,
        appended: facts.pieces.appended,
        all: facts.pieces.appended === facts.pieces.listed ? 'yes' : 'no',
      }),
    ],
    closing: [t('legalFile.letter.closing', { kind })],
    legal: [t('legalFile.letter.legal')],
  };
}
