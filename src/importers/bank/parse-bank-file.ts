/** Reads a bank statement file of any supported format, detected from its content. */
import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { BankFileError, type BankFormat, bankProblem, type ParsedBankFile } from './bank-types.ts';
import { parseCamt } from './camt.ts';
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

export async function parseBankFile(filePath: string): Promise<ParsedBankFile> {
  const bytes = await readFile(filePath);
  if (bytes.length > MAX_BANK_FILE_BYTES)
    throw new BankFileError([
      bankProblem('bank_file_too_large', { maxMegabytes: MAX_BANK_FILE_BYTES / 1024 ** 2 }),
    ]);
  return parseBankText(decodeBankBytes(bytes));
}
