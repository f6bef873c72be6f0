/**
 * What a person should know before handing a file to a lawyer or an agency, none of which forbids
 * it: no reminder was ever sent, no formal notice (mise en demeure) was sent — a lawyer asks for
 * one before any proceedings, and the late-payment claim of an injunction rests on it — or a note
 * in the customer's story asks not to chase it (« ne pas relancer sans son accord »).
 */
import type { IsoDate } from '../types.ts';

export type HandoverWarning =
  | { code: 'no_reminder' }
  | { code: 'no_formal_notice' }
  | { code: 'no_chase_note'; date: IsoDate; note: string };

export interface HandoverWarningFacts {
  /** Reminders sent on the invoices handed over (Encours's own, or imported), formal notices included. */
  reminderCount: number;
  /** The latest formal notice Encours sent on them; null: none. */
  formalNoticeDate: IsoDate | null;
  /** The customer's notes up to the hand-over. */
  notes: readonly { date: IsoDate; detail: string }[];
}

/** Accents off and lower case, so that « Ne PAS relancer » and « ne pas relancer » read alike. */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

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
  const text = plain(detail);
  return NO_CHASE.some((pattern) => pattern.test(text));
}

/** The warnings of a hand-over, most serious first; the notes oldest first. */
export function handoverWarnings(facts: HandoverWarningFacts): HandoverWarning[] {
  const warnings: HandoverWarning[] = [];
  if (facts.reminderCount === 0) warnings.push({ code: 'no_reminder' });
  if (facts.formalNoticeDate === null) warnings.push({ code: 'no_formal_notice' });
  for (const note of facts.notes)
    if (isNoChaseNote(note.detail))
      warnings.push({ code: 'no_chase_note', date: note.date, note: note.detail });
  return warnings;
}
