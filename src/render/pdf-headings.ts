/**
 * A heading never sits at the foot of a page, decided as pdfmake is about to place it.
 *
 * pdfmake asks a document's page-break rule (`pageBreakBefore`) only once the whole document is laid
 * out, and the first node the rule moves makes it lay the whole document out again — preprocess,
 * measure and place every node (`LayoutBuilder.layoutDocument`) — one moved node per layout: the
 * demo's dysfunctions report, seven or eight headings low on a page, was laid out eight or nine
 * times. A heading given a `footRatio` is decided here instead, in the same layout: where its first
 * line would start lower than that ratio of the page's inner height, it gets the page break the rule
 * would have given it, so the pages come out the same from one layout. Only a sure case is decided
 * here (the first line fits where it would start, outside columns and unbreakable blocks); any other
 * is left to the document's rule, which keeps the same ratio (`breaksBeforeHeading`). The business
 * documents (pdf.ts) and the written reports (reports/report-pdf.ts) both mark their headings so.
 */
import { createRequire } from 'node:module';
import type { Content } from 'pdfmake';
import { leavesLastRowAlone, type PageNode } from './pdf-widows.ts';

/** A heading starting lower than this ratio of a page's inner height goes to the next page. */
export const HEADING_FOOT_RATIO = 0.8;

/** pdfmake's layout context (`DocumentContext`), as far as this rule reads it. */
export interface LayoutContext {
  y: number;
  availableHeight: number;
  pageMargins: { top: number; bottom: number };
  /** Open column groups. */
  snapshots: readonly unknown[];
  getCurrentPage(): { pageSize: { height: number } } | null;
}

/** A measured node of pdfmake, as far as this rule reads and marks it. */
export interface LayoutNode {
  footRatio?: number;
  text?: unknown;
  pageBreak?: string;
  _margin?: readonly number[] | null;
  _inlines?: readonly { height?: number }[];
  /** The break was given here: pdfmake lays out the same nodes again, so it is decided anew. */
  _footBreak?: boolean;
}

interface LayoutBuilderLike {
  writer: { transactionLevel: number; context(): LayoutContext };
  processNode(node: LayoutNode, ...rest: unknown[]): unknown;
}

/** A heading marked to go to the next page where its first line would start lower than `ratio`. */
export function keptOffFoot(heading: Extract<Content, { text: unknown }>, ratio: number): Content {
  return Object.assign(heading, { footRatio: ratio });
}

/** What pdfmake lets a document's page-break rule (`pageBreakBefore`) look at after a node. */
export interface FollowingNodes {
  getFollowingNodesOnPage(): unknown[];
  getNodesOnNextPage(): unknown[];
}

/** The nodes after one on its page and on the next. */
export const followingNodes = (nodes: FollowingNodes): PageNode[] =>
  [...nodes.getFollowingNodesOnPage(), ...nodes.getNodesOnNextPage()] as PageNode[];

/**
 * The page-break rule of a heading, for the business documents and the written reports: a break
 * where it starts lower than `ratio` (a case the layout left undecided), or where the table it
 * introduces would leave its last row alone on the next page (pdf-widows.ts).
 */
export function breaksBeforeHeading(heading: PageNode, nodes: FollowingNodes, ratio: number): boolean {
  if (heading.startPosition.verticalRatio > ratio) return true;
  if (heading.id === undefined) return false;
  return leavesLastRowAlone(heading, followingNodes(nodes));
}

/** Turns the rule off in this thread (tests: the pages it gives must be those without it). */
export const footBreaks = { decidedInLayout: true };

/**
 * Whether a text node's first line would start lower on the page than `ratio`, computed as pdfmake
 * computes that position (`DocumentContext.getCurrentPosition` after the top margin); false when it
 * is not sure to start there (its margin or a line as high as its highest would not fit).
 */
export function startsBelow(node: LayoutNode, context: LayoutContext, ratio: number): boolean {
  const page = context.getCurrentPage();
  const inlines = node._inlines ?? [];
  if (!page || node.text === undefined || inlines.length === 0) return false;
  const marginTop = node._margin?.[1] ?? 0;
  const lineHeight = Math.max(...inlines.map((inline) => inline.height ?? 0));
  if (lineHeight > context.availableHeight - marginTop) return false;
  const { top, bottom } = context.pageMargins;
  return (context.y + marginTop - top) / (page.pageSize.height - top - bottom) > ratio;
}

const require = createRequire(import.meta.url);
const layoutBuilder = require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: LayoutBuilderLike } };
const prototype = layoutBuilder.default.prototype;
const processNode = prototype.processNode;
prototype.processNode = function processNodeOffFoot(this: LayoutBuilderLike, node, ...rest) {
  if (node.footRatio !== undefined) {
    if (node._footBreak) {
      delete node.pageBreak;
      node._footBreak = false;
    }
    const context = this.writer.context();
    if (
      footBreaks.decidedInLayout &&
      node.pageBreak === undefined &&
      this.writer.transactionLevel === 0 &&
      context.snapshots.length === 0 &&
      startsBelow(node, context, node.footRatio)
    ) {
      node.pageBreak = 'before';
      node._footBreak = true;
    }
  }
  return processNode.call(this, node, ...rest);
};
