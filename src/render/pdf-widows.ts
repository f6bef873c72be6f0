/**
 * A short table never runs onto the next page for its last row alone (an orphan line under a
 * repeated header): the heading that introduces it moves there with it. pdfmake has no such rule
 * for table rows, so the table's last two rows are named and the page-break rule of the document
 * (`pageBreakBefore`) asks where they fell, for the business documents and the written reports.
 */
import type { Content } from 'pdfmake';

/** What pdfmake tells `pageBreakBefore` about a node, as far as this rule reads it. */
export type PageNode = {
  id?: string;
  pageNumbers: number[];
  startPosition: { verticalRatio: number; pageInnerHeight: number };
};

/** A heading higher on its page than this stays: the table would not fit on the next page either. */
const MIN_VERTICAL_RATIO = 0.15;

/**
 * Names the first cells of a table's last two rows after the heading that introduces it (`owner`),
 * `<owner>-prev` and `<owner>-last`; a table of fewer than two rows cannot leave one alone.
 */
export function markLastRows(content: Content, owner: string): Content {
  const body = (content as { table?: { body: unknown[][] } }).table?.body;
  if (!body || body.length < 3) return content;
  const mark = (row: unknown[] | undefined, id: string) => {
    const cell = row?.[0];
    if (cell && typeof cell === 'object') Object.assign(cell, { id });
  };
  mark(body[body.length - 2], `${owner}-prev`);
  mark(body[body.length - 1], `${owner}-last`);
  return content;
}

/**
 * Whether the table a heading introduces runs onto the next page for its last row only: then a
 * break before the heading moves them there whole, when the heading stands low enough on its page
 * for the short table to fit on the next one. `following`: the nodes after the heading on its page
 * and on the next.
 */
export function leavesLastRowAlone(heading: PageNode, following: readonly PageNode[]): boolean {
  if (heading.id === undefined || heading.startPosition.verticalRatio < MIN_VERTICAL_RATIO) return false;
  const page = heading.pageNumbers[0] ?? 0;
  const prev = following.find((other) => other.id === `${heading.id}-prev`);
  const last = following.find((other) => other.id === `${heading.id}-last`);
  return prev?.pageNumbers[0] === page && last?.pageNumbers[0] === page + 1;
}
