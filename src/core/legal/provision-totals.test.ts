import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROVISION_RATES,
  type ProvisionItem,
  provisionLine,
  provisionMovements,
} from './provision.ts';
import { movementTotals, provisionTotals } from './provision-totals.ts';

const item = (over: Partial<ProvisionItem>): ProvisionItem => ({
  documentId: 1,
  customerCode: 'C1',
  ref: 'F1',
  issueDate: '2025-12-31',
  dueDate: '2026-01-31',
  openMinor: 120_000,
  currency: 'EUR',
  cases: [],
  postJudgment: false,
  vatRateBps: 2_000,
  ...over,
});

const rates = DEFAULT_PROVISION_RATES;
// 181 days past due at the date: 50 % by age.
const AS_OF = '2026-07-31';
const lines = [
  provisionLine(item({ documentId: 1, ref: 'F1' }), AS_OF, rates), // 500,00 €
  provisionLine(item({ documentId: 2, ref: 'F2', cases: ['dispute'], dueDate: '2026-07-15' }), AS_OF, rates), // 500,00 €
  // An export in dollars, no VAT: 50 % of 1 000,00 $.
  provisionLine(
    item({
      documentId: 3,
      customerCode: 'U1',
      ref: 'US1',
      currency: 'USD',
      openMinor: 100_000,
      vatRateBps: 0,
    }),
    AS_OF,
    rates,
  ),
];

describe('provisionTotals', () => {
  it('totals each currency apart, in code order, never euros and dollars together', () => {
    expect(provisionTotals(lines)).toEqual([
      {
        currency: 'EUR',
        totalMinor: 100_000,
        byBasis: { age: 50_000, collective_procedure: 0, dispute: 50_000 },
      },
      { currency: 'USD', totalMinor: 50_000, byBasis: { age: 50_000, collective_procedure: 0, dispute: 0 } },
    ]);
    expect(provisionTotals([])).toEqual([]);
  });
});

describe('movementTotals', () => {
  it('adds the movements of each currency apart: opening + allowance − reversal − used = closing in each', () => {
    const opening = [
      provisionLine(item({ documentId: 1, ref: 'F1' }), '2026-05-01', rates), // 25 % → 250,00 €
      provisionLine(
        item({
          documentId: 3,
          customerCode: 'U1',
          ref: 'US1',
          currency: 'USD',
          openMinor: 100_000,
          vatRateBps: 0,
        }),
        '2026-05-01',
        rates,
      ), // 250,00 $
    ];
    const closing = [lines[0], lines[2]].flatMap((line) => (line ? [line] : []));
    const items = provisionMovements(opening, closing, new Map());
    expect(items.map((m) => [m.ref, m.currency])).toEqual([
      ['F1', 'EUR'],
      ['US1', 'USD'],
    ]);
    expect(movementTotals(items)).toEqual([
      {
        currency: 'EUR',
        openingMinor: 25_000,
        allowanceMinor: 25_000,
        reversalMinor: 0,
        usedMinor: 0,
        closingMinor: 50_000,
      },
      {
        currency: 'USD',
        openingMinor: 25_000,
        allowanceMinor: 25_000,
        reversalMinor: 0,
        usedMinor: 0,
        closingMinor: 50_000,
      },
    ]);
  });
});
