/**
 * Who paid: each clue about the customer behind a receipt gives a probability, and independent
 * clues combine as 1 − Π(1 − p). Clues: an IBAN or a name variant learned from earlier matches
 * (stronger with each confirmation), references of the customer's invoices or its customer code
 * in the text, its name in the counterparty or in the label (fuzzy, rare words weighing more).
 * Only codes and figures come out: src/text words the evidence.
 */
import { letterMask, maskedSimilarity, type TokenWeight } from './names.ts';

export type EvidenceValue = string | number;
export interface Evidence {
  code: string;
  [figure: string]: EvidenceValue;
}

export interface LearnedPayer {
  customerCode: string;
  confirmations: number;
}

export interface RefHit {
  customerCode: string;
  documentId: number;
  ref: string;
  /** Found through its digits only ("202400123" for "F2024-00123"): weaker. */
  viaDigits: boolean;
  /** Read as a number and a year, as the text writes them (« 1331 DU 2026 »: year-number.ts). */
  typed?: string;
  /**
   * `typed` is the reference itself written with more zeros before its number (« F2026-0001564 »
   * for « F2026-001564 »): a reference, not a guess (year-number-hits.ts).
   */
  padded?: boolean;
}

export interface NameCandidate {
  code: string;
  tokens: readonly string[];
}

export interface IdentifyInput {
  counterpartyTokens: readonly string[];
  /** Tokens of the label and remittance text. */
  textTokens: readonly string[];
  iban: string | null;
  byIban: readonly LearnedPayer[];
  byName: readonly LearnedPayer[];
  refHits: readonly RefHit[];
  codeHits: readonly string[];
  nameCandidates: readonly NameCandidate[];
  /** Customers with an open item of exactly the amount (asked only when nothing else points anywhere). */
  amountOnly: readonly string[];
  weight: TokenWeight;
}

export interface CustomerCandidate {
  customerCode: string;
  /** 0–1 */
  score: number;
  evidence: Evidence[];
}

const pct = (value: number) => Math.round(value * 100);
const learned = (confirmations: number, base: number) =>
  base + 0.05 * Math.min(Math.max(confirmations - 1, 0), 3);

interface NameMatch {
  p: number;
  evidence: Evidence;
}

/** One word of a candidate's name against the receipt, computed once per receipt. */
interface WordScore {
  weight: number;
  /** Its letters (names.ts letterMask). */
  mask: number;
  /** Its similarity to each word of the counterparty, in their order. */
  alike: Float64Array;
  /** Its best similarity in the counterparty, and in the text (-1 until asked). */
  inCounterparty: number;
  inText: number;
}

/**
 * `containmentOf` (core/cash/names.ts) over figures already at hand: the same sums in the same
 * order, so the same figure to the last bit.
 */
function containment(words: readonly string[], weights: Float64Array, bests: Float64Array): number {
  let total = 0;
  let found = 0;
  for (let at = 0; at < words.length; at++) {
    const weight = weights[at] as number;
    total += weight;
    let best = bests[at] as number;
    if (words.length === 1 && (words[0] as string).length < 5 && best < 1) best = 0;
    found += weight * best;
  }
  return total === 0 ? 0 : found / total;
}

/**
 * How a customer's name matches the receipt, remembered by name: candidates are drawn from a few
 * hundred customers that often share a name (the same tokens, the same array from the index). Each
 * word of a name is compared with the counterparty's words once per receipt, and the name's two
 * containments (core/cash/names.ts nameSimilarity) are then read from those figures, with no
 * lookup per pair of words: the same figures as `nameSimilarity` and `nameContainment`.
 */
function nameMatcher(
  input: Pick<IdentifyInput, 'counterpartyTokens' | 'textTokens' | 'weight'>,
): (tokens: readonly string[]) => NameMatch | null {
  const counterparty = input.counterpartyTokens;
  const counterpartyWeights = Float64Array.from(counterparty, (token) => input.weight(token));
  const counterpartyMasks = Int32Array.from(counterparty, letterMask);
  const textTokens = input.textTokens;
  // The text's masks are worked out on the first word looked for in the text.
  let textMasks: Int32Array | null = null;
  const words = new Map<string, WordScore>();
  const scoreOf = (token: string): WordScore => {
    let score = words.get(token);
    if (score === undefined) {
      const alike = new Float64Array(counterparty.length);
      const mask = letterMask(token);
      let best = 0;
      for (let at = 0; at < counterparty.length; at++) {
        const value = maskedSimilarity(
          token,
          mask,
          counterparty[at] as string,
          counterpartyMasks[at] as number,
        );
        alike[at] = value;
        if (value > best) best = value;
      }
      score = { weight: input.weight(token), mask, alike, inCounterparty: best, inText: -1 };
      words.set(token, score);
    }
    return score;
  };
  const inText = (score: WordScore, token: string) => {
    if (score.inText < 0) {
      textMasks ??= Int32Array.from(textTokens, letterMask);
      let best = 0;
      for (let at = 0; at < textTokens.length; at++) {
        const alike = maskedSimilarity(token, score.mask, textTokens[at] as string, textMasks[at] as number);
        if (alike > best) best = alike;
        if (best === 1) break;
      }
      score.inText = best;
    }
    return score.inText;
  };
  // Scratch figures for one name (a name has a few words).
  let weights = new Float64Array(8);
  let bests = new Float64Array(8);
  const scores: WordScore[] = [];
  const counterpartyBests = new Float64Array(counterparty.length);
  const compute = (tokens: readonly string[]): NameMatch | null => {
    const count = tokens.length;
    if (weights.length < count) {
      weights = new Float64Array(2 * count);
      bests = new Float64Array(2 * count);
    }
    for (let at = 0; at < count; at++) {
      const score = scoreOf(tokens[at] as string);
      scores[at] = score;
      weights[at] = score.weight;
    }
    let byCounterparty = 0;
    if (counterparty.length > 0 && count > 0) {
      counterpartyBests.fill(0);
      for (let at = 0; at < count; at++) {
        const score = scores[at] as WordScore;
        bests[at] = score.inCounterparty;
        for (let other = 0; other < counterparty.length; other++)
          if ((score.alike[other] as number) > (counterpartyBests[other] as number))
            counterpartyBests[other] = score.alike[other] as number;
      }
      // The lower of the two containments: the name's words in the counterparty, and the
      // counterparty's words in the name.
      byCounterparty = Math.min(
        containment(tokens, weights, bests),
        containment(counterparty, counterpartyWeights, counterpartyBests),
      );
    }
    if (byCounterparty >= 0.6)
      return {
        p: 0.4 + (0.5 * (byCounterparty - 0.6)) / 0.4,
        evidence: { code: 'counterparty_name', similarityPct: pct(byCounterparty) },
      };
    if (input.textTokens.length === 0 || count === 0) return null;
    for (let at = 0; at < count; at++) bests[at] = inText(scores[at] as WordScore, tokens[at] as string);
    const contained = containment(tokens, weights, bests);
    if (contained >= 0.75)
      return {
        p: 0.35 + (0.45 * (contained - 0.75)) / 0.25,
        evidence: { code: 'name_in_label', similarityPct: pct(contained) },
      };
    return null;
  };
  const matches = new Map<readonly string[], NameMatch | null>();
  return (tokens) => {
    let match = matches.get(tokens);
    if (match === undefined) {
      match = compute(tokens);
      matches.set(tokens, match);
    }
    return match;
  };
}

/** A customer whose name the receipt carries, and how likely that makes it the payer. */
export interface NameClue {
  code: string;
  p: number;
  evidence: Evidence;
}

/**
 * The name candidates that the receipt's counterparty or text names: the part of the
 * identification that reads nothing but the receipt and the customers' names, so a caller may
 * work it out ahead (while the database is busy with something else).
 */
export function matchNames(
  input: Pick<IdentifyInput, 'counterpartyTokens' | 'textTokens' | 'nameCandidates' | 'weight'>,
): NameClue[] {
  const nameMatch = nameMatcher(input);
  // A plain loop: a receipt has a few hundred candidates, most of them no clue (no array each).
  const clues: NameClue[] = [];
  for (const candidate of input.nameCandidates) {
    const match = nameMatch(candidate.tokens);
    if (match) clues.push({ code: candidate.code, p: match.p, evidence: { ...match.evidence } });
  }
  return clues;
}

/** The candidates, most likely first; `byName` is `matchNames(input)` unless worked out before. */
export function identifyCustomers(
  input: IdentifyInput,
  byName: readonly NameClue[] = matchNames(input),
): CustomerCandidate[] {
  const clues = new Map<string, { probabilities: number[]; evidence: Evidence[] }>();
  const add = (code: string, probability: number, evidence: Evidence) => {
    const entry = clues.get(code) ?? { probabilities: [], evidence: [] };
    entry.probabilities.push(probability);
    entry.evidence.push(evidence);
    clues.set(code, entry);
  };
  for (const payer of input.byIban)
    add(payer.customerCode, learned(payer.confirmations, 0.75), {
      code: 'learned_iban',
      iban: input.iban ?? '',
      confirmations: payer.confirmations,
    });
  for (const payer of input.byName)
    add(payer.customerCode, learned(payer.confirmations, 0.7), {
      code: 'learned_name',
      confirmations: payer.confirmations,
    });
  const seenRefs = new Set<string>();
  for (const hit of input.refHits) {
    const key = `${hit.customerCode}|${hit.documentId}`;
    if (seenRefs.has(key)) continue;
    seenRefs.add(key);
    add(
      hit.customerCode,
      hit.viaDigits ? 0.6 : 0.85,
      hit.typed
        ? { code: hit.padded ? 'reference_padded' : 'reference_year_number', ref: hit.ref, typed: hit.typed }
        : { code: hit.viaDigits ? 'reference_digits' : 'invoice_reference', ref: hit.ref },
    );
  }
  for (const code of new Set(input.codeHits)) add(code, 0.7, { code: 'customer_code', customerCode: code });
  // A name several customers answer to equally well ("Client 3" among twelve "Client …") tells
  // them apart no better than chance: its weight is shared between them.
  const bestName = Math.max(0, ...byName.map((match) => match.p));
  const tied = byName.filter((match) => match.p >= bestName - 0.05).length;
  for (const match of byName)
    add(match.code, match.p >= bestName - 0.05 ? match.p / tied : match.p, match.evidence);
  if (clues.size === 0) for (const code of new Set(input.amountOnly)) add(code, 0.3, { code: 'amount_only' });
  return [...clues.entries()]
    .map(([customerCode, entry]) => ({
      customerCode,
      score: Math.min(0.99, 1 - entry.probabilities.reduce((rest, p) => rest * (1 - p), 1)),
      evidence: entry.evidence,
    }))
    .sort((a, b) => b.score - a.score || a.customerCode.localeCompare(b.customerCode));
}
