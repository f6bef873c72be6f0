/** Printing for the CLI: exactly one JSON document with --json, aligned text tables otherwise. */
import type { Lang } from '#text/catalogue';
import { formatMoney, onScreen } from '#text/format';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * An amount for a terminal: the language's format with the minus sign a person reads (`onScreen`,
 * as the web and the PDFs write it), with plain spaces so that columns line up.
 */
export function money(amountMinor: number | null, currency: string, lang: Lang = 'fr'): string {
  return onScreen(formatMoney(lang, amountMinor, currency), lang).replace(/[\u202f\u00a0]/g, ' ');
}

/** Any human text for a terminal, with the language's narrow spaces made plain. */
export function plain(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

export interface TableColumn<Row> {
  header: string;
  value: (row: Row) => string;
  align?: 'left' | 'right';
}

/** The table's header, rule and row lines, each column padded to its widest value. */
export function tableLines<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]) {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => (line[index] ?? '').length)),
  );
  const format = (values: string[]) =>
    values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        return columns[index]?.align === 'right' ? value.padStart(width) : value.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return {
    header: format(columns.map((column) => column.header)),
    rule: widths.map((width) => '─'.repeat(width)).join('  '),
    rows: cells.map(format),
  };
}

export function printTable<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): void {
  const lines = tableLines(rows, columns);
  process.stdout.write(`${lines.header}\n${lines.rule}\n`);
  for (const line of lines.rows) process.stdout.write(`${line}\n`);
}
