/**
 * Bounds an XLSX file before ExcelJS reads it. An XLSX is a zip: a few megabytes on disk can
 * inflate to gigabytes (a "zip bomb"), and ExcelJS keeps the shared strings and the styles in
 * memory and copies worksheets to temporary files. The declared sizes of a zip can lie, so the
 * entries ExcelJS will read are inflated here, in a stream, with the same zip parser as ExcelJS
 * (unzipper, so both see the same entries) and counted: memory stays flat and the file is
 * refused as soon as a bound is passed. The bounds are far above what a real import needs.
 */
import { createReadStream } from 'node:fs';
import unzipper from 'unzipper';
import { problem } from './problems.ts';
import { TableFormatError } from './table-common.ts';

const MiB = 1024 ** 2;

export interface XlsxBounds {
  /** Inflated bytes of every entry ExcelJS reads, together (worksheets included). */
  totalBytes: number;
  /** Entries ExcelJS holds in memory whole. */
  sharedStringsBytes: number;
  metadataBytes: number;
  /** Longest stretch of XML between two '<': one text value or one tag. */
  tokenBytes: number;
  /** Cells of one worksheet row, empty or not (Excel itself has 16,384 columns). */
  cellsPerRow: number;
  rowsPerSheet: number;
}

export const XLSX_BOUNDS: XlsxBounds = {
  totalBytes: 2048 * MiB,
  sharedStringsBytes: 128 * MiB,
  metadataBytes: 8 * MiB,
  tokenBytes: 1 * MiB,
  cellsPerRow: 16_384,
  rowsPerSheet: 5_000_000,
};

type EntryKind = 'sharedStrings' | 'worksheet' | 'metadata';

/** The entries ExcelJS's WorkbookReader parses (its own unanchored patterns); it drains the rest unread. */
function kindOf(path: string): EntryKind | null {
  if (path === 'xl/sharedStrings.xml') return 'sharedStrings';
  if (/xl\/worksheets\/sheet\d+[.]xml/.test(path)) return 'worksheet';
  if (
    path === 'xl/workbook.xml' ||
    path === 'xl/styles.xml' ||
    path === 'xl/_rels/workbook.xml.rels' ||
    /xl\/worksheets\/_rels\/sheet\d+[.]xml.rels/.test(path)
  )
    return 'metadata';
  return null;
}

const LT = 0x3c;
const ROW_TAG = Buffer.from('row');

/** Counts one entry's inflated bytes, its longest token, and its rows and cells per row. */
class EntryScanner {
  bytes = 0;
  rows = 0;
  #cellsInRow = 0;
  #lastLtAt = 0;
  #tail = Buffer.alloc(0);
  readonly #bounds: XlsxBounds;
  readonly #kind: EntryKind;
  readonly #path: string;

  constructor(path: string, kind: EntryKind, bounds: XlsxBounds) {
    this.#path = path;
    this.#kind = kind;
    this.#bounds = bounds;
  }

  scan(chunk: Buffer): void {
    const start = this.bytes;
    this.bytes += chunk.length;
    // The bytes after a '<' may be in the next chunk: keep the last few to look at them then.
    const text = this.#tail.length > 0 ? Buffer.concat([this.#tail, chunk]) : chunk;
    const offset = start - this.#tail.length;
    // A '<' among the last 4 bytes is looked at with the next chunk, which starts with them.
    const lookAhead = 4;
    for (let at = text.indexOf(LT); at >= 0 && at < text.length - lookAhead; at = text.indexOf(LT, at + 1)) {
      const position = offset + at;
      this.#checkToken(position - this.#lastLtAt);
      this.#lastLtAt = position;
      if (this.#kind === 'worksheet') this.#countTag(text, at + 1);
    }
    this.#tail = Buffer.from(text.subarray(Math.max(0, text.length - lookAhead)));
    this.#checkToken(this.bytes - this.#lastLtAt);
  }

  #checkToken(length: number): void {
    if (length > this.#bounds.tokenBytes)
      throw tooLarge('xlsx_value_too_long', { entry: this.#path, limitMiB: this.#bounds.tokenBytes / MiB });
  }

  /** `<row …>` starts a row; `<c …>`, `<c>` or `<c/>` is a cell. */
  #countTag(text: Buffer, nameAt: number): void {
    const next = text[nameAt + 1];
    const isNameEnd = (byte: number | undefined) => byte === 0x20 || byte === 0x3e || byte === 0x2f;
    if (text[nameAt] === 0x63 && isNameEnd(next)) {
      if (++this.#cellsInRow > this.#bounds.cellsPerRow)
        throw tooLarge('xlsx_row_too_wide', { limit: this.#bounds.cellsPerRow });
    } else if (text.subarray(nameAt, nameAt + 3).equals(ROW_TAG) && isNameEnd(text[nameAt + 3])) {
      this.#cellsInRow = 0;
      if (++this.rows > this.#bounds.rowsPerSheet)
        throw tooLarge('too_many_rows', { limit: this.#bounds.rowsPerSheet });
    }
  }
}

function tooLarge(
  code: 'file_too_large_uncompressed' | 'xlsx_value_too_long' | 'xlsx_row_too_wide' | 'too_many_rows',
  params: Record<string, string | number>,
): TableFormatError {
  return new TableFormatError(problem(code, params));
}

/**
 * Throws a TableFormatError when the workbook would inflate past a bound. A file that is not a
 * readable zip is left to ExcelJS, which reports it as unreadable.
 */
export async function checkXlsxBounds(filePath: string, bounds: XlsxBounds = XLSX_BOUNDS): Promise<void> {
  const input = createReadStream(filePath);
  const zip = input.pipe(unzipper.Parse({ forceStream: true }));
  let totalBytes = 0;
  try {
    for await (const item of zip) {
      const entry = item as unzipper.Entry;
      const kind = kindOf(entry.path);
      if (kind === null) {
        // ExcelJS drains these without inflating them; so do we.
        await entry.autodrain().promise();
        continue;
      }
      const limit =
        kind === 'sharedStrings'
          ? bounds.sharedStringsBytes
          : kind === 'metadata'
            ? bounds.metadataBytes
            : bounds.totalBytes;
      const scanner = new EntryScanner(entry.path, kind, bounds);
      for await (const chunk of entry) {
        scanner.scan(chunk as Buffer);
        totalBytes += (chunk as Buffer).length;
        if (scanner.bytes > limit || totalBytes > bounds.totalBytes) {
          const over = scanner.bytes > limit ? limit : bounds.totalBytes;
          throw tooLarge('file_too_large_uncompressed', { entry: entry.path, limitMiB: over / MiB });
        }
      }
    }
  } catch (error) {
    if (error instanceof TableFormatError) throw error;
    // Not a zip unzipper can walk: ExcelJS will say why, with the same parser.
  } finally {
    input.destroy();
    zip.destroy();
  }
}
