/**
 * Proposals for a batch of receipts: the clues each receipt holds are looked up in the database
 * for the whole batch at once (learned payers, references, open items of the candidate
 * customers), then core/cash identifies the customers and proposes the invoices. Customer names
 * are indexed once per run, with their one-letter-off and cut-short variants, so a misspelt or
 * truncated name still finds its customer without comparing every receipt with every customer.
 * When a candidate belongs to a group and no single customer's items explain the receipt, the
 * whole group's open items are read and searched (a group receipt, core/cash/group.ts).
 */
import { type CustomerGroup, explainsReceipt, proposeForGroup } from '#core/cash/group';
import {
  type CustomerCandidate,
  identifyCustomers,
  type LearnedPayer,
  type NameCandidate,
  type RefHit,
} from '#core/cash/identify';
import { nameKey, nameTokens, normalizeText, type TokenWeight } from '#core/cash/names';
import {
  DEFAULT_PROPOSAL_SETTINGS,
  type OpenItem,
  type Proposal,
  type ProposalSettings,
  proposeForCustomer,
  rankProposals,
} from '#core/cash/proposal';
import { referenceKeysOf, refKey } from '#core/cash/references';
import {
  type CustomerNameRow,
  customersOwingExactly,
  documentsByRefDigits,
  learnedPayers,
  openItemsOfCustomers,
  type ReceiptRow,
} from '#db/cash/matching-queries';
import type { AppContext } from '../context.ts';

/** Words of bank labels that are never part of a customer's name. */
const BANK_WORDS = new Set(
  'VIR VIREMENT SEPA RECU RECUS REMISE CHQ CHEQUE CHEQUES PRLV PRELEVEMENT FACT FACTURE FACTURES REF INV REGLEMENT PAIEMENT PMT ECH LCR EFFET TRF ORDRE DONNEUR'.split(
    ' ',
  ),
);
const MAX_CANDIDATES = 5;
const MAX_NAME_CANDIDATES = 200;

export interface CustomerIndex {
  customers: Map<string, CustomerNameRow & { tokens: string[] }>;
  codes: Map<string, string>;
  lookup: Map<string, Set<string>>;
  weight: TokenWeight;
  commonLimit: number;
  /** Groups of two customers or more, by parent code (members include the parent). */
  groups: Map<string, string[]>;
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
  for (const row of rows) {
    const tokens = nameTokens(row.name);
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
  };
}

/** The group a customer belongs to (as a member or as its parent), if it has two customers or more. */
function groupOf(index: CustomerIndex, code: string): CustomerGroup | null {
  const parentCode = index.customers.get(code)?.groupCode ?? code;
  const memberCodes = index.groups.get(parentCode);
  return memberCodes ? { parentCode, memberCodes } : null;
}

/** The groups worth searching for a receipt: its candidates' groups that no single proposal explains. */
function groupsToSearch(
  index: CustomerIndex,
  candidates: readonly CustomerCandidate[],
  proposals: readonly Proposal[],
): CustomerGroup[] {
  if (index.groups.size === 0) return [];
  const groups = new Map<string, CustomerGroup>();
  for (const candidate of candidates) {
    const group = groupOf(index, candidate.customerCode);
    if (group) groups.set(group.parentCode, group);
  }
  return [...groups.values()].filter((group) =>
    proposals.every(
      (proposal) => !group.memberCodes.includes(proposal.customerCode) || !explainsReceipt(proposal),
    ),
  );
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
function nameCandidates(index: CustomerIndex, tokens: readonly string[]): NameCandidate[] {
  const rare = new Set<string>();
  // Words many customers share are only kept as sets: their union is wanted only when no rare word
  // matched, and then only its first candidates.
  const common: ReadonlySet<string>[] = [];
  for (const token of tokens) {
    if (token.length < 3 || BANK_WORDS.has(token) || /^\d+$/.test(token)) continue;
    // Equal, one letter more or less, one letter different, or the customer's word cut short.
    const keys = [token, `~${token}`, `>${token}`];
    if (token.length >= 5) for (const variant of deletions(token)) keys.push(variant, `~${variant}`);
    for (const key of keys) {
      const codes = index.lookup.get(key);
      if (!codes) continue;
      if (codes.size > index.commonLimit) common.push(codes);
      else for (const code of codes) rare.add(code);
    }
  }
  const chosen = rare.size > 0 ? rare : firstCodes(common, MAX_NAME_CANDIDATES);
  return [...chosen].slice(0, MAX_NAME_CANDIDATES).flatMap((code) => {
    const customer = index.customers.get(code);
    return customer ? [{ code, tokens: customer.tokens }] : [];
  });
}

/** Rows grouped by a key, each group in the rows' order. */
function groupedBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export interface ReceiptProposals {
  receipt: ReceiptRow;
  proposals: Proposal[];
}

function textOf(receipt: ReceiptRow): string {
  return [
    receipt.label,
    receipt.remittance,
    receipt.endToEndId,
    receipt.creditorRef,
    receipt.counterpartyName,
  ]
    .filter((part) => part)
    .join(' ');
}

export async function proposeForBatch(
  ctx: AppContext,
  index: CustomerIndex,
  receipts: readonly ReceiptRow[],
  settings: ProposalSettings = DEFAULT_PROPOSAL_SETTINGS,
): Promise<ReceiptProposals[]> {
  const prepared = receipts.map((receipt) => {
    const text = textOf(receipt);
    const keys = referenceKeysOf(text);
    return {
      receipt,
      text,
      keys,
      textTokens: normalizeText(text)
        .split(' ')
        .filter((token) => token.length > 1),
      counterpartyTokens: nameTokens(receipt.counterpartyName ?? ''),
      nameKey: nameKey(receipt.counterpartyName ?? ''),
    };
  });
  const payers = await learnedPayers(
    ctx.db,
    ctx.companyId,
    [...new Set(prepared.flatMap((p) => (p.receipt.counterpartyIban ? [p.receipt.counterpartyIban] : [])))],
    [...new Set(prepared.flatMap((p) => (p.nameKey ? [p.nameKey] : [])))],
  );
  const digitKeys = [
    ...new Set(
      prepared.flatMap((p) => p.keys.filter((key) => key.startsWith('#')).map((key) => key.slice(1))),
    ),
  ];
  const refDocuments = (await documentsByRefDigits(ctx.db, ctx.companyId, digitKeys)).map(
    (document, order) => ({ ...document, order }),
  );
  const documentsByKey = groupedBy(refDocuments, (document) => `#${document.digits}`);
  const payersByKey = groupedBy(payers, (payer) => `${payer.payerKind}\n${payer.payerValue}`);
  const identified = prepared.map((p) => {
    const keys = new Set(p.keys);
    const refHits: RefHit[] = [...keys]
      .flatMap((key) => documentsByKey.get(key) ?? [])
      .sort((a, b) => a.order - b.order)
      .map((document) => ({
        customerCode: document.customerCode,
        documentId: document.documentId,
        ref: document.externalRef,
        viaDigits: !keys.has(refKey(document.externalRef)),
      }));
    const byKind = (kind: 'iban' | 'name', value: string | null): LearnedPayer[] =>
      value === null ? [] : (payersByKey.get(`${kind}\n${value}`) ?? []);
    const input = {
      counterpartyTokens: p.counterpartyTokens,
      textTokens: p.textTokens,
      iban: p.receipt.counterpartyIban,
      byIban: byKind('iban', p.receipt.counterpartyIban),
      byName: p.nameKey ? byKind('name', p.nameKey) : [],
      refHits,
      codeHits: p.textTokens.flatMap((token) => {
        const code = index.codes.get(token);
        return code ? [code] : [];
      }),
      nameCandidates: nameCandidates(index, [...p.counterpartyTokens, ...p.textTokens]),
      amountOnly: [] as string[],
      weight: index.weight,
    };
    return { ...p, input, refHits, candidates: identifyCustomers(input) };
  });
  // Receipts that point at nobody: the customers owing exactly that amount are the only lead.
  const nameless = identified.filter((item) => item.candidates.length === 0);
  const owing = await customersOwingExactly(ctx.db, ctx.companyId, [
    ...new Set(nameless.map((item) => item.receipt.amountMinor)),
  ]);
  for (const item of nameless) {
    const amountOnly = owing
      .filter((row) => row.openMinor === item.receipt.amountMinor)
      .map((row) => row.customerCode);
    item.candidates = identifyCustomers({ ...item.input, amountOnly });
  }
  const candidateCodes = new Set(
    identified.flatMap((item) => item.candidates.slice(0, MAX_CANDIDATES).map((c) => c.customerCode)),
  );
  const itemsByCustomer = groupByCustomer(
    await openItemsOfCustomers(ctx.db, ctx.companyId, [...candidateCodes]),
  );
  const singles = identified.map((item) => {
    const named = new Set(item.refHits.map((hit) => hit.documentId));
    const candidates = item.candidates.slice(0, MAX_CANDIDATES);
    const proposals = candidates.map((candidate) =>
      proposeForCustomer(
        item.receipt,
        candidate,
        itemsByCustomer.get(candidate.customerCode) ?? [],
        named,
        settings,
      ),
    );
    return { ...item, named, proposals, groups: groupsToSearch(index, candidates, proposals) };
  });
  // The members of the groups to search that were not candidates themselves: one more read.
  const members = new Set(singles.flatMap((item) => item.groups.flatMap((group) => group.memberCodes)));
  const missing = [...members].filter((code) => !itemsByCustomer.has(code) && !candidateCodes.has(code));
  for (const [code, items] of groupByCustomer(await openItemsOfCustomers(ctx.db, ctx.companyId, missing)))
    itemsByCustomer.set(code, items);
  return singles.map((item) => {
    const byGroup = item.groups.flatMap((group) => {
      const items = group.memberCodes.flatMap((code) => itemsByCustomer.get(code) ?? []);
      const proposal = proposeForGroup(item.receipt, group, item.candidates, items, item.named, settings);
      return proposal ? [proposal] : [];
    });
    return { receipt: item.receipt, proposals: rankProposals([...item.proposals, ...byGroup]) };
  });
}

function groupByCustomer(items: readonly OpenItem[]): Map<string, OpenItem[]> {
  const byCustomer = new Map<string, OpenItem[]>();
  for (const item of items) {
    const list = byCustomer.get(item.customerCode);
    if (list) list.push(item);
    else byCustomer.set(item.customerCode, [item]);
  }
  return byCustomer;
}
