/**
 * The customer's story lines in the reader's language. A use case stores a line as a catalogue
 * message with typed parameters (core/types.ts `StoryMessage`) and, beside it, the French sentence
 * made from that same message (`detail`: search, exports, readers that know nothing of messages);
 * a reader words the message in its own language, and falls back on `detail` for an imported line
 * (the free text of the user's file) or a message this catalogue no longer has.
 */
import type { StoryMessage, StoryParam } from '../core/types.ts';
import { hasMessage, type Lang, label, translator } from './catalogue.ts';
import { formatDate, formatMoney, formatNumber } from './format.ts';

/** One parameter in words: money, dates and figures in the language's conventions, codes as labels. */
export function storyParamText(lang: Lang, value: StoryParam): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if ('minor' in value) return formatMoney(lang, value.minor, value.currency);
  if ('date' in value) return formatDate(lang, value.date);
  if ('figure' in value) return formatNumber(lang, value.figure, value.decimals);
  if ('domain' in value) return label(lang, value.domain, value.code);
  return storyText(lang, value);
}

/**
 * The message in words. Trimmed: an optional note left empty must not leave a trailing space,
 * and the French `detail` is made by this same function, so the two never disagree.
 */
export function storyText(lang: Lang, message: StoryMessage): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params)) params[name] = storyParamText(lang, value);
  return translator(lang)(message.key, params).trim();
}

/** What a use case stores for a line: the message, and the French sentence made from it. */
export function storyLine(
  key: string,
  params: StoryMessage['params'] = {},
): { message: StoryMessage; detail: string } {
  const message = { key, params };
  return { message, detail: storyText('fr', message) };
}

/** A stored line as a reader shows it: its message in `lang` when it has one, its `detail` otherwise. */
export function eventText(
  lang: Lang,
  event: { detail: string; message?: StoryMessage | null | undefined },
): string {
  const { message } = event;
  // A line stored by an older version may name a message since renamed: its French text stands.
  if (!message || !hasMessage(message.key, lang)) return event.detail;
  return storyText(lang, message);
}
