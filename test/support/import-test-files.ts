/** Helpers for the importers' tests: throw-away files in a temporary directory. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll } from 'vitest';
import type { ImportError, ParseResult } from '../../src/importers/parse-file.ts';
import type { Lang } from '../../src/text/catalogue.ts';
import { importProblemMessage } from '../../src/text/import-problems.ts';

export interface TempDir {
  path: string;
  /** Writes `content` (UTF-8 text or raw bytes) and returns the file's path. */
  write(name: string, content: string | Uint8Array): Promise<string>;
  /** Writes `text` encoded in Windows-1252. */
  writeCp1252(name: string, text: string): Promise<string>;
  /** Writes a one-sheet workbook; each row is an array of cell values. */
  writeXlsx(name: string, rows: ExcelJS.CellValue[][], options?: XlsxOptions): Promise<string>;
  remove(): Promise<void>;
}

export interface XlsxOptions {
  sheetName?: string;
  /** Sheets added before the data sheet, to check sheet selection. */
  sheetsBefore?: string[];
  /** Number formats by 1-based column number. */
  numFmtByColumn?: Record<number, string>;
}

export async function makeTempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'encours-importers-'));
  const write = async (name: string, content: string | Uint8Array) => {
    const filePath = join(path, name);
    await writeFile(filePath, content);
    return filePath;
  };
  return {
    path,
    write,
    writeCp1252: (name, text) => write(name, iconv.encode(text, 'win1252')),
    async writeXlsx(name, rows, options = {}) {
      const workbook = new ExcelJS.Workbook();
      for (const sheetName of options.sheetsBefore ?? [])
        workbook.addWorksheet(sheetName).addRow(['other sheet']);
      const sheet = workbook.addWorksheet(options.sheetName ?? 'Données');
      for (const values of rows) sheet.addRow(values);
      for (const [column, numFmt] of Object.entries(options.numFmtByColumn ?? {})) {
        sheet.getColumn(Number(column)).numFmt = numFmt;
      }
      const filePath = join(path, name);
      await workbook.xlsx.writeFile(filePath);
      return filePath;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/**
 * A temporary directory made before the tests of the suite this is called in (the test file, or a
 * `describe`) and removed after them: the set-up the importers' test files share.
 */
export function tempDirOfTestFile(): Omit<TempDir, 'remove'> {
  let dir: TempDir | undefined;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await dir?.remove();
  });
  const made = (): TempDir => {
    if (!dir) throw new Error('the temporary directory is made before the first test of the file');
    return dir;
  };
  return {
    get path() {
      return made().path;
    },
    write: (name, content) => made().write(name, content),
    writeCp1252: (name, text) => made().writeCp1252(name, text),
    writeXlsx: (name, rows, options) => made().writeXlsx(name, rows, options),
  };
}

export function expectOk<T extends ParseResult>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got:\n${JSON.stringify(result.errors, null, 2)}`);
  return result as Extract<T, { ok: true }>;
}

export function expectErrors(result: ParseResult): ImportError[] {
  if (result.ok) throw new Error('expected errors, got success');
  return result.errors;
}

/** "line column: message" summaries in `lang`, easier to compare than whole error objects. */
export function summarise(errors: ImportError[], lang: Lang = 'fr'): string[] {
  return errors.map((error) => `${error.line} ${error.column}: ${reasonOf(error, lang)}`);
}

/** The message of a problem as the use cases word it (the importers return codes only). */
export function reasonOf(error: ImportError, lang: Lang = 'fr'): string {
  return importProblemMessage(lang, error.code, error.params);
}
