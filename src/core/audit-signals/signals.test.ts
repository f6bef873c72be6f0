import { describe, expect, it } from 'vitest';
import type { AuditFacts, CreditFact } from './facts.ts';
import { DEFAULT_THRESHOLDS, detectAuditSignals, validateThresholds } from './signals.ts';

const credit = (
  ref: string,
  issueDate: string,
  amountMinor: number,
  createdBy: string | null,
): CreditFact => ({
  documentRef: ref,
  kind: 'credit_note',
  customerCode: 'C1',
  issueDate,
  amountMinor,
  currency: 'EUR',
  createdBy,
});

const EMPTY: AuditFacts = {
  credits: [],
  customerCreations: [],
  paymentApplications: [],
  bankDetailChanges: [],
  refunds: [],
  duties: [],
  receipts: [],
};

const kinds = (facts: Partial<AuditFacts>) =>
  detectAuditSignals({ ...EMPTY, ...facts }, DEFAULT_THRESHOLDS).map((s) => [s.kind, ...s.documents]);

describe('audit signals', () => {
  it('finds nothing in clean facts', () => {
    expect(
      kinds({
        credits: [credit('AV1', '2026-01-05', 10_000, 'ann'), credit('AV2', '2026-03-05', 10_000, 'ann')],
        customerCreations: [{ customerCode: 'C1', createdBy: 'ann', createdOn: '2026-01-01' }],
        paymentApplications: [
          {
            paymentRef: 'P1',
            invoiceRef: 'F1',
            customerCode: 'C1',
            appliedBy: 'bob',
            appliedOn: '2026-02-01',
            amountMinor: 1,
            currency: 'EUR',
          },
        ],
      }),
    ).toEqual([]);
  });

  it('flags a credit note above the threshold and a write-off above its own', () => {
    const writeOff: CreditFact = { ...credit('WO1', '2026-02-01', 100_001, null), kind: 'write_off' };
    expect(kinds({ credits: [credit('AV1', '2026-01-05', 500_001, 'ann'), writeOff] })).toEqual([
      ['large_write_off', 'WO1'],
      ['large_credit_note', 'AV1'],
    ]);
  });

  it('flags three credits by one user within 30 days once, not two, not spread ones', () => {
    const signals = detectAuditSignals(
      {
        ...EMPTY,
        credits: [
          credit('A1', '2026-01-01', 100, 'eve'),
          credit('A2', '2026-01-10', 200, 'eve'),
          credit('A3', '2026-01-30', 300, 'eve'),
          credit('A4', '2026-01-31', 400, 'eve'),
          credit('B1', '2026-01-01', 100, 'bob'),
          credit('B2', '2026-01-02', 100, 'bob'),
          credit('C1', '2026-01-01', 100, 'sam'),
          credit('C2', '2026-02-01', 100, 'sam'),
          credit('C3', '2026-03-01', 100, 'sam'),
        ],
      },
      DEFAULT_THRESHOLDS,
    );
    expect(signals).toEqual([
      expect.objectContaining({
        kind: 'credit_cluster',
        users: ['eve'],
        documents: ['A1', 'A2', 'A3'],
        amountMinor: 600,
        evidence: { count: 3, from: '2026-01-01', to: '2026-01-30', windowDays: 30 },
      }),
    ]);
  });

  it('flags a payment applied by the creator of the customer', () => {
    expect(
      kinds({
        customerCreations: [{ customerCode: 'C9', createdBy: 'eve', createdOn: '2026-01-01' }],
        paymentApplications: [
          {
            paymentRef: 'P9',
            invoiceRef: 'F9',
            customerCode: 'C9',
            appliedBy: 'eve',
            appliedOn: '2026-01-20',
            amountMinor: 5,
            currency: 'EUR',
          },
        ],
      }),
    ).toEqual([['payment_by_customer_creator', 'P9', 'F9']]);
  });

  it('flags a refund within 30 days of a bank-details change, not one after', () => {
    const refund = (ref: string, issueDate: string) => ({
      documentRef: ref,
      customerCode: 'C1',
      issueDate,
      amountMinor: 1000,
      currency: 'EUR',
      createdBy: 'bob',
    });
    const signals = detectAuditSignals(
      {
        ...EMPTY,
        bankDetailChanges: [{ customerCode: 'C1', changedOn: '2026-03-01', changedBy: 'eve' }],
        refunds: [refund('R1', '2026-03-31'), refund('R2', '2026-04-01'), refund('R0', '2026-02-28')],
      },
      DEFAULT_THRESHOLDS,
    );
    expect(signals.map((s) => [s.documents[0], s.users, s.evidence['days']])).toEqual([
      ['R1', ['eve', 'bob'], 30],
    ]);
  });

  it('flags orders and limits created and decided by the same person', () => {
    const duty = (kind: 'order' | 'limit', ref: string, decidedBy: string | null) => ({
      kind,
      ref,
      customerCode: 'C1',
      date: '2026-01-01',
      amountMinor: 1,
      currency: 'EUR',
      createdBy: 'eve',
      decidedBy,
    });
    expect(
      kinds({
        duties: [
          duty('order', 'O1', 'eve'),
          duty('order', 'O2', 'bob'),
          duty('limit', 'L1', 'eve'),
          duty('limit', 'L2', null),
        ],
      }),
    ).toEqual([
      ['sod_limit', 'L1'],
      ['sod_order', 'O1'],
    ]);
  });

  it("flags a receipt applied to another customer than its payer's usual one", () => {
    const receipt = (ref: string, customerCode: string) => ({
      transactionRef: ref,
      payer: 'FR76…',
      customerCode,
      bookingDate: '2026-01-01',
      amountMinor: 1,
      currency: 'EUR',
      appliedBy: 'eve',
      payerHistory: [
        { customerCode: 'C1', confirmations: 4 },
        { customerCode: 'C2', confirmations: 1 },
      ],
    });
    const signals = detectAuditSignals(
      { ...EMPTY, receipts: [receipt('T1', 'C1'), receipt('T2', 'C2')] },
      DEFAULT_THRESHOLDS,
    );
    expect(signals.map((s) => [s.documents[0], s.customerCodes, s.evidence['usualCustomerCode']])).toEqual([
      ['T2', ['C2', 'C1'], 'C1'],
    ]);
  });

  it('refuses thresholds that would flag everything', () => {
    expect(validateThresholds(DEFAULT_THRESHOLDS)).toEqual([]);
    expect(validateThresholds({ ...DEFAULT_THRESHOLDS, clusterCount: 1, writeOffMinor: -1 })).toEqual([
      'writeOffMinor',
      'clusterCount',
    ]);
  });
});
