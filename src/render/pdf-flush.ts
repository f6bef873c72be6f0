/**
 * A document's content with no space under its last block, for the business documents and the
 * written reports: pdfmake starts a new page for a bottom margin that does not fit under a block,
 * and when the block ends the document at the foot of a page, that page holds only the header and
 * footer (the French measures report ended with one).
 */
import type { Content } from 'pdfmake';

type Margin = number | [number, number] | [number, number, number, number];

/** The content with its last block's bottom margin taken off; into a stack, its last child's likewise. */
export function endsFlush(content: Content[]): Content[] {
  const last = content.at(-1);
  if (!last || typeof last !== 'object' || Array.isArray(last)) return content;
  const node = last as { margin?: Margin; marginBottom?: number; stack?: Content[] };
  const stack = node.stack === undefined ? {} : { stack: endsFlush(node.stack) };
  const [left, top, right] =
    typeof node.margin === 'number'
      ? [node.margin, node.margin, node.margin]
      : node.margin?.length === 2
        ? [node.margin[0], node.margin[1], node.margin[0]]
        : (node.margin ?? []);
  // Without `margin`, `marginBottom` also overrides a bottom margin the node's style gives it.
  const margin = node.margin === undefined ? { marginBottom: 0 } : { margin: [left, top, right, 0] };
  return [...content.slice(0, -1), { ...node, ...stack, ...margin } as Content];
}
