/**
 * A written report (the procedure review's dysfunctions and measures reports): a title page, a
 * table of contents, a summary and numbered sections made of the document port's blocks plus
 * bullet lists. Every string is already worded and formatted by the app layer; the PDF and DOCX
 * renderers only lay it out.
 */
import type { Lang } from '#text/catalogue';
import type { Block, CompanyHeader } from '../document.ts';

export type ReportBlock = Block | { type: 'bullets'; items: string[] };

export interface ReportSection {
  /** « 1 », « 2 »… printed before the title. */
  number: string;
  title: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  lang: Lang;
  company: CompanyHeader;
  title: string;
  /** Under the title on the title page, e.g. « Situation au 30 juin 2026 ». */
  subtitle: string;
  /** The title page's facts: prepared for, by, period analysed, date. */
  titleFacts: { label: string; value: string }[];
  /** Headings of the table of contents and of the summary. */
  contentsTitle: string;
  summaryTitle: string;
  summary: ReportBlock[];
  sections: ReportSection[];
  /** Footer: « Édité le 04/12/2026 » and the page numbers' words. */
  footerText: string;
  /** « Page {page} / {pages} »: a template, not a function, so that a worker thread can be sent the document. */
  pageLabel: string;
}

/** The page numbers' words on one page: the document's template filled in. */
export const pageLabelText = (template: string, page: number, pages: number): string =>
  template.replace('{pages}', String(pages)).replace('{page}', String(page));

/** The heading of a section as printed and listed in the contents. */
export const sectionHeading = (section: ReportSection): string => `${section.number}. ${section.title}`;
