import { describe, expect, it } from 'vitest';
import { type CustomerCandidate, identifyCustomers, type RefHit } from './identify.ts';
import type { OpenItem } from './proposal.ts';
import type { RecordedPayment } from './recorded.ts';
import type { YearNumberReading } from './year-number.ts';
import { corroboratedHits, pointedHits, readingHits } from './year-number-hits.ts';

const reading: YearNumberReading = { year: 2026, number: 1331, typed: '1331 DU 2026' };
const hit = (documentId: number, customerCode: string, ref = `F2026-00${documentId}`): RefHit => ({
  customerCode,
  documentId,
  ref,
  viaDigits: true,
  typed: '1331 DU 2026',
});
const open = (documentId: number, customerCode: string, openMinor: number): OpenItem => ({
  documentId,
  customerCode,
  ref: `F2026-00${documentId}`,
  kind: 'invoice',
  issueDate: '2026-04-01',
  dueDate: '2026-05-31',
  openMinor,
  currency: 'EUR',
});
const receipt = { amountMinor: 523_236, currency: 'EUR', bookingDate: '2026-06-15' };

describe('readingHits', () => {
  it('keeps the documents numbered with the reading’s year and number, not others sharing the digits', () => {
    const found = [
      { documentId: 1331, customerCode: 'C1', externalRef: 'F2026-001331' },
      // The same digits, another shape: not the invoice meant.
      { documentId: 9, customerCode: 'C2', externalRef: '2026001331' },
      { documentId: 10, customerCode: 'C3', externalRef: 'F2026-0013-31' },
    ];
    expect(readingHits([reading], () => found, [])).toEqual([hit(1331, 'C1', 'F2026-001331')]);
    // A document the text names by its reference already is not named twice.
    expect(readingHits([reading], () => found, [{ ...hit(1331, 'C1'), typed: undefined }])).toEqual([]);
  });

  it('names an invoice whose whole reference the text writes with more zeros as a reference', () => {
    const invoice = [{ documentId: 1331, customerCode: 'C1', externalRef: 'F2026-001331' }];
    const wider = { year: 2026, number: 1331, typed: '2026-0001331', written: 'F2026-0001331' };
    expect(readingHits([wider], () => invoice, [])).toEqual([
      {
        customerCode: 'C1',
        documentId: 1331,
        ref: 'F2026-001331',
        viaDigits: false,
        typed: 'F2026-0001331',
        padded: true,
      },
    ]);
    // Other letters: a number and a year only.
    expect(readingHits([{ ...wider, written: 'FA2026-0001331' }], () => invoice, [])).toEqual([
      { customerCode: 'C1', documentId: 1331, ref: 'F2026-001331', viaDigits: true, typed: '2026-0001331' },
    ]);
  });
});

describe('pointedHits', () => {
  it('counts the hits of a customer the receipt points at anyway, and holds the others back', () => {
    const candidates: CustomerCandidate[] = [{ customerCode: 'C1', score: 0.8, evidence: [] }];
    expect(pointedHits([hit(1, 'C1'), hit(2, 'C2')], candidates)).toEqual({
      pointed: [hit(1, 'C1')],
      pending: [hit(2, 'C2')],
    });
  });

  it('words the evidence with the reading as typed', () => {
    const [candidate] = identifyCustomers({
      counterpartyTokens: [],
      textTokens: [],
      iban: null,
      byIban: [],
      byName: [],
      refHits: [hit(1331, 'C1', 'F2026-001331')],
      codeHits: [],
      nameCandidates: [],
      amountOnly: [],
      weight: () => 1,
    });
    expect(candidate?.evidence).toEqual([
      { code: 'reference_year_number', ref: 'F2026-001331', typed: '1331 DU 2026' },
    ]);
  });
});

describe('corroboratedHits', () => {
  const payment = (overrides: Partial<RecordedPayment>): RecordedPayment => ({
    documentId: 50,
    customerCode: 'C2',
    ref: 'RG-50',
    issueDate: '2026-06-15',
    valueDate: null,
    amountMinor: receipt.amountMinor,
    currency: 'EUR',
    settledDocumentIds: [2],
    ...overrides,
  });
  const itemsOf = (items: OpenItem[]) => (code: string) => items.filter((item) => item.customerCode === code);

  it('keeps an invoice open for the receipt’s amount, or the invoices so named adding up to it', () => {
    expect(corroboratedHits(receipt, [hit(2, 'C2')], itemsOf([open(2, 'C2', 523_236)]), [], 500)).toEqual([
      hit(2, 'C2'),
    ]);
    const two = [open(2, 'C2', 300_000), open(3, 'C2', 223_236), open(4, 'C2', 1_000)];
    expect(corroboratedHits(receipt, [hit(2, 'C2'), hit(3, 'C2')], itemsOf(two), [], 500)).toHaveLength(2);
    // Short by bank charges within the tolerance.
    expect(
      corroboratedHits(receipt, [hit(2, 'C2')], itemsOf([open(2, 'C2', 523_536)]), [], 500),
    ).toHaveLength(1);
  });

  it('keeps an invoice a recorded payment of exactly the receipt settled, near its date', () => {
    expect(corroboratedHits(receipt, [hit(2, 'C2')], itemsOf([]), [payment({})], 500)).toEqual([
      hit(2, 'C2'),
    ]);
    expect(
      corroboratedHits(receipt, [hit(2, 'C2')], itemsOf([]), [payment({ issueDate: '2026-05-01' })], 500),
    ).toEqual([]);
    expect(
      corroboratedHits(receipt, [hit(2, 'C2')], itemsOf([]), [payment({ settledDocumentIds: [3] })], 500),
    ).toEqual([]);
    expect(
      corroboratedHits(receipt, [hit(2, 'C2')], itemsOf([]), [payment({ amountMinor: 100 })], 500),
    ).toEqual([]);
  });

  it('keeps a reference written wider when it names exactly one open invoice, whatever the amount', () => {
    const padded = (documentId: number, customerCode: string): RefHit => ({
      ...hit(documentId, customerCode),
      viaDigits: false,
      typed: 'F2026-0001331',
      padded: true,
    });
    const partly = itemsOf([open(2, 'C2', 999_999)]);
    expect(corroboratedHits(receipt, [padded(2, 'C2')], partly, [], 500)).toEqual([padded(2, 'C2')]);
    // Settled, or one of two open invoices it may be: nothing to keep it.
    expect(corroboratedHits(receipt, [padded(2, 'C2')], itemsOf([]), [], 500)).toEqual([]);
    const both = itemsOf([open(2, 'C2', 999_999), open(3, 'C3', 999_999)]);
    expect(corroboratedHits(receipt, [padded(2, 'C2'), padded(3, 'C3')], both, [], 500)).toEqual([]);
  });

  it('drops a reading the figures do not bear out: another amount, settled, another currency', () => {
    expect(corroboratedHits(receipt, [hit(2, 'C2')], itemsOf([open(2, 'C2', 999_999)]), [], 500)).toEqual([]);
    expect(corroboratedHits(receipt, [hit(2, 'C2')], itemsOf([open(2, 'C2', 100_000)]), [], 500)).toEqual([]);
    expect(corroboratedHits(receipt, [hit(2, 'C2')], itemsOf([]), [], 500)).toEqual([]);
    expect(
      corroboratedHits(
        receipt,
        [hit(2, 'C2')],
        itemsOf([{ ...open(2, 'C2', 523_236), currency: 'USD' }]),
        [],
        500,
      ),
    ).toEqual([]);
  });
});
