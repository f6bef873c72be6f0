import { describe, expect, it } from 'vitest';
import { explainsReceipt, proposeForGroup, splitProposal } from './group.ts';
import type { CustomerCandidate } from './identify.ts';
import { manualPart } from './manual.ts';
import { type OpenItem, proposeForCustomer, rankProposals } from './proposal.ts';

// A parent P (nothing open) pays for its subsidiaries A and B.
const group = { parentCode: 'P', memberCodes: ['P', 'A', 'B'] };
const item = (documentId: number, customerCode: string, openMinor: number, dueDate: string): OpenItem => ({
  documentId,
  customerCode,
  ref: `F${documentId}`,
  kind: 'invoice',
  issueDate: '2026-03-01',
  dueDate,
  openMinor,
  currency: 'EUR',
});
const items = [
  item(1, 'A', 120_000, '2026-04-10'),
  item(2, 'A', 45_000, '2026-04-20'),
  item(3, 'B', 30_000, '2026-04-15'),
  item(4, 'B', 20_000, '2026-04-25'),
];
const byName: CustomerCandidate = {
  customerCode: 'P',
  score: 0.9,
  evidence: [{ code: 'counterparty_name', similarityPct: 100 }],
};
const refA: CustomerCandidate = {
  customerCode: 'A',
  score: 0.85,
  evidence: [{ code: 'invoice_reference', ref: 'F1' }],
};
const refB: CustomerCandidate = {
  customerCode: 'B',
  score: 0.85,
  evidence: [{ code: 'invoice_reference', ref: 'F3' }],
};
const receipt = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

describe('group receipts', () => {
  it('the invoices named across the group, paid exactly: one part per subsidiary', () => {
    const proposal = proposeForGroup(receipt(150_000), group, [byName, refA, refB], items, new Set([1, 3]));
    expect(proposal).toEqual({
      customerCode: 'P',
      confidence: 97,
      method: 'group',
      debits: [
        { documentId: 1, ref: 'F1', amountMinor: 120_000 },
        { documentId: 3, ref: 'F3', amountMinor: 30_000 },
      ],
      credits: [],
      writeOffMinor: 0,
      writeOffReason: null,
      unappliedMinor: 0,
      evidence: [
        { code: 'group_receipt', parentCode: 'P', customers: 2 },
        { code: 'counterparty_name', similarityPct: 100 },
        { code: 'invoice_reference', ref: 'F1' },
        { code: 'invoice_reference', ref: 'F3' },
        { code: 'references_amount_exact', refs: 'F1, F3' },
      ],
      parts: [
        {
          customerCode: 'A',
          amountMinor: 120_000,
          debits: [{ documentId: 1, ref: 'F1', amountMinor: 120_000 }],
          credits: [],
          writeOffMinor: 0,
          writeOffReason: null,
          unappliedMinor: 0,
        },
        {
          customerCode: 'B',
          amountMinor: 30_000,
          debits: [{ documentId: 3, ref: 'F3', amountMinor: 30_000 }],
          credits: [],
          writeOffMinor: 0,
          writeOffReason: null,
          unappliedMinor: 0,
        },
      ],
    });
  });

  it('bank charges are written off on the largest part; an excess stays unapplied on the parent', () => {
    const short = proposeForGroup(receipt(149_700), group, [byName, refA, refB], items, new Set([1, 3]));
    expect(short?.confidence).toBe(90);
    expect(short?.parts?.map((part) => [part.customerCode, part.amountMinor, part.writeOffMinor])).toEqual([
      ['A', 119_700, 300],
      ['B', 30_000, 0],
    ]);
    const over = proposeForGroup(receipt(152_000), group, [byName, refA, refB], items, new Set([1, 3]));
    expect(over?.confidence).toBe(85);
    expect(over?.parts?.map((part) => [part.customerCode, part.amountMinor, part.unappliedMinor])).toEqual([
      ['A', 120_000, 0],
      ['B', 30_000, 0],
      ['P', 2_000, 2_000],
    ]);
    // A short payment of several subsidiaries' invoices: which one to pay is a person's call.
    expect(proposeForGroup(receipt(100_000), group, [byName, refA, refB], items, new Set([1, 3]))).toBeNull();
  });

  it('nothing named: a combination of the group’s invoices across customers, below the automatic threshold', () => {
    const learned: CustomerCandidate = {
      customerCode: 'P',
      score: 0.8,
      evidence: [{ code: 'learned_iban', iban: 'FR76', confirmations: 2 }],
    };
    const proposal = proposeForGroup(receipt(65_000), group, [learned], items, new Set());
    expect(proposal?.confidence).toBe(88);
    expect(proposal?.evidence).toContainEqual({ code: 'combination', count: 2 });
    expect(proposal?.parts?.map((part) => [part.customerCode, part.debits.map((line) => line.ref)])).toEqual([
      ['A', ['F2']],
      ['B', ['F4']],
    ]);
    // One customer's own combination is not a group receipt: its single proposal covers it.
    expect(proposeForGroup(receipt(165_000), group, [learned], items, new Set())).toBeNull();
  });

  it('sought only when no single customer explains the receipt; its members are no rivals', () => {
    const named = new Set([1, 3]);
    const singleA = proposeForCustomer(receipt(150_000), refA, items, named);
    const singleB = proposeForCustomer(receipt(150_000), refB, items, named);
    expect([singleA.confidence, explainsReceipt(singleA)]).toEqual([88, false]);
    expect(explainsReceipt(proposeForCustomer(receipt(45_000), refA, items, new Set()))).toBe(true);
    const grouped = proposeForGroup(receipt(150_000), group, [byName, refA, refB], items, named);
    const ranked = rankProposals([singleA, singleB, ...(grouped ? [grouped] : [])]);
    expect(ranked.map((proposal) => [proposal.method, proposal.customerCode, proposal.confidence])).toEqual([
      ['group', 'P', 97],
      ['references', 'A', 88],
      ['references', 'B', 88],
    ]);
  });

  it('a person’s split: each part settles its items oldest first, the rest unapplied on that customer', () => {
    const parts = [
      manualPart(100_000, {
        customerCode: 'A',
        items: [items[0] as OpenItem],
        writeOffMinor: 0,
        writeOffReason: null,
      }),
      manualPart(50_000, {
        customerCode: 'B',
        items: [items[2] as OpenItem, items[3] as OpenItem],
        writeOffMinor: 0,
        writeOffReason: null,
      }),
    ];
    const proposal = splitProposal('P', parts);
    expect(proposal.parts?.map((part) => [part.customerCode, part.debits, part.unappliedMinor])).toEqual([
      ['A', [{ documentId: 1, ref: 'F1', amountMinor: 100_000 }], 0],
      [
        'B',
        [
          { documentId: 3, ref: 'F3', amountMinor: 30_000 },
          { documentId: 4, ref: 'F4', amountMinor: 20_000 },
        ],
        0,
      ],
    ]);
    expect(proposal.evidence).toEqual([{ code: 'split_by_user', customers: 2 }]);
    expect(
      manualPart(40_000, {
        customerCode: 'B',
        items: [items[2] as OpenItem],
        writeOffMinor: 0,
        writeOffReason: null,
      }).unappliedMinor,
    ).toBe(10_000);
  });
});
