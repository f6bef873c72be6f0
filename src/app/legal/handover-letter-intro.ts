/**
 * The cover letter's intro (handover-letter-text.ts): the invoices « impayées malgré nos relances »
 * only when reminders were sent, those no reminder named (fallen due since) told apart, and the formal
 * notice named for the invoices it covered once the time it gave to pay has run out; the invoices a
 * notice named, as the letter and its notices' sentence name them (the first five of many).
 */
import type { IsoDate } from '#core/types';
import { type Lang, translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import { type FileReminder, formalNoticeDeadline } from './handover-chasing.ts';
import type { LetterFacts } from './handover-letter-text.ts';

/**
 * Invoices a sentence names before it counts the rest: a paragraph naming the 37 a notice named
 * cannot be read; annex 2 lists them all. One more than this is named rather than « 1 autre ».
 */
export const NAMED_INVOICES = 5;

/** « F1, F2 et F3 »; past a handful, « F1, F2, F3, F4, F5 et 32 autres (détaillées en annexe 2) ». */
export function noticeInvoices(lang: Lang, refs: readonly string[]): string {
  const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
  if (refs.length <= NAMED_INVOICES + 1) return list.format(refs);
  const others = translator(lang)('legalFile.letter.otherInvoices', { count: refs.length - NAMED_INVOICES });
  return list.format([...refs.slice(0, NAMED_INVOICES), others]);
}

/** What the latest formal notice did for the invoices of the letter. */
export interface NoticeScope {
  /** The letter's invoices it named, worded as a list (« F1 et F2 », the first five of many). */
  covered: string;
  coveredCount: number;
  /** It named only some of the letter's invoices. */
  some: boolean;
  deadline: IsoDate;
  /** The time it gave to pay has not run out on the letter's date. */
  pending: boolean;
}

export function noticeScope(facts: LetterFacts): NoticeScope | null {
  const { notice } = facts;
  if (!notice) return null;
  const refs = facts.file.invoices.filter((i) => i.openMinor > 0).map((i) => i.documentRef);
  const covered = refs.filter((ref) => notice.covered.includes(ref));
  const deadline = formalNoticeDeadline(notice.date);
  return {
    covered: noticeInvoices(facts.lang, covered),
    coveredCount: covered.length,
    some: covered.length < refs.length,
    deadline,
    pending: facts.date <= deadline,
  };
}

/**
 * How the debtor was chased before the hand-over, as the intro tells it: a formal notice whose time
 * to pay is still running is not one the invoices stay unpaid « malgré ».
 */
function chasedCode(reminders: number, scope: NoticeScope | null): string {
  if (!scope || scope.pending) return reminders > 0 ? 'reminders' : 'none';
  if (scope.some) return reminders > 0 ? 'both_some' : 'notice_some';
  return reminders > 0 ? 'both' : 'notice';
}

/**
 * The letter's invoices no reminder nor formal notice named (fallen due since the last one), told
 * apart in the intro so that « malgré nos relances » is said only of those reminded; null when
 * every invoice was chased, or none was (the intro's plain sentences then say it).
 */
function partlyChased(
  facts: LetterFacts,
  otherReminders: readonly FileReminder[],
  scope: NoticeScope | null,
): Record<string, string | number> | null {
  const refs = facts.file.invoices.filter((i) => i.openMinor > 0).map((i) => i.documentRef);
  const reminded = new Set(otherReminders.flatMap((r) => r.covered));
  const noticed = new Set(
    facts.reminders.filter((r) => r.stepKind === 'formal_notice').flatMap((r) => r.covered),
  );
  const chased = refs.filter((ref) => reminded.has(ref) || noticed.has(ref));
  const unchased = refs.filter((ref) => !chased.includes(ref));
  const noticeCounts = scope !== null && !scope.pending && scope.coveredCount > 0;
  const anyReminded = chased.some((ref) => reminded.has(ref));
  if (unchased.length === 0 || chased.length === 0 || (!anyReminded && !noticeCounts)) return null;
  const latestCovered = facts.notice?.covered ?? [];
  const means = !noticeCounts
    ? 'reminders'
    : !anyReminded
      ? 'notice'
      : chased.every((ref) => latestCovered.includes(ref))
        ? 'both'
        : 'both_some';
  return {
    chased: namedInvoices(facts.lang, chased),
    chasedCount: chased.length,
    unchased: namedInvoices(facts.lang, unchased),
    unchasedCount: unchased.length,
    means,
  };
}

/** « F1, F2 et F3 »; past a handful, the first five and the count of the others, all in the table above. */
function namedInvoices(lang: Lang, refs: readonly string[]): string {
  const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
  if (refs.length <= NAMED_INVOICES + 1) return list.format(refs);
  const others = translator(lang)('legalFile.letter.otherLeftOut', { count: refs.length - NAMED_INVOICES });
  return list.format([...refs.slice(0, NAMED_INVOICES), others]);
}

/**
 * The intro's sentence: whom the claim is on, and how its invoices were chased — one sentence for
 * them all, or, when some fell due since the last reminder, those reminded apart from the others.
 */
export function introSentence(
  facts: LetterFacts,
  otherReminders: readonly FileReminder[],
  scope: NoticeScope | null,
  who: { kind: string; debtor: string; siren: string; address: string },
): string {
  const t = translator(facts.lang);
  const { notice } = facts;
  const introFacts = {
    ...who,
    chased: chasedCode(otherReminders.length, scope),
    notice: notice ? formatDate(facts.lang, notice.date, { long: true }) : '',
    covered: scope?.covered ?? '',
    coveredCount: scope?.coveredCount ?? 0,
  };
  const partly = partlyChased(facts, otherReminders, scope);
  return partly
    ? t('legalFile.letter.introPartlyChased', { ...introFacts, ...partly })
    : t('legalFile.letter.intro', introFacts);
}
