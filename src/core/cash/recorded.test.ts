import { describe, expect, it } from 'vitest';
import type { CustomerCandidate } from './identify.ts';
import { type RecordedPayment, recordedProposals } from './recorded.ts';

const receipt = { amountMinor: 120_000, currency: 'EUR', bookingDate: '2026-06-15' };
const payment = (overrides: Partial<RecordedPayment> = {}): RecordedPayment => ({
  documentId: 10,
  customerCode: 'C1',
  ref: 'RG-1',
  issueDate: '2026-06-15',
  valueDate: null,
  amountMinor: 120_000,
  currency: 'EUR',
  settledDocumentIds: [1],
  ...overrides,
});
const candidate = (customerCode: string, score: number): CustomerCandidate => ({
  customerCode,
  score,
  evidence: [{ code: 'counterparty_name', similarityPct: Math.round(score * 100) }],
});
const byName = [candidate('C1', 0.8)];

describe('recordedProposals', () => {
  it('recognises a payment of the customer, of the amount, on the day: sure enough to apply', () => {
    const [proposal, ...rest] = recordedProposals(receipt, byName, [], [payment()]);
    expect(rest).toEqual([]);
    expect(proposal).toMatchObject({
      customerCode: 'C1',
      method: 'recorded',
      debits: [],
      credits: [],
      unappliedMinor: 0,
      recorded: { documentId: 10, ref: 'RG-1', issueDate: '2026-06-15' },
    });
    expect(proposal?.confidence).toBeGreaterThanOrEqual(95);
    expect(proposal?.evidence.at(-1)).toEqual({ code: 'recorded_payment', ref: 'RG-1', days: 0 });
  });

  it('reaches a few days around the issue and value dates, less surely the further', () => {
    const near = recordedProposals(receipt, byName, [], [payment({ issueDate: '2026-06-13' })]);
    const far = recordedProposals(receipt, byName, [], [payment({ issueDate: '2026-06-10' })]);
    const byValue = recordedProposals(
      receipt,
      byName,
      [],
      [payment({ issueDate: '2026-06-05', valueDate: '2026-06-15' })],
    );
    const sameDay = recordedProposals(receipt, byName, [], [payment()]);
    expect(near[0]?.confidence).toBeLessThan(sameDay[0]?.confidence ?? 0);
    expect(far[0]?.confidence).toBeLessThan(near[0]?.confidence ?? 0);
    expect(byValue[0]?.evidence.at(-1)).toMatchObject({ days: 0 });
    expect(recordedProposals(receipt, byName, [], [payment({ issueDate: '2026-06-09' })])).toEqual([]);
  });

  it('is none of another amount, currency or customer', () => {
    expect(recordedProposals(receipt, byName, [], [payment({ amountMinor: 119_999 })])).toEqual([]);
    expect(recordedProposals(receipt, byName, [], [payment({ currency: 'USD' })])).toEqual([]);
    expect(recordedProposals(receipt, byName, [], [payment({ customerCode: 'C2' })])).toEqual([]);
  });

  it('is another payment when the receipt names invoices of the customer the payment did not settle', () => {
    const named = (documentId: number) => [{ customerCode: 'C1', documentId }];
    expect(recordedProposals(receipt, byName, named(2), [payment()])).toEqual([]);
    const own = recordedProposals(receipt, byName, named(1), [payment()]);
    expect(own[0]?.confidence).toBeGreaterThan(
      recordedProposals(receipt, byName, [], [payment()])[0]?.confidence ?? 100,
    );
    // A payment on account settles nothing: the invoices named do not tell it apart.
    expect(recordedProposals(receipt, byName, named(2), [payment({ settledDocumentIds: [] })])).toHaveLength(
      1,
    );
  });

  it('for a receipt that names nobody, proposes anyone’s payment of the amount, never sure enough to apply', () => {
    const [proposal] = recordedProposals(receipt, [], [], [payment({ customerCode: 'C7' })]);
    expect(proposal).toMatchObject({ customerCode: 'C7', method: 'recorded' });
    expect(proposal?.confidence).toBeLessThanOrEqual(80);
  });

  it('ranks several payments of the customer nearest first, none sure', () => {
    const proposals = recordedProposals(
      receipt,
      byName,
      [],
      [payment({ documentId: 11, issueDate: '2026-06-12' }), payment({ documentId: 12 })],
    );
    expect(proposals.map((proposal) => proposal.recorded?.documentId)).toEqual([12, 11]);
    expect(proposals.every((proposal) => proposal.confidence <= 80)).toBe(true);
  });
});
