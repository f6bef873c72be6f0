/**
 * The limit history as a reader sees it. A reason Encours words itself is stored as its catalogue
 * key (the request's number comes from the entry's own `request_id`) and worded when read, in the
 * reader's language; entries written before that stored the French sentence, which is recognised
 * and worded again; a reason a person typed stays as typed. A change from a limit request shows
 * the approver's comment. A limit change of an imported story gives its amounts in its own words
 * (« 70 000,00 € → 100 000,00 € »): they fill before and after when the text states them.
 */
import type { ImportedLimitEvent, LimitChangeEntry, LimitHistoryItem } from '#core/credit/limit-history';
import { mergeLimitHistory, withPreviousLimits } from '#core/credit/limit-history';
import { parseAmountToMinor } from '#core/money';
import type { StoryMessage, StoryParam } from '#core/types';
import type { LimitHistoryRow } from '#db/credit/limit-queries';
import { hasMessage, type Lang, translator } from '#text/catalogue';
import { storyText } from '#text/story';

/** The reasons Encours gives a limit change, by the catalogue key stored in `reason`. */
export const LIMIT_REASON = {
  request: 'credit.limit.reason.request',
  manual: 'credit.limit.reason.manual',
  customerFile: 'credit.limit.reason.customerFile',
  import: 'credit.limit.reason.import',
} as const;

const PARAMETERLESS: readonly string[] = [LIMIT_REASON.manual, LIMIT_REASON.customerFile];

/** What `reason` holds for a change: a person's words when given, else the key of Encours's own. */
export function storedLimitReason(typed: string | null | undefined, key: string): string {
  return typed?.trim() || key;
}

/** The file name in an import's French reason (« Import du fichier clients.csv »), if it is one. */
function importedFileOf(reason: string): string | null {
  const marker = '\u0000';
  const [before = '', after = ''] = translator('fr')(LIMIT_REASON.import, { file: marker }).split(marker);
  if (reason.length <= before.length + after.length) return null;
  return reason.startsWith(before) && reason.endsWith(after)
    ? reason.slice(before.length, reason.length - after.length)
    : null;
}

/**
 * The catalogue message of a stored reason: its key (this version), the French sentence an older
 * version stored, or an import's French sentence; null for a person's own words.
 */
export function limitReasonMessage(entry: {
  reason: string | null;
  requestId?: number | null | undefined;
}): StoryMessage | null {
  const { reason } = entry;
  if (!reason) return null;
  const requestId = entry.requestId ?? null;
  if (requestId !== null) {
    const message = { key: LIMIT_REASON.request, params: { requestId } };
    if (reason === LIMIT_REASON.request || reason === storyText('fr', message)) return message;
  }
  for (const key of PARAMETERLESS)
    if (reason === key || reason === translator('fr')(key)) return { key, params: {} };
  const file = importedFileOf(reason);
  return file === null ? null : { key: LIMIT_REASON.import, params: { file } };
}

/** The reason as a story parameter: its message when Encours worded it, else the person's words. */
export function limitReasonParam(entry: { reason: string; requestId: number | null }): StoryParam {
  return limitReasonMessage(entry) ?? entry.reason;
}

/** « 70 000,00 € » (French convention, the text of an imported story), or the same written 70000 €. */
const AMOUNT = String.raw`(\d[\d \u00a0\u202f.]*(?:,\d{1,2})?)\s*(?:€|EUR)`;
const BEFORE_AFTER = new RegExp(`${AMOUNT}\\s*(?:→|->)\\s*${AMOUNT}`);
const FROM_TO = new RegExp(`(?:^|\\s)(?:de|from)\\s+${AMOUNT}\\s+(?:à|to)\\s+${AMOUNT}`);
const SET_TO = new RegExp(`(?:^|\\s)(?:à|to)\\s+${AMOUNT}`);

function minor(text: string | undefined): number | null {
  return text === undefined ? null : parseAmountToMinor(text.trim(), { exponent: 2, decimalSeparator: ',' });
}

/**
 * The amounts an imported line states: « A → B » and « ramené de A à B » give before and after;
 * « fixé à B », « ramené à B » the new limit only. Nothing is read from a text that says neither.
 */
export function importedLimitAmounts(detail: string): {
  previousMinor: number | null;
  amountMinor: number | null;
} {
  const change = BEFORE_AFTER.exec(detail) ?? FROM_TO.exec(detail);
  if (change) return { previousMinor: minor(change[1]), amountMinor: minor(change[2]) };
  const setTo = SET_TO.exec(detail);
  return { previousMinor: null, amountMinor: setTo ? minor(setTo[1]) : null };
}

/** An imported change with the amounts its words state; Encours's own entries as they are. */
function withStatedAmounts<T extends LimitHistoryItem>(item: T): T {
  if (item.source !== 'imported') return item;
  const stated = importedLimitAmounts(item.reason ?? '');
  return {
    ...item,
    previousMinor: item.previousMinor ?? stated.previousMinor,
    amountMinor: item.amountMinor ?? stated.amountMinor,
  };
}

/**
 * Both histories merged with their amounts — the imported ones read from their words, a change
 * that states no previous limit given the one before it — latest first, unworded: what the limit
 * was on a past date is read from it (`limitOnDate`).
 */
export function limitChanges(
  entries: readonly LimitChangeEntry[],
  imported: readonly ImportedLimitEvent[],
): LimitHistoryItem[] {
  return withPreviousLimits(mergeLimitHistory(entries, imported).map(withStatedAmounts));
}

export type LimitHistoryView = LimitHistoryItem & {
  /** The reason's catalogue message when Encours worded it (the web app words it on screen). */
  reasonMessage: StoryMessage | null;
  /** The approver's comment on the limit request the change comes from. */
  comment: string | null;
};

/**
 * Both histories merged, each reason in `lang`, imported amounts filled from their text, and an
 * imported change that states no previous limit given the one the change before it set.
 */
export function limitHistoryView(
  lang: Lang,
  entries: readonly (LimitHistoryRow & { comment?: string | null })[],
  imported: readonly ImportedLimitEvent[],
): LimitHistoryView[] {
  const byId = new Map(entries.map((entry) => [entry.entryId, entry]));
  const items = mergeLimitHistory(entries, imported).map((item) => {
    if (item.source === 'imported') return { ...withStatedAmounts(item), reasonMessage: null, comment: null };
    const entry = byId.get(item.entryId);
    const message = limitReasonMessage({ reason: item.reason, requestId: entry?.requestId });
    const worded = message && hasMessage(message.key, lang) ? storyText(lang, message) : item.reason;
    return { ...item, reason: worded, reasonMessage: message, comment: entry?.comment ?? null };
  });
  return withPreviousLimits(items);
}
