/** Printing for the CLI: exactly one JSON document with --json, aligned text tables otherwise. */
import { formatMoney } from '#core/money';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function money(amountMinor: number | null, currency: string): string {
  return amountMinor === null ? '—' : formatMoney(amountMinor, currency).replace(/[\u202f\u00a0]/g, ' ');
}

export interface TableColumn<Row> {
  header: string;
  value: (row: Row) => string;
  align?: 'left' | 'right';
}

export function printTable<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): void {
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
  process.stdout.write(`${format(columns.map((column) => column.header))}\n`);
  process.stdout.write(`${widths.map((width) => '─'.repeat(width)).join('  ')}\n`);
  for (const line of cells) process.stdout.write(`${format(line)}\n`);
}
