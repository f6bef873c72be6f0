/**
 * What a line of a customer's imported story says of a collective procedure, in the words a credit
 * department writes it: « Jugement d'ouverture de redressement judiciaire du 12/05/2026, Tribunal de
 * commerce de Saint-Étienne (publication BODACC du 14/05/2026). Mandataire judiciaire : Me François. »
 * The line is dated when it was written (often the publication), not when the judgment was given,
 * so the claim's dates, court and mandataire are read from its text. Pure: free text in, facts out;
 * what a line does not say stays null. Also the court's name as a sentence can carry it: BODACC
 * gives the registry (« GREFFE DU TRIBUNAL DE COMMERCE DE PARIS »), which renders no judgment.
 */
import { fromYmd, isValidIsoDate } from '../calendar.ts';
import { foldAccents } from '../text-fold.ts';
import type { IsoDate } from '../types.ts';

export interface ProcedureStoryFacts {
  judgmentDate: IsoDate | null;
  publicationDate: IsoDate | null;
  court: string | null;
  mandataire: string | null;
  /** Its postal address, one line per part, when the line gives one (a five-digit postal code). */
  mandataireAddress: string | null;
}

export const NO_PROCEDURE_FACTS: ProcedureStoryFacts = {
  judgmentDate: null,
  publicationDate: null,
  court: null,
  mandataire: null,
  mandataireAddress: null,
};

const MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
];

/**
 * « 12/05/2026 », « 12.05.2026 », « 2026-05-12 », « 12 mai 2026 », « 1er mai 2026 »: a date as a story line
 * writes it (also what the imported promises are read with, core/dunning/imported-promises.ts).
 */
export const DATE = String.raw`(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:er)?\s+[a-zéèêûôîç]+\s+\d{4})`;

export function frenchDateOf(text: string): IsoDate | null {
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const numeric = text.match(/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/);
  const worded = foldAccents(text).match(/^(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})$/);
  const parts = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : numeric
      ? [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])]
      : worded
        ? [Number(worded[3]), MONTHS.indexOf(worded[2] ?? '') + 1, Number(worded[1])]
        : null;
  if (!parts) return null;
  const [year, month, day] = parts as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = fromYmd(year, month, day);
  return isValidIsoDate(date) && Number(date.slice(8)) === day ? date : null;
}

/** Words that end a name: the next clause, a parenthesis, a sentence's full stop (not « M. » or « Me. »). */
function untilClauseEnd(text: string): string {
  const end = text.search(/[;()\n]|\.(?=\s|$)(?<!\b(?:M|MM|Me|Mme|Mlle|Maître|St|Ste)\.)/u);
  return (end === -1 ? text : text.slice(0, end)).trim();
}

/** The kind of court, in any case; the place after it is read case-sensitively (its words are capitalised). */
const COURT_KIND =
  /\b(?:tribunal|tc|tj)\s+(?:de\s+commerce|judiciaire|mixte\s+de\s+commerce|des\s+activit[ée]s\s+[ée]conomiques)\s+(?:de\s+|d['’]\s?|du\s+)/iu;
const PLACE =
  /^\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:sur|en|de|du|des|la|le|les|SUR|EN|DE|DU|DES|LA|LE|LES)\s+)?\p{Lu}[\p{L}'’-]*)*/u;

function courtOf(text: string): string | null {
  const kind = COURT_KIND.exec(text);
  if (!kind) return null;
  const place = text.slice(kind.index + kind[0].length).match(PLACE)?.[0];
  return place ? courtName(kind[0] + place) : null;
}

const MANDATAIRE = /\b(?:mandataire(?:\s+judiciaire)?|liquidateur(?:\s+judiciaire)?)\s*:\s*([^\n]+)/iu;

/** The mandataire's name, and its address when the clause goes on with one (« …, 12 rue X, 42000 Ville »). */
function mandataireOf(text: string): Pick<ProcedureStoryFacts, 'mandataire' | 'mandataireAddress'> {
  const clause = untilClauseEnd(text.match(MANDATAIRE)?.[1] ?? '');
  if (!clause) return { mandataire: null, mandataireAddress: null };
  const [name = '', ...rest] = clause.split(',').map((part) => part.trim());
  const address = rest.filter(Boolean);
  return {
    mandataire: name || null,
    mandataireAddress: address.some((part) => /\b\d{5}\b/.test(part)) ? address.join('\n') : null,
  };
}

/** The facts one line of the story gives. */
export function procedureFactsOfLine(text: string): ProcedureStoryFacts {
  const judgment = text.match(
    new RegExp(
      // Not through a clause about the publication: its date is not the judgment's.
      String.raw`\bjugement\b(?:(?!publi|paru|bodacc)[^.;()])*?\b(?:du|le|en\s+date\s+du|rendu\s+le)\s+${DATE}`,
      'iu',
    ),
  );
  const publication = text.match(
    new RegExp(
      String.raw`\b(?:publi\p{L}*|paru\p{L}*|parution)\s+(?:au\s+)?(?:(?:bodacc|bulletin)\s+)?(?:du|le)\s+${DATE}`,
      'iu',
    ),
  );
  return {
    judgmentDate: judgment?.[1] ? frenchDateOf(judgment[1]) : null,
    publicationDate: publication?.[1] ? frenchDateOf(publication[1]) : null,
    court: courtOf(text),
    ...mandataireOf(text),
  };
}

/**
 * The facts of a procedure from its lines (newest first), each from the newest line that gives it;
 * a judgment after the line that tells it is a misreading, and left out.
 */
export function procedureFactsOf(lines: readonly { date: IsoDate; text: string }[]): ProcedureStoryFacts {
  const facts: ProcedureStoryFacts = { ...NO_PROCEDURE_FACTS };
  for (const line of lines) {
    const found = procedureFactsOfLine(line.text);
    if (found.judgmentDate !== null && found.judgmentDate > line.date) found.judgmentDate = null;
    if (found.publicationDate !== null && found.publicationDate > line.date) found.publicationDate = null;
    for (const key of Object.keys(facts) as (keyof ProcedureStoryFacts)[])
      if (facts[key] === null && found[key] !== null) facts[key] = found[key];
  }
  if (facts.mandataireAddress !== null && facts.mandataire === null) facts.mandataireAddress = null;
  return facts;
}

const LOWER_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'sur',
  'en',
  'et',
  'commerce',
  'judiciaire',
  'mixte',
  'activités',
  'économiques',
]);

const capitalised = (part: string) => part.charAt(0).toLocaleUpperCase('fr') + part.slice(1);

/**
 * « SAINT-ÉTIENNE » → « Saint-Étienne », « LONS-LE-SAUNIER » → « Lons-le-Saunier », « D’ANNECY » →
 * « d’Annecy »; the generic words of a court's name in lower case.
 */
function wordCase(word: string, first: boolean): string {
  const lower = word.toLocaleLowerCase('fr');
  if (!first && LOWER_WORDS.has(lower)) return lower;
  const elided = lower.match(/^([dl]['’])(.*)$/u);
  if (elided && !first) return elided[1] + wordCase(elided[2] ?? '', true);
  return lower
    .split('-')
    .map((part, i) => (i > 0 && LOWER_WORDS.has(part) ? part : capitalised(part)))
    .join('-');
}

/**
 * A court's name as a sentence can carry it (« rendu par le Tribunal de commerce de Paris »): the
 * registry that publishes for it left out, a name published all in capitals put in the usual case.
 */
export function courtName(published: string): string {
  let name = published
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:greffe\s+(?:du|de\s+la)\s+|le\s+|la\s+)/iu, '');
  if (/^(?:tc|tj)\b/i.test(name))
    name = name.replace(/^tc\b/i, 'Tribunal de commerce').replace(/^tj\b/i, 'Tribunal judiciaire');
  const shouting = name === name.toLocaleUpperCase('fr') || /\bde Commerce\b/.test(name);
  const words = shouting ? name.split(' ').map((word, i) => wordCase(word, i === 0)) : name.split(' ');
  const cased = words.join(' ');
  return cased.charAt(0).toLocaleUpperCase('fr') + cased.slice(1);
}

/**
 * The court a claim names, the one function for the claims list, the API, the CLI and the letter:
 * its BODACC announcement's, put as a sentence carries it; else the one the customer's story names
 * (read through `courtName` already); null when neither names one.
 */
export function claimCourt(
  announced: string | null | undefined,
  story: Pick<ProcedureStoryFacts, 'court'> | undefined,
): string | null {
  return announced?.trim() ? courtName(announced) : (story?.court ?? null);
}
