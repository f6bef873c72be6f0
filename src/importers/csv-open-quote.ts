/**
 * Finds the physical line where a CSV file's unclosed quote opens. csv-parse only says that the
 * file ended inside a quote — or, when more than its record size limit follows the quote, that a
 * record is too large — and the rows it had parsed before failing may never reach the reader
 * (a stream that fails drops what it buffered), so the file is scanned again on that error path.
 * Quotes, separators and line breaks are ASCII bytes in UTF-8 and Windows-1252 alike, so the
 * bytes are scanned as they are; only a record's size is counted on the text as the parser gets it.
 */
import { createReadStream } from 'node:fs';
import { type CsvSeparator, type TextEncodingName, Utf8NormalisingDecoder } from './text-encoding.ts';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

type QuoteState = 'outside' | 'quoted' | 'quoteInQuoted';

/**
 * Follows csv-parse's quoting as the tabular reader configures it (quote and escape `"`,
 * relax_quotes, records ended by CRLF, LF or CR): a quote opens a field only at its start; inside
 * it `""` is a quote, and a quote followed by a separator, a line break or the end closes it; any
 * other character after that quote makes it literal and the field goes on unquoted.
 * Lines are counted as an editor does: CRLF is one break, breaks inside quoted fields count.
 */
export class OpenQuoteScanner {
  readonly #separator: number;
  #state: QuoteState = 'outside';
  #fieldEmpty = true;
  #line = 1;
  #afterCr = false;
  #openLine = 0;
  #started = false;
  readonly #maxRecordBytes: number;
  #recordBytes = 0;
  #overlong: { quoteLine: number | null } | null = null;

  /** `maxRecordBytes`: the size past which a record is noted (`overlong`); none by default. */
  constructor(separator: CsvSeparator, maxRecordBytes = Number.POSITIVE_INFINITY) {
    this.#separator = separator.charCodeAt(0);
    this.#maxRecordBytes = maxRecordBytes;
  }

  /**
   * Once a record has grown past `maxRecordBytes`: the line of the quote open then (null: none
   * was). csv-parse counts the fields' bytes only, so the scanner, counting separators and quotes
   * too, gets there first, a few bytes earlier at most.
   */
  get overlong(): { quoteLine: number | null } | null {
    return this.#overlong;
  }

  push(bytes: Uint8Array): void {
    let start = 0;
    if (!this.#started) {
      // The reader drops a UTF-8 BOM, so a quote right after it opens the first field.
      this.#started = true;
      if (UTF8_BOM.every((byte, index) => bytes[index] === byte)) start = UTF8_BOM.length;
    }
    for (let index = start; index < bytes.length; index++) this.#read(bytes[index] as number);
  }

  /** The line of the quote still open at the end of the file, or null when every quote closed. */
  end(): number | null {
    return this.#state === 'quoted' ? this.#openLine : null;
  }

  #read(byte: number): void {
    this.#readQuoting(byte);
    if (this.#overlong === null && this.#recordBytes > this.#maxRecordBytes)
      this.#overlong = { quoteLine: this.#state === 'outside' ? null : this.#openLine };
  }

  #readQuoting(byte: number): void {
    const isBreak = byte === CR || byte === LF;
    // A line break outside quotes ends the record (any other byte, a break in quotes too, is in it).
    this.#recordBytes = isBreak && this.#state !== 'quoted' ? 0 : this.#recordBytes + 1;
    if (isBreak) {
      if (!(byte === LF && this.#afterCr)) this.#line++;
      this.#afterCr = byte === CR;
    } else {
      this.#afterCr = false;
    }
    if (this.#state === 'quoted') {
      if (byte === QUOTE) this.#state = 'quoteInQuoted';
      return;
    }
    if (this.#state === 'quoteInQuoted') {
      if (byte === QUOTE) {
        this.#state = 'quoted'; // "" inside quotes: one literal quote
        return;
      }
      // Closed before a separator or a line break; before anything else the quote was literal
      // (relax_quotes) and the field goes on, no longer empty.
      this.#state = 'outside';
      this.#fieldEmpty = false;
    }
    if (byte === this.#separator || isBreak) {
      this.#fieldEmpty = true;
    } else if (byte === QUOTE && this.#fieldEmpty) {
      this.#state = 'quoted';
      this.#openLine = this.#line;
    } else {
      this.#fieldEmpty = false;
    }
  }
}

/**
 * Scans the file, as the parser gets it (in UTF-8), up to the first record that outgrows
 * `maxRecordBytes`: the line of the quote that was open then — a quote never closed makes the rest
 * of the file one record — or null when that record had none open (it is too large of itself).
 */
export async function lineOfOverlongQuote(
  filePath: string,
  file: { separator: CsvSeparator; encoding: TextEncodingName | null },
  maxRecordBytes: number,
): Promise<number | null> {
  const scanner = new OpenQuoteScanner(file.separator, maxRecordBytes);
  const input = createReadStream(filePath);
  const decoded = new Utf8NormalisingDecoder(file.encoding);
  input.on('error', (error) => decoded.destroy(error));
  input.pipe(decoded);
  try {
    for await (const chunk of decoded) {
      scanner.push(chunk as Buffer);
      if (scanner.overlong) break;
    }
  } finally {
    input.destroy();
  }
  return scanner.overlong?.quoteLine ?? null;
}

/** Scans the file for the line of its unclosed quote; null when it finds none. */
export async function lineOfUnclosedQuote(filePath: string, separator: CsvSeparator): Promise<number | null> {
  const scanner = new OpenQuoteScanner(separator);
  for await (const chunk of createReadStream(filePath)) scanner.push(chunk as Buffer);
  return scanner.end();
}
