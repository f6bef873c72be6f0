import { describe, expect, it } from 'vitest';
import {
  claimAmounts,
  claimDeadline,
  claimDeadlineFrom,
  claimIndemnityMinor,
  isFrenchPublicHoliday,
} from './claims.ts';

const RATES = [{ semester: '2026H1', ecbMainRefinancingRateBps: 215, legalInterestRateBps: 662 }];

describe('claimDeadline (R622-24, CPC 641-642)', () => {
  it('is two months after the publication, same day of the month', () => {
    expect(claimDeadline('2026-03-12')).toBe('2026-05-12');
  });
  it('clamps to the last day of a shorter month, then runs past the weekend', () => {
    // 2025-12-31 + 2 months = 2026-02-28, a Saturday → Monday 2 March.
    expect(claimDeadline('2025-12-31')).toBe('2026-03-02');
  });
  it('runs past a public holiday and the weekend after it', () => {
    // 2026-05-08 (Victoire 1945) is a Friday → Monday 11 May.
    expect(claimDeadline('2026-03-08')).toBe('2026-05-11');
  });
  it('gives four months to a creditor outside metropolitan France', () => {
    // 2026-07-12 is a Sunday → Monday 13 July.
    expect(claimDeadline('2026-03-12', true)).toBe('2026-07-13');
  });
  it('knows the movable holidays', () => {
    expect(isFrenchPublicHoliday('2026-04-06')).toBe(true); // Easter Monday 2026
    expect(isFrenchPublicHoliday('2026-05-14')).toBe(true); // Ascension 2026
    expect(isFrenchPublicHoliday('2026-05-25')).toBe(true); // Whit Monday 2026
    expect(isFrenchPublicHoliday('2026-05-13')).toBe(false);
  });
});

describe('claimDeadlineFrom', () => {
  it('counts from the publication when it is known', () => {
    expect(claimDeadlineFrom({ judgmentDate: '2026-03-05', publicationDate: '2026-03-12' })).toEqual({
      deadline: '2026-05-12',
      estimated: false,
    });
  });
  it('estimates from the judgment without a publication, never later than the true deadline', () => {
    // 2026-07-14 (Fête nationale) is a Tuesday → Wednesday 15 July.
    const estimate = claimDeadlineFrom({ judgmentDate: '2026-05-14', publicationDate: null });
    expect(estimate).toEqual({ deadline: '2026-07-15', estimated: true });
    expect(estimate.deadline <= claimDeadline('2026-05-20')).toBe(true);
    expect(claimDeadlineFrom({ judgmentDate: '2026-03-12', publicationDate: null }, true).deadline).toBe(
      '2026-07-13',
    );
  });
});

describe('claimAmounts', () => {
  const items = [
    { documentRef: 'F1', dueDate: '2026-03-01', openMinor: 1_000_000 },
    { documentRef: 'F2', dueDate: '2026-04-15', openMinor: 50_000 },
    { documentRef: 'F3', dueDate: '2026-01-01', openMinor: 0 },
  ];
  it('declares the open principal only when no rate table is given', () => {
    const amounts = claimAmounts({ judgmentDate: '2026-03-31', currency: 'EUR', items, secured: false });
    expect(amounts).toMatchObject({
      principalMinor: 1_050_000,
      interestMinor: 0,
      indemnityMinor: 4_000,
      totalMinor: 1_054_000,
      interestStatus: 'not_claimed',
    });
    expect(amounts.items.map((i) => i.documentRef)).toEqual(['F1', 'F2']);
  });
  it('adds the interest up to the judgment date (computed by hand)', () => {
    // F1: 10 000,00 € × (2,15 % + 10 %) × 30 days / 365 = 99,863 € → 9 986 cents; F2 not yet due.
    const amounts = claimAmounts({
      judgmentDate: '2026-03-31',
      currency: 'EUR',
      items,
      secured: true,
      interestTerms: { rates: RATES, clause: { kind: 'legal' }, mode: 'split_by_semester' },
    });
    // F1 was late on the judgment's day: its 40 € indemnity is declared; F2, not yet due, has none.
    expect(amounts).toMatchObject({
      principalMinor: 1_050_000,
      interestMinor: 9_986,
      indemnityMinor: 4_000,
      totalMinor: 1_063_986,
      secured: true,
      interestStatus: 'computed',
    });
    expect(amounts.items.map((i) => [i.documentRef, i.dueDate, i.indemnityMinor])).toEqual([
      ['F1', '2026-03-01', 4_000],
      ['F2', '2026-04-15', 0],
    ]);
  });
  it('declares no indemnity for an invoice due on the judgment’s day, nor outside the euro', () => {
    expect(claimIndemnityMinor('2026-03-31', '2026-03-31', 'EUR')).toBe(0);
    expect(claimIndemnityMinor('2026-03-30', '2026-03-31', 'EUR')).toBe(4_000);
    expect(claimIndemnityMinor('2026-03-01', '2026-03-31', 'CHF')).toBe(0);
  });
  it('runs the interest on what was open in each period when a partial payment came in', () => {
    // 15 000,00 € due 1 March, 5 000,00 € paid on 10 March: 9 days on 15 000 € and 21 days on
    // 10 000 € at 12,15 % = 34 500 000 × 1 215 / 3 650 000 = 11 484,25 → 11 484 cents, not the
    // 9 986 of 10 000 € over the 30 days.
    const amounts = claimAmounts({
      judgmentDate: '2026-03-31',
      currency: 'EUR',
      items: [
        {
          documentRef: 'F1',
          dueDate: '2026-03-01',
          openMinor: 1_000_000,
          interestBasis: {
            amountMinor: 1_500_000,
            settlements: [{ date: '2026-03-10', amountMinor: 500_000 }],
          },
        },
      ],
      secured: false,
      interestTerms: { rates: RATES, clause: { kind: 'legal' }, mode: 'split_by_semester' },
    });
    expect(amounts).toMatchObject({ principalMinor: 1_000_000, interestMinor: 11_484 });
  });
  it('says when a half-year rate is missing', () => {
    const amounts = claimAmounts({
      judgmentDate: '2026-07-31',
      currency: 'EUR',
      items,
      secured: false,
      interestTerms: { rates: RATES, clause: { kind: 'legal' }, mode: 'split_by_semester' },
    });
    expect(amounts.interestStatus).toBe('rate_missing');
    // Declared whole or not at all: the letter says no interest is declared, so the total has none.
    expect([amounts.interestMinor, amounts.totalMinor]).toEqual([0, 1_050_000 + 8_000]);
  });
});
