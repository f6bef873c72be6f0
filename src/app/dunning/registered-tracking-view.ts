/**
 * A registered letter's tracking as the API, the run page and the customer's story read it: the
 * number in the deposit slip's groups, the outcome as its code (worded by the catalogue's
 * `dunning.registered.outcome`), every recording with who made it and when.
 */

import { formatTrackingNumber, type RegisteredOutcome } from '#core/dunning/registered-mail';
import type { StoryMessage } from '#core/types';
import type { RegisteredLetterAction, TrackingEntry } from '#db/dunning/registered-tracking';
import { type Lang, translator } from '#text/catalogue';

/** One recording: the letter's state after it. */
export interface TrackingRecordView {
  /** « 1A 123 456 7890 1 ». */
  trackingNumber: string;
  depositedOn: string;
  outcome: RegisteredOutcome | null;
  /** The day the acknowledgement of receipt was signed, or the day the letter came back. */
  outcomeOn: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface TrackingView {
  actionId: number;
  /** The letter's state (its newest recording); null while nothing is recorded. */
  tracking: TrackingRecordView | null;
  /** Every recording, oldest first: corrections are added, never written over. */
  history: TrackingRecordView[];
}

/** The state a recording leaves. */
export interface TrackingState {
  trackingNumber: string;
  depositedOn: string;
  outcome: string | null;
  outcomeOn: string | null;
}

/** A recording about to be made: the letter, its state before (if any) and after. */
export interface RegisteredChange {
  kind: 'number' | 'outcome';
  action: RegisteredLetterAction;
  before: TrackingEntry | undefined;
  after: TrackingState;
}

export function recordView(entry: TrackingEntry): TrackingRecordView {
  return {
    trackingNumber: formatTrackingNumber(entry.trackingNumber),
    depositedOn: entry.depositedOn,
    outcome: entry.outcome as RegisteredOutcome | null,
    outcomeOn: entry.outcomeOn,
    recordedBy: entry.recordedBy,
    recordedAt: entry.recordedAt.toISOString(),
  };
}

export function trackingView(actionId: number, entries: readonly TrackingEntry[]): TrackingView {
  const last = entries.at(-1);
  return { actionId, tracking: last ? recordView(last) : null, history: entries.map(recordView) };
}

/** « distribuée, avis de réception signé », « pli avisé non réclamé »… */
export function outcomeWords(lang: Lang, outcome: string): string {
  return translator(lang)('dunning.registered.outcome', { outcome });
}

/**
 * The story line's parameters: the letter's whole state, so that the line alone says where it
 * stands (« Mise en demeure envoyée en recommandé n° 1A 123 456 7890 1 — AR signé le 12/06/2026 »),
 * and whether it corrects what was recorded before.
 */
export function registeredStoryParams(change: RegisteredChange): StoryMessage['params'] {
  const { action, before, after } = change;
  const corrected = change.kind === 'number' ? before !== undefined : before?.outcome != null;
  return {
    corrected: corrected ? 'yes' : 'no',
    notice: action.stepKind === 'formal_notice' ? 'formal_notice' : 'other',
    number: formatTrackingNumber(after.trackingNumber),
    deposited: { date: after.depositedOn },
    outcome: after.outcome ?? 'none',
    on: after.outcomeOn ? { date: after.outcomeOn } : '',
  };
}
