/**
 * The document port's PDF renderer, on pdfmake: declarative tables whose header rows repeat on
 * every page and whose rows never split, « Page 2 / 5 » footers, SVG charts and an embedded
 * font (see ARCHITECTURE.md, "Documents", for why pdfmake over pdfkit plus a table layer).
 */

import type { Content } from 'pdfmake';
import { translator } from '#text/catalogue';
import { formatDate } from '#text/format';
import type { BusinessDocument } from './document.ts';
import { FONT_FAMILY } from './fonts.ts';
import { blockContent, COLORS } from './pdf-blocks.ts';
import { endsFlush } from './pdf-flush.ts';
import { pdfmake } from './pdf-fonts.ts';
import {
  breaksBeforeHeading,
  followingNodes,
  HEADING_FOOT_RATIO,
  keptOffFoot,
  keptWithRoomBelow,
  PAGE_TOP_RATIO,
} from './pdf-headings.ts';
import { renderInWorker, rendersOffThread } from './pdf-pool.ts';
import { leavesLastRowAlone, markLastRows, type PageNode } from './pdf-widows.ts';

const MARGIN = { side: 36, top: 64, bottom: 44 };
const A4 = { short: 595.28, long: 841.89 };
type DocumentDefinition = Parameters<typeof pdfmake.createPdf>[0];

function companyHeader(doc: BusinessDocument): Content {
  const t = translator(doc.lang);
  const lines = [
    ...(doc.company.siren ? [t('export.siren', { siren: doc.company.siren })] : []),
    ...(doc.company.addressLines ?? []),
  ];
  return {
    margin: [MARGIN.side, 22, MARGIN.side, 0],
    columns: [
      {
        width: '*',
        stack: [
          { text: doc.company.name, bold: true, fontSize: 10 },
          ...(lines.length ? [{ text: lines.join(' · '), fontSize: 7, color: COLORS.muted }] : []),
        ],
      },
      { width: 'auto', text: doc.title, fontSize: 8, color: COLORS.muted, alignment: 'right' },
    ],
  };
}

/** Room a table needs below the chart or figures that introduce it: its header and first rows. */
const TABLE_START_ROOM = 60;
/** What pdfmake tells `pageBreakBefore` about a node, as far as these rules read it. */
type NodeInfo = PageNode & { headlineLevel?: number };
type PageBreakBefore = NonNullable<DocumentDefinition['pageBreakBefore']>;
/** The marks a heading standing alone carries for the page-break rules. */
type HeadingMarks = { headlineLevel?: number; footRatio?: number };

/**
 * A heading stays with what it introduces: glued to a chart, key figures or facts (which never
 * split), or moved to the next page when it falls at the foot of one (decided as pdfmake places
 * it, pdf-headings.ts: one layout). A glued heading carries no page-break rule of its own: pdfmake
 * keeps only the first page of an unbreakable block, so a break inside one would blank a page and
 * drop the heading and chart.
 * When a table follows the glued block, the block is marked (`headlineLevel` 2) so that it moves
 * with the table's start rather than leave the table alone on the next page: decided as pdfmake
 * places it (`roomBelow`, the table's start room under it: one layout), else by the page-break rule
 * below; and so that it moves with the table rather than leave its last row alone. A heading right
 * before a table is named (`head-<i>`) and the table's last two rows marked after it, so that the
 * heading moves with the table rather than leave its last row alone on the next page.
 */
function blocksContent(doc: BusinessDocument, available: number, landscape: boolean): Content[] {
  const contents: Content[] = [];
  doc.blocks.forEach((block, i) => {
    const previous = doc.blocks[i - 1];
    const content = blockContent(doc.lang, block, available, landscape);
    if (previous?.type === 'heading' && block.type !== 'table' && block.type !== 'pageBreak') {
      // Glued, the heading moves with its block: its own page-break marks go.
      const { headlineLevel: _level, footRatio: _ratio, ...heading } = contents.pop() as HeadingMarks;
      const introducesTable = doc.blocks[i + 1]?.type === 'table';
      contents.push({
        stack: [heading, content],
        unbreakable: true,
        ...(introducesTable ? { id: `intro-${i}`, headlineLevel: 2 } : {}),
      } as Content);
    } else if (block.type === 'heading') {
      const introducesTable = doc.blocks[i + 1]?.type === 'table';
      const heading = { ...(content as { text: string }), headlineLevel: 1 };
      contents.push(
        keptOffFoot(introducesTable ? { ...heading, id: `head-${i}` } : heading, HEADING_FOOT_RATIO),
      );
    } else if (block.type === 'table' && previous?.type === 'heading') {
      contents.push(markLastRows(content, `head-${i - 1}`));
    } else if (block.type === 'table' && contents.length > 0) {
      const intro = contents.at(-1) as { id?: string };
      if (intro.id) keptWithRoomBelow(intro, TABLE_START_ROOM + marginTop(content));
      contents.push(
        intro.id
          ? markLastRows({ ...(content as object), id: `${intro.id}-table` } as Content, intro.id)
          : content,
      );
    } else contents.push(content);
  });
  return contents;
}

/** The space pdfmake leaves above a block (its `margin`'s top), where the block starts. */
const marginTop = (content: Content): number => {
  const margin = (content as { margin?: number | number[] }).margin;
  return typeof margin === 'number' ? margin : (margin?.[1] ?? 0);
};

/**
 * Breaks before a heading as the written reports' rule does (in the last fifth of a page, a case the
 * layout left undecided, or when its table would leave its last row alone on the next page); before a
 * glued block whose table would leave its last row alone, or would otherwise start on the next page.
 */
const pageBreakBefore: PageBreakBefore = (node, nodes) => {
  const info = node as unknown as NodeInfo;
  if (info.headlineLevel === 1) return breaksBeforeHeading(info, nodes, HEADING_FOOT_RATIO);
  // Only a glued block that introduces a table is named: the others need no look ahead.
  if (info.headlineLevel !== 2 || info.id === undefined) return false;
  const following = followingNodes(nodes);
  if (leavesLastRowAlone(info, following)) return true;
  if (info.startPosition.verticalRatio < PAGE_TOP_RATIO) return false;
  const table = following.find((other) => other.id === `${info.id}-table`);
  if (!table) return false;
  // A table starting on a later page (its top margin did not fit) would leave the block alone here.
  if ((table.pageNumbers[0] ?? 0) > (info.pageNumbers[0] ?? 0)) return true;
  const room = (1 - table.startPosition.verticalRatio) * table.startPosition.pageInnerHeight;
  return room < TABLE_START_ROOM;
};

function definition(doc: BusinessDocument): DocumentDefinition {
  const t = translator(doc.lang);
  const landscape = doc.orientation === 'landscape';
  const available = (landscape ? A4.long : A4.short) - 2 * MARGIN.side;
  const pageWidth = landscape ? A4.long : A4.short;
  const printed = doc.printedOn ? t('export.printedOn', { date: formatDate(doc.lang, doc.printedOn) }) : '';
  return {
    pageSize: 'A4',
    pageOrientation: doc.orientation,
    pageMargins: [MARGIN.side, MARGIN.top, MARGIN.side, MARGIN.bottom],
    info: { title: doc.title, creator: 'Encours', producer: 'Encours' },
    defaultStyle: { font: FONT_FAMILY, fontSize: 9, color: COLORS.ink, lineHeight: 1.1 },
    styles: {
      title: { fontSize: 17, bold: true, margin: [0, 0, 0, 2] },
      subtitle: { fontSize: 9, color: COLORS.muted },
      heading: { fontSize: 11.5, bold: true, margin: [0, 8, 0, 4], color: '#243b6b' },
    },
    header: () => [
      companyHeader(doc),
      {
        canvas: [
          { type: 'line', x1: MARGIN.side, y1: 6, x2: pageWidth - MARGIN.side, y2: 6, lineWidth: 0.6 },
        ],
      },
    ],
    footer: (page: number, pages: number) => ({
      margin: [MARGIN.side, 14, MARGIN.side, 0],
      fontSize: 7.5,
      color: COLORS.muted,
      columns: [
        { text: printed, width: '*' },
        { text: t('export.page', { page, pages }), width: 'auto', alignment: 'right' },
      ],
    }),
    pageBreakBefore,
    content: endsFlush([
      { text: doc.title, style: 'title' },
      ...doc.subtitle.map((line) => ({ text: line, style: 'subtitle' })),
      { text: '', margin: [0, 0, 0, 10] },
      ...blocksContent(doc, available, landscape),
    ]),
  };
}

/** The PDF of a business document; a large one is laid out in a worker thread (`pdf-pool.ts`). */
export async function renderPdf(doc: BusinessDocument): Promise<Buffer> {
  const job = { kind: 'document', doc } as const;
  return rendersOffThread(job) ? renderInWorker(job) : renderPdfHere(doc);
}

/** Lays the document out in this thread (the pool's workers call this). */
export async function renderPdfHere(doc: BusinessDocument): Promise<Buffer> {
  const output = pdfmake.createPdf(definition(doc));
  return (await output.getBuffer()) as Buffer;
}
