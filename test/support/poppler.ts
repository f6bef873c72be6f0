/**
 * The text of a PDF a test made, as poppler's `pdftotext` reads it. poppler is a system package
 * (`apt-get install poppler-utils`; .ci/run installs it), absent from a fresh machine: the tests
 * that read a PDF's text skip themselves without it (`it.skipIf(!HAS_POPPLER)`), as the browser
 * tests do without Chromium. ENCOURS_TEST_NO_POPPLER=1 makes them skip where poppler is installed:
 * how to check that a file still passes on a machine without it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether `pdftotext` runs here (probed once per test process). */
export const HAS_POPPLER = process.env['ENCOURS_TEST_NO_POPPLER'] !== '1' && pdftotextRuns();

function pdftotextRuns(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // Only a missing program means no poppler: any other failure is a fault to see.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export interface PdfTextOptions {
  /** Keep the columns as laid out on the page (`-layout`) instead of the reading order. */
  readonly layout?: boolean;
  /** The first page to read (`-f`, counted from 1); none: the first of the document. */
  readonly first?: number;
  /** The last page to read (`-l`); none: the last of the document. */
  readonly last?: number;
}

/** The text of `pdf` (every page ends with a form feed). */
export function pdfText(pdf: Uint8Array, options: PdfTextOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'encours-pdftotext-'));
  const file = join(dir, 'document.pdf');
  const args = [
    ...(options.first === undefined ? [] : ['-f', String(options.first)]),
    ...(options.last === undefined ? [] : ['-l', String(options.last)]),
    ...(options.layout ? ['-layout'] : []),
    file,
    '-',
  ];
  try {
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', args, { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page read, in order (split on the form feed that ends every page). */
export function pdfPageTexts(pdf: Uint8Array, options: PdfTextOptions = {}): string[] {
  const pages = pdfText(pdf, options).split('\f');
  // What follows the last page's form feed is no page.
  if (pages.at(-1) === '') pages.pop();
  return pages;
}

/** Intl's narrow no-break space and the no-break space (French numbers) as plain spaces. */
export const plainSpaces = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');

/** Every run of white space (line ends, form feeds, no-break spaces) as one space. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ');
