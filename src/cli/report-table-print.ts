/**
 * A report table (aged balance, risk table, cross tabulation) for a terminal: every typed cell
 * through the documents' own cell formatter, so the CLI prints « 445,7 % » and « 30/06/2026 » as
 * the PDF does, in the reader's language.
 */
import { displayCell } from '#render/cells';
import type { Cell, TabularReport } from '#render/document';
import type { Lang } from '#text/catalogue';
import { plain, type TableColumn, tableLines } from './output.ts';

/** Text cells are cut so that one long name does not push the figures off the screen. */
const TEXT_WIDTH = 40;

export function reportTableLines(table: TabularReport, lang: Lang): string[] {
  const rows = [...table.rows, ...(table.totals ? [table.totals] : [])];
  const columns: TableColumn<Cell[]>[] = table.columns.map((column, index) => ({
    header: column.header,
    align: column.kind === 'text' ? 'left' : 'right',
    value: (row) => {
      const value = row[index] ?? null;
      if (value === null) return '';
      if (column.kind === 'text') return String(value).slice(0, TEXT_WIDTH);
      return plain(displayCell(lang, value, column, table.currency, table.plainMoney));
    },
  }));
  const lines = tableLines(rows, columns);
  return [table.title, ...table.subtitle, '', lines.header, lines.rule, ...lines.rows];
}

export function printReportTable(table: TabularReport, lang: Lang): void {
  for (const line of reportTableLines(table, lang)) process.stdout.write(`${line}\n`);
}
