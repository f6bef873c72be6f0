/**
 * Dunning letters as PDF (A4, French business layout): sender letterhead, recipient block where a
 * window envelope shows it, place and date, references, subject, the statement of the invoices
 * with interest and indemnity, the computation of the interest, payment details and signature.
 * The wording of the paragraphs comes from the company's templates; headings from the catalogue;
 * every amount and date is formatted here for the letter's language. Several letters make one
 * print batch (`renderLetters`), each starting on a new page.
 */
import pdfmake from 'pdfmake';
import { FONT_FAMILY, FONT_FILES } from './fonts.ts';
import { letterContent } from './letter-blocks.ts';
import { INK, MUTED } from './letter-head.ts';
import { modelsOfJob } from './letter-job.ts';
import type { LetterModel } from './letter-model.ts';
import { renderInWorker, rendersOffThread } from './pdf-pool.ts';

export type {
  LetterInterestPeriod,
  LetterItem,
  LetterModel,
  LetterSender,
  LetterText,
} from './letter-model.ts';

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

const FONT_PATHS = new Set<string>(Object.values(FONT_FILES));
pdfmake.setFonts({ [FONT_FAMILY]: { ...FONT_FILES } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_PATHS.has(path));

/**
 * The legal mentions of the letter a page belongs to (a print batch holds several letters): the
 * first page of each letter is noted while pdfmake lays the content out, before the footers.
 */
function legalOfPage(models: readonly LetterModel[], firstPages: readonly number[], page: number): string[] {
  let owner = 0;
  firstPages.forEach((first, index) => {
    if (first <= page) owner = index;
  });
  return models[owner]?.text.legal ?? [];
}

function definition(models: readonly LetterModel[]): TDocumentDefinitions {
  const first = models[0];
  const firstPages = models.map(() => 1);
  return {
    pageSize: 'A4',
    // The legal mentions sit in the footer of every page, as on a company's letter paper.
    pageMargins: [56, 42, 50, 64],
    info: { title: first ? first.text.subject : 'Encours', creator: 'Encours', producer: 'Encours' },
    defaultStyle: { font: FONT_FAMILY, fontSize: 9.5, color: INK, lineHeight: 1.1 },
    styles: { heading: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4], color: '#243b6b' } },
    content: models.flatMap((model, index) => letterContent(model, index)),
    pageBreakBefore: (node) => {
      const match = /^letter-(\d+)$/.exec(String(node.id ?? ''));
      if (match) firstPages[Number(match[1])] = node.startPosition.pageNumber;
      return false;
    },
    footer: (page: number, pages: number) => ({
      margin: [56, 8, 50, 0],
      fontSize: 6.5,
      color: MUTED,
      stack: [
        ...legalOfPage(models, firstPages, page).map((text) => ({ text, alignment: 'justify' as const })),
        ...(pages > 1 ? [{ text: `${page} / ${pages}`, alignment: 'right' as const }] : []),
      ],
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
