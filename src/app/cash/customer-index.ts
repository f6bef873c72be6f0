/**
 * The customers' names indexed once per run of the matching: each word of a name, its variants
 * one letter off (a deletion on either side meets a substitution or an insertion) and its cut
 * short forms, so a misspelt or truncated name in a bank text finds its customers with a few
 * lookups instead of a comparison with every customer; the identification then compares the
 * receipt with a few hundred candidates at most (core/cash/identify.ts). Also the customers'
 * codes as they may be typed in a text, the rarity of each word, and the groups.
 */
import type { CustomerGroup } from '#core/cash/group';
import type { NameCandidate } from '#core/cash/identify';
import { nameTokens, type TokenWeight } from '#core/cash/names';
import { refKey } from '#core/cash/references';
import type { CustomerNameRow } from '#db/cash/matching-queries';

/** Words of bank labels that are never part of a customer's name. */
const BANK_WORDS = new Set(
  'VIR VIREMENT SEPA RECU RECUS REMISE CHQ CHEQUE CHEQUES PRLV PRELEVEMENT FACT FACTURE FACTURES REF INV REGLEMENT PAIEMENT PMT ECH LCR EFFET TRF ORDRE DONNEUR'.split(
    ' ',
  ),
);
const MAX_NAME_CANDIDATES = 200;
/** Words whose index sets are remembered, at most (memory stays bounded on any statement). */
const MAX_REMEMBERED_WORDS = 50_000;

export interface CustomerIndex {
  customers: Map<string, CustomerNameRow & { tokens: string[] }>;
  codes: Map<string, string>;
  lookup: Map<string, Set<string>>;
  weight: TokenWeight;
  commonLimit: number;
  /** Groups of two customers or more, by parent code (members include the parent). */
  groups: Map<string, string[]>;
  /** The lookup sets of the words of texts met so far (nameCandidates). */
  setsByWord: Map<string, readonly ReadonlySet<string>[]>;
}

/** The token with one letter left out, at each place. */
function deletions(token: string): string[] {
  return Array.from({ length: token.length }, (_, at) => `${token.slice(0, at)}${token.slice(at + 1)}`);
}

export function buildCustomerIndex(rows: readonly CustomerNameRow[]): CustomerIndex {
  const customers = new Map<string, CustomerNameRow & { tokens: string[] }>();
  const documentFrequency = new Map<string, number>();
  const lookup = new Map<string, Set<string>>();
  const codes = new Map<string, string>();
  const put = (key: string, code: string) => {
    const set = lookup.get(key) ?? new Set<string>();
    set.add(code);
    lookup.set(key, set);
  };
  // Customers of the same name share one token array: identifyCustomers compares a name once.
  const sameTokens = new Map<string, string[]>();
  for (const row of rows) {
    const fresh = nameTokens(row.name);
    const key = fresh.join(' ');
    const tokens = sameTokens.get(key) ?? fresh;
    sameTokens.set(key, tokens);
    customers.set(row.code, { ...row, tokens });
    const normalizedCode = refKey(row.code);
    if (normalizedCode.length >= 4 && /\d/.test(normalizedCode)) codes.set(normalizedCode, row.code);
    for (const token of new Set(tokens)) {
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
      put(token, row.code);
      if (token.length >= 4) for (const variant of deletions(token)) put(`~${variant}`, row.code);
      for (let length = 5; length < token.length; length++) put(`>${token.slice(0, length)}`, row.code);
    }
  }
  const groups = new Map<string, string[]>();
  for (const row of rows)
    if (row.groupCode && row.groupCode !== row.code && customers.has(row.groupCode))
      groups.set(row.groupCode, [...(groups.get(row.groupCode) ?? [row.groupCode]), row.code]);
  const total = Math.max(rows.length, 1);
  const weights = new Map<string, number>();
  return {
    customers,
    codes,
    lookup,
    weight: (token) => {
      let weight = weights.get(token);
      if (weight === undefined) {
        weight = Math.log(1 + total / (documentFrequency.get(token) ?? 1));
        weights.set(token, weight);
      }
      return weight;
    },
    commonLimit: Math.max(5, Math.ceil(total * 0.02)),
    groups,
    setsByWord: new Map(),
  };
}

/** The group a customer belongs to (as a member or as its parent), if it has two customers or more. */
export function groupOf(index: CustomerIndex, code: string): CustomerGroup | null {
  const parentCode = index.customers.get(code)?.groupCode ?? code;
  const memberCodes = index.groups.get(parentCode);
  return memberCodes ? { parentCode, memberCodes } : null;
}

/** The first `limit` distinct codes of these sets, in their order (without building their union). */
function firstCodes(sets: readonly ReadonlySet<string>[], limit: number): Set<string> {
  const codes = new Set<string>();
  for (const set of sets)
    for (const code of set) {
      if (codes.size >= limit) return codes;
      codes.add(code);
    }
  return codes;
}

/** Customers whose name shares a word (exact, one letter off, or cut short) with the text. */
export function nameCandidates(index: CustomerIndex, tokens: readonly string[]): NameCandidate[] {
  const rare = new Set<string>();
  // Words many customers share are only kept as sets: their union is wanted only when no rare word
  // matched, and then only its first candidates.
  const common: ReadonlySet<string>[] = [];
  for (const token of tokens) {
    for (const codes of codeSetsOf(index, token)) {
      if (codes.size > index.commonLimit) {
        common.push(codes);
        continue;
      }
      for (const code of codes) {
        rare.add(code);
        // Only the first candidates are kept: those met later could not change them.
        if (rare.size >= MAX_NAME_CANDIDATES) return candidatesOf(index, rare);
      }
    }
  }
  return candidatesOf(index, rare.size > 0 ? rare : firstCodes(common, MAX_NAME_CANDIDATES));
}

/** The customers of these codes (the index's own entries: code and tokens), the first ones only. */
function candidatesOf(index: CustomerIndex, codes: ReadonlySet<string>): NameCandidate[] {
  const candidates: NameCandidate[] = [];
  for (const code of codes) {
    if (candidates.length >= MAX_NAME_CANDIDATES) break;
    const customer = index.customers.get(code);
    if (customer) candidates.push(customer);
  }
  return candidates;
}

/**
 * The index's sets of customers for one word of a text, in the order of its keys: the word
 * itself, one letter more or less, one letter different, or the customer's word cut short.
 * Remembered per word for the run (bank texts repeat their words), up to a bound.
 */
function codeSetsOf(index: CustomerIndex, token: string): readonly ReadonlySet<string>[] {
  const known = index.setsByWord.get(token);
  if (known) return known;
  const sets: ReadonlySet<string>[] = [];
  if (token.length >= 3 && !BANK_WORDS.has(token) && !/^\d+$/.test(token)) {
    const keys = [token, `~${token}`, `>${token}`];
    if (token.length >= 5) for (const variant of deletions(token)) keys.push(variant, `~${variant}`);
    for (const key of keys) {
      const codes = index.lookup.get(key);
      if (codes) sets.push(codes);
    }
  }
  if (index.setsByWord.size >= MAX_REMEMBERED_WORDS) index.setsByWord.clear();
  index.setsByWord.set(token, sets);
  return sets;
}
