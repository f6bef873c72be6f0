/**
 * Whether the debtor contested the claim handed over, read from its story as annex 3 of the legal
 * file shows it: a dispute line (one Encours recorded, or one the imported history tells of, as the
 * dunning state reads them), or a call, note or promise whose words say the customer contests the
 * amount (« conteste le montant »), returned goods (« retourne une partie de la livraison ») or waits
 * for a credit note (« avoir à établir »); a payment the bank returned (« chèque retourné impayé »)
 * is a payment incident, not a contest. A line counts for the file when it names one of the
 * invoices handed over, or names none — the account, from the first invoice's issue on: a quarrel
 * over another invoice, or over the account before these invoices existed, is not about them. The
 * cover letter then says the claim was contested, and the injunction checklist that an injunction
 * to pay suits an uncontested claim only.
 */
import { foldWording } from '../text-fold.ts';
import type { IsoDate } from '../types.ts';

export interface StoryLineFact {
  date: IsoDate;
  /** The customer event's kind: 'dispute', 'call', 'note', 'promise'… */
  kind: string;
  documentRef: string | null;
  detail: string;
  /**
   * A later line on a dispute already told (resolved, edited, taken over from the history): not a
   * new contest.
   */
  followUp: boolean;
}

/** The handed invoices' references, and the day the first of them was issued. */
export interface HandedScope {
  refs: readonly string[];
  firstIssue: IsoDate;
}

/** The debtor's contests of the claim: how many days, the first and the last, and what they named. */
export interface ContestSummary {
  count: number;
  first: IsoDate;
  last: IsoDate;
  /** The invoices handed over that contests named, in the file's order. */
  refs: string[];
  /** Some contests named no invoice: the amount of the account. */
  account: boolean;
}

export interface ContestReading {
  /** The contests of the claim handed over; null: none. */
  file: ContestSummary | null;
  /** Contests of the same story about other invoices, or the account before these invoices; null: none. */
  elsewhere: { count: number; refs: string[]; earlier: boolean } | null;
  /** For each line, whether it is a contest (of the file or not): annex 3 shows them all. */
  contests: boolean[];
}

/** Kinds whose free words are read: a call's outcome, a note, a promise's terms. */
const WORDED_KINDS: ReadonlySet<string> = new Set(['call', 'note', 'promise']);

/** Ways a line says the customer contests, returned goods, or waits for a credit note (folded words). */
const CONTEST = [
  /\bcontest\w*/,
  /\b(?:litiges?|reclamations?)\b/,
  /\brefuse\w* de (?:payer|regler)\b/,
  // « retourne la marchandise », not « retourne notre appel ».
  /\bretourne\w* (?!(?:l'|notre |son |mon |votre )?appel)|\bretours? de (?:marchandises?|produits?|livraison)\b/,
  /\bavoirs? (?:a (?:etablir|emettre|faire)|en attente|attendus?|demandes?|reclames?)\b/,
  /\b(?:disputes?|disputed|disputing|complaints?|complains?|complained|refuses? to pay)\b/,
  /\b(?:returned (?:goods|part|some|the goods)|returns? (?:of )?(?:goods|part|some)|goods returned)\b/,
  /\bcredit notes? (?:to (?:be )?issued?|due|pending|requested|expected|awaited)\b/,
];

/** The same words denied (« ne conteste pas », « aucun litige », « undisputed »): no contest. */
const DENIED = [
  /\bn'?(?:e )?(?:conteste|contestait) (?:pas|plus)\b/,
  /\b(?:pas|jamais|plus) (?:ete )?contest\w*/,
  /\b(?:sans|aucune?|pas de) (?:contestation|litige|reclamation)s?\b/,
  /\b(?:non[ -]?|in)contest\w*/,
  /\b(?:does not|doesn't|did not|didn't) (?:dispute|contest)\b/,
  /\b(?:no|not|un)[ -]?disputed?\b|\bno (?:complaint|dispute)s?\b/,
];

/**
 * A payment that came back (« chèque … retourné impayé par la banque », « LCR rejetée », « prélèvement
 * revenu impayé », "cheque returned unpaid"): a payment incident, the bank's word, not the
 * customer's — its « retourné » is not goods returned. Taken out of the words before they are read,
 * within its clause (a comma ends it, but for a decimal one), so that a contest in the same line —
 * « paiement reçu, le client retourne une partie de la livraison » — still counts.
 */
const PAYMENT_INCIDENT = [
  /\b(?:cheques?|lcr|effets?|traites?|prelevements?|virements?|paiements?|reglements?)\b(?:[^.;,]|\d,\d)*?\b(?:(?:retourne|revenu)e?s? (?:impayee?s?|par (?:la |sa |notre )?banque)|rejetee?s?)\b/g,
  /\b(?:cheques?|checks?|direct debits?|payments?)\b[^.;,]*?\b(?:returned|bounced|rejected)\b/g,
];

/** A line's words say the customer contests (and do not deny it). */
export function contestInText(detail: string): boolean {
  const words = PAYMENT_INCIDENT.reduce((text, pattern) => text.replace(pattern, ' '), foldWording(detail));
  return CONTEST.some((pattern) => pattern.test(words)) && !DENIED.some((pattern) => pattern.test(words));
}

/** A dispute line opening a dispute, or a call, note or promise whose words contest. */
export function isContestLine(line: StoryLineFact): boolean {
  if (line.kind === 'dispute') return !line.followUp;
  return WORDED_KINDS.has(line.kind) && contestInText(line.detail);
}

function summary(lines: readonly StoryLineFact[], handed: HandedScope): ContestSummary | null {
  if (lines.length === 0) return null;
  const dates = [...new Set(lines.map((line) => line.date))].sort();
  const named = new Set(lines.flatMap((line) => (line.documentRef === null ? [] : [line.documentRef])));
  return {
    count: dates.length,
    first: dates[0] as IsoDate,
    last: dates.at(-1) as IsoDate,
    refs: handed.refs.filter((ref) => named.has(ref)),
    account: lines.some((line) => line.documentRef === null),
  };
}

/** The story's contests, those of the file apart from the others. */
export function readContests(lines: readonly StoryLineFact[], handed: HandedScope): ContestReading {
  const handedRefs = new Set(handed.refs);
  const contests = lines.map(isContestLine);
  const ofFile = (line: StoryLineFact) =>
    line.documentRef === null ? line.date >= handed.firstIssue : handedRefs.has(line.documentRef);
  const found = lines.filter((_, index) => contests[index]);
  const others = found.filter((line) => !ofFile(line));
  const otherRefs = [
    ...new Set(others.flatMap((line) => (line.documentRef === null ? [] : [line.documentRef]))),
  ];
  return {
    file: summary(found.filter(ofFile), handed),
    elsewhere:
      others.length === 0
        ? null
        : {
            count: others.length,
            refs: otherRefs.sort(),
            earlier: others.some((line) => line.documentRef === null),
          },
    contests,
  };
}
