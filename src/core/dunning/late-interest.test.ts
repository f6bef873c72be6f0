import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar.ts';
import {
  computeLateInterest,
  type InterestRateClause,
  type LateInterestInput,
  type LateInterestTerms,
  type RateMode,
  recoveryIndemnity,
} from './late-interest.ts';
import { REFERENCE_RATES } from './reference-rates.fixture.ts';

const legal = (mode: RateMode = 'split_by_semester'): LateInterestTerms => ({
  rates: REFERENCE_RATES,
  clause: { kind: 'legal' },
  mode,
});
const contractual = (clause: InterestRateClause): LateInterestTerms => ({
  rates: REFERENCE_RATES,
  clause,
  mode: 'split_by_semester',
});

function interestOf(input: LateInterestInput, terms: LateInterestTerms): number {
  const result = computeLateInterest(input, terms);
  if (result.status !== 'computed') throw new Error(`rate missing: ${result.missingSemesters.join(',')}`);
  return result.interestMinor;
}

describe('late-payment interest: the reference §5 table (one rate per day, 365-day year, rounded once)', () => {
  // [amount, due, paid, days, split, due date's half-year, payment's half-year], figures in cents.
  const rows: [number, string, string, number, number, number, number][] = [
    // 1,000,000 × 1315 × 60 / 3,650,000 = 21,616.4 → 216.16
    [1_000_000, '2025-03-31', '2025-05-30', 60, 21_616, 21_616, 21_616],
    // 15 d × 13.15 % + 45 d × 12.15 %: (1,000,000 × (1315 × 15 + 1215 × 45)) / 3,650,000 = 20,383.56 → 203.84
    // (rounding each part first would give 54.04 + 149.79 = 203.83); 12.15 % × 60 d = 199.73
    [1_000_000, '2025-06-15', '2025-08-14', 60, 20_384, 21_616, 19_973],
    // 16 d × 14.25 % + 44 d × 13.15 % = (1425 × 16 + 1315 × 44) × 1e6 / 3.65e6 = 22,098.63 → 220.99
    [1_000_000, '2024-12-15', '2025-02-13', 60, 22_099, 23_425, 21_616],
    // 500,000 × 1215 × 30 / 3,650,000 = 4,993.15 → 49.93
    [500_000, '2026-01-31', '2026-03-02', 30, 4_993, 4_993, 4_993],
    // due 30 June, the delay starts on 1 July: 120,000 × 1400 × 30 / 3,650,000 = 1,380.82 → 13.81;
    // at the H1 2023 rate 12.50 %: 1,232.88 → 12.33
    [120_000, '2023-06-30', '2023-07-30', 30, 1_381, 1_233, 1_381],
  ];
  for (const [amountMinor, dueDate, paid, days, split, dueRate, endRate] of rows) {
    it(`${amountMinor / 100} due ${dueDate} paid ${paid}`, () => {
      const input = { amountMinor, dueDate, asOf: '2026-06-30', settlements: [{ date: paid, amountMinor }] };
      const result = computeLateInterest(input, legal());
      expect(result.status === 'computed' && [result.interestMinor, result.daysLate]).toEqual([split, days]);
      expect(interestOf(input, legal('due_date_semester'))).toBe(dueRate);
      expect(interestOf(input, legal('end_semester'))).toBe(endRate);
      // Still unpaid on the payment date: the same figure as of that date.
      expect(interestOf({ amountMinor, dueDate, asOf: paid }, legal())).toBe(split);
    });
  }

  it('splits 2025-06-15 → 2025-08-14 into its two half-years', () => {
    const result = computeLateInterest(
      { amountMinor: 1_000_000, dueDate: '2025-06-15', asOf: '2025-08-14' },
      legal(),
    );
    expect(result.status === 'computed' && result.periods).toEqual([
      {
        from: '2025-06-16',
        to: '2025-06-30',
        days: 15,
        openMinor: 1_000_000,
        semester: '2025H1',
        rateBps: 1315,
        rateBasis: 'legal',
      },
      {
        from: '2025-07-01',
        to: '2025-08-14',
        days: 45,
        openMinor: 1_000_000,
        semester: '2025H2',
        rateBps: 1215,
        rateBasis: 'legal',
      },
    ]);
  });
});

describe('late-payment interest: other worked examples', () => {
  it('Bpifrance formula (§2): 1,200 € due 2024-07-15 paid 2024-09-13 → 60 d at 14.25 % = 28.11 €', () => {
    // 120,000 × 1425 × 60 / 3,650,000 = 2,810.96 → 2,811
    const input = { amountMinor: 120_000, dueDate: '2024-07-15', asOf: '2024-09-13' };
    const result = computeLateInterest(input, legal());
    expect(result.status === 'computed' && [result.interestMinor, result.daysLate]).toEqual([2_811, 60]);
    expect(recoveryIndemnity({ daysLate: 60, currency: 'EUR', debtorInInsolvency: false })).toEqual({
      status: 'due',
      amountMinor: 4_000,
      currency: 'EUR',
    });
  });

  it('lexing.law (§2): 10,000 € for 90 days of H1 2014 at 10.25 % = 252.74 € on days/365', () => {
    // due 2014-01-15, 16 + 28 + 31 + 15 = 90 days to 2014-04-15; 1,000,000 × 1025 × 90 / 3,650,000 = 25,273.97
    // (the article's 256.25 counts 3/12 of a year; the reference's convention is days/365)
    expect(interestOf({ amountMinor: 1_000_000, dueDate: '2014-01-15', asOf: '2014-04-15' }, legal())).toBe(
      25_274,
    );
  });

  it('a contractual rate below 3 × the legal rate is raised to the floor (lexing: 3 × 0.04 % = 0.12 %)', () => {
    // 1,000,000 × 12 × 90 / 3,650,000 = 295.89 → 2.96 € (the article's 3 € counts 3/12 of a year)
    const input = { amountMinor: 1_000_000, dueDate: '2014-01-15', asOf: '2014-04-15' };
    const result = computeLateInterest(input, contractual({ kind: 'contractual_fixed', annualRateBps: 5 }));
    expect(result.status === 'computed' && [result.interestMinor, result.periods[0]?.rateBasis]).toEqual([
      296,
      'legal_floor',
    ]);
  });

  it('contractual ECB + 8 points in H1 2024 is below 3 × 5.07 % and gives way to 15.21 %', () => {
    // 450 + 800 = 1250 < 1521; 100,000 × 1521 × 10 / 3,650,000 = 416.71 → 4.17 €
    const input = { amountMinor: 100_000, dueDate: '2024-03-01', asOf: '2024-03-11' };
    const terms = contractual({ kind: 'contractual_ecb_plus', marginBps: 800 });
    expect(interestOf(input, terms)).toBe(417);
    // ECB + 12 points (1650 ≥ 1521) stands: 100,000 × 1650 × 10 / 3,650,000 = 452.05 → 4.52 €
    expect(interestOf(input, contractual({ kind: 'contractual_ecb_plus', marginBps: 1200 }))).toBe(452);
  });

  it('ERPNext single contractual rate: 100.00 for 15 days at 10 % = 0.41, with a 10.00 fee 110.41', () => {
    // 2025H2: floor 3 × 2.76 % = 8.28 % < 10 %; 10,000 × 1000 × 15 / 3,650,000 = 41.10 → 41
    const input = { amountMinor: 10_000, dueDate: '2025-07-10', asOf: '2025-07-25' };
    const interestMinor = interestOf(input, contractual({ kind: 'contractual_fixed', annualRateBps: 1000 }));
    const fee = recoveryIndemnity({
      daysLate: 15,
      currency: 'EUR',
      debtorInInsolvency: false,
      indemnityEurMinor: 1000,
    });
    expect(interestMinor).toBe(41);
    expect(fee.status === 'due' && input.amountMinor + interestMinor + fee.amountMinor).toBe(11_041);
  });

  it('a contractual clause needs the legal rate of the half-year for its floor', () => {
    const input = { amountMinor: 10_000, dueDate: '2023-07-10', asOf: '2023-07-25' };
    expect(
      computeLateInterest(input, contractual({ kind: 'contractual_fixed', annualRateBps: 2000 })),
    ).toEqual({
      status: 'rate_missing',
      daysLate: 15,
      missingSemesters: ['2023H2'],
    });
  });
});

describe('late-payment interest: hand-computed cases', () => {
  it('partial payment across the 1 July change: 10,000 € due 2025-06-20, 4,000 € paid 2025-07-10', () => {
    // 21–30 Jun: 10 d × 10,000 × 13.15 % = 36.0274; 1–10 Jul (payment day included): 10 d × 10,000 × 12.15 %
    // = 33.2877; 11–31 Jul: 21 d × 6,000 × 12.15 % = 41.9425 → total 111.2576 → 111.26 €; 41 days late.
    const settlements = [{ date: '2025-07-10', amountMinor: 400_000 }];
    const input = { amountMinor: 1_000_000, dueDate: '2025-06-20', asOf: '2025-07-31', settlements };
    const result = computeLateInterest(input, legal());
    expect(result.status === 'computed' && [result.interestMinor, result.daysLate]).toEqual([11_126, 41]);
    expect(
      result.status === 'computed' && result.periods.map((p) => [p.from, p.to, p.openMinor, p.rateBps]),
    ).toEqual([
      ['2025-06-21', '2025-06-30', 1_000_000, 1315],
      ['2025-07-01', '2025-07-10', 1_000_000, 1215],
      ['2025-07-11', '2025-07-31', 600_000, 1215],
    ]);
    // As of the day after the payment, one day on 6,000: 36.0274 + 33.2877 + 6,000 × 12.15 % / 365 (1.9973)
    // = 71.3124 → 71.31 €
    expect(interestOf({ ...input, asOf: '2025-07-11' }, legal())).toBe(7_131);
    // The balance paid on 2025-07-25: 11–25 Jul = 15 d × 6,000 × 12.15 % = 29.9589 → 99.274 → 99.27 €,
    // 35 days late, nothing after the last payment.
    const settled = { ...input, settlements: [...settlements, { date: '2025-07-25', amountMinor: 600_000 }] };
    const paid = computeLateInterest(settled, legal());
    expect(paid.status === 'computed' && [paid.interestMinor, paid.daysLate]).toEqual([9_927, 35]);
  });

  it('counts 365 days a year even in a leap year: 1,000 € late on 29 Feb and 1 Mar 2024 at 14.50 %', () => {
    // 100,000 × 1450 × 2 / 3,650,000 = 79.45 → 0.79 €
    expect(interestOf({ amountMinor: 100_000, dueDate: '2024-02-28', asOf: '2024-03-01' }, legal())).toBe(79);
  });

  it('rounds once, half up: x.5 minor units go up', () => {
    // 2025H2 at 10 %, 73 days: amount × 1000 × 73 / 3,650,000 = amount / 50; 75 → 1.5 → 2; 25 → 0.5 → 1
    const terms = contractual({ kind: 'contractual_fixed', annualRateBps: 1000 });
    const at = (amountMinor: number) =>
      interestOf({ amountMinor, dueDate: '2025-07-01', asOf: '2025-09-12' }, terms);
    expect([at(75), at(25), at(24)]).toEqual([2, 1, 0]);
  });

  it('is zero before and on the due date, and reports a half-year missing from the table', () => {
    const input = { amountMinor: 100_000, dueDate: '2026-06-20', asOf: '2026-06-20' };
    expect(computeLateInterest(input, legal())).toEqual({
      status: 'computed',
      interestMinor: 0,
      daysLate: 0,
      periods: [],
    });
    expect(computeLateInterest({ ...input, asOf: '2026-07-02' }, legal())).toEqual({
      status: 'rate_missing',
      daysLate: 12,
      missingSemesters: ['2026H2'],
    });
  });

  it('the indemnity: once per late invoice, never when not late, under insolvency or outside EUR', () => {
    const base = { daysLate: 1, currency: 'EUR', debtorInInsolvency: false };
    expect(recoveryIndemnity(base)).toMatchObject({ status: 'due', amountMinor: 4_000 });
    expect(recoveryIndemnity({ ...base, daysLate: 0 })).toEqual({ status: 'not_due', reason: 'not_late' });
    expect(recoveryIndemnity({ ...base, debtorInInsolvency: true })).toMatchObject({
      reason: 'insolvency_proceedings',
    });
    expect(recoveryIndemnity({ ...base, currency: 'USD' })).toMatchObject({ reason: 'currency_not_eur' });
  });
});

describe('late-payment interest: invariants (property)', () => {
  const dayArb = (from: string, span: number) =>
    fc.integer({ min: 0, max: span }).map((n) => addDays(from, n));
  // The table covers 2023-01-01 … 2026-06-30.
  const caseArb = fc.record({
    amountMinor: fc.integer({ min: 0, max: 50_000_000 }),
    dueDate: dayArb('2023-01-01', 900),
    lengthDays: fc.integer({ min: 0, max: 270 }),
  });
  const asOfOf = (c: { dueDate: string; lengthDays: number }) => addDays(c.dueDate, c.lengthDays);

  it('grows with the days and with the amount', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (c, moreDays, more) => {
          const base = interestOf({ ...c, asOf: asOfOf(c) }, legal());
          expect(interestOf({ ...c, asOf: addDays(asOfOf(c), moreDays) }, legal())).toBeGreaterThanOrEqual(
            base,
          );
          expect(
            interestOf({ ...c, amountMinor: c.amountMinor + more, asOf: asOfOf(c) }, legal()),
          ).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });

  it('is zero when paid on time, whatever the as-of date', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 40 }), (c, early) => {
        const settlements = [{ date: addDays(c.dueDate, -early), amountMinor: c.amountMinor }];
        const result = computeLateInterest({ ...c, asOf: asOfOf(c), settlements }, legal());
        expect(result).toEqual({ status: 'computed', interestMinor: 0, daysLate: 0, periods: [] });
      }),
    );
  });

  it('adds up over split periods: exactly before rounding, within half a minor unit per rounding after', () => {
    const splitsArb = fc.uniqueArray(fc.integer({ min: 1, max: 269 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        caseArb,
        splitsArb,
        fc.constantFrom<RateMode>('split_by_semester', 'due_date_semester'),
        (c, cuts, mode) => {
          const asOf = asOfOf(c);
          const bounds = [
            c.dueDate,
            ...cuts
              .filter((n) => n < c.lengthDays)
              .sort((a, b) => a - b)
              .map((n) => addDays(c.dueDate, n)),
            asOf,
          ];
          const parts = bounds
            .slice(1)
            .map((to, i) => computeLateInterest({ ...c, asOf: to, accruedAfter: bounds[i] }, legal(mode)));
          const whole = computeLateInterest({ ...c, asOf }, legal(mode));
          if (whole.status !== 'computed' || parts.some((p) => p.status !== 'computed'))
            throw new Error('rate missing');
          const exact = (periods: { openMinor: number; rateBps: number; days: number }[]) =>
            periods.reduce((sum, p) => sum + p.openMinor * p.rateBps * p.days, 0);
          const computed = parts.flatMap((p) => (p.status === 'computed' ? [p] : []));
          expect(computed.reduce((sum, p) => sum + exact(p.periods), 0)).toBe(exact(whole.periods));
          const roundings = computed.length + 1;
          const drift = Math.abs(computed.reduce((sum, p) => sum + p.interestMinor, 0) - whole.interestMinor);
          expect(drift).toBeLessThan(roundings / 2);
        },
      ),
    );
  });

  it('split periods stay inside one half-year and cover exactly the days late', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const result = computeLateInterest(
          { ...c, amountMinor: c.amountMinor + 1, asOf: asOfOf(c) },
          legal(),
        );
        if (result.status !== 'computed') throw new Error('rate missing');
        expect(result.periods.reduce((sum, p) => sum + p.days, 0)).toBe(c.lengthDays);
        for (const p of result.periods)
          expect(p.to.slice(0, 4) + (p.to.slice(5, 7) <= '06' ? 'H1' : 'H2')).toBe(p.semester);
      }),
    );
  });
});
