/**
 * A bordereau of three invoices worked by hand (figures in euros, then minor units), financed on
 * 30 June 2026 under: reserve 10 %, advance 100 % of the rest, commission 0,60 % with 15 € minimum
 * per invoice, financing 4,50 % a year over 360 days to the due date + 10 days, fees 5 € per
 * invoice and 25 € per batch, VAT 20 % on commission and fees, recourse 60 days after the due date.
 */
import { describe, expect, it } from 'vitest';
import {
  closeLine,
  computeBatch,
  type FactoringTerms,
  financingInterest,
  invalidTerms,
  mulDivHalfUp,
  recourseDate,
} from './factoring.ts';
import {
  type AccountMovement,
  batchMovements,
  closingMovements,
  summariseAccount,
} from './factoring-account.ts';

const terms: FactoringTerms = {
  withRecourse: true,
  recourseDays: 60,
  advanceRateBps: 10_000,
  commissionBps: 60,
  minCommissionMinor: 1_500,
  financingRateBps: 450,
  dayCountBasis: 360,
  collectionDelayDays: 10,
  reserveRateBps: 1_000,
  feePerInvoiceMinor: 500,
  feePerBatchMinor: 2_500,
  feesVatRateBps: 2_000,
};

const invoice = (ref: string, amountMinor: number, dueDate: string) => ({
  documentId: ref.charCodeAt(0),
  ref,
  customerCode: 'C1',
  dueDate,
  amountMinor,
});
const A = invoice('A', 1_200_000, '2026-07-31'); // 12 000,00 €
const B = invoice('B', 150_000, '2026-08-15'); // 1 500,00 €
const C = invoice('C', 833_333, '2026-07-15'); // 8 333,33 €
const batch = computeBatch(terms, [A, B, C], '2026-06-30');
const line = (ref: string) => batch.lines.find((l) => l.ref === ref)!;

describe('a batch of three invoices', () => {
  it('holds 10 % in reserve and advances the rest, rounding half up once per invoice', () => {
    // A: 1 200,00 held, 10 800,00 advanced; B: 150,00 and 1 350,00;
    // C: 833,333 → 833,33 held, 8 333,33 − 833,33 = 7 500,00 advanced.
    expect([line('A'), line('B'), line('C')].map((l) => [l.reserveMinor, l.advanceMinor])).toEqual([
      [120_000, 1_080_000],
      [15_000, 135_000],
      [83_333, 750_000],
    ]);
    expect(batch.reserveMinor).toBe(218_333);
    expect(batch.advanceMinor).toBe(1_965_000);
  });

  it('charges 0,60 % commission with the 15 € minimum, fees and their VAT', () => {
    // A: 72,00; B: 9,00 → the minimum 15,00; C: 49,99998 → 50,00.
    expect([line('A'), line('B'), line('C')].map((l) => l.commissionMinor)).toEqual([7_200, 1_500, 5_000]);
    expect(batch.commissionMinor).toBe(13_700);
    expect(batch.feesMinor).toBe(4_000); // 3 × 5,00 + 25,00
    expect(batch.feesVatMinor).toBe(3_540); // 20 % of (137,00 + 40,00)
  });

  it('charges interest on the advance to the due date + 10 days, over 360 days', () => {
    // A: 41 days (to 10 August): 10 800 × 4,5 % × 41 / 360 = 55,35.
    // B: 56 days (to 25 August): 1 350 × 4,5 % × 56 / 360 = 9,45.
    // C: 25 days (to 25 July): 7 500 × 4,5 % × 25 / 360 = 23,4375 → 23,44.
    expect([line('A'), line('B'), line('C')].map((l) => [l.interestDays, l.interestMinor])).toEqual([
      [41, 5_535],
      [56, 945],
      [25, 2_344],
    ]);
    expect(batch.interestMinor).toBe(8_824);
  });

  it('pays advances less commission, fees, VAT and interest', () => {
    // 19 650,00 − 137,00 − 40,00 − 35,40 − 88,24 = 19 349,36.
    expect(batch.grossMinor).toBe(2_183_333);
    expect(batch.netFundsMinor).toBe(1_934_936);
  });

  it('advances a share of the amount net of the reserve when the rate is below 100 %', () => {
    const partial = computeBatch({ ...terms, advanceRateBps: 9_000 }, [A], '2026-06-30');
    // 90 % of 10 800,00 = 9 720,00; interest 9 720 × 4,5 % × 41 / 360 = 49,815 → 49,82.
    expect(partial.lines[0]).toMatchObject({ advanceMinor: 972_000, interestMinor: 4_982 });
  });

  it('charges no interest on an invoice financed after its expected collection', () => {
    expect(computeBatch(terms, [A], '2026-08-20').lines[0]).toMatchObject({
      interestDays: 0,
      interestMinor: 0,
    });
  });
});

describe('closing assigned invoices and the current account', () => {
  const movements: AccountMovement[] = batchMovements(batch, 'BC-1');

  it('nets the batch to zero on the current account with a full advance', () => {
    expect(movements.map((m) => [m.kind, m.amountMinor])).toEqual([
      ['assignment', 2_183_333],
      ['reserve_held', -218_333],
      ['commission', -13_700],
      ['fees', -4_000],
      ['fees_vat', -3_540],
      ['interest', -8_824],
      ['financing', -1_934_936],
    ]);
    expect(summariseAccount(movements, '2026-06-30')).toMatchObject({
      balanceMinor: 0,
      reserveFundMinor: 218_333,
    });
  });

  it('releases the reserve when the customer pays the factor, and gives back interest not used', () => {
    // Paid on 5 August, 36 days after financing: 10 800 × 4,5 % × 36 / 360 = 48,60 due, 55,35 charged.
    const closing = closeLine(terms, line('A'), '2026-06-30', 'collected', '2026-08-05');
    expect(closing).toMatchObject({
      reserveReleasedMinor: 120_000,
      interestAdjustmentMinor: 675,
      chargebackMinor: 0,
    });
    movements.push(...closingMovements(closing, 'A'));
    expect(summariseAccount(movements, '2026-08-05')).toMatchObject({
      balanceMinor: 120_675,
      reserveFundMinor: 98_333,
    });
  });

  it('charges back an invoice unpaid 60 days after its due date, with the interest to that day', () => {
    expect(recourseDate(terms, B.dueDate)).toBe('2026-10-14');
    expect(recourseDate({ ...terms, withRecourse: false }, B.dueDate)).toBeNull();
    // 106 days: 1 350 × 4,5 % × 106 / 360 = 17,8875 → 17,89 due, 9,45 charged: 8,44 more.
    const closing = closeLine(terms, line('B'), '2026-06-30', 'charged_back', '2026-10-14');
    expect(closing).toMatchObject({
      reserveReleasedMinor: 15_000,
      interestAdjustmentMinor: -844,
      chargebackMinor: 150_000,
    });
    movements.push(...closingMovements(closing, 'B'));
    // 1 206,75 − 1 500,00 + 150,00 − 8,44: we owe the factor 151,69; C's 833,33 still held.
    expect(summariseAccount(movements, '2026-10-14')).toMatchObject({
      balanceMinor: -15_169,
      reserveFundMinor: 83_333,
    });
    expect(summariseAccount(movements, '2026-09-30').balanceMinor).toBe(120_675);
  });
});

describe('arithmetic guards', () => {
  it('rounds half up exactly, beyond float precision', () => {
    expect(mulDivHalfUp(5, 1, 2)).toBe(3);
    expect(mulDivHalfUp(4, 1, 3)).toBe(1);
    expect(mulDivHalfUp(9_007_199_254_740_991, 3, 3)).toBe(9_007_199_254_740_991);
    expect(financingInterest(1_000_000, 450, 0, 360)).toBe(0);
    expect(() => mulDivHalfUp(-1, 1, 1)).toThrow(RangeError);
  });

  it('names the terms out of range', () => {
    expect(invalidTerms(terms)).toEqual([]);
    expect(
      invalidTerms({ ...terms, advanceRateBps: 10_001, feePerBatchMinor: -1, dayCountBasis: 364 as 360 }),
    ).toEqual(['advanceRateBps', 'feePerBatchMinor', 'dayCountBasis']);
  });
});
