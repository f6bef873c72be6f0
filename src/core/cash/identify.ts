/**
 * Who paid: each clue about the customer behind a receipt gives a probability, and independent
 * clues combine as 1 − Π(1 − p). Clues: an IBAN or a name variant learned from earlier matches
 * (stronger with each confirmation), references of the customer's invoices or its customer code
 * in the text, its name in the counterparty or in the label (fuzzy, rare words weighing more).
 * Only codes and figures come out: src/text words the evidence.
 */
import { containmentOf, nameContainment, rememberingTokenSimilarity, type TokenWeight } from './names.ts';

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

/**
 * How a customer's name matches the receipt, remembered by name: candidates are drawn from a few
 * hundred customers that often share a name (the same tokens, the same array from the index), and
 * each token's best similarity in the counterparty or in the text is computed once per receipt.
 */
function nameMatcher(input: IdentifyInput): (tokens: readonly string[]) => NameMatch | null {
  const similarity = rememberingTokenSimilarity();
  const bestIn = (text: readonly string[]) => {
    const known = new Map<string, number>();
    return (token: string) => {
      let best = known.get(token);
      if (best === undefined) {
        best = 0;
        for (const candidate of text) {
          const alike = similarity(token, candidate);
          if (alike > best) best = alike;
          if (best === 1) break;
        }
        known.set(token, best);
      }
      return best;
    };
  };
  const inCounterparty = bestIn(input.counterpartyTokens);
  const inText = bestIn(input.textTokens);
  const matches = new Map<readonly string[], NameMatch | null>();
  const compute = (tokens: readonly string[]): NameMatch | null => {
    // The lower of the two containments (core/cash/names.ts nameSimilarity), the counterparty's
    // tokens looked for in the name as the name's in the counterparty.
    const byCounterparty =
      input.counterpartyTokens.length === 0 || tokens.length === 0
        ? 0
        : Math.min(
            containmentOf(tokens, input.weight, inCounterparty),
            nameContainment(input.counterpartyTokens, tokens, input.weight, similarity),
          );
    if (byCounterparty >= 0.6)
      return {
        p: 0.4 + (0.5 * (byCounterparty - 0.6)) / 0.4,
        evidence: { code: 'counterparty_name', similarityPct: pct(byCounterparty) },
      };
    const contained = input.textTokens.length === 0 ? 0 : containmentOf(tokens, input.weight, inText);
    if (contained >= 0.75)
      return {
        p: 0.35 + (0.45 * (contained - 0.75)) / 0.25,
        evidence: { code: 'name_in_label', similarityPct: pct(contained) },
      };
    return null;
  };
  return (tokens) => {
    let match = matches.get(tokens);
    if (match === undefined) {
      match = compute(tokens);
      matches.set(tokens, match);
    }
    return match;
  };
}

export function identifyCustomers(input: IdentifyInput): CustomerCandidate[] {
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
    add(hit.customerCode, hit.viaDigits ? 0.6 : 0.85, {
      code: hit.viaDigits ? 'reference_digits' : 'invoice_reference',
      ref: hit.ref,
    });
  }
  for (const code of new Set(input.codeHits)) add(code, 0.7, { code: 'customer_code', customerCode: code });
  const nameMatch = nameMatcher(input);
  const byName = input.nameCandidates.flatMap((candidate) => {
    const match = nameMatch(candidate.tokens);
    return match ? [{ code: candidate.code, p: match.p, evidence: { ...match.evidence } }] : [];
  });
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
