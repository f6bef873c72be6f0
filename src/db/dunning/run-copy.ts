/**
 * COPY of the rows a dunning run writes (letters, actions, their items, the customers' story
 * lines), in the text format of `copy-stage.ts` (the same bytes: `copyLine` is checked against its
 * `copyText`), encoded one row at a time. `copyText` joins a chunk of 5,000 rows into one string
 * before it becomes bytes: the letters' render jobs (French text, so two-byte strings) made chunks
 * of some 22 MB whose joining and encoding cost 450–590 ms of CPU per 5,000 letters, against
 * 130 ms row by row (bench on 5,000 letters of the 20,000-customer run). The rows are written to
 * the stream in buffers of about 1 MB.
 */
import type { Kysely } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import { copyValue, drained } from '../imports/copy-stage.ts';
import type { ColumnSpec } from '../infra/bulk.ts';
import { serverClientOf } from '../infra/connect.ts';
import type { Database } from '../infra/schema.ts';

/** Bytes handed to the stream at a time. */
const WRITE_BYTES = 1 << 20;

/** One row as a line of COPY text, its newline included. */
export function copyLine<Row>(row: Row, columns: readonly ColumnSpec<Row>[]): string {
  let line = '';
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index] as ColumnSpec<Row>;
    line += (index === 0 ? '' : '\t') + copyValue(column.value(row), column.type);
  }
  return `${line}\n`;
}

/**
 * Copies `rows` into `table` on the transaction's own connection; false when COPY is not
 * available (the embedded engine, list columns) and nothing was written.
 */
export async function copyRows<Row>(
  trx: Kysely<Database>,
  table: string,
  rows: readonly Row[],
  columns: readonly ColumnSpec<Row>[],
): Promise<boolean> {
  if (columns.some((column) => column.type === 'text[]')) return false;
  const client = await serverClientOf(trx);
  if (!client) return false;
  const names = columns.map((column) => `"${column.name}"`).join(', ');
  const stream = client.query(copyFrom(`copy ${table} (${names}) from stdin`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // A failed COPY is reported when awaited below; until then the error must not go unhandled.
  done.catch(() => {});
  try {
    let pending: Buffer[] = [];
    let bytes = 0;
    for (const row of rows) {
      const encoded = Buffer.from(copyLine(row, columns));
      pending.push(encoded);
      bytes += encoded.length;
      if (bytes < WRITE_BYTES) continue;
      const chunk = Buffer.concat(pending, bytes);
      pending = [];
      bytes = 0;
      if (!stream.write(chunk)) await drained(stream);
    }
    if (bytes > 0) stream.write(Buffer.concat(pending, bytes));
  } finally {
    // The connection takes no other statement (not even a rollback) while a COPY is open.
    stream.end();
  }
  await done;
  return true;
}
