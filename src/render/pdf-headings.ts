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
 *
 * A heading glued to what it introduces is inside an unbreakable block, where the rule above cannot
 * see it: the block given a `roomBelow` (pdf.ts: a finding's heading and statement before its table,
 * as the anomalies export prints them) is decided as pdfmake places it whole, once laid out and so
 * measured: where it fits but would leave less than that room under it, it goes to the next page,
 * as the document's rule would have moved it one layout later (the demo's anomalies export: four or
 * five layouts, now one, same pages); so it does where not even its table's top margin fits under
 * it, which the rule used to miss, leaving the heading alone at the foot of the page.
 */
import { createRequire } from 'node:module';
import type { Content } from 'pdfmake';
import { leavesLastRowAlone, type PageNode } from './pdf-widows.ts';

/** A heading starting lower than this ratio of a page's inner height goes to the next page. */
export const HEADING_FOOT_RATIO = 0.8;
/** A block starting higher than this ratio of a page's inner height stays: it would start as high on the next. */
export const PAGE_TOP_RATIO = 0.05;

/** pdfmake's layout context (`DocumentContext`), as far as this rule reads it. */
export interface LayoutContext {
  /** The current page's index. */
  page: number;
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
  /** Points to leave under this unbreakable block on its page, or it goes to the next one. */
  roomBelow?: number;
  /** The block went to the next page in this layout: the next one decides it anew. */
  _roomBreak?: boolean;
  unbreakable?: boolean;
}

/** pdfmake's page writer (`PageElementWriter`), as far as these rules read and drive it. */
interface PageWriterLike {
  transactionLevel: number;
  context(): LayoutContext;
  moveToNextPage(): void;
  addFragment(fragment: { height: number }, ...rest: unknown[]): unknown;
  /** The room the unbreakable block being laid out keeps under it, until it is placed. */
  roomBelow?: number;
  /** That block was placed on a later page than the one where it started. */
  movedForRoom?: boolean;
}

interface LayoutBuilderLike {
  writer: PageWriterLike;
  processNode(node: LayoutNode, ...rest: unknown[]): unknown;
}

/** A heading marked to go to the next page where its first line would start lower than `ratio`. */
export function keptOffFoot(heading: Extract<Content, { text: unknown }>, ratio: number): Content {
  return Object.assign(heading, { footRatio: ratio });
}

/** A block marked to go to the next page where it would leave less than `room` points under it there. */
export function keptWithRoomBelow<T extends object>(block: T, room: number): T {
  return Object.assign(block, { roomBelow: room });
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

/**
 * Whether a block of `height` about to be placed whole where `context` stands would leave less than
 * `room` under it on the page: false where it does not fit (pdfmake moves it itself) or starts at
 * the top of the page (it would leave as little on the next one).
 */
export function leavesTooLittleRoom(height: number, context: LayoutContext, room: number): boolean {
  const page = context.getCurrentPage();
  if (!page || height > context.availableHeight) return false;
  const { top, bottom } = context.pageMargins;
  if ((context.y - top) / (page.pageSize.height - top - bottom) < PAGE_TOP_RATIO) return false;
  return context.availableHeight - height < room;
}

const require = createRequire(import.meta.url);
const layoutBuilder = require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: LayoutBuilderLike } };
const prototype = layoutBuilder.default.prototype;
const processNode = prototype.processNode;

/** A heading's break given here in an earlier layout is decided anew, and given where it starts too low. */
function decideFootBreak(writer: PageWriterLike, node: LayoutNode, ratio: number): void {
  if (node._footBreak) {
    delete node.pageBreak;
    node._footBreak = false;
  }
  const context = writer.context();
  if (
    footBreaks.decidedInLayout &&
    node.pageBreak === undefined &&
    writer.transactionLevel === 0 &&
    context.snapshots.length === 0 &&
    startsBelow(node, context, ratio)
  ) {
    node.pageBreak = 'before';
    node._footBreak = true;
  }
}

/**
 * Lays out a block marked with `roomBelow`, decided as it is placed (`addFragmentWithRoom`). One that
 * went to the next page, for the room or because it did not fit, is marked as starting a page: its
 * nodes keep the position where it would have started (pdfmake records the positions in an
 * unbreakable block before placing it), which the page-break rule must not read as its own.
 */
function processKeepingRoom(builder: LayoutBuilderLike, node: LayoutNode, rest: unknown[]): unknown {
  const writer = builder.writer;
  if (node._roomBreak) {
    delete node.pageBreak;
    node._roomBreak = false;
  }
  if (
    !node.unbreakable ||
    !footBreaks.decidedInLayout ||
    writer.transactionLevel > 0 ||
    writer.context().snapshots.length > 0
  )
    return processNode.call(builder, node, ...rest);
  writer.roomBelow = node.roomBelow;
  writer.movedForRoom = false;
  try {
    return processNode.call(builder, node, ...rest);
  } finally {
    writer.roomBelow = undefined;
    if (writer.movedForRoom && node.pageBreak === undefined) {
      node.pageBreak = 'before';
      node._roomBreak = true;
    }
  }
}

prototype.processNode = function processNodeOffFoot(this: LayoutBuilderLike, node, ...rest) {
  if (node.footRatio !== undefined) decideFootBreak(this.writer, node, node.footRatio);
  if (node.roomBelow !== undefined) return processKeepingRoom(this, node, rest);
  return processNode.call(this, node, ...rest);
};

const pageWriter = require('pdfmake/js/PageElementWriter.js') as { default: { prototype: PageWriterLike } };
const writerPrototype = pageWriter.default.prototype;
const addFragment = writerPrototype.addFragment;
writerPrototype.addFragment = function addFragmentWithRoom(this: PageWriterLike, fragment, ...rest) {
  const room = this.roomBelow;
  // At level 0 the fragment is the marked block itself, committed whole (`commitUnbreakableBlock`):
  // its height is known only now, before it is placed.
  if (room === undefined || this.transactionLevel > 0) return addFragment.call(this, fragment, ...rest);
  this.roomBelow = undefined;
  const page = this.context().page;
  if (leavesTooLittleRoom(fragment.height, this.context(), room)) this.moveToNextPage();
  const placed = addFragment.call(this, fragment, ...rest);
  this.movedForRoom = this.context().page > page;
  return placed;
};
