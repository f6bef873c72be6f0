import { describe, expect, it } from 'vitest';
import { runTotalsDue } from './plan-documents.ts';

const due = (customerCode: string, currency: string, openMinor: number, creditsMinor: number) => ({
  customerCode,
  currency,
  totalDueMinor: openMinor - creditsMinor,
  creditsMinor,
});

describe('runTotalsDue', () => {
  it('deducts a customer’s credits once when its letter and its call task each deduct them', () => {
    const totals = runTotalsDue([
      due('B', 'EUR', 2_000_00, 300_00), // the letter
      due('B', 'EUR', 400_00, 300_00), // the call task, the same credit
      due('A', 'EUR', 1_000_00, 0),
    ]);
    expect(totals.get('EUR')).toBe(2_000_00 + 400_00 + 1_000_00 - 300_00);
  });

  it('keeps each currency’s credits apart, and another customer’s credits its own', () => {
    const totals = runTotalsDue([
      due('B', 'EUR', 2_000_00, 300_00),
      due('B', 'USD', 700_00, 50_00),
      due('C', 'EUR', 900_00, 100_00),
    ]);
    expect(totals.get('EUR')).toBe(2_000_00 - 300_00 + 900_00 - 100_00);
    expect(totals.get('USD')).toBe(700_00 - 50_00);
  });
});
