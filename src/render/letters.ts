/**
 * Dunning letters as PDF (A4, French business layout): sender letterhead, recipient block where a
 * window envelope shows it, place and date, references, subject, the statement of the invoices
 * with interest and indemnity, the computation of the interest, payment details and signature.
 * The wording of the paragraphs comes from the company's templates; headings from the catalogue;
 * every amount and date is formatted here for the letter's language. Several letters make one
 * print batch (`renderLetters`), each starting on a new page.
 */
import { FONT_FAMILY } from './fonts.ts';
import { justified } from './justified.ts';
import { letterContent } from './letter-blocks.ts';
import { INK, MUTED } from './letter-head.ts';
import { modelsOfJob } from './letter-job.ts';
import type { LetterModel } from './letter-model.ts';
import { pdfmake } from './pdf-fonts.ts';
import { renderInWorker, rendersOffThread } from './pdf-pool.ts';

export type {
  LetterInterestPeriod,
  LetterItem,
  LetterModel,
  LetterSender,
  LetterText,
} from './letter-model.ts';
export { senderNamed } from './letter-model.ts';

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

/** The letter a page belongs to (a print batch holds several letters), by their first pages. */
function ownerOfPage(firstPages: readonly number[], page: number): number {
  let owner = 0;
  firstPages.forEach((first, index) => {
    if (first <= page) owner = index;
  });
  return owner;
}

/**
 * A page's number within its own letter, and the letter's pages: a customer's letter taken from a
 * print batch reads « 2 / 2 », never the batch's « 177 / 251 ».
 */
export function letterPageOf(
  firstPages: readonly number[],
  page: number,
  pages: number,
): { page: number; pages: number } {
  const owner = ownerOfPage(firstPages, page);
  const first = firstPages[owner] ?? 1;
  const next = firstPages[owner + 1] ?? pages + 1;
  return { page: page - first + 1, pages: next - first };
}

/** The footer of a page: its letter's legal mentions, and its number within that letter. */
function footerOf(
  models: readonly LetterModel[],
  firstPages: readonly number[],
  page: number,
  pages: number,
) {
  const legal = models[ownerOfPage(firstPages, page)]?.text.legal ?? [];
  const own = letterPageOf(firstPages, page, pages);
  return [
    ...legal.map((text) => justified(text)),
    ...(own.pages > 1 ? [{ text: `${own.page} / ${own.pages}`, alignment: 'right' as const }] : []),
  ];
}

type Positioned = { id?: unknown; positions?: readonly { pageNumber: number }[] };

function definition(models: readonly LetterModel[]): TDocumentDefinitions {
  const first = models[0];
  const content = models.flatMap((model, index) => letterContent(model, index));
  // Each letter's first page is read from the page its marked block was laid on: pdfmake writes
  // the positions into the content's own nodes before it draws the footers (its `pageBreakBefore`
  // comes after the footers, and is never asked of a node that breaks the page itself).
  const marks = content.filter((node) => /^letter-\d+$/.test(String((node as Positioned).id ?? '')));
  let firstPages: number[] | null = null;
  const firstPagesOnceLaidOut = () => {
    firstPages ??= marks.map((node) => (node as Positioned).positions?.[0]?.pageNumber ?? 1);
    return firstPages;
  };
  return {
    pageSize: 'A4',
    // The legal mentions sit in the footer of every page, as on a company's letter paper.
    pageMargins: [56, 42, 50, 64],
    info: { title: first ? first.text.subject : 'Encours', creator: 'Encours', producer: 'Encours' },
    defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, color: INK, lineHeight: 1.1 },
    styles: { heading: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4], color: '#243b6b' } },
    content,
    footer: (page: number, pages: number) => ({
      margin: [56, 8, 50, 0],
      fontSize: 6.5,
      color: MUTED,
      stack: footerOf(models, firstPagesOnceLaidOut(), page, pages),
    }),
  };
}

export async function renderLetter(model: LetterModel): Promise<Buffer> {
  return renderLetters([model]);
}

/** One PDF with each letter on its own pages: the print batch of a run (a large one in a worker). */
export async function renderLetters(models: readonly LetterModel[]): Promise<Buffer> {
  const job = { kind: 'letters', models } as const;
  return rendersOffThread(job) ? renderInWorker(job) : renderLettersHere(models);
}

/** Lays the letters out in this thread (the pool's workers call this). */
export async function renderLettersHere(models: readonly LetterModel[]): Promise<Buffer> {
  const output = pdfmake.createPdf(definition(models));
  return (await output.getBuffer()) as Buffer;
}

/**
 * Renders letters kept as data until their PDF is needed (a run's letter, an e-mail's statement:
 * migration 0028): the job is `lettersJob`'s (`letter-job.ts`), read back from JSON.
 */
export async function renderLettersJob(job: unknown): Promise<Buffer> {
  return renderLetters(modelsOfJob(job));
}
