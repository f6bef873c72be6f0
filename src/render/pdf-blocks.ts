/** The blocks of a business document as pdfmake content: key figures, facts, tables and charts. */
import type { Content, TableCell } from 'pdfmake';
import type { Lang } from '#text/catalogue';
import { formatNumber, withMinusSigns } from '#text/format';
import { displayCell, isNumeric } from './cells.ts';
import { CHART_FONT, chartSvg } from './charts.ts';
import type { Block, Cell, ChartSpec, KeyFigure, Table, TableColumn } from './document.ts';
import { longestWordWidth, textWidth } from './text-width.ts';

export const COLORS = { ink: '#1b1f24', muted: '#5c6670', rule: '#c9d1d9', band: '#f1f4f8', head: '#e3e9f1' };

const defaultWeight = (column: TableColumn) =>
  column.width ?? (column.kind === 'text' ? 2 : column.kind === 'date' ? 1 : 1.15);

/** Column widths in points, shared out in proportion to the columns' weights. */
function columnWidths(columns: readonly TableColumn[], available: number): number[] {
  const weights = columns.map(defaultWeight);
  const total = weights.reduce((sum, w) => sum + w, 0);
  // pdfmake adds the cell padding (2 × 3 pt) to every width.
  return weights.map((w) => Math.max(18, (available * w) / total - 6));
}

/**
 * A cell as the document prints it: the one formatter of each kind (src/text/format.ts), a negative
 * figure with the minus sign of French typography, as the screen shows it (exports keep the hyphen).
 */
const cellText = (lang: Lang, value: Cell, column: TableColumn, table: Table): string =>
  withMinusSigns(displayCell(lang, value, column, table.currency, table.plainMoney), lang);

function cellContent(lang: Lang, value: Cell, column: TableColumn, table: Table, bold: boolean): TableCell {
  const alignment = isNumeric(column.kind) ? 'right' : 'left';
  if (value !== null && typeof value === 'object') {
    return {
      stack: [
        { text: cellText(lang, value, column, table), bold },
        { text: formatNumber(lang, value.count, 0), color: COLORS.muted, fontSize: 6.5 },
      ],
      alignment,
    };
  }
  return { text: cellText(lang, value, column, table), alignment, bold };
}

/** Cell padding of a dense table, left + right, in points. */
const DENSE_PADDING = { side: 2, top: 1 };

/**
 * Widths of a dense table: each column as wide as its widest cell (a header may wrap between
 * words); what is left over is shared in proportion, and a shortfall is taken from the long text
 * columns (names, rules), which wrap. Null when even those at their longest word do not fit.
 */
export function denseColumnWidths(
  lang: Lang,
  table: Table,
  available: number,
  fontSize: number,
): number[] | null {
  const rows = [...table.rows, ...(table.totals ? [table.totals] : [])];
  const natural = table.columns.map((column, i) => {
    const cells = rows.map((row) => cellText(lang, row[i] ?? null, column, table));
    const content = Math.max(0, ...cells.map((text) => textWidth(text, fontSize)));
    // One point over the estimate, so that a cell never wraps on a rounding.
    return Math.max(content, longestWordWidth(column.header, fontSize, true)) + 1;
  });
  const room = available - table.columns.length * 2 * DENSE_PADDING.side;
  const spare = room - natural.reduce((sum, w) => sum + w, 0);
  if (spare >= 0) {
    const total = natural.reduce((sum, w) => sum + w, 0);
    return natural.map((w) => w + (spare * w) / total);
  }
  const minimum = table.columns.map((column, i) => {
    if (column.kind !== 'text' || (column.width ?? 2) < 1.5) return natural[i] as number;
    const words = `${column.header} ${rows.map((row) => String(row[i] ?? '')).join(' ')}`;
    return Math.min(natural[i] as number, longestWordWidth(words, fontSize, true) + 1);
  });
  const give = natural.map((w, i) => w - (minimum[i] as number));
  const canGive = give.reduce((sum, g) => sum + g, 0);
  if (canGive < -spare) return null;
  return natural.map((w, i) => w - ((give[i] as number) * -spare) / canGive);
}

function tableBody(lang: Lang, table: Table): TableCell[][] {
  const header: TableCell[] = table.columns.map((column) => ({
    text: column.header,
    bold: true,
    fillColor: COLORS.head,
    alignment: isNumeric(column.kind) ? 'right' : 'left',
  }));
  const body: TableCell[][] = [header];
  table.rows.forEach((row, r) => {
    body.push(
      table.columns.map(
        (column, i) =>
          ({
            ...(cellContent(lang, row[i] ?? null, column, table, false) as object),
            ...(r % 2 === 1 ? { fillColor: COLORS.band } : {}),
          }) as TableCell,
      ),
    );
  });
  if (table.totals)
    body.push(
      table.columns.map((column, i) => cellContent(lang, table.totals?.[i] ?? null, column, table, true)),
    );
  return body;
}

function tableContent(
  lang: Lang,
  table: Table,
  available: number,
  fontSize: number | undefined,
  dense = false,
): Content {
  const size = fontSize ?? (table.columns.length > 12 ? 6.5 : table.columns.length > 8 ? 7.5 : 8.5);
  const body = tableBody(lang, table);
  const totalsRow = table.totals ? body.length - 1 : -1;
  const denseWidths = dense ? denseColumnWidths(lang, table, available, size) : null;
  const padding = denseWidths ? DENSE_PADDING : { side: 3, top: 2 };
  return {
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: denseWidths ?? columnWidths(table.columns, available),
      body,
    },
    fontSize: size,
    // The font's line box is tall (ascent 1 em, descent 0.33 em): a dense table tightens it.
    ...(denseWidths ? { lineHeight: 0.95 } : {}),
    layout: {
      hLineWidth: (i: number) => (i === 1 || i === totalsRow ? 0.8 : i === 0 ? 0 : 0.3),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i === 1 || i === totalsRow ? COLORS.ink : COLORS.rule),
      paddingTop: () => padding.top,
      paddingBottom: () => padding.top,
      paddingLeft: () => padding.side,
      paddingRight: () => padding.side,
    },
    margin: [0, 2, 0, 10],
  };
}

function keyFiguresContent(
  lang: Lang,
  items: readonly KeyFigure[],
  available: number,
  perRow: number,
): Content {
  const rows: Content[] = [];
  for (let i = 0; i < items.length; i += perRow) {
    const slice = items.slice(i, i + perRow);
    rows.push({
      columns: Array.from({ length: perRow }, (_, k) => {
        const item = slice[k];
        if (!item) return { text: '', width: '*' };
        return {
          width: '*',
          stack: [
            { text: item.label, color: COLORS.muted, fontSize: 8 },
            { text: withMinusSigns(item.value, lang), bold: true, fontSize: 14, margin: [0, 1, 0, 1] },
            ...(item.note
              ? [{ text: withMinusSigns(item.note, lang), color: COLORS.muted, fontSize: 6.5, italics: true }]
              : []),
          ],
        };
      }),
      columnGap: 12,
      margin: [0, 0, 0, 8],
    } as Content);
  }
  return { stack: rows, margin: [0, 0, 0, 4], unbreakable: available > 0 } as Content;
}

function factsContent(lang: Lang, items: readonly { label: string; value: string }[]): Content {
  const half = Math.ceil(items.length / 2);
  const column = (part: typeof items): Content =>
    ({
      width: '*',
      table: {
        widths: [110, '*'],
        body: part.map((item) => [
          { text: item.label, color: COLORS.muted },
          { text: withMinusSigns(item.value, lang) || '—' },
        ]),
      },
      layout: 'noBorders',
    }) as Content;
  // pdfmake cannot lay out a table without rows: a single fact takes one column, none none.
  const parts = [items.slice(0, half), items.slice(half)].filter((part) => part.length > 0);
  return {
    columns: parts.map(column),
    columnGap: 16,
    fontSize: 8.5,
    margin: [0, 0, 0, 10],
  } as Content;
}

function chartsContent(lang: Lang, charts: readonly ChartSpec[], available: number): Content {
  const perRow = charts.length > 1 ? 2 : 1;
  const gap = 16;
  // A chart alone is at most the width of a portrait page, and low, so that it never fills the page.
  const width = perRow === 1 ? Math.min(available, 523) : Math.floor((available - gap) / 2);
  const height = Math.round(Math.min(perRow === 1 ? 170 : 230, width * 0.55));
  const rows: Content[] = [];
  for (let i = 0; i < charts.length; i += perRow) {
    rows.push({
      columns: charts.slice(i, i + perRow).map((chart) => ({
        width,
        stack: [
          { text: chart.title, bold: true, fontSize: 9, margin: [0, 0, 0, 2] },
          { svg: chartSvg(chart, lang, width, height), width, font: CHART_FONT },
        ],
      })),
      columnGap: gap,
      margin: [0, 0, 0, 10],
      unbreakable: true,
    } as Content);
  }
  return { stack: rows };
}

export function blockContent(lang: Lang, block: Block, available: number, landscape: boolean): Content {
  switch (block.type) {
    case 'heading':
      return { text: block.text, style: 'heading' };
    case 'paragraph': {
      // A sentence worded with the figures' formatters: their negatives take the minus sign too.
      const text = withMinusSigns(block.text, lang);
      return block.small
        ? { text, fontSize: 7.5, color: COLORS.muted, margin: [0, 0, 0, 4] }
        : { text, margin: [0, 0, 0, 6] };
    }
    case 'keyFigures':
      return keyFiguresContent(lang, block.items, available, landscape ? 5 : 4);
    case 'facts':
      return factsContent(lang, block.items);
    case 'table':
      return tableContent(lang, block.table, available, block.fontSize, block.dense);
    case 'charts':
      return chartsContent(lang, block.charts, available);
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}
