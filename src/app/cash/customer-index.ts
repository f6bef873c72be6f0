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

/** A customer as the index holds it: its name's tokens, and the last lookup that met it. */
export interface IndexedCustomer extends CustomerNameRow {
  tokens: string[];
  /** The number of the `nameCandidates` call that last took it (each call counts it once). */
  seenBy: number;
}

export interface CustomerIndex {
  customers: Map<string, IndexedCustomer>;
  codes: Map<string, string>;
  /** The customers of each key, in customer order: arrays, lighter than sets and quicker to walk. */
  lookup: Map<string, IndexedCustomer[]>;
  weight: TokenWeight;
  commonLimit: number;
  /** Groups of two customers or more, by parent code (members include the parent). */
  groups: Map<string, string[]>;
  /** The lookup lists of the words of texts met so far (nameCandidates). */
  setsByWord: Map<string, readonly (readonly IndexedCustomer[])[]>;
  /** How many `nameCandidates` calls were made (their numbers mark the customers they took). */
  calls: number;
}

/** The token with one letter left out, at each place. */
function deletions(token: string): string[] {
  return Array.from({ length: token.length }, (_, at) => `${token.slice(0, at)}${token.slice(at + 1)}`);
}

export function buildCustomerIndex(rows: readonly CustomerNameRow[]): CustomerIndex {
  const customers = new Map<string, IndexedCustomer>();
  const documentFrequency = new Map<string, number>();
  const lookup = new Map<string, IndexedCustomer[]>();
  const codes = new Map<string, string>();
  // A customer's keys are all put while it is the one indexed: a repeat is the list's last entry.
  const put = (key: string, customer: IndexedCustomer) => {
    const list = lookup.get(key);
    if (list === undefined) lookup.set(key, [customer]);
    else if (list[list.length - 1] !== customer) list.push(customer);
  };
  // Customers of the same name share one token array: identifyCustomers compares a name once.
  const sameTokens = new Map<string, string[]>();
  for (const row of rows) {
    const fresh = nameTokens(row.name);
    const key = fresh.join(' ');
    const tokens = sameTokens.get(key) ?? fresh;
    sameTokens.set(key, tokens);
    const customer: IndexedCustomer = { ...row, tokens, seenBy: 0 };
    customers.set(row.code, customer);
    const normalizedCode = refKey(row.code);
    if (normalizedCode.length >= 4 && /\d/.test(normalizedCode)) codes.set(normalizedCode, row.code);
    for (const token of new Set(tokens)) {
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
      put(token, customer);
      if (token.length >= 4) for (const variant of deletions(token)) put(`~${variant}`, customer);
      for (let length = 5; length < token.length; length++) put(`>${token.slice(0, length)}`, customer);
    }
  }
  const groups = new Map<string, string[]>();
  for (const row of rows)
    if (row.groupCode && row.groupCode !== row.code && customers.has(row.groupCode))
      groups.set(row.groupCode, [...(groups.get(row.groupCode) ?? [row.groupCode]), row.code]);
  const total = Math.max(rows.length, 1);
  const weights = new Map<string, number>();
  // A word of no name (an invoice number, a word of a label) weighs as a word of one name; it is
  // not remembered: a run meets new ones with every receipt, the names' words are bounded.
  const unknownWeight = Math.log(1 + total / 1);
  return {
    customers,
    codes,
    lookup,
    weight: (token) => {
      let weight = weights.get(token);
      if (weight === undefined) {
        const frequency = documentFrequency.get(token);
        if (frequency === undefined) return unknownWeight;
        weight = Math.log(1 + total / frequency);
        weights.set(token, weight);
      }
      return weight;
    },
    commonLimit: Math.max(5, Math.ceil(total * 0.02)),
    groups,
    setsByWord: new Map(),
    calls: 0,
  };
}

/** The group a customer belongs to (as a member or as its parent), if it has two customers or more. */
export function groupOf(index: CustomerIndex, code: string): CustomerGroup | null {
  const parentCode = index.customers.get(code)?.groupCode ?? code;
  const memberCodes = index.groups.get(parentCode);
  return memberCodes ? { parentCode, memberCodes } : null;
}

/**
 * Customers whose name shares a word (exact, one letter off, or cut short) with the text: the
 * first ones met, each once, in the order of the words and of their keys.
 */
export function nameCandidates(index: CustomerIndex, tokens: readonly string[]): NameCandidate[] {
  const call = ++index.calls;
  const rare: IndexedCustomer[] = [];
  // Words many customers share are only kept as lists: they are wanted only when no rare word
  // matched, and then only their first candidates.
  const common: (readonly IndexedCustomer[])[] = [];
  for (const token of tokens) {
    for (const customers of codeSetsOf(index, token)) {
      if (customers.length > index.commonLimit) {
        common.push(customers);
        continue;
      }
      for (const customer of customers) {
        if (customer.seenBy === call) continue;
        customer.seenBy = call;
        rare.push(customer);
        // Only the first candidates are kept: those met later could not change them.
        if (rare.length >= MAX_NAME_CANDIDATES) return rare;
      }
    }
  }
  if (rare.length > 0) return rare;
  for (const customers of common)
    for (const customer of customers) {
      if (customer.seenBy === call) continue;
      if (rare.length >= MAX_NAME_CANDIDATES) return rare;
      customer.seenBy = call;
      rare.push(customer);
    }
  return rare;
}

/**
 * The index's lists of customers for one word of a text, in the order of its keys: the word
 * itself, one letter more or less, one letter different, or the customer's word cut short.
 * Remembered per word for the run (bank texts repeat their words), up to a bound.
 */
function codeSetsOf(index: CustomerIndex, token: string): readonly (readonly IndexedCustomer[])[] {
  const known = index.setsByWord.get(token);
  if (known) return known;
  const sets: IndexedCustomer[][] = [];
  if (token.length >= 3 && !BANK_WORDS.has(token) && !/^\d+$/.test(token)) {
    const keys = [token, `~${token}`, `>${token}`];
    if (token.length >= 5) for (const variant of deletions(token)) keys.push(variant, `~${variant}`);
    for (const key of keys) {
      const customers = index.lookup.get(key);
      if (customers) sets.push(customers);
    }
  }
  if (index.setsByWord.size >= MAX_REMEMBERED_WORDS) index.setsByWord.clear();
  index.setsByWord.set(token, sets);
  return sets;
}
