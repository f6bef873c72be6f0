/**
 * COPY of the rows a dunning run writes (letters, actions, their items, the customers' story
 * lines), in the text format of `copy-stage.ts` (the same bytes: `copyLine` and `CopyChunks` are
 * checked against its `copyText`), encoded one row at a time straight into buffers of about 1 MB
 * handed to the stream. `copyText` joins a chunk of 5,000 rows into one string before it becomes
 * bytes: the letters' render jobs (French text, so two-byte strings) made chunks of some 22 MB
 * whose joining and encoding cost 450–590 ms of CPU per 5,000 letters, against 130 ms row by row
 * (bench on 5,000 letters of the 20,000-customer run). A jsonb value may come as its JSON text
 * already encoded (UTF-8 bytes, `Uint8Array`): a run's letters are encoded when composed, so that
 * what the slice holds until it is stored is bytes outside the heap, not objects and strings the
 * garbage collector copies (it was a quarter of the run's process time).
 */
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { copyInto, copyValue, drained } from '../imports/copy-stage.ts';
import type { ColumnSpec } from '../infra/bulk.ts';
import type { Database } from '../infra/schema.ts';

/** Bytes handed to the stream at a time. */
const WRITE_BYTES = 1 << 20;

const BACKSLASH = 0x5c;

/** One row as a line of COPY text, its newline included (values given as bytes excepted). */
export function copyLine<Row>(row: Row, columns: readonly ColumnSpec<Row>[]): string {
  let line = '';
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index] as ColumnSpec<Row>;
    line += (index === 0 ? '' : '\t') + copyValue(column.value(row), column.type);
  }
  return `${line}\n`;
}

/**
 * Rows encoded into buffers of about `WRITE_BYTES`: each row's text written in place (no buffer
 * per row, no joining of buffers), a value given as JSON bytes copied with its backslashes doubled
 * (the only character of JSON text that COPY's text format escapes: `JSON.stringify` writes no raw
 * tab or line break, and UTF-8 never uses the byte 0x5C inside another character).
 */
export class CopyChunks {
  readonly #size: number;
  #chunk: Buffer;
  #used = 0;
  #full: Buffer[] = [];

  constructor(size = WRITE_BYTES) {
    this.#size = size;
    this.#chunk = Buffer.allocUnsafe(size);
  }

  /** Appends one row: its values, tab-separated, and the newline. */
  row<Row>(row: Row, columns: readonly ColumnSpec<Row>[]): void {
    let line = '';
    for (let index = 0; index < columns.length; index++) {
      const column = columns[index] as ColumnSpec<Row>;
      if (index > 0) line += '\t';
      const value = column.value(row);
      if (value instanceof Uint8Array && column.type === 'jsonb') {
        this.#text(line);
        this.#jsonBytes(value);
        line = '';
      } else line += copyValue(value, column.type);
    }
    this.#text(`${line}\n`);
  }

  /** Whether buffers are filled, ready to be taken. */
  get ready(): boolean {
    return this.#full.length > 0;
  }

  /** The buffers filled so far (given once). */
  takeFull(): Buffer[] {
    const full = this.#full;
    this.#full = [];
    return full;
  }

  /** Every byte written and not yet taken. */
  finish(): Buffer[] {
    this.#seal();
    return this.takeFull();
  }

  #seal(): void {
    if (this.#used === 0) return;
    this.#full.push(this.#chunk.subarray(0, this.#used));
    this.#chunk = Buffer.allocUnsafe(this.#size);
    this.#used = 0;
  }

  /** Room for `bytes` more in the current buffer, sealing it first if need be; false if it never fits. */
  #room(bytes: number): boolean {
    if (this.#used + bytes <= this.#size) return true;
    this.#seal();
    return bytes <= this.#size;
  }

  #text(text: string): void {
    if (text.length === 0) return;
    // At most three bytes per UTF-16 unit; the exact length only for a text that may not fit.
    const bytes = text.length * 3 <= this.#size - this.#used ? text.length * 3 : Buffer.byteLength(text);
    if (!this.#room(bytes)) {
      this.#full.push(Buffer.from(text));
      return;
    }
    this.#used += this.#chunk.write(text, this.#used);
  }

  #jsonBytes(json: Uint8Array): void {
    let start = 0;
    for (;;) {
      const found = json.indexOf(BACKSLASH, start);
      const end = found === -1 ? json.length : found + 1;
      this.#bytes(json.subarray(start, end));
      if (found === -1) return;
      // The backslash just copied, once more.
      this.#bytes(json.subarray(found, found + 1));
      start = end;
    }
  }

  #bytes(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (!this.#room(bytes.length)) {
      this.#full.push(Buffer.from(bytes));
      return;
    }
    this.#chunk.set(bytes, this.#used);
    this.#used += bytes.length;
  }
}

/** Writes `buffers` to the stream, waiting whenever it asks to. */
async function writeAll(stream: Writable, buffers: readonly Buffer[]): Promise<void> {
  for (const buffer of buffers) if (!stream.write(buffer)) await drained(stream);
}

/**
 * Copies `rows` into `table` on the transaction's own connection; false when COPY is not
 * available (the embedded engine, list columns) and nothing was written. `rows` may be any
 * iterable (a generator: rows made as they are written are not all held at once).
 */
export async function copyRows<Row>(
  trx: Kysely<Database>,
  table: string,
  rows: Iterable<Row>,
  columns: readonly ColumnSpec<Row>[],
): Promise<boolean> {
  return copyInto(trx, table, columns, async (stream) => {
    const chunks = new CopyChunks();
    for (const row of rows) {
      chunks.row(row, columns);
      if (chunks.ready) await writeAll(stream, chunks.takeFull());
    }
    await writeAll(stream, chunks.finish());
  });
}
