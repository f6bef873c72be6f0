import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpenItemRow } from '#db/cash/matching-queries';
import { Interner, OpenItemBook } from './open-item-book.ts';
import { digitsOfRef, ReferenceIndex } from './reference-index.ts';

const row = (documentId: number, customer: number, openMinor: number): OpenItemRow => ({
  documentId,
  customerCode: `C${customer}`,
  ref: `F-${documentId}`,
  kind: openMinor > 0 ? 'invoice' : 'payment',
  issueDate: `2026-0${1 + (documentId % 9)}-1${documentId % 10}`,
  dueDate: '2026-12-31',
  openMinor,
  currency: documentId % 7 === 0 ? 'USD' : 'EUR',
});

const byId = (a: { documentId: number }, b: { documentId: number }) => a.documentId - b.documentId;

describe('Interner', () => {
  it('numbers values in the order met and finds them, as a map of first meetings does, through growth', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 6 }),
            fc.integer({ min: 0, max: 3000 }).map((n) => `C${n}`),
          ),
          {
            maxLength: 4000,
          },
        ),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }),
        (values, probes) => {
          const interner = new Interner();
          const model = new Map<string, number>();
          for (const value of values) {
            if (!model.has(value)) model.set(value, model.size);
            expect(interner.numberOf(value)).toBe(model.get(value));
          }
          expect(interner.values).toEqual([...model.keys()]);
          for (const value of [...values, ...probes]) expect(interner.find(value)).toBe(model.get(value));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('OpenItemBook', () => {
  it('holds what a map of the latest rows holds, through puts, moves and removals', () => {
    const operation = fc.oneof(
      fc.record({
        put: fc.constant(true),
        documentId: fc.integer({ min: 1, max: 2500 }),
        customer: fc.integer({ min: 0, max: 12 }),
        openMinor: fc.integer({ min: -5000, max: 5000 }).filter((amount) => amount !== 0),
      }),
      fc.record({ put: fc.constant(false), documentId: fc.integer({ min: 1, max: 2500 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1500, maxLength: 5000 }), (operations) => {
        const book = new OpenItemBook();
        const model = new Map<number, OpenItemRow>();
        for (const op of operations)
          if ('customer' in op) {
            const item = row(op.documentId, op.customer, op.openMinor);
            book.put(item);
            model.set(op.documentId, item);
          } else {
            book.remove(op.documentId);
            model.delete(op.documentId);
          }
        for (let customer = 0; customer <= 12; customer++) {
          const code = `C${customer}`;
          const expected = [...model.values()].filter((item) => item.customerCode === code).sort(byId);
          expect(book.itemsOf(code).sort(byId)).toEqual(expected);
        }
        const amounts = [...new Set([...model.values()].slice(0, 5).map((item) => item.openMinor))];
        const owing = [...model.values()]
          .filter((item) => amounts.includes(item.openMinor))
          .map((item) => `${item.customerCode}:${item.openMinor}`);
        expect(
          book
            .customersOwing(amounts)
            .map((item) => `${item.customerCode}:${item.openMinor}`)
            .sort(),
        ).toEqual([...new Set(owing)].sort());
      }),
      { numRuns: 15 },
    );
  });

  it('knows no customer it never held', () => {
    const book = new OpenItemBook();
    book.put(row(1, 1, 100));
    expect(book.itemsOf('C2')).toEqual([]);
    expect(book.customersOwing([])).toEqual([]);
  });
});

describe('ReferenceIndex', () => {
  it('finds the documents of a digits key, in document order, and only theirs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom('F', 'AV-F', 'INV/')), {
          maxLength: 2000,
        }),
        (documents) => {
          const index = new ReferenceIndex(new OpenItemBook().customers);
          const expected = new Map<string, number[]>();
          for (const [at, [number, prefix]] of documents.entries()) {
            const externalRef = `${prefix}2026-${String(number).padStart(5, '0')}`;
            const digits = digitsOfRef(externalRef) as string;
            index.add(
              { documentId: documents.length - at, customerCode: `C${number % 3}`, externalRef },
              digits,
            );
            expected.set(digits, [...(expected.get(digits) ?? []), documents.length - at]);
          }
          for (const [digits, ids] of expected)
            expect(index.documentsWithDigits(digits).map((document) => document.documentId)).toEqual(
              [...ids].sort((a, b) => a - b),
            );
          expect(index.documentsWithDigits('999999999')).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads digits as the database expression does, and leaves other scripts to it', () => {
    expect(digitsOfRef('F2024-00123')).toBe('202400123');
    expect(digitsOfRef('AV-0000-0042')).toBe('42');
    expect(digitsOfRef('FAC-١٢٣٤٥')).toBeUndefined();
    expect(digitsOfRef('Café 12345')).toBe('12345');
  });

  it('keeps a key the database gave for a reference it reads otherwise, and no key too short', () => {
    const index = new ReferenceIndex(new OpenItemBook().customers);
    index.add({ documentId: 7, customerCode: 'C1', externalRef: 'FAC-١٢٣٤٥' }, '١٢٣٤٥');
    index.add({ documentId: 8, customerCode: 'C1', externalRef: 'F-1234' }, '1234');
    expect(index.documentsWithDigits('١٢٣٤٥').map((document) => document.documentId)).toEqual([7]);
    expect(index.documentsWithDigits('1234')).toEqual([]);
  });
});
