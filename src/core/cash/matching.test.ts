import { describe, expect, it } from 'vitest';
import { type IdentifyInput, identifyCustomers } from './identify.ts';
import { nameKey, nameSimilarity, nameTokens, tokenSimilarity } from './names.ts';
import { type OpenItem, proposeForCustomer, rankProposals } from './proposal.ts';
import { referenceKeysOf } from './references.ts';
import { checkStatementBalance, transactionKey } from './statements.ts';
import { findSubsets } from './subset-sum.ts';

const flat = () => 1;
const item = (
  documentId: number,
  openMinor: number,
  dueDate = '2026-03-31',
  ref = `F${documentId}`,
): OpenItem => ({
  documentId,
  customerCode: 'C1',
  ref,
  kind: openMinor > 0 ? 'invoice' : 'credit_note',
  issueDate: '2026-03-01',
  dueDate,
  openMinor,
  currency: 'EUR',
});
const candidate = {
  customerCode: 'C1',
  score: 0.9,
  evidence: [{ code: 'counterparty_name', similarityPct: 100 }],
};

describe('names', () => {
  it('ignores accents, case, legal forms and filler words', () => {
    expect(nameTokens('SARL Établissements Dupont & Fils')).toEqual(['DUPONT', 'FILS']);
    expect(nameKey('dupont et fils SAS')).toBe('DUPONT FILS');
  });

  it('forgives one typo and a name cut short, not a different word', () => {
    expect(tokenSimilarity('DISTRIBUTION', 'DISTRIBUTON')).toBeGreaterThan(0.8);
    expect(tokenSimilarity('DISTRIBUTION', 'DISTRIBUT')).toBe(0.9);
    expect(tokenSimilarity('MARTIN', 'MARTEL')).toBe(0);
    expect(
      nameSimilarity(nameTokens('Vernhes et Fils'), nameTokens('VERNES FILS SARL'), flat),
    ).toBeGreaterThan(0.8);
    expect(nameSimilarity(nameTokens('Martin Frères'), nameTokens('MARTEL FRERES'), flat)).toBeLessThan(0.6);
  });
});

describe('references', () => {
  it('finds an invoice reference however the payer typed it', () => {
    expect(referenceKeysOf('VIR SEPA DUPONT FACT F2026-000123')).toEqual(
      expect.arrayContaining(['F2026000123', '#2026000123']),
    );
    expect(referenceKeysOf('F 2026 000123')).toContain('F2026000123');
    expect(referenceKeysOf('RF18 F2026000123')).toContain('#2026000123');
  });

  it('finds each reference of a list joined by commas without spaces', () => {
    expect(referenceKeysOf('F2026-000123,F2026-000124')).toEqual(
      expect.arrayContaining(['F2026000123', '#2026000123', 'F2026000124', '#2026000124']),
    );
  });
});

describe('statements', () => {
  it('checks opening + entries = closing, and keys a transaction by the bank reference first', () => {
    const figures = {
      openingMinor: -19_040,
      openingCurrency: 'EUR',
      closingMinor: -24_121,
      closingCurrency: 'EUR',
    };
    expect(checkStatementBalance({ ...figures, entriesMinor: [-3_221, -1_070, -790] })).toEqual({
      ok: true,
      totalEntriesMinor: -5_081,
    });
    expect(checkStatementBalance({ ...figures, entriesMinor: [-3_221] })).toMatchObject({
      ok: false,
      differenceMinor: -1_860,
    });
    const parts = {
      accountKey: 'FR76…',
      bankRef: null,
      endToEndId: null,
      bookingDate: '2026-06-02',
      amountMinor: 100,
      detailIndex: 0,
      sequence: 1,
    };
    expect(transactionKey(parts)).toBe('seq:2026-06-02|100|1');
    expect(transactionKey({ ...parts, bankRef: 'X1' })).toBe('ref:X1|100');
  });
});

describe('subset sum', () => {
  it('finds the combination of open items, credit notes netted, and says when it is not the only one', () => {
    const items = [
      { id: 1, amountMinor: 10_000 },
      { id: 2, amountMinor: 25_000 },
      { id: 3, amountMinor: -5_000 },
      { id: 4, amountMinor: 7_000 },
    ];
    expect(findSubsets(items, 30_000).solutions).toEqual([[1, 2, 3]]);
    expect(findSubsets(items, 17_000).solutions).toEqual([[1, 4]]);
    expect(findSubsets([...items, { id: 5, amountMinor: 17_000 }], 17_000).solutions).toHaveLength(2);
    expect(findSubsets(items, 1).solutions).toEqual([]);
  });

  it('stops within its budget and says so', () => {
    const many = Array.from({ length: 24 }, (_, index) => ({ id: index, amountMinor: 1_000 + index * 2 }));
    // Even amounts never make an odd total, but only an exhaustive search can tell.
    expect(findSubsets(many, 6_001, { maxItems: 24, maxPicked: 6, maxSteps: 100 })).toEqual({
      solutions: [],
      complete: false,
    });
  });
});

describe('proposals', () => {
  const none = new Set<number>();

  it('an exact amount of one open item', () => {
    const proposal = proposeForCustomer(
      { amountMinor: 25_000, currency: 'EUR' },
      candidate,
      [item(1, 10_000), item(2, 25_000)],
      none,
    );
    expect(proposal).toMatchObject({
      method: 'exact_amount',
      debits: [{ documentId: 2, amountMinor: 25_000 }],
      unappliedMinor: 0,
    });
    expect(proposal.confidence).toBeGreaterThanOrEqual(90);
  });

  it('a combination with a credit note netted', () => {
    const proposal = proposeForCustomer(
      { amountMinor: 30_000, currency: 'EUR' },
      candidate,
      [item(1, 10_000, '2026-01-31'), item(2, 25_000), item(3, -5_000)],
      none,
    );
    expect(proposal).toMatchObject({
      method: 'combination',
      debits: [
        { documentId: 1, amountMinor: 10_000 },
        { documentId: 2, amountMinor: 25_000 },
      ],
      credits: [{ documentId: 3, amountMinor: 5_000 }],
    });
  });

  it('the invoices named in the text: exact, partial, or with a small difference written off', () => {
    const items = [item(1, 10_000, '2026-01-31'), item(2, 25_000)];
    const named = new Set([2]);
    expect(
      proposeForCustomer({ amountMinor: 25_000, currency: 'EUR' }, candidate, items, named),
    ).toMatchObject({ method: 'references', confidence: 96 });
    expect(
      proposeForCustomer({ amountMinor: 20_000, currency: 'EUR' }, candidate, items, named),
    ).toMatchObject({
      debits: [{ documentId: 2, amountMinor: 20_000 }],
      evidence: expect.arrayContaining([{ code: 'partial_payment', refs: 'F2', openMinor: 25_000 }]),
    });
    expect(
      proposeForCustomer({ amountMinor: 24_990, currency: 'EUR' }, candidate, items, named),
    ).toMatchObject({
      writeOffMinor: 10,
      writeOffReason: 'bank_charges',
      debits: [{ documentId: 2, amountMinor: 25_000 }],
    });
  });

  it('an overpayment leaves the rest unapplied; nothing recognisable goes oldest first with low confidence', () => {
    const items = [item(1, 10_000, '2026-01-31'), item(2, 25_000)];
    expect(
      proposeForCustomer({ amountMinor: 30_000, currency: 'EUR' }, candidate, items, new Set([2])),
    ).toMatchObject({ unappliedMinor: 5_000 });
    const guess = proposeForCustomer({ amountMinor: 12_345, currency: 'EUR' }, candidate, items, none);
    expect(guess).toMatchObject({
      method: 'oldest_first',
      debits: [
        { documentId: 1, amountMinor: 10_000 },
        { documentId: 2, amountMinor: 2_345 },
      ],
    });
    expect(guess.confidence).toBeLessThan(60);
  });

  it('an early-payment discount is recognised but left for a person', () => {
    const proposal = proposeForCustomer(
      { amountMinor: 98_000, currency: 'EUR' },
      candidate,
      [item(1, 100_000)],
      none,
    );
    expect(proposal).toMatchObject({ method: 'discount', writeOffMinor: 2_000, writeOffReason: 'discount' });
    expect(proposal.confidence).toBeLessThan(90);
  });

  it('two customers nearly as likely are both capped below any automatic threshold', () => {
    const a = proposeForCustomer(
      { amountMinor: 25_000, currency: 'EUR' },
      candidate,
      [item(2, 25_000)],
      none,
    );
    const b = { ...a, customerCode: 'C2', confidence: a.confidence - 3 };
    expect(rankProposals([b, a]).map((p) => [p.customerCode, p.confidence])).toEqual([
      ['C1', 70],
      ['C2', 70],
    ]);
  });
});

describe('identification', () => {
  const base: IdentifyInput = {
    counterpartyTokens: [],
    textTokens: [],
    iban: null,
    byIban: [],
    byName: [],
    refHits: [],
    codeHits: [],
    nameCandidates: [],
    amountOnly: [],
    weight: flat,
  };

  it('a learned IBAN grows more certain with each confirmation; clues add up', () => {
    const once = identifyCustomers({
      ...base,
      iban: 'FR76',
      byIban: [{ customerCode: 'C1', confirmations: 1 }],
    });
    const thrice = identifyCustomers({
      ...base,
      iban: 'FR76',
      byIban: [{ customerCode: 'C1', confirmations: 3 }],
    });
    expect((thrice[0]?.score ?? 0) > (once[0]?.score ?? 0)).toBe(true);
    const both = identifyCustomers({
      ...base,
      byIban: [{ customerCode: 'C1', confirmations: 1 }],
      refHits: [{ customerCode: 'C1', documentId: 1, ref: 'F1', viaDigits: false }],
    });
    expect(both[0]?.score).toBeCloseTo(1 - 0.25 * 0.15);
  });

  it('names in the counterparty or the label, and the amount only as a last resort', () => {
    const byName = identifyCustomers({
      ...base,
      counterpartyTokens: nameTokens('VERNES ET FILS'),
      nameCandidates: [
        { code: 'C1', tokens: nameTokens('Vernhes et Fils SARL') },
        { code: 'C2', tokens: nameTokens('Martin Frères') },
      ],
    });
    expect(byName.map((c) => c.customerCode)).toEqual(['C1']);
    const [onlyLead] = identifyCustomers({ ...base, amountOnly: ['C3'] });
    expect(onlyLead?.customerCode).toBe('C3');
    expect(onlyLead?.score).toBeCloseTo(0.3);
  });
});
