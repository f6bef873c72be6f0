import { describe, expect, it } from 'vitest';
import { identifyCustomers, matchNames } from '#core/cash/identify';
import { DEFAULT_PROPOSAL_SETTINGS } from '#core/cash/proposal';
import type { OpenItemRow, ReceiptRow } from '#db/cash/matching-queries';
import type { AppContext } from '../context.ts';
import { buildCustomerIndex } from './customer-index.ts';
import { staleProposals, updatedProposals } from './early-proposals.ts';
import type { Identified } from './identify-batch.ts';
import type { MatchingLedger } from './ledger-view.ts';
import { proposeForBatch } from './match-engine.ts';
import { OpenItemBook } from './open-item-book.ts';

const CUSTOMERS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
const index = buildCustomerIndex(
  CUSTOMERS.map((code, at) => ({ code, name: `Societe ${'ABCDEF'[at]}`, currency: 'EUR', groupCode: null })),
);
// Reads go to the ledger given: the context is never used when the receipts come identified.
const ctx = {} as AppContext;

const item = (documentId: number, customerCode: string, openMinor: number): OpenItemRow => ({
  documentId,
  customerCode,
  ref: `F-${documentId}`,
  kind: 'invoice',
  issueDate: `2026-05-${String((documentId % 28) + 1).padStart(2, '0')}`,
  dueDate: '2026-06-30',
  openMinor,
  currency: 'EUR',
});

function ledgerOf(items: readonly OpenItemRow[]): MatchingLedger {
  const book = new OpenItemBook();
  for (const row of items) book.put(row);
  return {
    documentsByDigits: async () => [],
    openItemsOf: async (codes) => codes.flatMap((code) => book.itemsOf(code)),
    customersOwing: async (amounts) => book.customersOwing(amounts),
    recordedPayments: async () => [],
    referenceNumberings: async () => [],
  };
}

const receipt = (transactionId: number, amountMinor: number): ReceiptRow => ({
  transactionId,
  bookingDate: '2026-07-10',
  amountMinor,
  currency: 'EUR',
  counterpartyName: null,
  counterpartyIban: null,
  endToEndId: null,
  creditorRef: null,
  remittance: null,
  label: null,
  chequeNumber: null,
  status: 'open',
});

/** A receipt whose text carries a customer's code (or nothing: then who owes its amount decides). */
function identified(row: ReceiptRow, code: string | null): Identified {
  const input = {
    counterpartyTokens: [],
    textTokens: [],
    iban: null,
    byIban: [],
    byName: [],
    refHits: [],
    codeHits: code ? [code] : [],
    nameCandidates: [],
    amountOnly: [],
    weight: index.weight,
  };
  const names = matchNames(input);
  const candidates = identifyCustomers(input, names);
  return {
    receipt: row,
    refHits: [],
    candidates,
    nameless: candidates.length === 0 ? { input, names } : null,
  };
}

describe('updatedProposals', () => {
  const before = [
    item(1, 'C1', 1_000),
    item(2, 'C1', 2_500),
    item(3, 'C2', 4_000),
    item(4, 'C3', 7_000),
    item(5, 'C4', 1_200),
    item(6, 'C5', 900),
    item(7, 'C6', 3_300),
  ];
  // A batch written meanwhile settled C2's invoice and part of C4's, and left C6 owing 7,000 too.
  const after = [
    ...before.filter((row) => row.documentId !== 3 && row.documentId !== 5 && row.documentId !== 7),
    item(5, 'C4', 200),
    item(7, 'C6', 7_000),
  ];
  const changed = new Set(['C2', 'C4', 'C6']);
  const ahead = [
    identified(receipt(11, 2_500), 'C1'),
    identified(receipt(12, 4_000), 'C2'),
    identified(receipt(13, 1_200), 'C4'),
    identified(receipt(14, 900), 'C5'),
    identified(receipt(15, 7_000), null),
  ];
  const receipts = ahead.map((entry) => entry.receipt);

  it('gives every receipt the proposals made on the refreshed ledger, proposing again only those it may change', async () => {
    const early = await proposeForBatch(
      ctx,
      index,
      receipts,
      DEFAULT_PROPOSAL_SETTINGS,
      ahead,
      ledgerOf(before),
    );
    const late = await proposeForBatch(
      ctx,
      index,
      receipts,
      DEFAULT_PROPOSAL_SETTINGS,
      ahead,
      ledgerOf(after),
    );
    // The change matters: some early proposals are not the late ones.
    expect(early).not.toEqual(late);
    expect(staleProposals(early, changed)).toEqual([1, 2, 4]);
    const updated = await updatedProposals(ctx, index, DEFAULT_PROPOSAL_SETTINGS, ledgerOf(after), changed, {
      ahead,
      proposed: early,
    });
    expect(updated).toEqual(late);
  });

  it('keeps the early proposals when nothing they read changed', async () => {
    const early = await proposeForBatch(
      ctx,
      index,
      receipts.slice(0, 1),
      DEFAULT_PROPOSAL_SETTINGS,
      ahead.slice(0, 1),
      ledgerOf(before),
    );
    expect(staleProposals(early, changed)).toEqual([]);
    const updated = await updatedProposals(ctx, index, DEFAULT_PROPOSAL_SETTINGS, ledgerOf(after), changed, {
      ahead: ahead.slice(0, 1),
      proposed: early,
    });
    expect(updated).toEqual(early);
  });
});
