/**
 * Who each receipt of a batch may be from: the clues its words hold are looked up for the whole
 * batch at once (learned payers in the database; the documents its references name in the run's
 * copy of the ledger, or the database — ledger-view.ts), then core/cash identifies the customers
 * (names through the run's index, customer-index.ts). What no matching changes is worked out
 * ahead (`identifyAhead`); who owes a receipt's amount, for one that points at nobody, is read
 * once the batch before it is written (`identifyBatch`).
 */
import {
  type CustomerCandidate,
  type IdentifyInput,
  identifyCustomers,
  type LearnedPayer,
  type NameClue,
  type RefHit,
} from '#core/cash/identify';
import type { Numbering } from '#core/cash/numbering';
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
import type { ReceiptLeads } from './receipt-leads.ts';
import { type PendingHits, paddedRefKeys, readingKeys, withReadings } from './year-number-hits.ts';

/** The candidates a receipt's proposals read at most (match-engine.ts), group members apart. */
export const MAX_CANDIDATES = 5;

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
  /**
   * Invoices it writes as a number and a year, of customers it does not point at: they count once
   * the figures bear them out (year-number-hits.ts). Absent for most receipts.
   */
  pending?: PendingHits;
}

/**
 * The candidate customers of each receipt from what no matching changes: its words, the payers
 * people taught (an automatic match teaches none) and the invoices and credit notes its
 * references name, or its numbers and years under the company's numbering (a match writes
 * payments and write-offs only; year-number-hits.ts). So the matching works this out
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
  const numberings = leads.some((p) => p.readings.length > 0) ? await ledger.referenceNumberings() : [];
  const digitKeys = [
    ...new Set(
      leads.flatMap((p) =>
        [...p.keys, ...readingKeys(p.readings, numberings), ...paddedRefKeys(p.paddedRefs)]
          .filter((key) => key.startsWith('#'))
          .map((key) => key.slice(1)),
      ),
    ),
  ];
  const refDocuments = (await ledger.documentsByDigits(digitKeys)).map((document, order) => ({
    ...document,
    order,
  }));
  const documentsByKey = Map.groupBy(refDocuments, (document) => `#${document.digits}`);
  const payersByKey = Map.groupBy(payers, (payer) => `${payer.payerKind}\n${payer.payerValue}`);
  const identified: Identified[] = [];
  const turn = turns();
  for (const leadsOfOne of leads) {
    // The event loop is handed back now and then: the batch written meanwhile gets its answers.
    await turn();
    identified.push(identifiedOf(index, leadsOfOne, documentsByKey, payersByKey, numberings));
  }
  return identified;
}

/**
 * The candidates `proposeForBatch` reads, in their order: the first MAX_CANDIDATES, and the
 * members of groups (a group receipt weighs every candidate of the group). A name shared by many
 * customers brings dozens more, which a batch held while the one before it is written kept.
 */
export function candidatesRead(index: CustomerIndex, candidates: CustomerCandidate[]): CustomerCandidate[] {
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
  numberings: readonly Numbering[],
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
  const plain: IdentifyInput = {
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
  const { input, candidates, pending } = withReadings(
    { input: plain, names: p.names, candidates: identifyCustomers(plain, p.names) },
    p,
    numberings,
    documentsByKey,
  );
  return {
    receipt: p.receipt,
    refHits: [...input.refHits],
    candidates: candidatesRead(index, candidates),
    nameless: candidates.length === 0 ? { input, names: p.names } : null,
    ...(pending ? { pending } : {}),
  };
}

/**
 * The candidate customers of each receipt: `identifyAhead`'s, and for the receipts that point at
 * nobody, the customers owing exactly their amount (the open items as they are now).
 */
export async function identifyBatch(
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
