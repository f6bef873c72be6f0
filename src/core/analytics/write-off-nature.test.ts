import { describe, expect, it } from 'vitest';
import { writeOffNature, writeOffTotals } from './write-off-nature.ts';

const origin = { approvedProposal: false, cashApplication: false, paidInvoice: false };

describe('a write-off is a bad debt or a settlement difference by where it came from', () => {
  it('reads an approved proposal as a bad debt, even on an invoice partly paid', () => {
    expect(writeOffNature({ ...origin, approvedProposal: true })).toBe('bad_debt');
    expect(writeOffNature({ ...origin, approvedProposal: true, paidInvoice: true })).toBe('bad_debt');
  });

  it('reads the cash application’s bank charges and discounts as settlement differences', () => {
    expect(writeOffNature({ ...origin, cashApplication: true, paidInvoice: true })).toBe(
      'settlement_difference',
    );
  });

  it('reads an imported one by whether the invoice it settles was paid', () => {
    // « Frais bancaires déduits par le client sur F… — passage en perte »: paid less the charges.
    expect(writeOffNature({ ...origin, paidInvoice: true })).toBe('settlement_difference');
    expect(writeOffNature(origin)).toBe('bad_debt');
  });

  it('sums each nature as a positive amount (a loss of 1 519,53 €, not −1 519,53 €)', () => {
    expect(
      writeOffTotals([
        { ...origin, paidInvoice: true, amountMinor: -151_953 },
        { ...origin, approvedProposal: true, amountMinor: -500_000 },
        { ...origin, amountMinor: -20_000 },
      ]),
    ).toEqual({ badDebtsMinor: 520_000, settlementDifferencesMinor: 151_953 });
  });
});
