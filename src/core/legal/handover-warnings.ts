/**
 * What a person should know before handing a file to a lawyer or an agency, none of which forbids
 * it: no reminder was ever sent; no formal notice (mise en demeure) was sent — a lawyer asks for
 * one before any proceedings, and the late-payment claim of an injunction rests on it — or some
 * invoices were in none; the latest formal notice still gives the debtor time to pay (handing over
 * before its deadline breaks the letter's own word, and the cover letter could not call it « restée
 * sans effet »); the latest formal notice sent by e-mail never reached the debtor (its message failed, was
 * held or waits to be sent: a lawyer can rely only on a notice delivered); an invoice is disputed, or under a promise to pay not yet due nor broken; or a note
 * in the customer's story asks not to chase it (« ne pas relancer sans son accord »).
 */

import { foldAccents } from '../text-fold.ts';
import type { IsoDate } from '../types.ts';

export type HandoverWarning =
  | { code: 'no_reminder' }
  | { code: 'no_reminder_delivered'; date: IsoDate; delivery: UndeliveredStatus }
  | { code: 'no_formal_notice' }
  | { code: 'formal_notice_undelivered'; date: IsoDate; delivery: UndeliveredStatus }
  | { code: 'latest_formal_notice_undelivered'; date: IsoDate; delivery: UndeliveredStatus }
  | { code: 'not_in_formal_notice'; date: IsoDate; refs: string[] }
  | { code: 'notice_deadline_pending'; date: IsoDate; deadline: IsoDate }
  | { code: 'open_dispute'; refs: string[] }
  | { code: 'promise_pending'; date: IsoDate; refs: string[] }
  | { code: 'no_chase_note'; date: IsoDate; note: string };

/** What became of an e-mail that did not reach the debtor: failed, held (never sent), still to send. */
export type UndeliveredStatus = 'failed' | 'held' | 'pending';

export interface FormalNoticeFact {
  date: IsoDate;
  /** The last day the notice gave the debtor to pay (« au plus tard le … »). */
  deadline: IsoDate;
  /** The invoices it named. */
  refs: readonly string[];
}

export interface HandoverWarningFacts {
  /** The hand-over's date. */
  date: IsoDate;
  /** The invoices handed over. */
  refs: readonly string[];
  /** Reminders sent on the invoices handed over (Encours's own, or imported), formal notices included. */
  reminderCount: number;
  /** The formal notices delivered on them (Encours's own, or imported), oldest first. */
  formalNotices: readonly FormalNoticeFact[];
  /**
   * The day of the customer's latest formal notice delivered, on whichever of its invoices (one on
   * invoices left out of the file counts): the notice a warning calls « la dernière ».
   */
  latestCustomerNotice?: IsoDate | undefined;
  /** The formal notices sent by e-mail on them whose message never reached the debtor, oldest first. */
  undeliveredNotices: readonly { date: IsoDate; delivery: UndeliveredStatus }[];
  /**
   * The reminders e-mailed on them (formal notices included) whose message never reached the
   * debtor, oldest first: with none delivered, the file was e-mailed, not left unchased.
   */
  undeliveredReminders?: readonly { date: IsoDate; delivery: UndeliveredStatus }[];
  /** Invoices handed over that are disputed on the day. */
  disputedRefs: readonly string[];
  /** Promises to pay still pending on the day: their last instalment and the invoices handed over they cover. */
  pendingPromises: readonly { lastDue: IsoDate; refs: readonly string[] }[];
  /** The customer's notes up to the hand-over. */
  notes: readonly { date: IsoDate; detail: string }[];
}

/**
 * Ways a note says not to chase the customer: not to remind or contact it (« ne pas relancer », « ne
 * plus le contacter », « pas de relance »), reminders suspended, reminders only with someone's
 * agreement (« relances avec son accord »), and the same in English.
 */
const NO_CHASE = [
  /\bne (?:pas|plus|jamais) (?:le |la |les |l'|l’)?(?:relancer|contacter|appeler|poursuivre)\b/,
  /\b(?:pas|plus|aucune) de relances?\b/,
  /\brelances? (?:suspendues?|bloquees?|interdites?)\b/,
  /\b(?:relancer|relances?|contacter)\b[^.;]*\b(?:sans|avec) (?:son|leur|notre|mon) (?:accord|feu vert)\b/,
  /\b(?:do not|don't|never) (?:chase|remind|contact|dun)\b/,
  /\bno (?:chasing|reminders?|dunning)\b/,
];

export function isNoChaseNote(detail: string): boolean {
  const text = foldAccents(detail);
  return NO_CHASE.some((pattern) => pattern.test(text));
}

/**
 * What the formal notices say of the file: none, none delivered, the latest not delivered, invoices
 * left out, or a deadline still running. The notices delivered are the only ones that count.
 */
function noticeWarnings(facts: HandoverWarningFacts): HandoverWarning[] {
  const latest = facts.formalNotices.at(-1);
  const undelivered = facts.undeliveredNotices.at(-1);
  const customerLatest = facts.latestCustomerNotice;
  if (!latest) {
    if (undelivered)
      return [{ code: 'formal_notice_undelivered', date: undelivered.date, delivery: undelivered.delivery }];
    // The customer was put on notice, for other invoices: these were in none, not « aucune envoyée ».
    return customerLatest
      ? [{ code: 'not_in_formal_notice', date: customerLatest, refs: [...facts.refs] }]
      : [{ code: 'no_formal_notice' }];
  }
  const warnings: HandoverWarning[] = [];
  // A notice delivered the same day or later stands for it: nothing is missing.
  if (undelivered && undelivered.date > latest.date)
    warnings.push({
      code: 'latest_formal_notice_undelivered',
      date: undelivered.date,
      delivery: undelivered.delivery,
    });
  const noticed = new Set(facts.formalNotices.flatMap((notice) => notice.refs));
  const left = facts.refs.filter((ref) => !noticed.has(ref));
  // « La dernière » is the customer's latest notice, though it named none of the file's invoices.
  const lastDate = customerLatest && customerLatest > latest.date ? customerLatest : latest.date;
  if (left.length > 0) warnings.push({ code: 'not_in_formal_notice', date: lastDate, refs: left });
  // The deadline day is still the debtor's: the notice is without effect only from the day after.
  if (facts.date <= latest.deadline)
    warnings.push({ code: 'notice_deadline_pending', date: latest.date, deadline: latest.deadline });
  return warnings;
}

/** The warnings of a hand-over, most serious first; the promises by date, the notes oldest first. */
export function handoverWarnings(facts: HandoverWarningFacts): HandoverWarning[] {
  const warnings: HandoverWarning[] = [];
  const undelivered = facts.undeliveredReminders?.at(-1);
  if (facts.reminderCount === 0)
    warnings.push(
      undelivered
        ? { code: 'no_reminder_delivered', date: undelivered.date, delivery: undelivered.delivery }
        : { code: 'no_reminder' },
    );
  warnings.push(...noticeWarnings(facts));
  if (facts.disputedRefs.length > 0) warnings.push({ code: 'open_dispute', refs: [...facts.disputedRefs] });
  const promises = [...facts.pendingPromises].sort((a, b) => a.lastDue.localeCompare(b.lastDue));
  for (const promise of promises)
    if (promise.refs.length > 0)
      warnings.push({ code: 'promise_pending', date: promise.lastDue, refs: [...promise.refs] });
  for (const note of facts.notes)
    if (isNoChaseNote(note.detail))
      warnings.push({ code: 'no_chase_note', date: note.date, note: note.detail });
  return warnings;
}
