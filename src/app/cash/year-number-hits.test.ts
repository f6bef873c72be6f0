import { describe, expect, it } from 'vitest';
import { type IdentifyInput, identifyCustomers, matchNames } from '#core/cash/identify';
import { learnNumberings } from '#core/cash/numbering';
import { readPaddedRefs } from '#core/cash/padded-refs';
import type { OpenItem } from '#core/cash/proposal';
import { readYearNumbers } from '#core/cash/year-number';
import type { RefDocumentRow } from '#db/cash/matching-queries';
import { buildCustomerIndex } from './customer-index.ts';
import { readingKeys, withCorroborated, withReadings } from './year-number-hits.ts';

const index = buildCustomerIndex([
  { code: 'C1', name: 'Cabinet Gauthier', currency: 'EUR', groupCode: null },
  { code: 'C2', name: 'Traiteur Barbier', currency: 'EUR', groupCode: null },
]);
const numberings = learnNumberings(['F2026-001331', 'F2026-001564', 'F2026-000077', 'F2025-000738']);
const documents: RefDocumentRow[] = [
  { documentId: 1, customerCode: 'C1', externalRef: 'F2026-001331', digits: '2026001331' },
  { documentId: 2, customerCode: 'C1', externalRef: 'F2026-001564', digits: '2026001564' },
  { documentId: 3, customerCode: 'C2', externalRef: 'F2025-000738', digits: '2025000738' },
  // Another series, of letters no reader knows: « FC » and a two-digit year.
  { documentId: 4, customerCode: 'C1', externalRef: 'FC26-0413', digits: '260413' },
  { documentId: 5, customerCode: 'C2', externalRef: 'FC26-412', digits: '26412' },
  { documentId: 6, customerCode: 'C2', externalRef: 'FC26-0412', digits: '260412' },
];
const documentsByKey = new Map(documents.map((document) => [`#${document.digits}`, [document]]));
const item = (documentId: number, customerCode: string, openMinor: number): OpenItem => ({
  documentId,
  customerCode,
  ref: documents.find((document) => document.documentId === documentId)?.externalRef ?? '',
  kind: 'invoice',
  issueDate: '2026-03-01',
  dueDate: '2026-04-30',
  openMinor,
  currency: 'EUR',
});

/** A receipt's identification from its counterparty and text, the references it names given. */
function identified(counterparty: string, text: string, named: RefDocumentRow[] = []) {
  const input: IdentifyInput = {
    counterpartyTokens: counterparty ? counterparty.split(' ') : [],
    textTokens: text.split(' '),
    iban: null,
    byIban: [],
    byName: [],
    refHits: named.map((document) => ({
      customerCode: document.customerCode,
      documentId: document.documentId,
      ref: document.externalRef,
      viaDigits: false,
    })),
    codeHits: [],
    nameCandidates: [...index.customers.values()].map((customer) => ({
      code: customer.code,
      tokens: customer.tokens,
    })),
    amountOnly: [],
    weight: index.weight,
  };
  const names = matchNames(input);
  return withReadings(
    { input, names, candidates: identifyCustomers(input, names) },
    { readings: readYearNumbers(text), paddedRefs: readPaddedRefs(text) },
    numberings,
    documentsByKey,
  );
}

describe('invoices written as a number and a year', () => {
  it('are looked up under the digits the company’s numbering gives them', () => {
    expect(readingKeys(readYearNumbers('1331 DU 2026 FACT 738/2025'), numberings)).toEqual([
      '#2026001331',
      '#2025000738',
    ]);
  });

  it('count at once for a customer the receipt points at: both invoices of the line are named', () => {
    const found = identified('CABINET GAUTHIER', '1331 DU 2026 F2026-001564', [
      documents[1] as RefDocumentRow,
    ]);
    expect(found.input.refHits.map((hit) => hit.ref)).toEqual(['F2026-001564', 'F2026-001331']);
    expect(found.candidates[0]?.evidence).toContainEqual({
      code: 'reference_year_number',
      ref: 'F2026-001331',
      typed: '1331 DU 2026',
    });
    expect(found.pending).toBeNull();
  });

  it('wait for the figures when nothing else points at their customer, and count only if they agree', () => {
    const found = identified('', 'VIREMENT 738 DU 2025');
    expect(found.candidates).toEqual([]);
    expect(found.pending?.hits.map((hit) => hit.ref)).toEqual(['F2025-000738']);
    const pending = found.pending;
    if (!pending) return;
    const receipt = { amountMinor: 111_604, currency: 'EUR', bookingDate: '2026-06-15' };
    const open = (openMinor: number) => new Map([['C2', [item(3, 'C2', openMinor)]]]);
    // Open for another amount: the reading names nobody.
    expect(withCorroborated(receipt, pending, open(250_000), [], 500)).toBeNull();
    // Open for exactly the receipt: its customer is a candidate, the invoice named.
    const agreed = withCorroborated(receipt, pending, open(111_604), [], 500);
    expect(agreed?.candidates.map((candidate) => candidate.customerCode)).toEqual(['C2']);
    expect(agreed?.refHits.map((hit) => hit.ref)).toEqual(['F2025-000738']);
  });

  it('read an invoice’s reference written with an extra zero as that invoice’s, on its own when open', () => {
    const padded = { code: 'reference_padded', ref: 'F2026-001564', typed: 'F2026-0001564' };
    // Its customer pointed at by its name: a reference at once.
    const named = identified('CABINET GAUTHIER', 'REGLEMENT F2026-0001564');
    expect(named.pending).toBeNull();
    expect(named.candidates[0]?.evidence).toContainEqual(padded);
    // Nothing else points at it: the one open invoice it names, paid in part.
    const found = identified('', 'VIREMENT F2026-0001564');
    expect(found.candidates).toEqual([]);
    const pending = found.pending;
    if (!pending) throw new Error('the reference waits for the open items');
    const receipt = { amountMinor: 20_000, currency: 'EUR', bookingDate: '2026-06-15' };
    const agreed = withCorroborated(receipt, pending, new Map([['C1', [item(2, 'C1', 150_000)]]]), [], 500);
    expect(agreed?.candidates.map((candidate) => candidate.customerCode)).toEqual(['C1']);
    expect(agreed?.candidates[0]?.evidence).toEqual([padded]);
    // Settled already: nothing says the payer meant it.
    expect(withCorroborated(receipt, pending, new Map([['C1', []]]), [], 500)).toBeNull();
  });

  it('name nothing when no invoice of that year and number exists', () => {
    const found = identified('CABINET GAUTHIER', 'FACTURE 1332 DU 2026');
    expect(found.pending).toBeNull();
    expect(found.input.refHits).toEqual([]);
  });

  it('read a reference of any letters written with extra zeros as the one invoice it names', () => {
    const padded = { code: 'reference_padded', ref: 'FC26-0413', typed: 'FC26-00413' };
    const named = identified('CABINET GAUTHIER', 'REGLEMENT FC26-00413');
    expect(named.pending).toBeNull();
    expect(named.candidates[0]?.evidence).toContainEqual(padded);
    const found = identified('', 'VIREMENT FC26-00413');
    expect(found.candidates).toEqual([]);
    const pending = found.pending;
    if (!pending) throw new Error('the reference waits for the open items');
    const receipt = { amountMinor: 20_000, currency: 'EUR', bookingDate: '2026-06-15' };
    const agreed = withCorroborated(receipt, pending, new Map([['C1', [item(4, 'C1', 90_000)]]]), [], 500);
    expect(agreed?.candidates.map((candidate) => candidate.customerCode)).toEqual(['C1']);
    expect(agreed?.candidates[0]?.evidence).toEqual([padded]);
    expect(withCorroborated(receipt, pending, new Map([['C1', []]]), [], 500)).toBeNull();
  });

  it('name no invoice by a reference written wider that may be two open ones, even of the customer named', () => {
    const receipt = { amountMinor: 20_000, currency: 'EUR', bookingDate: '2026-06-15' };
    const both = new Map([['C2', [item(5, 'C2', 30_000), item(6, 'C2', 40_000)]]]);
    for (const counterparty of ['', 'TRAITEUR BARBIER']) {
      // « FC26-00412 » writes both « FC26-412 » and « FC26-0412 » wider.
      const found = identified(counterparty, 'VIREMENT FC26-00412');
      expect(found.input.refHits).toEqual([]);
      const pending = found.pending;
      if (!pending) throw new Error('the reference waits for the open items');
      expect(pending.hits.map((hit) => hit.ref)).toEqual(['FC26-0412', 'FC26-412']);
      expect(withCorroborated(receipt, pending, both, [], 500)).toBeNull();
      // One of them settled: the reference names the other.
      const one = withCorroborated(receipt, pending, new Map([['C2', [item(6, 'C2', 40_000)]]]), [], 500);
      expect(one?.refHits.map((hit) => hit.ref)).toEqual(['FC26-0412']);
    }
  });

  it('read no reference in an amount, a date or a phone number beside the invoice’s letters', () => {
    for (const text of [
      'MONTANT FC26 00412,00 EUR',
      'FC26-00412,00',
      'FC 26 00413 DU 02/06/2026 TEL 0612345678',
    ])
      expect(identified('', text).pending, text).toBeNull();
    expect(identified('', 'FC26-00413 DU 02/06/2026').pending?.hits.map((hit) => hit.ref)).toEqual([
      'FC26-0413',
    ]);
  });
});
