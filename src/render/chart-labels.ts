/**
 * Category labels of a chart wrapped on word boundaries. ECharts breaks a word that it measures
 * too wide for its slot mid-word, and on the server it measures with a table that counts every
 * accented letter as a full em (« indépendant » comes out twice its width): so the labels are
 * wrapped here, with the embedded font's widths, and a word that cannot fit even alone on its
 * line is shortened with an ellipsis rather than cut in two.
 */
import { BREAKABLE_SPACES, textWidth } from './text-width.ts';

const ELLIPSIS = '…';

/** The longest start of a text that fits with an ellipsis after it (at least one letter). */
function shorten(text: string, maxWidth: number, fontSize: number): string {
  const chars = [...text];
  const start = () => chars.join('').trimEnd();
  while (chars.length > 1 && textWidth(`${start()}${ELLIPSIS}`, fontSize) > maxWidth) chars.pop();
  return `${start()}${ELLIPSIS}`;
}

/**
 * The label as lines no wider than `maxWidth` points, broken between words only; at most
 * `maxLines` lines, the last one ending with an ellipsis when words are left over.
 */
export function wrapLabel(label: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  const words = label.split(BREAKABLE_SPACES).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || textWidth(candidate, fontSize) <= maxWidth) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const fitted = lines.map((line) =>
    textWidth(line, fontSize) > maxWidth ? shorten(line, maxWidth, fontSize) : line,
  );
  if (fitted.length <= maxLines) return fitted;
  const kept = fitted.slice(0, maxLines);
  const last = kept[maxLines - 1] as string;
  if (!last.endsWith(ELLIPSIS)) kept[maxLines - 1] = shorten(`${last} `, maxWidth, fontSize);
  return kept;
}

/** The largest of the font sizes at which every word of every label fits its slot (else the smallest). */
export function categoryLabelSize(
  labels: readonly string[],
  slotWidth: number,
  sizes: readonly number[],
): number {
  const words = labels.flatMap((label) => label.split(BREAKABLE_SPACES));
  const fits = sizes.find((size) => words.every((word) => textWidth(word, size) <= slotWidth));
  return fits ?? (sizes.at(-1) as number);
}
