/**
 * A written report as an editable Word document (docx): the same title page, contents, summary
 * and numbered sections as the PDF, with real Word headings (so Word's navigation pane and its
 * own table of contents work), tables with a repeated header row, and page numbers in the footer.
 * Charts are left to the PDF: the figures they draw are in the tables next to them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { displayCell, isNumeric } from '../cells.ts';
import type { Block, Table as DataTable, KeyFigure } from '../document.ts';
import { type ReportBlock, type ReportDocument, sectionHeading } from './report-document.ts';

const FONT = 'Calibri';
const NAVY = '243B6B';
const MUTED = '5C6670';
const HEAD_FILL = 'E3E9F1';
const BAND_FILL = 'F1F4F8';
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const RULE = { style: BorderStyle.SINGLE, size: 2, color: 'C9D1D9' };

const text = (
  value: string,
  options: { bold?: boolean; color?: string; size?: number; italics?: boolean } = {},
) => new TextRun({ text: value, font: FONT, ...options });

function cell(
  value: string,
  options: { right?: boolean; bold?: boolean; fill?: string; widthPct: number; size?: number },
) {
  return new TableCell({
    width: { size: options.widthPct, type: WidthType.PERCENTAGE },
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: RULE },
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [text(value, { bold: options.bold ?? false, size: options.size ?? 17 })],
      }),
    ],
  });
}

function dataTable(doc: ReportDocument, table: DataTable): Table {
  const weights = table.columns.map((c) => c.width ?? (c.kind === 'text' ? 2 : 1.15));
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const widths = weights.map((w) => Math.round((w / totalWeight) * 100));
  const size = table.columns.length > 7 ? 15 : 17;
  const row = (values: DataTable['rows'][number], bold: boolean, fill?: string) =>
    new TableRow({
      cantSplit: true,
      children: table.columns.map((column, i) =>
        cell(displayCell(doc.lang, values[i] ?? null, column, table.currency, table.plainMoney), {
          right: isNumeric(column.kind),
          bold,
          widthPct: widths[i] ?? 10,
          size,
          ...(fill ? { fill } : {}),
        }),
      ),
    });
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map((column, i) =>
      cell(column.header, {
        right: isNumeric(column.kind),
        bold: true,
        fill: HEAD_FILL,
        widthPct: widths[i] ?? 10,
        size,
      }),
    ),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      header,
      ...table.rows.map((values, r) => row(values, false, r % 2 === 1 ? BAND_FILL : undefined)),
      ...(table.totals ? [row(table.totals, true)] : []),
    ],
  });
}

function pairsTable(items: readonly { label: string; value: string; note?: string | undefined }[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: items.map(
      (item) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(item.label, { widthPct: 55 }),
            cell(item.note ? `${item.value} (${item.note})` : item.value, {
              widthPct: 45,
              bold: true,
              right: true,
            }),
          ],
        }),
    ),
  });
}

const spacer = () => new Paragraph({ spacing: { after: 120 }, children: [] });

function blockContent(doc: ReportDocument, block: ReportBlock): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(block.text)] })];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: [text(block.text, block.small ? { size: 16, color: MUTED } : {})],
        }),
      ];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [text(item)] }));
    case 'keyFigures':
      return [pairsTable(block.items as KeyFigure[]), spacer()];
    case 'facts':
      return [pairsTable(block.items), spacer()];
    case 'table':
      return [dataTable(doc, block.table), spacer()];
    case 'charts':
    case 'pageBreak':
      return [];
  }
}

function titlePage(doc: ReportDocument): Paragraph[] {
  const company = doc.company;
  return [
    new Paragraph({ children: [text(company.name, { bold: true, size: 28 })] }),
    ...(company.siren
      ? [new Paragraph({ children: [text(`SIREN ${company.siren}`, { color: MUTED })] })]
      : []),
    ...(company.addressLines ?? []).map(
      (line) => new Paragraph({ children: [text(line, { color: MUTED })] }),
    ),
    new Paragraph({ spacing: { before: 3000 }, children: [] }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [text(doc.title, { bold: true, size: 52, color: NAVY })],
    }),
    new Paragraph({ spacing: { after: 800 }, children: [text(doc.subtitle, { size: 28, color: MUTED })] }),
    ...doc.titleFacts.map(
      (fact) =>
        new Paragraph({
          tabStops: [{ type: TabStopType.LEFT, position: 3200 }],
          children: [text(fact.label, { color: MUTED }), text('\t'), text(fact.value, { bold: true })],
        }),
    ),
  ];
}

function contents(doc: ReportDocument): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(doc.contentsTitle)] }),
    new Paragraph({ children: [text(doc.summaryTitle)] }),
    ...doc.sections.map((section) => new Paragraph({ children: [text(sectionHeading(section))] })),
  ];
}

export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  const [pageWord, ofWord] = doc.pageLabel.split(/\{pages?\}/);
  const body: (Paragraph | Table)[] = [
    ...contents(doc),
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [text(doc.summaryTitle)],
    }),
    ...doc.summary.flatMap((block) => blockContent(doc, block)),
    ...doc.sections.flatMap((section) => [
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [text(sectionHeading(section))],
      }),
      ...section.blocks.flatMap((block) => blockContent(doc, block as Block | ReportBlock)),
    ]),
  ];
  const document = new Document({
    creator: 'Encours',
    title: doc.title,
    styles: {
      default: { document: { run: { font: FONT, size: 20 } } },
      paragraphStyles: [
        {
          id: 'Heading1',
          name: 'Heading 1',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 30, bold: true, color: NAVY },
          paragraph: { spacing: { after: 200 } },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 23, bold: true, color: NAVY },
          paragraph: { spacing: { before: 200, after: 100 } },
        },
      ],
    },
    sections: [
      { children: titlePage(doc) },
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
                children: [
                  text(doc.company.name, { bold: true, size: 16 }),
                  text(`\t${doc.title}`, { size: 16, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
                children: [
                  text(`${doc.footerText}\t${pageWord ?? ''}`, { size: 16, color: MUTED }),
                  new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 16, color: MUTED }),
                  text(ofWord ?? ' / ', { size: 16, color: MUTED }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], font: FONT, size: 16, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
