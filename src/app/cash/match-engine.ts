/**
 * Proposals for a batch of receipts: the clues each receipt holds are looked up for the whole
 * batch at once (learned payers in the database; references and open items of the candidate
 * customers in the run's copy of the ledger, or the database — ledger-view.ts), then core/cash identifies the customers (names through the run's index,
 * customer-index.ts) and proposes the invoices. When a candidate belongs to a group and no single
 * customer's items explain the receipt, the whole group's open items are searched (a
 * group receipt, core/cash/group.ts). A receipt that is a payment the ledger already records is
 * proposed as that payment only (recorded-match.ts).
 */
import { type CustomerGroup, explainsReceipt, proposeForGroup } from '#core/cash/group';
import {
  type CustomerCandidate,
  type IdentifyInput,
  identifyCustomers,
  type LearnedPayer,
  type NameClue,
  type RefHit,
} from '#core/cash/identify';
import {
  DEFAULT_PROPOSAL_SETTINGS,
  type OpenItem,
  type Proposal,
  type ProposalSettings,
  proposeForCustomer,
  rankProposals,
} from '#core/cash/proposal';
import { refKey } from '#core/cash/references';
import {
  learnedPayers,
  type PayerRow,
  type ReceiptRow,
  type RefDocumentRow,
} from '#db/cash/matching-queries';
import type { AppContext } from '../context.ts';
import { turns } from '../turns.ts';
import { type CustomerIndex, groupOf } from './customer-index.ts';
import { databaseLedger, type MatchingLedger } from './ledger-view.ts';
import { type ReceiptLeads, receiptLeads } from './receipt-leads.ts';
import { type RecordedOutcome, recordedForBatch } from './recorded-match.ts';

export { buildCustomerIndex, type CustomerIndex } from './customer-index.ts';

const MAX_CANDIDATES = 5;

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

/** A receipt with what its words and the clues read for them say about its customer. */
export interface Identified {
  receipt: ReceiptRow;
  refHits: RefHit[];
  /** Most likely first; only those a proposal reads (`candidatesRead`). */
  candidates: CustomerCandidate[];
  /**
   * For a receipt that points at nobody (no candidate), what identifies it again once who owes
   * its amount is known (`identifyBatch`); null for the others, which are not identified again:
   * a batch is held while the one before it is written, and its receipts' words, name candidates
   * and name clues were most of what it held.
   */
  nameless: { input: IdentifyInput; names: NameClue[] } | null;
}

/**
 * The candidate customers of each receipt from what no matching changes: its words, the payers
 * people taught (an automatic match teaches none) and the invoices and credit notes its
 * references name (a match writes payments and write-offs only). So the matching works this out
 * for the next batch while the database writes the current one (match-receipts.ts). Receipts
 * that point at nobody are left without candidates: `identifyBatch` gives them the customers that
 * owe their amount, read once the batch before them is written.
 */
export async function identifyAhead(
  ctx: AppContext,
  index: CustomerIndex,
  leads: readonly ReceiptLeads[],
  ledger: MatchingLedger = databaseLedger(ctx),
): Promise<Identified[]> {
  const payers = await learnedPayers(
    ctx.db,
    ctx.companyId,
    [...new Set(leads.flatMap((p) => (p.receipt.counterpartyIban ? [p.receipt.counterpartyIban] : [])))],
    [...new Set(leads.flatMap((p) => (p.nameKey ? [p.nameKey] : [])))],
  );
  const digitKeys = [
    ...new Set(leads.flatMap((p) => p.keys.filter((key) => key.startsWith('#')).map((key) => key.slice(1)))),
  ];
  const refDocuments = (await ledger.documentsByDigits(digitKeys)).map((document, order) => ({
    ...document,
    order,
  }));
  const documentsByKey = groupedBy(refDocuments, (document) => `#${document.digits}`);
  const payersByKey = groupedBy(payers, (payer) => `${payer.payerKind}\n${payer.payerValue}`);
  const identified: Identified[] = [];
  const turn = turns();
  for (const leadsOfOne of leads) {
    // The event loop is handed back now and then: the batch written meanwhile gets its answers.
    await turn();
    identified.push(identifiedOf(index, leadsOfOne, documentsByKey, payersByKey));
  }
  return identified;
}

/**
 * The candidates `proposeForBatch` reads, in their order: the first MAX_CANDIDATES, and the
 * members of groups (a group receipt weighs every candidate of the group). A name shared by many
 * customers brings dozens more, which a batch held while the one before it is written kept.
 */
function candidatesRead(index: CustomerIndex, candidates: CustomerCandidate[]): CustomerCandidate[] {
  if (candidates.length <= MAX_CANDIDATES || index.groups.size === 0)
    return candidates.slice(0, MAX_CANDIDATES);
  return candidates.filter(
    (candidate, at) => at < MAX_CANDIDATES || groupOf(index, candidate.customerCode) !== null,
  );
}

function identifiedOf(
  index: CustomerIndex,
  p: ReceiptLeads,
  documentsByKey: ReadonlyMap<string, readonly (RefDocumentRow & { order: number })[]>,
  payersByKey: ReadonlyMap<string, PayerRow[]>,
): Identified {
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
  const input: IdentifyInput = {
    counterpartyTokens: p.counterpartyTokens,
    textTokens: p.textTokens,
    iban: p.receipt.counterpartyIban,
    byIban: byKind('iban', p.receipt.counterpartyIban),
    byName: p.nameKey ? byKind('name', p.nameKey) : [],
    refHits,
    codeHits: p.codeHits,
    nameCandidates: p.nameCandidates,
    amountOnly: [],
    weight: index.weight,
  };
  const candidates = identifyCustomers(input, p.names);
  return {
    receipt: p.receipt,
    refHits,
    candidates: candidatesRead(index, candidates),
    nameless: candidates.length === 0 ? { input, names: p.names } : null,
  };
}

/**
 * The candidate customers of each receipt: `identifyAhead`'s, and for the receipts that point at
 * nobody, the customers owing exactly their amount (the open items as they are now).
 */
async function identifyBatch(
  ledger: MatchingLedger,
  identified: readonly Identified[],
): Promise<Identified[]> {
  const nameless = identified.filter((item) => item.nameless !== null);
  const owing = await ledger.customersOwing([...new Set(nameless.map((item) => item.receipt.amountMinor))]);
  const byReceipt = new Map<Identified, CustomerCandidate[]>();
  for (const item of nameless) {
    if (item.nameless === null) continue;
    const amountOnly = owing
      .filter((row) => row.openMinor === item.receipt.amountMinor)
      .map((row) => row.customerCode);
    byReceipt.set(item, identifyCustomers({ ...item.nameless.input, amountOnly }, item.nameless.names));
  }
  // New records: the ones worked out ahead stay as they were read.
  return identified.map((item) => {
    const candidates = byReceipt.get(item);
    return candidates ? { ...item, candidates } : item;
  });
}

/** A receipt's proposals and what they were made from, to tell whether a later state would change them. */
export interface ProposedReceipt extends ReceiptProposals {
  /** The customers whose open items its proposals read. */
  customersRead: readonly string[];
  /** Its candidates came from who owes its amount (any open item of the ledger may change them). */
  byAmount: boolean;
  /** A payment the ledger records fitted it (a match written since may have taken that payment). */
  recordedRead: boolean;
}

/**
 * The ranked proposals of each receipt of a batch. `ahead` is its receipts identified before the
 * previous batch was written (`identifyAhead`); otherwise they are identified here. `ledger`
 * answers the reads: the run's copy (ledger-view.ts), or the database as it is now. The proposals
 * of a receipt depend on the ledger only through the open items of `customersRead` and, when
 * `byAmount`, through who owes its amount: proposing a part of a batch gives its receipts the
 * same proposals as the whole batch does.
 */
export async function proposeForBatch(
  ctx: AppContext,
  index: CustomerIndex,
  receipts: readonly ReceiptRow[],
  settings: ProposalSettings = DEFAULT_PROPOSAL_SETTINGS,
  ahead?: readonly Identified[],
  ledger: MatchingLedger = databaseLedger(ctx),
): Promise<ProposedReceipt[]> {
  const before = ahead ?? (await identifyAhead(ctx, index, await receiptLeads(index, receipts), ledger));
  const identified = await identifyBatch(ledger, before);
  const candidateCodes = new Set(
    identified.flatMap((item) => item.candidates.slice(0, MAX_CANDIDATES).map((c) => c.customerCode)),
  );
  const itemsByCustomer = groupByCustomer(await ledger.openItemsOf([...candidateCodes]));
  const singles = [];
  const turn = turns();
  for (const item of identified) {
    // The event loop is handed back now and then: a batch written meanwhile gets its answers.
    await turn();
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
    singles.push({ ...item, named, proposals, groups: groupsToSearch(index, candidates, proposals) });
  }
  // The members of the groups to search that were not candidates themselves: one more read.
  const members = new Set(singles.flatMap((item) => item.groups.flatMap((group) => group.memberCodes)));
  const missing = [...members].filter((code) => !itemsByCustomer.has(code) && !candidateCodes.has(code));
  for (const [code, items] of groupByCustomer(await ledger.openItemsOf(missing)))
    itemsByCustomer.set(code, items);
  // A receipt the ledger already records is that payment, never a new one against open items.
  const recorded = await recordedForBatch(
    ledger,
    singles.map((item, at) => ({ ...item, candidates: before[at]?.candidates ?? [] })),
  );
  return singles.map((item, at) => {
    const byGroup = item.groups.flatMap((group) => {
      const items = group.memberCodes.flatMap((code) => itemsByCustomer.get(code) ?? []);
      const proposal = proposeForGroup(item.receipt, group, item.candidates, items, item.named, settings);
      return proposal ? [proposal] : [];
    });
    const asRecorded = recorded[at] as RecordedOutcome;
    return {
      receipt: item.receipt,
      proposals: asRecorded.proposals[0]
        ? asRecorded.proposals
        : rankProposals([...item.proposals, ...byGroup]),
      customersRead: [
        ...item.candidates.slice(0, MAX_CANDIDATES).map((candidate) => candidate.customerCode),
        ...item.groups.flatMap((group) => group.memberCodes),
      ],
      byAmount: before[at]?.candidates.length === 0,
      recordedRead: asRecorded.read,
    };
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
