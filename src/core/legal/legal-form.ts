/**
 * The debtor's legal form read from its name, when the company register gave none: French company
 * names carry their form as their first or last word (« SARL Dupont Frères », « Garage Martin
 * SAS », « Association Les Amis du Rail »). Only that word is read — a form in the middle of a name
 * (« Transports SA Nord ») is not one — and the form stays a reading to check against the register.
 * Each form maps to a representative INSEE category (catégorie juridique), of which the injunction
 * checklist reads the family (first digit): 1 individual, 5 commercial company, 6 other private
 * legal person (civil company, GIE, agricultural), 9 association.
 */

export interface NameLegalForm {
  /** The form as written in the name, in capitals (« SARL », « Association »). */
  form: string;
  /** A representative INSEE category of the form. */
  categoryCode: string;
}

/** Abbreviations and words as they appear in names, without dots, in capitals. */
const FORMS: Readonly<Record<string, string>> = {
  EI: '1000',
  EIRL: '1000',
  SNC: '5202',
  SCS: '5306',
  SCA: '5308',
  SCOP: '5458',
  SELARL: '5485',
  SELAS: '5785',
  SELAFA: '5585',
  EURL: '5498',
  SARL: '5499',
  SA: '5599',
  SAS: '5710',
  SASU: '5720',
  GIE: '6220',
  GAEC: '6533',
  SCI: '6540',
  SCM: '6589',
  SCP: '6585',
  EARL: '6598',
  ASSOCIATION: '9220',
  FONDATION: '9300',
};

/** « S.A.R.L. » and « SARL » alike; accents off so « Société » and « Societe » read the same. */
function words(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\./g, '')
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/** The form named by the first word, else by the last one; null when neither is a form. */
export function legalFormFromName(name: string): NameLegalForm | null {
  const all = words(name);
  // A name of one word is a brand, not a form followed by a name.
  if (all.length < 2) return null;
  for (const word of [all[0]!, all.at(-1)!]) {
    const categoryCode = FORMS[word];
    if (categoryCode) return { form: WORDS.has(word) ? title(word) : word, categoryCode };
  }
  return null;
}

/** Words (« Association ») are told as words, abbreviations (« SELARL ») in capitals. */
const WORDS: ReadonlySet<string> = new Set(['ASSOCIATION', 'FONDATION']);
const title = (word: string) => word.charAt(0) + word.slice(1).toLowerCase();
