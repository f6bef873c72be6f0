/**
 * Reads a CSV or XLSX file as a stream of rows of strings, with the header row apart and the
 * physical line number of every row, so that errors can point at the line a user sees in an
 * editor. Nothing here knows about customers or invoices.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { lineOfOverlongQuote, lineOfUnclosedQuote } from './csv-open-quote.ts';
import { type Problem, problem } from './problems.ts';
import { isBlankRow, padCells, TableFormatError, type TableReader, type TableRow } from './table-common.ts';
import {
  type CsvSeparator,
  detectEncoding,
  detectSeparator,
  type TextEncodingName,
  Utf8NormalisingDecoder,
} from './text-encoding.ts';
import { openXlsx } from './xlsx.ts';

export { TableFormatError, type TableReader, type TableRow } from './table-common.ts';

const SAMPLE_BYTES = 64 * 1024;
/**
 * The parser reads a chunk in one go, with no turn of the event loop: 1 MiB held a server for
 * 0.5–1.4 s at a time; 64 KiB (about 1,300 invoice rows) reads a 5 MB file as fast.
 */
const READ_CHUNK_BYTES = 64 * 1024;
const MAX_RECORD_CHARACTERS = 8 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46] as const;
/** Control bytes a text table never holds (tab, line breaks and the DOS end-of-file mark aside). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is counted
const BINARY_BYTES = /[\x00-\x08\x0b\x0c\x0e-\x19\x1b-\x1f]/g;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

async function readSample(filePath: string): Promise<Buffer> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function openTable(filePath: string, options: { sheet?: string } = {}): Promise<TableReader> {
  const totalBytes = (await stat(filePath)).size;
  const sample = await readSample(filePath);
  if (startsWith(sample, ZIP_MAGIC)) return openXlsx(filePath, totalBytes, options.sheet);
  if (startsWith(sample, OLE_MAGIC)) {
    throw new TableFormatError(problem('xls_not_supported'));
  }
  if (startsWith(sample, UTF16LE_BOM) || startsWith(sample, UTF16BE_BOM)) {
    throw new TableFormatError(problem('utf16_not_supported'), 1);
  }
  const notATable = notATableProblem(sample);
  if (notATable) throw new TableFormatError(notATable);
  return openCsv(filePath, totalBytes, sample);
}

/**
 * A file given a .csv or .xlsx name that is something else (a PDF, a JSON or XML export, a
 * binary): said as such, rather than read as a one-column CSV whose columns are all missing.
 */
function notATableProblem(sample: Buffer): Problem | null {
  if (startsWith(sample, PDF_MAGIC)) return problem('unsupported_format', { format: 'PDF' });
  const text = sample.toString('latin1');
  // A few stray control bytes may come with a real export; a binary file is full of them.
  const controlBytes = text.match(BINARY_BYTES)?.length ?? 0;
  if (text.includes('\u0000') || controlBytes > Math.max(2, text.length / 100)) return problem('binary_file');
  const start = text.replace(/^\xef\xbb\xbf/, '').trimStart();
  if (/^\{|^\[\s*[[{"\]\d-]/.test(start)) return problem('unsupported_format', { format: 'JSON' });
  if (/^<(!doctype html|html)\b/i.test(start)) return problem('unsupported_format', { format: 'HTML' });
  if (/^<[?!a-z]/i.test(start)) return problem('unsupported_format', { format: 'XML' });
  return null;
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Turns csv-parse's `info.lines` (the line where a record ends) into the line where it starts.
 * csv-parse counts a CRLF inside a quoted field as two lines, so those are subtracted as they
 * go by; line breaks inside the record's cells then lead back to its first line.
 */
class LineCounter {
  #overCount = 0;
  #lastEndLine = 0;

  startLineOf(record: readonly string[], endLine: number): number {
    let crlfInside = 0;
    let breaksInside = 0;
    for (const cell of record) {
      if (!cell.includes('\n') && !cell.includes('\r')) continue;
      crlfInside += cell.split('\r\n').length - 1;
      breaksInside += cell.split(/\r\n|\r|\n/).length - 1;
    }
    this.#lastEndLine = endLine - this.#overCount - crlfInside;
    this.#overCount += crlfInside;
    return this.#lastEndLine - breaksInside;
  }

  /** The line after the last record read: where a record that fails to parse starts (blank lines aside). */
  get nextLine(): number {
    return this.#lastEndLine + 1;
  }
}

async function describeCsvError(
  error: unknown,
  file: { path: string; separator: CsvSeparator; encoding: TextEncodingName | null },
  nextLine: number,
): Promise<TableFormatError> {
  if (error instanceof TableFormatError) return error;
  const csvError = error as Partial<CsvError> & { lines?: unknown };
  if (csvError.code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reports the end of the file, and the rows it parsed before failing may never have
    // reached us (a failed stream drops its buffer): the user needs where the quote was opened.
    const line = (await lineOfUnclosedQuote(file.path, file.separator)) ?? nextLine;
    return new TableFormatError(problem('csv_quote_not_closed', { line }), line);
  }
  if (csvError.code === 'CSV_MAX_RECORD_SIZE') {
    // In a large file, the rest of the file after a quote left open outgrows the record size limit
    // before the end of the file would tell the quote is not closed: the same mistake, on its line.
    const line = await lineOfOverlongQuote(file.path, file, MAX_RECORD_CHARACTERS);
    if (line !== null) return new TableFormatError(problem('csv_quote_not_closed', { line }), line);
  }
  const line = typeof csvError.lines === 'number' ? csvError.lines : null;
  const code = csvError.code === 'CSV_INVALID_CLOSING_QUOTE' ? 'csv_invalid_closing_quote' : 'csv_unreadable';
  return new TableFormatError(problem(code, { detail: (error as Error).message }), line);
}

async function openCsv(filePath: string, totalBytes: number, sample: Buffer): Promise<TableReader> {
  const separator = detectSeparator(sample.toString('latin1'));
  const decoder = new Utf8NormalisingDecoder(detectEncoding(sample, sample.length >= totalBytes));
  let bytesRead = 0;
  const input = createReadStream(filePath, { highWaterMark: READ_CHUNK_BYTES });
  input.on('data', (chunk) => {
    bytesRead += chunk.length;
  });
  const parser = parse({
    delimiter: separator,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    // One record held whole in memory: a file with an unclosed quote or no line breaks must not
    // grow it without bound (a real row is a few hundred characters).
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  // pipeline() forwards a read or decoding error to the parser, which rethrows it to the iterator.
  pipeline(input, decoder, parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<CsvRecord>;
  const lineCounter = new LineCounter();
  // Set once the header is read; padding here saves an async layer per row on large files.
  let headerCount = 0;

  async function* dataRows(): AsyncGenerator<TableRow> {
    try {
      while (true) {
        const next = await records.next();
        if (next.done) return;
        const { record, info } = next.value;
        const line = lineCounter.startLineOf(record, info.lines);
        if (!isBlankRow(record)) yield { line, cells: padCells(record, headerCount) };
      }
    } catch (error) {
      const file = { path: filePath, separator, encoding: decoder.encoding };
      throw await describeCsvError(error, file, lineCounter.nextLine);
    } finally {
      // Stopping early (or failing) destroys the parser, and pipeline() closes the file with it.
      await records.return?.();
    }
  }

  const source = dataRows();
  const header = await source.next();
  if (header.done) throw new TableFormatError(problem('file_empty'), 1);
  const headers = header.value.cells.map((name) => name.trim());
  headerCount = headers.length;
  return {
    format: 'csv',
    get encoding() {
      return decoder.encoding ?? 'utf-8';
    },
    separator,
    headers,
    headerLine: header.value.line,
    totalBytes,
    bytesRead: () => bytesRead,
    rows: () => source,
  };
}
