/**
 * Byte-level helpers for CSV files: encoding detection (UTF-8 or Windows-1252), a streaming
 * decoder that turns either into UTF-8 for csv-parse, and separator detection.
 */
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { problem } from './problems.ts';
import { TableFormatError } from './table-common.ts';

export type TextEncodingName = 'utf-8' | 'windows-1252';
export type CsvSeparator = ',' | ';' | '\t';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/** Longest UTF-8 sequence: a shorter non-ASCII tail may be the start of a split character. */
const MAX_UTF8_SEQUENCE_BYTES = 4;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

function firstNonAsciiIndex(bytes: Uint8Array, from = 0): number {
  for (let index = from; index < bytes.length; index++) {
    if ((bytes[index] ?? 0) >= 0x80) return index;
  }
  return -1;
}

/**
 * True when the bytes are valid UTF-8. `stream: true` makes the decoder keep an incomplete
 * sequence at the end pending instead of failing, so a sample cut in the middle of a character
 * is still recognised.
 */
export function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides the encoding from a sample of the file's first bytes. A pure-ASCII sample decides
 * nothing (null): ASCII reads the same in both encodings, and the decoder settles the question
 * at the first non-ASCII byte further down the file.
 */
export function detectEncoding(sample: Uint8Array, isWholeFile: boolean): TextEncodingName | null {
  if (hasUtf8Bom(sample)) return 'utf-8';
  const start = firstNonAsciiIndex(sample);
  if (start < 0) return null;
  const tail = sample.subarray(start);
  // One cut character at the very end of the sample proves nothing either way.
  if (!isWholeFile && tail.length < MAX_UTF8_SEQUENCE_BYTES) return null;
  return isValidUtf8Prefix(tail) && (!isWholeFile || isCompleteUtf8(tail)) ? 'utf-8' : 'windows-1252';
}

/**
 * Decodes UTF-8 or Windows-1252 bytes into UTF-8 bytes for csv-parse, dropping a UTF-8 BOM.
 * UTF-8 input is validated (fatal decoder) and passed through unchanged; an invalid sequence after
 * the encoding was settled is an error, since guessing would silently corrupt names.
 */
export class Utf8NormalisingDecoder extends Transform {
  #encoding: TextEncodingName | null;
  #validator = new TextDecoder('utf-8', { fatal: true });
  #isFirstChunk = true;
  #pending: Buffer = Buffer.alloc(0);
  /** Line feeds already passed on, to tell on which line an invalid byte sits. */
  #lineFeedsSeen = 0;

  constructor(encoding: TextEncodingName | null) {
    super();
    this.#encoding = encoding;
  }

  /** The encoding in use; null while only ASCII has been seen. */
  get encoding(): TextEncodingName | null {
    return this.#encoding;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      let bytes = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
      this.#pending = Buffer.alloc(0);
      if (this.#isFirstChunk) {
        if (bytes.length < UTF8_BOM.length) {
          this.#pending = bytes;
          callback();
          return;
        }
        this.#isFirstChunk = false;
        if (hasUtf8Bom(bytes)) {
          this.#encoding = 'utf-8';
          bytes = bytes.subarray(UTF8_BOM.length);
        }
      }
      this.#convert(bytes, false);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (this.#isFirstChunk && hasUtf8Bom(this.#pending))
        this.#pending = this.#pending.subarray(UTF8_BOM.length);
      this.#convert(this.#pending, true);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  #convert(bytes: Buffer, isLast: boolean): void {
    if (this.#encoding === null) bytes = this.#decideEncoding(bytes, isLast);
    if (bytes.length === 0 && !isLast) return;
    if (this.#encoding === 'windows-1252') {
      this.push(Buffer.from(iconv.decode(bytes, 'win1252'), 'utf8'));
    } else {
      this.#validateUtf8(bytes, isLast);
      this.push(bytes);
    }
    this.#lineFeedsSeen += countLineFeeds(bytes);
  }

  /** Settles the encoding at the first non-ASCII byte; returns the bytes still to convert. */
  #decideEncoding(bytes: Buffer, isLast: boolean): Buffer {
    const start = firstNonAsciiIndex(bytes);
    const encoding = start < 0 ? null : detectEncoding(bytes.subarray(start), isLast);
    if (encoding !== null) {
      this.#encoding = encoding;
      return bytes;
    }
    // Only ASCII so far, or a character cut at the end of the chunk: pass the ASCII on, keep the rest.
    const asciiEnd = start < 0 ? bytes.length : start;
    this.push(bytes.subarray(0, asciiEnd));
    this.#lineFeedsSeen += countLineFeeds(bytes.subarray(0, asciiEnd));
    this.#pending = Buffer.from(bytes.subarray(asciiEnd));
    return Buffer.alloc(0);
  }

  #validateUtf8(bytes: Buffer, isLast: boolean): void {
    try {
      this.#validator.decode(bytes, { stream: !isLast });
    } catch {
      const line = this.#lineFeedsSeen + countLineFeeds(bytes.subarray(0, firstInvalidUtf8Offset(bytes))) + 1;
      throw new TableFormatError(problem('mixed_encoding', { line }), line);
    }
  }
}

function isCompleteUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function countLineFeeds(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

/** Position of the first invalid byte, give or take the length of one character. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isValidUtf8Prefix(bytes.subarray(0, middle + 1))) low = middle + 1;
    else high = middle;
  }
  return low;
}

// Ties go to ';' (French Excel's default), then tab, then ','.
const SEPARATOR_PREFERENCE: readonly CsvSeparator[] = [';', '\t', ','];

/**
 * Picks the separator occurring most often outside quotes in the first non-empty line of the
 * sample. The sample may be decoded as latin1: separators and quotes are ASCII in both encodings.
 */
export function detectSeparator(sampleText: string): CsvSeparator {
  const counts = new Map<string, number>(SEPARATOR_PREFERENCE.map((separator) => [separator, 0]));
  let isQuoted = false;
  let lineHasContent = false;
  for (const character of sampleText) {
    if (character === '"') {
      isQuoted = !isQuoted;
      lineHasContent = true;
    } else if (!isQuoted && (character === '\n' || character === '\r')) {
      if (lineHasContent) break;
    } else if (!isQuoted && counts.has(character)) {
      counts.set(character, (counts.get(character) ?? 0) + 1);
      lineHasContent = true;
    } else if (character.trim() !== '' && character !== '\ufeff') {
      lineHasContent = true;
    }
  }
  let best: CsvSeparator = ';';
  for (const separator of SEPARATOR_PREFERENCE) {
    if ((counts.get(separator) ?? 0) > (counts.get(best) ?? 0)) best = separator;
  }
  return best;
}
