/**
 * French typography puts a space before « : ; ? ! » and inside « », and that space must not
 * break: a plain one lets a line (on screen, in a PDF letter, in an e-mail) start with a colon or
 * leave a guillemet alone at the end of a line. The catalogue writes it as U+00A0 (NO-BREAK
 * SPACE) everywhere, one convention for all four signs and the guillemets; a narrow or thin
 * space there is wrong as well (U+202F stays the formatter's thousands separator).
 *
 * Only the text of a message is concerned, never its syntax: in an ICU message the literal parts
 * (not `{n, number, ::percent}`), in a Liquid template what lies outside `{{ }}` and `{% %}`.
 * A URL or a time has no space before its colon, so it is left alone by the rule itself.
 * `scripts/french-spacing.ts` rewrites the sources with this; `french-spacing.test.ts` keeps the
 * catalogue and the French default templates right as keys are added.
 */
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

export const FRENCH_SPACE = '\u00a0';

export type TextSyntax = 'icu' | 'liquid';

type Span = readonly [start: number, end: number];

function literalSpans(elements: readonly MessageFormatElement[], into: Span[]): Span[] {
  for (const element of elements) {
    if (element.type === TYPE.literal && element.location)
      into.push([element.location.start.offset, element.location.end.offset]);
    if ('options' in element)
      for (const option of Object.values(element.options)) literalSpans(option.value, into);
    if (element.type === TYPE.tag) literalSpans(element.children, into);
  }
  return into;
}

function liquidTextSpans(template: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const tag of template.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g)) {
    spans.push([from, tag.index]);
    from = tag.index + tag[0].length;
  }
  spans.push([from, template.length]);
  return spans;
}

/** Where a text's words are: the parts of the string that are neither ICU nor Liquid syntax. */
function textSpans(text: string, syntax: TextSyntax): Span[] {
  if (syntax === 'liquid') return liquidTextSpans(text);
  // The catalogue compiles with tags off (icu.ts): "<e-mail>" is text there, so here too.
  return literalSpans(parse(text, { captureLocation: true, ignoreTag: true }), []);
}

/** A plain space breaks; a thin one too; a narrow no-break one is not the catalogue's convention. */
const WRONG_SPACES = ' \u2009\u202f';

/** Offsets of the spaces of a French text that should be U+00A0 and are not. */
export function wrongFrenchSpaces(text: string, syntax: TextSyntax): number[] {
  const offsets: number[] = [];
  for (const [start, end] of textSpans(text, syntax))
    for (let at = start; at < end; at += 1) {
      if (!WRONG_SPACES.includes(text[at] ?? '')) continue;
      const before = at > start ? text[at - 1] : undefined;
      const after = at + 1 < end ? text[at + 1] : undefined;
      if (before === '«' || (after !== undefined && ':;?!»'.includes(after))) offsets.push(at);
    }
  return offsets;
}

/** The same French text with those spaces made no-break (already right: unchanged). */
export function withFrenchSpacing(text: string, syntax: TextSyntax): string {
  const chars = text.split('');
  for (const at of wrongFrenchSpaces(text, syntax)) chars[at] = FRENCH_SPACE;
  return chars.join('');
}
