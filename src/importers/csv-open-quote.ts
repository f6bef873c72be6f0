/**
 * Finds the physical line where a CSV file's unclosed quote opens. csv-parse only says that the
 * file ended inside a quote, and the rows it had parsed before failing may never reach the reader
 * (a stream that fails drops what it buffered), so the file is scanned again on that error path.
 * Quotes, separators and line breaks are ASCII bytes in UTF-8 and Windows-1252 alike, so the
 * bytes are scanned as they are.
 */
import { createReadStream } from 'node:fs';
import type { CsvSeparator } from './text-encoding.ts';

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

  constructor(separator: CsvSeparator) {
    this.#separator = separator.charCodeAt(0);
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
    const isBreak = byte === CR || byte === LF;
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

/** Scans the file for the line of its unclosed quote; null when it finds none. */
export async function lineOfUnclosedQuote(filePath: string, separator: CsvSeparator): Promise<number | null> {
  const scanner = new OpenQuoteScanner(separator);
  for await (const chunk of createReadStream(filePath)) scanner.push(chunk as Buffer);
  return scanner.end();
}
