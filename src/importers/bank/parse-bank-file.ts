/**
 * Reads a bank statement file of any supported format, detected from its content: whole
 * (parseBankFile), or as items in file order (readBankFile) — a camt file then piece by piece,
 * its memory not growing with its entries.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import {
  BankFileError,
  type BankFormat,
  type BankItem,
  bankProblem,
  type ParsedBankFile,
} from './bank-types.ts';
import { CamtReader, parseCamt } from './camt-reader.ts';
import { parseCfonb } from './cfonb.ts';
import { parseOfx } from './ofx.ts';

/** A statement file is small; anything larger is not one (and would be parsed in memory). */
export const MAX_BANK_FILE_BYTES = 64 * 1024 ** 2;

/** UTF-8 when the bytes are valid UTF-8 (BOM removed), else Windows-1252 as French banks write. */
export function decodeBankBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'windows-1252');
  }
}

export function detectBankFormat(text: string): BankFormat | null {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 4000);
  if (head.startsWith('<')) {
    if (/camt\.053|<(\w+:)?BkToCstmrStmt[\s>]/.test(head)) return 'camt.053';
    if (/camt\.054|<(\w+:)?BkToCstmrDbtCdtNtfctn[\s>]/.test(head)) return 'camt.054';
    if (/<\?OFX|<OFX>/i.test(head)) return /^<\?xml/.test(head) ? 'ofx2' : 'ofx1';
    return null;
  }
  if (/^OFXHEADER\s*:/i.test(head) || /^<OFX>/i.test(head)) return 'ofx1';
  if (/^0[1457]\d{5}/.test(head)) return 'cfonb120';
  return null;
}

export function parseBankText(text: string): ParsedBankFile {
  const format = detectBankFormat(text);
  switch (format) {
    case 'camt.053':
    case 'camt.054':
      return parseCamt(text);
    case 'cfonb120':
      return parseCfonb(text);
    case 'ofx1':
      return parseOfx(text, 1);
    case 'ofx2':
      return parseOfx(text, 2);
    default:
      throw new BankFileError([bankProblem('bank_unknown_format')]);
  }
}

function tooLarge(size: number): void {
  if (size > MAX_BANK_FILE_BYTES)
    throw new BankFileError([
      bankProblem('bank_file_too_large', { maxMegabytes: MAX_BANK_FILE_BYTES / 1024 ** 2 }),
    ]);
}

export async function parseBankFile(filePath: string): Promise<ParsedBankFile> {
  const bytes = await readFile(filePath);
  tooLarge(bytes.length);
  return parseBankText(decodeBankBytes(bytes));
}

/** What reading a file has found out: its SHA-256 before the first item, its format by its first statement. */
export interface BankFileRead {
  sha256: string;
  format: BankFormat | null;
}

const CHUNK_BYTES = 1024 ** 2;

/** The file's SHA-256, and whether its bytes are UTF-8 (decodeBankBytes' choice), in one pass. */
async function scanFile(filePath: string): Promise<{ sha256: string; utf8: boolean }> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  for await (const chunk of createReadStream(filePath, { highWaterMark: CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
    if (utf8)
      try {
        decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        utf8 = false;
      }
  }
  if (utf8)
    try {
      decoder.decode();
    } catch {
      utf8 = false;
    }
  return { sha256: hash.digest('hex'), utf8 };
}

async function* textChunks(filePath: string, utf8: boolean): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  for await (const chunk of createReadStream(filePath, { highWaterMark: CHUNK_BYTES }))
    yield utf8
      ? decoder.decode(chunk as Buffer, { stream: true })
      : iconv.decode(chunk as Buffer, 'windows-1252');
  if (utf8) yield decoder.decode();
}

function* itemsOf(parsed: ParsedBankFile): Generator<BankItem> {
  for (const statement of parsed.statements) {
    const header = { ...statement, entries: [] };
    yield { kind: 'statement', statement: header };
    for (const entry of statement.entries) yield { kind: 'entry', entry };
    yield { kind: 'statementEnd', statement: header };
  }
}

/** The text's chunks, the first one long enough to detect the format from. */
async function* headFirst(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let head: string | null = '';
  for await (const chunk of chunks) {
    if (head === null) yield chunk;
    else {
      head += chunk;
      if (head.trimStart().length < 4000) continue;
      yield head;
      head = null;
    }
  }
  if (head !== null && head !== '') yield head;
}

/** What a first pass over a file tells: its SHA-256, whether it is UTF-8, its format (null: unknown). */
export interface BankFileScan {
  sha256: string;
  utf8: boolean;
  format: BankFormat | null;
}

/**
 * The first pass over a file, apart so that a caller makes it before its transaction: the size
 * checked, the hash and the encoding, and the format detected from the head `readBankFile` reads
 * it from (a camt reader may still tell the exact version from the statement).
 */
export async function scanBankFile(filePath: string): Promise<BankFileScan> {
  tooLarge((await stat(filePath)).size);
  const { sha256, utf8 } = await scanFile(filePath);
  let head = '';
  for await (const chunk of textChunks(filePath, utf8)) {
    head += chunk;
    if (head.trimStart().length >= 4000) break;
  }
  return { sha256, utf8, format: detectBankFormat(head) };
}

/**
 * The file's statements and entries in file order. A camt file is read by chunks and its entries
 * parsed one by one; the other formats (line-based or small) are parsed whole. Problems are
 * thrown (BankFileError) as soon as the file cannot be read, or at its end: what came before
 * them must then be dropped by the reader's caller. `scan` is `scanBankFile`'s, when made before.
 */
export async function* readBankFile(
  filePath: string,
  read: BankFileRead,
  scan?: BankFileScan,
): AsyncGenerator<BankItem> {
  if (!scan) tooLarge((await stat(filePath)).size);
  const { sha256, utf8 } = scan ?? (await scanFile(filePath));
  read.sha256 = sha256;
  // undefined until the first chunk says whether the file is a camt one.
  let camt: CamtReader | null | undefined;
  const whole: string[] = [];
  for await (const chunk of headFirst(textChunks(filePath, utf8))) {
    if (camt === undefined) {
      const format = detectBankFormat(chunk);
      camt = format === 'camt.053' || format === 'camt.054' ? new CamtReader() : null;
    }
    if (camt === null) {
      whole.push(chunk);
      continue;
    }
    for (const item of camt.push(chunk)) {
      read.format ??= camt.currentFormat();
      yield item;
    }
  }
  if (camt) {
    read.format = camt.finish();
    return;
  }
  const parsed = parseBankText(whole.join(''));
  read.format = parsed.format;
  yield* itemsOf(parsed);
}
