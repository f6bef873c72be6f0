import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerRuleError, MemoryLedger } from '../../../test/support/memory-ledger.ts';
import { addDays, maxDate } from '../calendar.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../types.ts';
import {
  type AllocationRecord,
  allocationViolations,
  checkAllocation,
  checkDocument,
  documentSide,
  expectedSign,
  isCreditKind,
  isDebitKind,
  type LedgerDoc,
  openAmountAsOf,
  planOldestFirst,
  reversalOf,
  signedAmountFor,
} from './ledger.ts';

function doc(
  id: number,
  kind: DocumentKind,
  amountMinor: number,
  issueDate = '2025-01-10',
  extra = {},
): LedgerDoc {
  return {
    id,
    kind,
    customerCode: 'C1',
    issueDate,
    dueDate: issueDate,
    amountMinor,
    currency: 'EUR',
    ...extra,
  };
}

function allocation(
  id: number,
  amountMinor: number,
  allocationDate: string,
  reversesId: number | null = null,
) {
  return { id, debitId: 1, creditId: 2, amountMinor, allocationDate, reversesId } satisfies AllocationRecord;
}

describe('kinds and signs', () => {
  it('knows the sign of each kind', () => {
    expect(DOCUMENT_KINDS.map((kind) => expectedSign(kind))).toEqual([1, -1, -1, 1, -1, 0]);
    expect(isDebitKind('invoice')).toBe(true);
    expect(isDebitKind('bounced_payment')).toBe(true);
    expect(isDebitKind('adjustment')).toBe(false);
    expect(isCreditKind('adjustment')).toBe(false);
    expect(isCreditKind('write_off')).toBe(true);
  });

  it('signs unsigned amounts', () => {
    expect(signedAmountFor('invoice', 1250)).toBe(1250);
    expect(signedAmountFor('payment', 1250)).toBe(-1250);
    expect(signedAmountFor('credit_note', 0)).toBe(0);
    expect(() => signedAmountFor('adjustment', 10)).toThrow(RangeError);
    expect(() => signedAmountFor('invoice', -10)).toThrow(RangeError);
    expect(() => signedAmountFor('invoice', 1.5)).toThrow(RangeError);
  });

  it('derives the side from the amount, refusing contrary signs', () => {
    expect(documentSide({ kind: 'adjustment', amountMinor: 5 })).toBe('debit');
    expect(documentSide({ kind: 'adjustment', amountMinor: -5 })).toBe('credit');
    expect(documentSide({ kind: 'invoice', amountMinor: -5 })).toBeNull();
    expect(documentSide({ kind: 'payment', amountMinor: 5 })).toBeNull();
    expect(documentSide({ kind: 'invoice', amountMinor: 0 })).toBeNull();
  });

  it('checks documents', () => {
    expect(checkDocument(doc(1, 'invoice', 100))).toEqual([]);
    expect(checkDocument(doc(1, 'invoice', 0))).toEqual([]);
    expect(checkDocument(doc(1, 'invoice', -100))).toHaveLength(1);
    expect(checkDocument(doc(1, 'payment', 10.5))).toHaveLength(1);
    expect(checkDocument(doc(1, 'invoice', 100, '2025-01-10', { dueDate: '2025-01-09' }))).toHaveLength(1);
    expect(checkDocument(doc(1, 'invoice', 100, '2025-02-30'))).toHaveLength(1);
    expect(
      checkDocument(doc(1, 'invoice', 100, '2025-01-10', { currency: 'eur', customerCode: ' ' })),
    ).toHaveLength(2);
  });
});

describe('openAmountAsOf', () => {
  const invoice = doc(1, 'invoice', 1000, '2025-01-10');
  const payment = doc(2, 'payment', -600, '2025-02-01');
  const rows = [allocation(1, 600, '2025-02-10'), allocation(2, -600, '2025-03-01', 1)];

  it('moves debits and credits toward zero from the allocation date', () => {
    expect(openAmountAsOf(invoice, rows, '2025-02-09')).toBe(1000);
    expect(openAmountAsOf(invoice, rows, '2025-02-10')).toBe(400);
    expect(openAmountAsOf(payment, rows, '2025-02-09')).toBe(-600);
    expect(openAmountAsOf(payment, rows, '2025-02-10')).toBe(0);
  });

  it('restores the amounts from the reversal date', () => {
    expect(openAmountAsOf(invoice, rows, '2025-02-28')).toBe(400);
    expect(openAmountAsOf(invoice, rows, '2025-03-01')).toBe(1000);
    expect(openAmountAsOf(payment, rows, '2025-03-01')).toBe(-600);
  });

  it('is zero before the issue date and ignores rows of other documents', () => {
    expect(openAmountAsOf(invoice, rows, '2025-01-09')).toBe(0);
    const other = { ...allocation(9, 500, '2025-01-15'), debitId: 7, creditId: 8 };
    expect(openAmountAsOf(invoice, [other], '2025-01-20')).toBe(1000);
  });
});

describe('checkAllocation', () => {
  const invoice = doc(1, 'invoice', 1000, '2025-01-10');
  const payment = doc(2, 'payment', -600, '2025-02-01');

  it('accepts a valid allocation', () => {
    expect(checkAllocation(invoice, payment, 600, '2025-02-01', [])).toEqual([]);
  });

  it('gives each violation as a code, with the document it is about', () => {
    const codes = (violations: ReturnType<typeof allocationViolations>) => violations.map((v) => v.code);
    expect(codes(allocationViolations(payment, invoice, 100, '2025-02-01', []))).toEqual([
      'not_debit',
      'not_credit',
    ]);
    expect(allocationViolations(invoice, payment, 10, '2025-01-31', [])).toEqual([
      { code: 'before_issue', documentId: 2 },
    ]);
    expect(allocationViolations(invoice, payment, 601, '2025-02-01', [])).toEqual([
      { code: 'exceeds_open', documentId: 2, availableMinor: 600 },
    ]);
  });

  it('reports each violation', () => {
    expect(checkAllocation(payment, invoice, 100, '2025-02-01', [])).toHaveLength(2);
    expect(checkAllocation(invoice, doc(3, 'invoice', 50), 10, '2025-02-01', [])).toHaveLength(1);
    expect(checkAllocation(invoice, { ...payment, customerCode: 'C2' }, 10, '2025-02-01', [])).toHaveLength(
      1,
    );
    expect(checkAllocation(invoice, { ...payment, currency: 'USD' }, 10, '2025-02-01', [])).toHaveLength(1);
    expect(checkAllocation(invoice, payment, 0, '2025-02-01', [])).toHaveLength(1);
    expect(checkAllocation(invoice, payment, -5, '2025-02-01', [])).toHaveLength(1);
    expect(checkAllocation(invoice, payment, 2.5, '2025-02-01', [])).toHaveLength(1);
    expect(checkAllocation(invoice, payment, 10, '2025-01-31', [])).toHaveLength(1);
    expect(checkAllocation(invoice, payment, 10, '2025-01-09', [])).toHaveLength(2);
    expect(checkAllocation(invoice, payment, 10, 'soon', [])).toHaveLength(1);
    expect(checkAllocation(invoice, payment, 601, '2025-02-01', [])).toEqual([
      'amount 601 exceeds the open amount 600 of credit 2',
    ]);
    const credit = doc(2, 'credit_note', -5000, '2025-01-10');
    expect(checkAllocation(invoice, credit, 1001, '2025-02-01', [])).toEqual([
      'amount 1001 exceeds the open amount 1000 of debit 1',
    ]);
  });

  it('counts allocations dated after the new one', () => {
    const credit = doc(2, 'credit_note', -5000, '2025-01-10');
    const later = [allocation(1, 1000, '2025-03-01')];
    expect(checkAllocation(invoice, credit, 1, '2025-02-01', later)).toHaveLength(1);
  });

  it('frees a reversed amount only from the reversal date on', () => {
    const credit = doc(2, 'credit_note', -5000, '2025-01-10');
    const rows = [allocation(1, 1000, '2025-01-15'), allocation(2, -1000, '2025-01-20', 1)];
    expect(checkAllocation(invoice, credit, 1000, '2025-01-17', rows)).toHaveLength(1);
    // Before the first allocation: open on 2025-01-12, but not between 2025-01-15 and 2025-01-19.
    expect(checkAllocation(invoice, credit, 1000, '2025-01-12', rows)).toHaveLength(1);
    expect(checkAllocation(invoice, credit, 1000, '2025-01-20', rows)).toEqual([]);
    expect(checkAllocation(invoice, credit, 1000, '2025-02-20', rows)).toEqual([]);
  });
});

describe('planOldestFirst', () => {
  const debits = [
    { id: 3, dueDate: '2025-03-31', issueDate: '2025-02-01', openMinor: 300 },
    { id: 2, dueDate: '2025-02-28', issueDate: '2025-01-15', openMinor: 200 },
    { id: 1, dueDate: '2025-02-28', issueDate: '2025-01-15', openMinor: 100 },
    { id: 4, dueDate: '2025-01-31', issueDate: '2025-01-20', openMinor: 0 },
    { id: 5, dueDate: '2025-02-28', issueDate: '2025-01-01', openMinor: 50 },
  ];

  it('allocates by due date, then issue date, then id', () => {
    expect(planOldestFirst(-320, debits)).toEqual([
      { debitId: 5, amountMinor: 50 },
      { debitId: 1, amountMinor: 100 },
      { debitId: 2, amountMinor: 170 },
    ]);
  });

  it('stops at the total of the debits and handles empty credits', () => {
    expect(planOldestFirst(10_000, debits).reduce((sum, line) => sum + line.amountMinor, 0)).toBe(650);
    expect(planOldestFirst(0, debits)).toEqual([]);
    expect(planOldestFirst(500, [])).toEqual([]);
  });

  it('never over-allocates and sums to min(credit, Σ debits)', () => {
    const debitArb = fc.record({
      id: fc.integer({ min: 1, max: 1000 }),
      dueDate: fc.constantFrom('2025-01-31', '2025-02-28', '2025-03-31'),
      issueDate: fc.constantFrom('2025-01-01', '2025-01-15'),
      openMinor: fc.integer({ min: -500, max: 100_000 }),
    });
    const debitsArb = fc.uniqueArray(debitArb, { selector: (debit) => debit.id, maxLength: 12 });
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), debitsArb, (creditMinor, openDebits) => {
        const plan = planOldestFirst(creditMinor, openDebits);
        const byId = new Map(openDebits.map((debit) => [debit.id, debit]));
        const total = plan.reduce((sum, line) => sum + line.amountMinor, 0);
        const debitTotal = openDebits.reduce((sum, debit) => sum + Math.max(0, debit.openMinor), 0);
        expect(total).toBe(Math.min(Math.abs(creditMinor), debitTotal));
        expect(new Set(plan.map((line) => line.debitId)).size).toBe(plan.length);
        for (const line of plan) {
          expect(line.amountMinor).toBeGreaterThan(0);
          expect(line.amountMinor).toBeLessThanOrEqual(byId.get(line.debitId)?.openMinor ?? 0);
        }
        // Only the last debit may be partly covered: the oldest are settled first.
        for (const line of plan.slice(0, -1))
          expect(line.amountMinor).toBe(byId.get(line.debitId)?.openMinor);
      }),
    );
  });
});

describe('reversalOf', () => {
  it('builds the cancelling row', () => {
    expect(reversalOf(allocation(4, 250, '2025-02-10'), '2025-02-12', 9)).toEqual({
      id: 9,
      debitId: 1,
      creditId: 2,
      amountMinor: -250,
      allocationDate: '2025-02-12',
      reversesId: 4,
    });
    expect(reversalOf(allocation(4, 250, '2025-02-10'), '2025-02-10').id).toBe(0);
  });

  it('refuses reversals of reversals and back-dated reversals', () => {
    expect(() => reversalOf(allocation(5, -250, '2025-02-12', 4), '2025-02-13')).toThrow(RangeError);
    expect(() => reversalOf(allocation(4, 250, '2025-02-10'), '2025-02-09')).toThrow(RangeError);
    expect(() => reversalOf(allocation(4, 250, '2025-02-10'), '2025-13-01')).toThrow(RangeError);
  });
});

describe('MemoryLedger', () => {
  function sampleLedger(): MemoryLedger {
    const ledger = new MemoryLedger();
    ledger.addDocument({ ...doc(1, 'invoice', 1000, '2025-01-10'), dueDate: '2025-02-28' });
    ledger.addDocument({ ...doc(2, 'invoice', 500, '2025-01-05'), dueDate: '2025-03-31' });
    ledger.addDocument(doc(3, 'payment', -1200, '2025-02-15'));
    return ledger;
  }

  it('allocates, reverses and reports open items and balance', () => {
    const ledger = sampleLedger();
    const first = ledger.allocate(1, 3, 1000, '2025-02-15');
    ledger.allocate(2, 3, 200, '2025-02-15');
    expect(ledger.openAmount(1, '2025-02-15')).toBe(0);
    expect(ledger.balance('C1', '2025-02-15')).toBe(300);
    expect(ledger.openItems('C1', '2025-02-15').map((item) => [item.doc.id, item.openMinor])).toEqual([
      [2, 300],
    ]);
    expect(ledger.openItems('C1', '2025-02-14').map((item) => item.doc.id)).toEqual([1, 2]);
    const reversal = ledger.reverse(first.id, '2025-02-20');
    expect(reversal).toMatchObject({ amountMinor: -1000, reversesId: first.id, id: 3 });
    expect(ledger.openAmount(1, '2025-02-20')).toBe(1000);
    expect(ledger.openAmount(3, '2025-02-20')).toBe(-1000);
    expect(ledger.allocations(1)).toHaveLength(2);
    expect(ledger.allocations()).toHaveLength(3);
  });

  it('throws on rule violations', () => {
    const ledger = sampleLedger();
    expect(() => ledger.addDocument(doc(1, 'invoice', 5))).toThrow(LedgerRuleError);
    expect(() => ledger.addDocument(doc(9, 'payment', 5))).toThrow(LedgerRuleError);
    expect(() => ledger.allocate(1, 3, 1001, '2025-02-15')).toThrow(LedgerRuleError);
    expect(() => ledger.allocate(1, 99, 1, '2025-02-15')).toThrow(RangeError);
    const row = ledger.allocate(1, 3, 100, '2025-02-15');
    ledger.reverse(row.id, '2025-02-16');
    expect(() => ledger.reverse(row.id, '2025-02-17')).toThrow(LedgerRuleError);
    expect(() => ledger.reverse(99, '2025-02-17')).toThrow(RangeError);
  });

  it('refuses to add up several currencies', () => {
    const ledger = sampleLedger();
    ledger.addDocument(doc(4, 'invoice', 10, '2025-01-10', { currency: 'USD' }));
    expect(() => ledger.balance('C1', '2025-03-01')).toThrow(RangeError);
  });

  it('does not leak its internal records', () => {
    const ledger = sampleLedger();
    ledger.document(1).amountMinor = 1;
    ledger.allocations().push(allocation(50, 1, '2025-01-01'));
    expect(ledger.openAmount(1, '2025-03-01')).toBe(1000);
    expect(ledger.allocations()).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests over random histories

const BASE_DATE = '2025-01-01';
const LAST_DAY = 70;
const CUSTOMERS = ['C1', 'C2'] as const;
const allDates = Array.from({ length: LAST_DAY + 2 }, (_, index) => addDays(BASE_DATE, index - 1));

type Operation =
  | {
      type: 'doc';
      customer: number;
      kind: DocumentKind;
      absoluteMinor: number;
      day: number;
      negative: boolean;
    }
  | {
      type: 'alloc';
      pickDebit: number;
      pickCredit: number;
      paired: boolean;
      perMille: number;
      delayDays: number;
    }
  | { type: 'reverse'; pick: number; delayDays: number };

const documentArb = fc.record({
  type: fc.constant('doc' as const),
  customer: fc.integer({ min: 0, max: 1 }),
  kind: fc.constantFrom(...DOCUMENT_KINDS),
  absoluteMinor: fc.integer({ min: 1, max: 10_000 }),
  day: fc.integer({ min: 0, max: 40 }),
  negative: fc.boolean(),
});

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 2, arbitrary: documentArb },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('alloc' as const),
      pickDebit: fc.nat(),
      pickCredit: fc.nat(),
      // Mostly a debit and a credit of the same customer; sometimes any two documents.
      paired: fc.oneof(
        { weight: 5, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.constant(false) },
      ),
      // ‰ of the amount still open on both sides; above 1000 the allocation must be rejected.
      perMille: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 1000 }) },
        { weight: 1, arbitrary: fc.integer({ min: 1001, max: 3000 }) },
      ),
      // Days after the later issue date of the pair; negative = back-dated, must be rejected.
      delayDays: fc.integer({ min: -3, max: 20 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('reverse' as const),
      pick: fc.nat(),
      delayDays: fc.integer({ min: -3, max: 10 }),
    }),
  },
);

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** Largest amount that keeps both documents within bounds at every date from `date` on. */
function headroom(ledger: MemoryLedger, debitId: number, creditId: number, date: string): number {
  let minimum = Number.POSITIVE_INFINITY;
  for (const day of allDates.filter((candidate) => candidate >= date)) {
    minimum = Math.min(
      minimum,
      Math.abs(ledger.openAmount(debitId, day)),
      Math.abs(ledger.openAmount(creditId, day)),
    );
  }
  return minimum;
}

function applyDocument(ledger: MemoryLedger, op: Extract<Operation, { type: 'doc' }>): void {
  const sign = expectedSign(op.kind) || (op.negative ? -1 : 1);
  const issueDate = addDays(BASE_DATE, op.day);
  const id = ledger.documents().length + 1;
  ledger.addDocument({
    ...doc(id, op.kind, sign * op.absoluteMinor, issueDate),
    customerCode: CUSTOMERS[op.customer]!,
  });
}

function applyAllocation(ledger: MemoryLedger, op: Extract<Operation, { type: 'alloc' }>): void {
  const docs = ledger.documents();
  const debit = pick(
    op.paired ? docs.filter((entry) => documentSide(entry) === 'debit') : docs,
    op.pickDebit,
  );
  const credits = op.paired
    ? docs.filter((entry) => entry.customerCode === debit?.customerCode && documentSide(entry) === 'credit')
    : docs;
  const credit = pick(credits, op.pickCredit);
  if (!debit || !credit) return;
  const date = addDays(maxDate(debit.issueDate, credit.issueDate), op.delayDays);
  const stillOpen = Math.min(
    Math.abs(ledger.openAmount(debit.id, '9999-12-31')),
    Math.abs(ledger.openAmount(credit.id, '9999-12-31')),
  );
  const amountMinor = Math.floor((stillOpen * op.perMille) / 1000);
  const pairValid = checkAllocation(debit, credit, 1, date, []).length === 0;
  const allowedMinor = pairValid ? headroom(ledger, debit.id, credit.id, date) : 0;
  let accepted = true;
  try {
    ledger.allocate(debit.id, credit.id, amountMinor, date);
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerRuleError);
    accepted = false;
  }
  // The decision must match an independent day-by-day oracle; above what is still open it must fail.
  expect(accepted).toBe(pairValid && amountMinor > 0 && amountMinor <= allowedMinor);
  if (amountMinor > stillOpen) expect(accepted).toBe(false);
}

function applyReversal(ledger: MemoryLedger, op: Extract<Operation, { type: 'reverse' }>): void {
  const rows = ledger.allocations();
  const reversed = new Set(rows.map((row) => row.reversesId));
  const target = pick(
    rows.filter((row) => row.reversesId === null && !reversed.has(row.id)),
    op.pick,
  );
  if (!target) return;
  const date = addDays(target.allocationDate, op.delayDays);
  if (op.delayDays < 0) {
    expect(() => ledger.reverse(target.id, date)).toThrow(RangeError);
    return;
  }
  ledger.reverse(target.id, date);
}

function replay(operations: readonly Operation[]): MemoryLedger {
  const ledger = new MemoryLedger();
  for (const op of operations) {
    if (op.type === 'doc') applyDocument(ledger, op);
    else if (op.type === 'alloc') applyAllocation(ledger, op);
    else applyReversal(ledger, op);
  }
  return ledger;
}

/** Open amount of every document and balance of every customer, at every date. */
function snapshot(ledger: MemoryLedger): Map<string, number> {
  const values = new Map<string, number>();
  for (const date of allDates) {
    for (const entry of ledger.documents())
      values.set(`${entry.id}@${date}`, ledger.openAmount(entry.id, date));
    for (const customer of CUSTOMERS) values.set(`${customer}@${date}`, ledger.balance(customer, date));
  }
  return values;
}

// A few documents first so that allocations have something to match, then a mixed history.
const historyArb: fc.Arbitrary<Operation[]> = fc
  .tuple(
    fc.array(documentArb, { minLength: 2, maxLength: 8 }),
    fc.array(operationArb, { minLength: 1, maxLength: 40, size: 'large' }),
  )
  .map(([documents, operations]) => [...documents, ...operations]);

describe('ledger properties', () => {
  it('(a) every open amount stays between 0 and the document amount at every date', () => {
    fc.assert(
      fc.property(historyArb, (operations) => {
        const ledger = replay(operations);
        for (const entry of ledger.documents()) {
          for (const date of allDates) {
            const openMinor = ledger.openAmount(entry.id, date);
            if (entry.amountMinor >= 0) {
              expect(openMinor).toBeGreaterThanOrEqual(0);
              expect(openMinor).toBeLessThanOrEqual(entry.amountMinor);
            } else {
              expect(openMinor).toBeLessThanOrEqual(0);
              expect(openMinor).toBeGreaterThanOrEqual(entry.amountMinor);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('(b) Σ open amounts of a customer equals its balance at every date', () => {
    fc.assert(
      fc.property(historyArb, (operations) => {
        const ledger = replay(operations);
        for (const customer of CUSTOMERS) {
          for (const date of allDates) {
            const openSum = ledger
              .documents(customer)
              .reduce((sum, entry) => sum + ledger.openAmount(entry.id, date), 0);
            expect(openSum).toBe(ledger.balance(customer, date));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('(c) a reversal restores the prior open amounts and balances exactly', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.nat(),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 10 }),
        (operations, pickIndex, perMille, day, delayDays) => {
          const ledger = replay(operations);
          const debits = ledger.documents().filter((entry) => documentSide(entry) === 'debit');
          const debit = pick(debits, pickIndex);
          const credit = pick(
            ledger
              .documents()
              .filter(
                (entry) => entry.customerCode === debit?.customerCode && documentSide(entry) === 'credit',
              ),
            pickIndex,
          );
          if (!debit || !credit) return;
          const date = [debit.issueDate, credit.issueDate, addDays(BASE_DATE, day)].sort().at(-1)!;
          const amountMinor = Math.floor((headroom(ledger, debit.id, credit.id, date) * perMille) / 1000);
          if (amountMinor <= 0) return;
          const before = snapshot(ledger);
          const row = ledger.allocate(debit.id, credit.id, amountMinor, date);
          const reversalDate = addDays(date, delayDays);
          ledger.reverse(row.id, reversalDate);
          const after = snapshot(ledger);
          for (const [key, value] of before) {
            const keyDate = key.slice(key.indexOf('@') + 1);
            const insideWindow = keyDate >= date && keyDate < reversalDate;
            if (!insideWindow || key.startsWith('C')) expect(after.get(key)).toBe(value);
          }
          if (delayDays > 0)
            expect(after.get(`${debit.id}@${date}`)).toBe(before.get(`${debit.id}@${date}`)! - amountMinor);
        },
      ),
      { numRuns: 100 },
    );
  });
});
