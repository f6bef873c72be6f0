/**
 * Bytes → text lines for FEC files. The encoding is settled by a first pass over the whole file
 * (UTF-8 validity and a histogram of the bytes ≥ 0x80), because a single accented letter deep in
 * the file decides between UTF-8, Windows-1252, ISO-8859-15 and the OEM code page CP850 — and a
 * wrong guess silently corrupts customer names. The second pass streams lines; memory stays flat.
 */

import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

export type FecEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-15' | 'cp850';

const SINGLE_BYTE: readonly Exclude<FecEncoding, 'utf-8'>[] = ['windows-1252', 'iso-8859-15', 'cp850'];
const ICONV_NAMES: Record<Exclude<FecEncoding, 'utf-8'>, string> = {
  'windows-1252': 'win1252',
  'iso-8859-15': 'iso-8859-15',
  cp850: 'cp850',
};

/** Characters French ledgers contain; anything else decoded from a high byte counts against a code page. */
const PLAUSIBLE = new Set('àâäçéèêëîïôöùûüÿÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸœŒæÆ€°«»’‘“”–—…²ñÑ');

export interface EncodingScan {
  encoding: FecEncoding;
  hasBom: boolean;
  totalBytes: number;
  /** SHA-256 of the file, hex: taken on this pass so that the import reads the file twice, not three times. */
  sha256: string;
}

/** Picks the single-byte code page whose decoding of the high bytes looks most like French text. */
export function chooseSingleByteEncoding(highByteCounts: readonly number[]): Exclude<FecEncoding, 'utf-8'> {
  let best: Exclude<FecEncoding, 'utf-8'> = 'windows-1252';
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const encoding of SINGLE_BYTE) {
    let score = 0;
    highByteCounts.forEach((count, offset) => {
      if (count === 0) return;
      const character = iconv.decode(Buffer.from([0x80 + offset]), ICONV_NAMES[encoding]);
      if (PLAUSIBLE.has(character)) score += count;
      else if (/[\u0080-\u009f\u2500-\u25ff\ufffd]/.test(character)) score -= count;
    });
    // Ties keep the earlier candidate: Windows-1252 is what most French software writes.
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}

/** First pass: is the file UTF-8 (with or without BOM), and if not, which code page. */
export async function scanEncoding(filePath: string): Promise<EncodingScan> {
  const validator = new TextDecoder('utf-8', { fatal: true });
  let isUtf8 = true;
  let hasBom = false;
  let totalBytes = 0;
  let sawHighByte = false;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    if (totalBytes === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) hasBom = true;
    totalBytes += bytes.length;
    if (!sawHighByte && !isAscii(bytes)) sawHighByte = true;
    if (isUtf8 && sawHighByte) {
      try {
        validator.decode(bytes, { stream: true });
      } catch {
        isUtf8 = false;
      }
    }
  }
  if (isUtf8) {
    try {
      validator.decode();
    } catch {
      isUtf8 = false;
    }
  }
  const encoding = hasBom || isUtf8 ? 'utf-8' : chooseSingleByteEncoding(await highByteCounts(filePath));
  return { encoding, hasBom, totalBytes, sha256: hash.digest('hex') };
}

/**
 * How often each byte ≥ 0x80 occurs: a second pass made only for files that are not UTF-8, so the
 * common case pays for no byte-by-byte loop in JavaScript.
 */
async function highByteCounts(filePath: string): Promise<number[]> {
  const counts = new Array<number>(128).fill(0);
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index] ?? 0;
      if (byte >= 0x80) counts[byte - 0x80] = (counts[byte - 0x80] ?? 0) + 1;
    }
  }
  return counts;
}

export interface TextLine {
  /** 1-based physical line number (counted on line feeds). */
  line: number;
  text: string;
}

/**
 * Streams the decoded lines of a file, a chunk's worth at a time: decoding a whole chunk and
 * yielding an array keeps per-line work (buffer slices, decoder calls, promise turns) out of a
 * loop that runs millions of times. Splitting on the line-feed byte is safe in UTF-8 and in the
 * single-byte code pages. Accepts LF, CRLF and the `\r\r\n` some exports write: every carriage
 * return before the line feed is dropped. A UTF-8 BOM is removed.
 */
export async function* readTextLineBatches(
  filePath: string,
  encoding: FecEncoding,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<TextLine[]> {
  const decode =
    encoding === 'utf-8'
      ? (bytes: Buffer) => bytes.toString('utf8')
      : (bytes: Buffer) => iconv.decode(bytes, ICONV_NAMES[encoding]);
  let carry: Buffer = Buffer.alloc(0);
  let lineNumber = 0;
  let bytesRead = 0;
  const linesOf = (bytes: Buffer, final: boolean): TextLine[] => {
    const texts = decode(bytes).split('\n');
    // A final chunk without a trailing line feed still ends a line; otherwise the split leaves an empty tail.
    if (!final || texts[texts.length - 1] === '') texts.pop();
    const batch: TextLine[] = new Array(texts.length);
    for (let index = 0; index < texts.length; index++) {
      let text = texts[index] ?? '';
      if (text.endsWith('\r')) text = text.replace(/\r+$/, '');
      lineNumber++;
      if (lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      batch[index] = { line: lineNumber, text };
    }
    return batch;
  };
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    bytesRead += (chunk as Buffer).length;
    const end = bytes.lastIndexOf(0x0a);
    if (end >= 0) {
      yield linesOf(bytes.subarray(0, end + 1), false);
      carry = Buffer.from(bytes.subarray(end + 1));
    } else carry = Buffer.from(bytes);
    onBytes?.(bytesRead);
  }
  if (carry.length > 0) yield linesOf(carry, true);
}
