import { describe, expect, it } from 'vitest';
import {
  annualise,
  applyBp,
  DEFAULT_MARKET_ASSUMPTIONS,
  type LedgerFigures,
  type OptionCost,
  type OutsourcingAssumptions,
  simulateOutsourcing,
} from './outsourcing-cost.ts';

// A company financing itself at 4.5 % a year, the market as the simulator assumes it.
const A: OutsourcingAssumptions = { financingRateBp: 450, ...DEFAULT_MARKET_ASSUMPTIONS };

// A year of figures (365 days): nothing to annualise, every line checkable by hand.
const figures: LedgerFigures = {
  from: '2025-07-01',
  to: '2026-06-30',
  periodDays: 365,
  currency: 'EUR',
  salesMinor: 1_000_000_000, // 10 M€
  buyers: 200,
  averageReceivablesMinor: 200_000_000, // 2 M€
  badDebtsMinor: 5_000_000, // 50 k€
  handOverMinor: 20_000_000, // 200 k€
  handOverFiles: 40,
};

const option = (options: OptionCost[], code: string) => options.find((o) => o.option === code) as OptionCost;
const amount = (o: OptionCost, code: string) =>
  o.lines.filter((l) => l.code === code).reduce((s, l) => s + l.amountMinor, 0);

describe('outsourcing cost simulator', () => {
  const options = simulateOutsourcing(figures, A);

  it('in-house: staff, financing of the receivables at the company rate, bad debts', () => {
    const inHouse = option(options, 'in_house');
    // 55,000 € × 1 FTE + 2 M€ × 4.5 % + 50,000 € = 55,000 + 90,000 + 50,000 = 195,000 €.
    expect(inHouse.totalMinor).toBe(19_500_000);
    expect(inHouse.versusInHouseMinor).toBe(0);
  });

  it('credit insurance: premium on insured sales, fees per buyer, the insured share of losses paid late', () => {
    const insurance = option(options, 'insurance');
    // premium 10 M€ × 90 % × 0.25 % = 22,500 €; fees 200 × 150 € = 30,000 €.
    expect(amount(insurance, 'premium')).toBe(2_250_000);
    expect(amount(insurance, 'buyer_fees')).toBe(3_000_000);
    // indemnity 50,000 × 90 % × 90 % = 40,500 €, financed 5 months at 4.5 % (188 bp) = 761.40 €.
    expect(amount(insurance, 'indemnity_wait')).toBe(76_140);
    expect(amount(insurance, 'bad_debts')).toBe(950_000);
    // staff 80 % of 55,000 € = 44,000 €; financing unchanged 90,000 €.
    expect(amount(insurance, 'staff')).toBe(4_400_000);
    expect(insurance.totalMinor).toBe(2_250_000 + 3_000_000 + 76_140 + 950_000 + 4_400_000 + 9_000_000);
  });

  it('factoring without recourse: commission, the factor financing the advance, the reserve, no losses', () => {
    const factoring = option(options, 'factoring');
    expect(amount(factoring, 'commission')).toBe(6_000_000); // 10 M€ × 0.6 %
    expect(amount(factoring, 'factor_financing')).toBe(9_900_000); // 1.8 M€ × 5.5 %
    expect(amount(factoring, 'reserve_financing')).toBe(900_000); // 200 k€ × 4.5 %
    expect(amount(factoring, 'financing')).toBe(0);
    expect(amount(factoring, 'bad_debts')).toBe(0);
    expect(amount(factoring, 'staff')).toBe(2_750_000);
    expect(factoring.totalMinor).toBe(6_000_000 + 9_900_000 + 900_000 + 150_000 + 2_750_000);
  });

  it('agency: commission blended by stage on what it recovers, fees per file, fewer losses', () => {
    const agency = option(options, 'agency');
    // recovered 200 k€ × 60 % = 120 k€; commission 12 % × 70 % + 20 % × 30 % = 14.4 % → 17,280 €.
    expect(amount(agency, 'agency_commission')).toBe(1_728_000);
    expect(amount(agency, 'agency_fees')).toBe(200_000);
    // 30 points more recovered than in-house: 60,000 € — more than the 50,000 € lost, so none.
    expect(amount(agency, 'bad_debts')).toBe(0);
  });

  it('brings the period’s flows to a year and rounds half away from zero', () => {
    expect(annualise(1_000, 73)).toBe(5_000);
    expect(applyBp(5, 5000)).toBe(3);
    expect(applyBp(-5, 5000)).toBe(-3);
    const half = simulateOutsourcing({ ...figures, periodDays: 730, salesMinor: 2_000_000_000 }, A);
    expect(amount(option(half, 'factoring'), 'commission')).toBe(6_000_000);
  });
});
