/** What a letter says, as data: the renderer lays it out (`letters.ts`), the callers fill it. */

import { addDays } from '#core/calendar';
import { type Lang, translator } from '#text/catalogue';
import type { Block } from './document.ts';

export interface LetterSender {
  name: string;
  addressLines: string[];
  siren: string | null;
  vatNumber: string | null;
  phone: string | null;
  email: string | null;
  iban: string | null;
  bic: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  /**
   * The language the title is typed in (the company's): a letter in another language prints the
   * catalogue's title in its own. Absent (a letter stored before it): the title as it is.
   */
  signatoryTitleLang?: Lang | undefined;
  city: string | null;
  /**
   * The legal mentions beside the SIREN (art. R123-237 and R123-238 C. com.), optional so that a
   * letter stored before them reads as it was: legal form (« SA »), share capital in the company's
   * currency, city of the registry (« RCS Lyon »).
   */
  legalForm?: string | null | undefined;
  shareCapitalMinor?: number | null | undefined;
  shareCapitalCurrency?: string | undefined;
  rcsCity?: string | null | undefined;
}

/** A sender known by its name only: a template's sample, or a test's letter. */
export function senderNamed(name: string): LetterSender {
  const none = { siren: null, vatNumber: null, phone: null, email: null, iban: null, bic: null };
  return { name, addressLines: [], ...none, signatoryName: null, signatoryTitle: null, city: null };
}

export interface LetterInterestPeriod {
  from: string;
  to: string;
  days: number;
  openMinor: number;
  rateBps: number;
}

export interface LetterItem {
  documentRef: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  openMinor: number;
  daysLate: number;
  /** null: not claimed at this step. */
  interestMinor: number | null;
  indemnityMinor: number;
  periods: LetterInterestPeriod[];
}

/** The paragraphs a company's template produced, by place in the letter. */
export interface LetterText {
  subject: string;
  salutation: string;
  intro: string[];
  demand: string[];
  closing: string[];
  legal: string[];
}

export interface LetterModel {
  lang: Lang;
  sender: LetterSender;
  recipient: { name: string; addressLines: string[]; customerCode: string };
  date: string;
  reference: string;
  registered: boolean;
  currency: string;
  items: LetterItem[];
  totals: {
    openMinor: number;
    interestMinor: number;
    indemnityMinor: number;
    creditsMinor: number;
    totalDueMinor: number;
  };
  text: LetterText;
  /** Headings other than a dunning letter's (a claim declaration: "Débiteur", "Total déclaré"). */
  headings?: { customerCode?: string; totalDue?: string } | undefined;
  /** Pages after the letter, in the document port's blocks (the annexes of a hand-over package). */
  annexes?: Block[] | undefined;
}

/**
 * The periods as a letter prints them: consecutive periods at the same rate on the same open
 * amount (a half-year boundary where the rate did not change) read as one line. The interest is
 * still computed per half-year and rounded once (open × rate × days summed), so a merged line
 * gives the same amount as its parts.
 */
export function printedPeriods(periods: readonly LetterInterestPeriod[]): LetterInterestPeriod[] {
  const lines: LetterInterestPeriod[] = [];
  for (const period of periods) {
    const last = lines.at(-1);
    if (
      last &&
      last.rateBps === period.rateBps &&
      last.openMinor === period.openMinor &&
      addDays(last.to, 1) === period.from
    )
      lines[lines.length - 1] = { ...last, to: period.to, days: last.days + period.days };
    else lines.push(period);
  }
  return lines;
}

/**
 * The signature's lines in the letter's language: who signs, their title and the company. The
 * title is the company's when it is written in that language, else the catalogue's (« Responsable
 * crédit clients », "Credit Manager") under a signatory's name; no name, no title of the catalogue.
 */
export function signatureLines(sender: LetterSender, lang: Lang): string[] {
  const own = sender.signatoryTitleLang === undefined || sender.signatoryTitleLang === lang;
  const title =
    sender.signatoryTitle && own
      ? sender.signatoryTitle
      : sender.signatoryName
        ? translator(lang)('dunning.letter.signatoryTitle')
        : null;
  return [sender.signatoryName, title, sender.name].filter((line): line is string => !!line);
}
