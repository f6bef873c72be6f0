/**
 * Fills an import's staging table through COPY on a PostgreSQL server: one stream of text rows on
 * the transaction's own connection instead of batches of `unnest` arrays. Measured at 1,000,000
 * invoices (bench/import.ts): the batches cost the process the building of a PostgreSQL array
 * literal per column and the server the parsing of it. The rows stored are the same: each value is
 * written as the text the array path sent (JSON for jsonb), null as `\N`. PGlite does not speak
 * COPY over its socket, and lists (`text[]` columns) keep the array path: null is returned then.
 */
import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { ColumnSpec } from '../infra/bulk.ts';
import { serverClientOf } from '../infra/connect.ts';
import type { Database } from '../infra/schema.ts';

/** Rows per chunk of text handed to the stream (a few hundred KB). */
const CHUNK_ROWS = 5000;

const SPECIAL = /[\\\t\n\r]/;

/** COPY text format: `\N` for null, backslash escapes for the separators. */
export function copyValue(value: unknown, type: ColumnSpec<unknown>['type']): string {
  if (value === null || value === undefined) return '\\N';
  // A number never holds a separator: no escaping to look for (the dunning run's hot path).
  if (typeof value === 'number' && type !== 'jsonb') return String(value);
  if (type === 'bool') return value ? 't' : 'f';
  // JSON text never holds a raw tab or line break (JSON.stringify escapes them, with a backslash):
  // only its backslashes need doubling.
  if (type === 'jsonb') return escapeJsonText(JSON.stringify(value));
  return escapeCopyText(String(value));
}

/** COPY escaping of text: each a native pass (a replace with a callback per match cost 4 % of a run). */
export function escapeCopyText(text: string): string {
  if (!SPECIAL.test(text)) return text;
  let escaped = text.includes('\\') ? text.replaceAll('\\', '\\\\') : text;
  if (escaped.includes('\t')) escaped = escaped.replaceAll('\t', '\\t');
  if (escaped.includes('\n')) escaped = escaped.replaceAll('\n', '\\n');
  if (escaped.includes('\r')) escaped = escaped.replaceAll('\r', '\\r');
  return escaped;
}

/** COPY escaping of JSON text (as `JSON.stringify` writes it: no raw tab, newline or return). */
export function escapeJsonText(json: string): string {
  return json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
}

export function copyText<Row>(rows: readonly Row[], columns: readonly ColumnSpec<Row>[]): string {
  const parts: string[] = [];
  for (const row of rows) {
    let line = '';
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index] as ColumnSpec<Row>;
      line += (index === 0 ? '' : '\t') + copyValue(column.value(row), column.type);
    }
    parts.push(line);
  }
  return `${parts.join('\n')}\n`;
}

/**
 * Copies `rows` into `stage` (already created with `columns`); false when COPY is not available
 * (embedded engine, list columns) and nothing was written.
 */
export async function copyStageRows<Row>(
  trx: Kysely<Database>,
  stage: string,
  rows: readonly Row[],
  columns: readonly ColumnSpec<Row>[],
): Promise<boolean> {
  return copyInto(trx, stage, columns, async (stream) => {
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const text = copyText(rows.slice(start, start + CHUNK_ROWS), columns);
      if (!stream.write(text)) await drained(stream);
      // A stream that keeps up never says to wait: other requests get their turn between chunks.
      else await nextTurn();
    }
  });
}

/**
 * Opens `copy table (columns) from stdin` on the transaction's own connection, lets `feed` write
 * the rows' text to it, and waits for the server to take them; false when COPY is not available
 * (the embedded engine, list columns) and nothing was written.
 */
export async function copyInto<Row>(
  trx: Kysely<Database>,
  table: string,
  columns: readonly ColumnSpec<Row>[],
  feed: (stream: Writable) => Promise<void>,
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
    await feed(stream);
  } finally {
    // The connection takes no other statement (not even a rollback) while a COPY is open.
    stream.end();
  }
  await done;
  return true;
}

/** Resolves when the stream wants more, rejects if it fails first. */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}
