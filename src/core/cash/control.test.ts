import { describe, expect, it } from 'vitest';
import type { AllocationRecord, LedgerDoc } from '../ledger/ledger.ts';
import { liveAllocationsOf, planBounce, rankReturnCandidates } from './bounce.ts';
import { reconcileBank, reconcileLedger } from './reconcile.ts';
import { ageUnapplied } from './unapplied.ts';

const payment: LedgerDoc = {
  id: 10,
  kind: 'payment',
  customerCode: 'C1',
  issueDate: '2026-06-10',
  dueDate: '2026-06-10',
  amountMinor: -50_000,
  currency: 'EUR',
};
const allocation = (id: number, debitId: number, amountMinor: number, reversesId: number | null = null) =>
  ({ id, debitId, creditId: 10, amountMinor, allocationDate: '2026-06-12', reversesId }) as AllocationRecord;

describe('bounced payments', () => {
  it('reverses only the allocations still in force, dated no earlier than them', () => {
    const allocations = [allocation(1, 1, 30_000), allocation(2, 2, 20_000), allocation(3, 2, -20_000, 2)];
    expect(liveAllocationsOf(10, allocations).map((row) => row.id)).toEqual([1]);
    expect(planBounce(payment, allocations, '2026-06-11')).toEqual({
      reversals: [
        {
          id: 0,
          debitId: 1,
          creditId: 10,
          amountMinor: -30_000,
          allocationDate: '2026-06-12',
          reversesId: 1,
        },
      ],
      reopenedDebitIds: [1],
      bounceMinor: 50_000,
      settleDate: '2026-06-11',
    });
  });

  it('refuses what is not a payment', () => {
    expect(() => planBounce({ ...payment, kind: 'invoice', amountMinor: 50_000 }, [], '2026-06-11')).toThrow(
      RangeError,
    );
  });

  it('ranks the receipts a return may send back; two as likely are left to a person', () => {
    const receipt = (transactionId: number, extra: object = {}) => ({
      transactionId,
      bookingDate: '2026-06-10',
      amountMinor: 50_000,
      endToEndId: null,
      chequeNumber: null,
      counterpartyIban: null,
      nameKey: null,
      ...extra,
    });
    const returned = {
      bookingDate: '2026-06-15',
      amountMinor: -50_000,
      endToEndId: 'E2E-9',
      chequeNumber: null,
      counterpartyIban: 'FR76X',
      nameKey: 'DUPONT',
    };
    const ranked = rankReturnCandidates(returned, [
      receipt(1, { counterpartyIban: 'FR76X' }),
      receipt(2, { endToEndId: 'E2E-9' }),
      receipt(3, { amountMinor: 40_000 }),
      receipt(4, { bookingDate: '2026-06-20', endToEndId: 'E2E-9' }),
    ]);
    expect(ranked.map((c) => [c.transactionId, c.confidence])).toEqual([
      [2, 98],
      [1, 85],
    ]);
    const tied = rankReturnCandidates({ ...returned, endToEndId: null }, [receipt(1), receipt(2)]);
    expect(tied.map((c) => c.confidence)).toEqual([40, 40]);
    const twins = rankReturnCandidates(returned, [
      receipt(5, { endToEndId: 'E2E-9' }),
      receipt(6, { endToEndId: 'E2E-9' }),
    ]);
    expect(twins.map((c) => c.confidence)).toEqual([60, 60]);
  });
});

describe('reconciliations', () => {
  it('bank: every difference listed, and they add up to the gap', () => {
    const result = reconcileBank(
      [
        {
          transactionId: 1,
          bookingDate: '2026-06-02',
          amountMinor: 10_000,
          direction: 'receipt',
          status: 'applied',
          label: null,
          // A group receipt: one payment for each of two customers.
          documentIds: [7, 6],
        },
        {
          transactionId: 2,
          bookingDate: '2026-06-03',
          amountMinor: 2_500,
          direction: 'receipt',
          status: 'open',
          label: 'X',
          documentIds: [],
        },
        {
          transactionId: 3,
          bookingDate: '2026-06-04',
          amountMinor: -10_000,
          direction: 'return',
          status: 'open',
          label: null,
          documentIds: [],
        },
      ],
      [
        {
          documentId: 7,
          kind: 'payment',
          externalRef: 'BANK-1/C1',
          customerCode: 'C1',
          issueDate: '2026-06-02',
          amountMinor: -7_000,
        },
        {
          documentId: 6,
          kind: 'payment',
          externalRef: 'BANK-1/C3',
          customerCode: 'C3',
          issueDate: '2026-06-02',
          amountMinor: -3_000,
        },
        {
          documentId: 8,
          kind: 'payment',
          externalRef: 'CHQ-9',
          customerCode: 'C2',
          issueDate: '2026-06-05',
          amountMinor: -4_000,
        },
      ],
    );
    expect(result).toMatchObject({
      bankReceiptsMinor: 12_500,
      bankReturnsMinor: -10_000,
      ledgerPaymentsMinor: 14_000,
    });
    expect(result.differenceMinor).toBe(-11_500);
    expect(result.differences.map((d) => [d.code, d.amountMinor])).toEqual([
      ['bank_not_recorded', 2_500],
      ['return_not_recorded', -10_000],
      ['recorded_not_in_bank', 4_000],
    ]);
    const explained = result.differences.reduce(
      (sum, d) =>
        sum +
        (d.code === 'recorded_not_in_bank' || d.code === 'bounce_not_in_bank'
          ? -d.amountMinor
          : d.amountMinor),
      0,
    );
    expect(explained).toBe(result.differenceMinor);
  });

  it('general ledger: only the customers that differ, document by document', () => {
    const result = reconcileLedger(
      new Map([
        [
          'C1',
          new Map([
            ['A', 100],
            ['B', -40],
          ]),
        ],
        ['C2', new Map([['D', 70]])],
      ]),
      new Map([
        ['C1', new Map([['', 60]])],
        [
          'C2',
          new Map([
            ['D', 50],
            ['E', 5],
          ]),
        ],
        ['C3', new Map([['F', 9]])],
      ]),
    );
    expect(result).toMatchObject({ glMinor: 130, subLedgerMinor: 124, differenceMinor: 6, customers: 3 });
    expect(result.differences).toEqual([
      {
        customerCode: 'C2',
        glMinor: 70,
        subLedgerMinor: 55,
        differenceMinor: 15,
        documents: [
          { ref: 'D', glMinor: 70, subLedgerMinor: 50, differenceMinor: 20, code: 'amount' },
          { ref: 'E', glMinor: 0, subLedgerMinor: 5, differenceMinor: -5, code: 'missing_in_gl' },
        ],
      },
      {
        customerCode: 'C3',
        glMinor: 0,
        subLedgerMinor: 9,
        differenceMinor: -9,
        documents: [{ ref: 'F', glMinor: 0, subLedgerMinor: 9, differenceMinor: -9, code: 'missing_in_gl' }],
      },
    ]);
  });
});

describe('unapplied cash', () => {
  it('ages by arrival, per currency', () => {
    const aging = ageUnapplied(
      [
        { source: 'bank', date: '2026-06-20', amountMinor: 100, currency: 'EUR' },
        { source: 'account', date: '2026-04-01', amountMinor: 300, currency: 'EUR', count: 2 },
        { source: 'account', date: '2026-06-29', amountMinor: 7, currency: 'CHF' },
      ],
      '2026-06-30',
    );
    expect(aging.map((a) => [a.currency, a.totalMinor])).toEqual([
      ['CHF', 7],
      ['EUR', 400],
    ]);
    expect(aging[1]?.buckets.map((b) => [b.key, b.bankMinor, b.accountMinor, b.count])).toEqual([
      ['d0_30', 100, 0, 1],
      ['d31_60', 0, 0, 0],
      ['d61_90', 0, 300, 2],
      ['d90_plus', 0, 0, 0],
    ]);
  });
});
