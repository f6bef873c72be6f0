/**
 * A written report as PDF (pdfmake, like the other documents of the port): a title page without
 * header, the contents with page numbers, then the summary and the numbered sections, each on a
 * new page, with the company and the report's title in the running header.
 */
import type { Content } from 'pdfmake';
import { FONT_FAMILY } from '../fonts.ts';
import { blockContent, COLORS } from '../pdf-blocks.ts';
import { endsFlush } from '../pdf-flush.ts';
import { pdfmake } from '../pdf-fonts.ts';
import {
  breaksBeforeHeading,
  type FollowingNodes,
  HEADING_FOOT_RATIO,
  keptOffFoot,
} from '../pdf-headings.ts';
import { renderInWorker, rendersOffThread } from '../pdf-pool.ts';
import { markLastRows, type PageNode } from '../pdf-widows.ts';
import { pageLabelText, type ReportBlock, type ReportDocument, sectionHeading } from './report-document.ts';

const MARGIN = { side: 48, top: 64, bottom: 48 };
const PAGE_WIDTH = 595.28;
const AVAILABLE = PAGE_WIDTH - 2 * MARGIN.side;
const NAVY = '#243b6b';

/** The table a heading introduces: the next block, or the one after a paragraph (a version line). */
function introducedTable(list: readonly ReportBlock[], heading: number): number | null {
  const next = list[heading + 1]?.type === 'paragraph' ? heading + 2 : heading + 1;
  return list[next]?.type === 'table' ? next : null;
}

/** The blocks of a part (`part` names its headings apart from the other parts'). */
function blocks(doc: ReportDocument, list: readonly ReportBlock[], part: string): Content[] {
  const owners = new Map<number, string>();
  list.forEach((block, i) => {
    const table = block.type === 'heading' ? introducedTable(list, i) : null;
    if (table !== null) owners.set(table, `${part}-${i}`);
  });
  return list.map((block, i) => {
    if (block.type === 'bullets')
      return { ul: block.items.map((item) => ({ text: item })), margin: [6, 0, 0, 8] } as Content;
    if (block.type === 'heading') {
      const table = introducedTable(list, i);
      const id = table === null ? {} : { id: `${part}-${i}` };
      return keptOffFoot(
        { text: block.text, style: 'subheading', headlineLevel: 1, ...id },
        HEADING_FOOT_RATIO,
      );
    }
    const content = blockContent(doc.lang, block, AVAILABLE, false);
    const owner = owners.get(i);
    return owner === undefined ? content : markLastRows(content, owner);
  });
}

/** A heading never sits at the foot of a page, nor leaves its table's last row alone on the next. */
const pageBreakBefore = (node: PageNode & { headlineLevel?: number }, nodes: FollowingNodes) =>
  node.headlineLevel === 1 && breaksBeforeHeading(node, nodes, HEADING_FOOT_RATIO);

function titlePage(doc: ReportDocument): Content[] {
  const lines = doc.company.addressLines ?? [];
  return [
    { text: doc.company.name, fontSize: 14, bold: true, margin: [0, 40, 0, 2] },
    ...(doc.company.siren ? [{ text: `SIREN ${doc.company.siren}`, color: COLORS.muted }] : []),
    ...lines.map((line) => ({ text: line, color: COLORS.muted })),
    {
      canvas: [{ type: 'line', x1: 0, y1: 0, x2: AVAILABLE, y2: 0, lineWidth: 1.2, lineColor: NAVY }],
      margin: [0, 150, 0, 18],
    },
    { text: doc.title, fontSize: 26, bold: true, color: NAVY, margin: [0, 0, 0, 8] },
    { text: doc.subtitle, fontSize: 14, color: COLORS.muted, margin: [0, 0, 0, 40] },
    {
      table: {
        widths: [150, '*'],
        body: doc.titleFacts.map((fact) => [
          { text: fact.label, color: COLORS.muted },
          { text: fact.value, bold: true },
        ]),
      },
      layout: 'noBorders',
      fontSize: 10.5,
    },
  ] as Content[];
}

/** A report as PDF: laid out in a worker of the PDF pool when the document port says so. */
export function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
  const job = { kind: 'report' as const, doc };
  return rendersOffThread(job) ? renderInWorker(job) : renderReportPdfHere(doc);
}

export async function renderReportPdfHere(doc: ReportDocument): Promise<Buffer> {
  const sections: Content[] = doc.sections.flatMap((section) => [
    // Sections flow one after the other (a page break per section left blank pages behind a
    // table ending at the foot of a page); a heading never sits alone at the bottom of one.
    keptOffFoot(
      { text: sectionHeading(section), style: 'heading', tocItem: true, headlineLevel: 1 },
      HEADING_FOOT_RATIO,
    ),
    ...blocks(doc, section.blocks, `section-${section.number}`),
  ]);
  const definition = {
    pageSize: 'A4' as const,
    pageMargins: [MARGIN.side, MARGIN.top, MARGIN.side, MARGIN.bottom] as [number, number, number, number],
    info: { title: doc.title, creator: 'Encours', producer: 'Encours' },
    defaultStyle: { font: FONT_FAMILY, fontSize: 10, color: COLORS.ink, lineHeight: 1.2 },
    styles: {
      heading: { fontSize: 15, bold: true, color: NAVY, margin: [0, 16, 0, 10] },
      subheading: { fontSize: 11.5, bold: true, color: NAVY, margin: [0, 8, 0, 4] },
    },
    header: (page: number) =>
      page === 1
        ? null
        : {
            margin: [MARGIN.side, 24, MARGIN.side, 0],
            columns: [
              { text: doc.company.name, bold: true, fontSize: 8.5 },
              { text: doc.title, fontSize: 8.5, color: COLORS.muted, alignment: 'right' },
            ],
          },
    footer: (page: number, pages: number) =>
      page === 1
        ? null
        : {
            margin: [MARGIN.side, 16, MARGIN.side, 0],
            fontSize: 8,
            color: COLORS.muted,
            columns: [
              { text: doc.footerText, width: '*' },
              { text: pageLabelText(doc.pageLabel, page, pages), width: 'auto', alignment: 'right' },
            ],
          },
    pageBreakBefore,
    content: endsFlush([
      ...titlePage(doc),
      { toc: { title: { text: doc.contentsTitle, style: 'heading' } }, pageBreak: 'before' },
      { text: doc.summaryTitle, style: 'heading', tocItem: true, pageBreak: 'before' },
      ...blocks(doc, doc.summary, 'summary'),
      ...sections,
    ]),
  };
  const output = pdfmake.createPdf(definition as unknown as Parameters<typeof pdfmake.createPdf>[0]);
  return (await output.getBuffer()) as Buffer;
}
