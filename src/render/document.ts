/**
 * The document port's model: what a business document says (company header, title, subtitle
 * lines, blocks of key figures, facts, tables and charts), independent of the output format.
 * Values stay typed (money in minor units, dates 'YYYY-MM-DD', ratios) until a renderer formats
 * them for the document's language, so a CSV can keep numbers numeric and a PDF can print
 * « 1 234,56 € ».
 */
import type { Lang } from '#text/catalogue';

export type CellKind = 'text' | 'money' | 'number' | 'percent' | 'date' | 'integer' | 'moneyCount';

/** A cross-tab cell: the amount and, under it, the number of customers. */
export interface MoneyCount {
  amountMinor: number;
  count: number;
}

export type Cell = string | number | null | MoneyCount;

export interface TableColumn {
  header: string;
  kind: CellKind;
  /** Relative width in the PDF ('*' share) and character width in XLSX. */
  width?: number;
  /** Digits after the decimal separator for 'number' and 'percent' cells (default 1). */
  decimals?: number;
}

export interface Table {
  currency: string;
  columns: TableColumn[];
  rows: Cell[][];
  totals?: Cell[] | undefined;
  /** Amounts without the currency sign (a wide table says the currency once, above it). */
  plainMoney?: boolean;
}

/** A table with its title and subtitle lines: what CSV and XLSX export, and the CLI prints. */
export interface TabularReport extends Table {
  title: string;
  subtitle: string[];
  /** The spreadsheet tab's name (Excel allows 31 characters); without it, the title cut between words. */
  sheetName?: string;
}

/** A headline figure as a spreadsheet row: the number stays a number, in its own format. */
export interface FigureRow {
  label: string;
  value: number | null;
  kind: 'money' | 'number' | 'integer' | 'percent';
  /** Digits after the decimal separator for 'number' and 'percent' (default 1). */
  decimals?: number;
  /** A unit the cell format writes after the number (« j »), the value staying a number. */
  unit?: string;
  /** Which definition the figure follows. */
  note?: string;
}

/** A spreadsheet tab of headline figures: one figure a row, its value and its definition. */
export interface FiguresSheet {
  sheetName: string;
  title: string;
  subtitle: string[];
  currency: string;
  headers: { label: string; value: string; note: string };
  figures: FigureRow[];
}

/** One tab of a workbook: a table, or headline figures. */
export type WorkbookSheet = TabularReport | FiguresSheet;

export type ValueKind = 'money' | 'days' | 'percent' | 'number';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** A chart drawn like the web app's (ECharts); money values are in minor units. */
export interface ChartSpec {
  title: string;
  kind: 'bar' | 'line' | 'stackedBar';
  labels: string[];
  series: ChartSeries[];
  valueKind: ValueKind;
  currency?: string;
}

export interface KeyFigure {
  label: string;
  value: string;
  /** Which definition the figure follows, printed under it. */
  note?: string;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; small?: boolean }
  | { type: 'keyFigures'; items: KeyFigure[] }
  | { type: 'facts'; items: { label: string; value: string }[] }
  | {
      type: 'table';
      table: Table;
      fontSize?: number;
      /** Columns sized to their content and tight rows, so that a long list prints many rows a page. */
      dense?: boolean;
    }
  | { type: 'charts'; charts: ChartSpec[] }
  | { type: 'pageBreak' };

export interface CompanyHeader {
  name: string;
  siren?: string | null | undefined;
  addressLines?: string[] | undefined;
}

export interface BusinessDocument {
  lang: Lang;
  company: CompanyHeader;
  title: string;
  subtitle: string[];
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
  /** 'YYYY-MM-DD' printed in the footer: the day the document was made. */
  printedOn?: string | undefined;
}
